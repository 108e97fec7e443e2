export const account = {
  title: 'Mon compte',
  description: 'Vos informations, votre langue et la sécurité de votre compte.',
  identity: {
    title: 'Mes informations',
    name: 'Nom',
    email: 'Adresse e-mail',
    organization: 'Organisation',
    roles: 'Rôles',
    hint: 'Pour modifier votre nom ou votre adresse e-mail, adressez-vous à l’administrateur·rice de votre plateforme.',
  },
  language: {
    title: 'Langue',
    label: 'Langue de l’interface',
    saved: 'Préférence de langue enregistrée.',
  },
  password: {
    title: 'Changer de mot de passe',
    current: 'Mot de passe actuel',
    new: 'Nouveau mot de passe',
    confirm: 'Confirmez le nouveau mot de passe',
    submit: 'Changer le mot de passe',
    done: 'Votre mot de passe a été changé.',
  },
  twoFactor: {
    title: 'Double authentification',
    status: 'État :',
    on: 'Activée',
    off: 'Désactivée',
    onText: 'À chaque connexion, Passerelle vous demande un code à 6 chiffres en plus de votre mot de passe.',
    offText: 'Ajoutez un code à 6 chiffres à votre mot de passe pour mieux protéger votre compte.',
    enable: 'Activer la double authentification',
  },
};
