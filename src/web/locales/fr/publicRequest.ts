export const publicRequest = {
  title: 'Être accompagné·e par un pair',
  intro:
    'Un pair, c’est quelqu’un qui a lui-même traversé des difficultés psychiques et qui est formé pour accompagner d’autres personnes. Il ou elle peut vous écouter, vous aider à y voir plus clair et avancer à vos côtés, à votre rythme.',
  free: 'C’est gratuit, sans engagement, et vous pouvez arrêter quand vous le souhaitez. Laissez-nous quelques mots : une personne de l’équipe vous recontactera.',
  emergencyTitle: 'Besoin d’aide tout de suite ?',
  emergency:
    'Ce formulaire n’est pas fait pour les urgences. Si vous êtes en danger ou si vous pensez au suicide, appelez le 3114 (jour et nuit, gratuit) ou le 15.',
  requiredHint: 'Les champs marqués d’un astérisque (*) sont obligatoires. Tout le reste est facultatif.',
  sections: {
    you: 'Vous',
    contact: 'Comment vous joindre',
    territory: 'Où vous habitez',
    hopes: 'Ce que vous attendez',
    consents: 'Votre accord',
  },
  form: {
    firstName: 'Votre prénom ou un pseudonyme',
    firstNameHint: 'Juste ce qu’il faut pour vous appeler. Pas besoin de votre nom de famille.',
    contactMethod: 'Comment préférez-vous être recontacté·e ?',
    contactMethods: {
      phone: 'Par téléphone',
      email: 'Par e-mail',
      through_partner: 'Par une structure qui me suit',
    },
    phone: 'Votre numéro de téléphone',
    phoneHint: 'Par exemple 06 12 34 56 78.',
    phoneInvalid: 'Ce numéro ne semble pas valide. Par exemple : 06 12 34 56 78.',
    email: 'Votre adresse e-mail',
    emailHint: 'Vous recevrez un accusé de réception à cette adresse.',
    partnerName: 'Le nom de la structure',
    partnerNameHint: 'Par exemple : CMP de votre secteur, GEM, service social, association…',
    hopes: 'Ce que vous espérez, avec vos mots',
    hopesHint:
      'Ce qui vous amène, ce que vous aimeriez qu’un pair vous apporte. Quelques lignes suffisent ; vous n’avez pas à tout raconter.',
    preferredTimes: 'Les moments où l’on peut vous joindre',
    preferredTimesHint: 'Par exemple : en semaine après 17 h, le samedi matin.',
    consentsLegend: 'Pour que nous puissions vous recontacter, nous avons besoin de votre accord.',
    consentToBeContacted:
      'J’accepte d’être recontacté·e par l’équipe de la plateforme de pairs ressources, de la façon que j’ai choisie.',
    consentToDataProcessing:
      'J’accepte que les informations de ce formulaire soient enregistrées pour traiter ma demande. Elles restent confidentielles, ne sont vues que par l’équipe, et je peux demander à les consulter ou à les effacer à tout moment.',
    consentRequired: 'Cochez cette case pour que nous puissions vous recontacter.',
    contactMethodRequired: 'Choisissez comment vous souhaitez être recontacté·e.',
    website: 'Ne pas remplir ce champ',
    submit: 'Envoyer ma demande',
  },
  summaryLabels: {
    contactMethod: 'Moyen de contact',
    consentToBeContacted: 'Accord pour être recontacté·e',
    consentToDataProcessing: 'Accord pour l’enregistrement des informations',
  },
  summary: {
    title_one: 'Il reste {{count}} point à corriger',
    title_other: 'Il reste {{count}} points à corriger',
    item: '{{label}} : {{message}}',
    intro: 'Choisissez une ligne pour aller directement au champ concerné.',
  },
  done: {
    title: 'Votre demande est bien envoyée',
    reference: 'Numéro de votre demande',
    keepIt: 'Gardez ce numéro : il permet à l’équipe de retrouver votre demande si vous la contactez.',
    nextTitle: 'Et maintenant ?',
    acknowledgement: 'Un accusé de réception vient de partir à votre adresse e-mail. Pensez à regarder dans les courriers indésirables.',
    another: 'Faire une autre demande',
  },
  unknownOrganization:
    'Ce formulaire ne correspond à aucune plateforme. Le lien est peut-être incomplet : demandez-le à la structure qui vous l’a donné.',
  loginInvite: {
    question: 'Vous souhaitez être accompagné·e par un pair ?',
    link: 'Faire une demande, sans créer de compte',
  },
  backToLogin: 'Vous avez un compte ? Se connecter',
};
