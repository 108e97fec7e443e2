import { DEMO_ACCOUNTS, DEMO_ORGANIZATION, DEMO_PASSWORD } from './accounts';

const ROLE_LABELS: Record<string, string> = {
  admin: 'administrateur',
  coordinator: 'coordinateur',
  peer_worker: 'médiateur de santé pair',
  volunteer: 'bénévole',
  supervisor: 'superviseur',
  trainer: 'formateur',
  partner_contact: 'contact partenaire',
  person: 'personne accompagnée',
  funder_viewer: 'financeur (lecture)',
};

/** The demo accounts as a markdown table: printed at seed time and kept in docs/demo-accounts.md. */
export function demoAccountsMarkdown(): string {
  const rows = DEMO_ACCOUNTS.map((entry) => {
    const roles = entry.roles.map((role) => ROLE_LABELS[role] ?? role).join(', ');
    const label = entry.isPlatformAdmin ? `${roles} + administration de la plateforme` : roles;
    const totp = entry.totpSecret ? `\`${entry.totpSecret}\`` : '—';
    return `| ${entry.name} | ${label} | \`${entry.email}\` | ${totp} |`;
  });
  return [
    `Organisation : **${DEMO_ORGANIZATION.name}** (\`${DEMO_ORGANIZATION.slug}\`). Mot de passe commun : \`${DEMO_PASSWORD}\`.`,
    '',
    '| Nom (fictif) | Rôle | E-mail | Secret TOTP (base32) |',
    '|---|---|---|---|',
    ...rows,
  ].join('\n');
}

export function demoAccountsDocument(): string {
  return `# Comptes de démonstration

Données **fictives**, créées au premier démarrage sur une base vide (sauf \`DEMO_SEED=never\`).
Les adresses utilisent le domaine réservé \`.test\` : aucun message ne peut partir vers une vraie
boîte. Ne laissez jamais ces comptes sur une instance qui contient de vraies données.

${demoAccountsMarkdown()}

Les rôles administrateur, coordinateur, médiateur de santé pair et superviseur lisent des données de
santé : leur double authentification est déjà activée. Pour vous connecter :

- ajoutez le secret TOTP du compte dans une application d’authentification (saisie manuelle,
  type « basé sur le temps », 6 chiffres, 30 secondes) ;
- ou, sans application : \`npm run demo:totp -- <email>\` affiche le code du moment.

Ce tableau est produit par \`scripts/demo/accounts-table.ts\` à partir de \`scripts/demo/accounts.ts\`
(un test vérifie qu’il est à jour).
`;
}
