import type { home as fr } from '../fr/home';

export const home: typeof fr = {
  title: 'Hello {{name}}',
  welcome: 'Welcome to Passerelle, the tool of {{organization}}.',
  rolesTitle: 'Your roles',
  canDoTitle: 'What you can do today',
  canDo: {
    account: 'Manage your account: language, password and two-factor authentication.',
    users: 'Manage the accounts of your platform: roles, activation, two-factor authentication.',
    invitations: 'Invite new people and follow the invitations sent.',
    audit: 'Browse the audit log: who did what, and when.',
    outbox: 'Read the messages sent by Passerelle (invitations, password resets).',
    organizations: 'Create regional organisations and invite their first administrator.',
  },
  upcoming: 'Passerelle will grow over the coming months: new features will appear in the menu according to your roles.',
};
