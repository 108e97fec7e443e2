export const home = {
  title: 'Bonjour {{name}}',
  welcome: 'Bienvenue sur Passerelle, l’outil de {{organization}}.',
  rolesTitle: 'Vos rôles',
  canDoTitle: 'Ce que vous pouvez faire aujourd’hui',
  canDo: {
    account: 'Gérer votre compte : langue, mot de passe et double authentification.',
    users: 'Gérer les comptes de votre plateforme : rôles, activation, double authentification.',
    invitations: 'Inviter de nouvelles personnes et suivre les invitations envoyées.',
    audit: 'Consulter le journal d’audit : qui a fait quoi, et quand.',
    outbox: 'Lire les messages envoyés par Passerelle (invitations, réinitialisations de mot de passe).',
    organizations: 'Créer les organisations régionales et inviter leur premier·ère administrateur·rice.',
  },
  upcoming: 'Passerelle s’enrichira au fil des mois : les nouvelles fonctions apparaîtront dans le menu selon vos rôles.',
};
