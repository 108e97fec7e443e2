import type { account as fr } from '../fr/account';

export const account: typeof fr = {
  title: 'My account',
  description: 'Your details, your language and the security of your account.',
  identity: {
    title: 'My details',
    name: 'Name',
    email: 'Email address',
    organization: 'Organisation',
    roles: 'Roles',
    hint: 'To change your name or email address, ask the administrator of your platform.',
  },
  language: {
    title: 'Language',
    label: 'Interface language',
    saved: 'Language preference saved.',
  },
  password: {
    title: 'Change password',
    current: 'Current password',
    new: 'New password',
    confirm: 'Confirm the new password',
    submit: 'Change password',
    done: 'Your password has been changed.',
  },
  twoFactor: {
    title: 'Two-factor authentication',
    status: 'Status:',
    on: 'On',
    off: 'Off',
    onText: 'At each sign-in, Passerelle asks for a 6-digit code in addition to your password.',
    offText: 'Add a 6-digit code to your password to better protect your account.',
    enable: 'Turn on two-factor authentication',
  },
};
