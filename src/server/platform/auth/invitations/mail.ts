import type { TRole } from '../../../../shared/roles';

// The same words as the web app's French role names (src/web/locales/fr): the server cannot import them.
const ROLE_LABELS: Record<TRole, string> = {
  admin: 'administrateur·rice',
  coordinator: 'coordinateur·rice',
  peer_worker: 'médiateur·rice de santé pair',
  volunteer: 'bénévole',
  supervisor: 'superviseur·e',
  trainer: 'formateur·rice',
  partner_contact: 'contact partenaire',
  person: 'personne accompagnée',
  funder_viewer: 'financeur (lecture)',
};

/**
 * Who sends the invitation, as the invitee reads it: a role, never a name. `accompaniment_team`:
 * the peers or coordinators of a person invite them to their personal space (portal).
 */
export type InviterRole = 'organization_admin' | 'platform_admin' | 'accompaniment_team';

export type InvitationMailInput = {
  name: string;
  organizationName: string;
  inviterRole: InviterRole;
  roles: readonly TRole[];
  link: string;
  expiresAt: Date;
};

const parisDate = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });

/** The French invitation message; its link is the only way in, so it is shown whole. */
export function invitationMail(input: InvitationMailInput): { subject: string; text: string } {
  const labels = input.roles.map((role) => ROLE_LABELS[role]).join(', ');
  const roles = input.roles.length > 1 ? `avec les rôles : ${labels}` : `avec le rôle : ${labels}`;
  const invitation = {
    platform_admin: `Un·e administrateur·rice de la plateforme Passerelle vous invite à rejoindre ${input.organizationName}, ${roles}.`,
    organization_admin: `Un·e administrateur·rice de ${input.organizationName} vous invite à rejoindre son espace sur Passerelle, ${roles}.`,
    accompaniment_team: `L’équipe de ${input.organizationName} qui vous accompagne vous propose un espace personnel sur Passerelle. Vous y verrez vos rendez-vous et vous pourrez écrire à votre pair.`,
  }[input.inviterRole];
  return {
    subject: `Passerelle : invitation à rejoindre ${input.organizationName}`,
    text: [
      `Bonjour ${input.name},`,
      '',
      invitation,
      '',
      `Pour créer votre compte et choisir votre mot de passe, ouvrez ce lien avant le ${parisDate.format(input.expiresAt)} :`,
      input.link,
      '',
      'Ce lien est personnel et ne sert qu’une fois. Si vous ne vous attendiez pas à cette invitation, ignorez ce message.',
      '',
      'L’équipe Passerelle',
    ].join('\n'),
  };
}
