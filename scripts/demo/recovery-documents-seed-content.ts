import type { TDocumentContent } from '../../src/shared/recovery-documents';

/**
 * What the fictional demo persons wrote in their documents. Every name, phone number and
 * place is invented (phones in the 01 99 00 range reserved for fiction, e-mails on exemple.test).
 */

/** Lucas Morel's WRAP, first version: the crisis plan already filled. */
export const LUCAS_WRAP_V1: TDocumentContent = {
  well_description: {
    description: 'Je me lève tôt, je fais de la musique, je parle beaucoup et je plaisante avec les voisins.',
    others_notice: ['Je réponds aux messages', 'Je sors tous les jours'],
  },
  wellness_toolbox: { tools: ['Jouer de la guitare', 'Marcher sur la corniche', 'Appeler ma sœur', 'Aller au GEM le mardi'] },
  daily_maintenance: { every_day: ['Me coucher avant minuit', 'Prendre mon traitement le matin', 'Sortir au moins une heure'], some_days: ['Payer le loyer le 5', 'Faire les courses le samedi'] },
  triggers: {
    triggers: ['Les disputes au téléphone', 'Les nuits trop courtes', 'Les fins de mois difficiles'],
    action_plan: [
      { action: 'Raccrocher et sortir marcher', who: 'Moi', when: 'Tout de suite' },
      { action: 'En parler au pair qui m’accompagne', who: 'Moi', when: 'Dans la semaine' },
    ],
  },
  early_warning_signs: {
    signs: ['Je dors moins de 6 heures', 'Je ne réponds plus au téléphone'],
    action_plan: [{ action: 'Reprendre mon plan quotidien', who: 'Moi', when: 'Dès le premier signe' }],
  },
  when_well: { description: 'Calme, drôle, je parle de musique et de mes projets.' },
  symptoms_others_take_over: { signs: ['Je ne dors plus depuis 3 nuits', 'Je ne mange plus depuis 2 jours', 'Je ne reconnais plus mes proches'] },
  supporters: {
    supporters: [
      { name: 'Inès Morel', relation: 'Sœur', phone: '01 99 00 12 34', email: 'ines.morel@exemple.test', role: 'Prévenir mon médecin, venir me voir', agreed_on: '2026-03-02', do_not_involve: false, reason: null },
      { name: 'Hugo Marchal', relation: 'Ami', phone: '01 99 00 56 78', email: null, role: 'S’occuper de mon chat', agreed_on: '2026-03-10', do_not_involve: false, reason: null },
      { name: 'Mon ancien employeur', relation: 'Travail', phone: null, email: null, role: null, agreed_on: null, do_not_involve: true, reason: 'Je préfère le prévenir moi-même plus tard.' },
    ],
    disagreements: 'Si ma sœur et mon ami ne sont pas d’accord, c’est ma sœur qui décide.',
  },
  medications: {
    current: [{ name: 'Traitement du matin (fictif)', dose: '1 comprimé', prescriber: 'Dr Laure Fabre (fictive)', pharmacy: 'Pharmacie du Port (fictive)' }],
    allergies: ['Aucune connue'],
    preferences: [{ name: 'Traitement du matin (fictif)', preference: 'preferred', why: 'Il me réussit depuis deux ans.' }],
  },
  treatments: { accepted: [{ treatment: 'Consultations rapprochées au CMP', why: 'Je connais l’équipe.' }], to_avoid: [{ treatment: 'Être isolé sans explication', why: 'Cela m’angoisse beaucoup.' }] },
  home_community_care: { options: [{ what: 'Visites à domicile de l’équipe mobile', who: 'CMP (fictif)', when: 'Chaque jour la première semaine' }] },
  treatment_facilities: { preferred: [{ place: 'Clinique des Calanques (fictive)', why: 'Chambres calmes' }], to_avoid: [] },
  help_from_others: {
    please_do: ['Me parler doucement', 'M’apporter ma guitare'],
    please_do_not: ['Parler de moi devant moi comme si je n’étais pas là'],
    if_danger: 'Appeler ma sœur en premier, puis mon médecin.',
    practical_tasks: [{ task: 'Nourrir le chat', who: 'Hugo' }, { task: 'Relever le courrier', who: 'Inès' }],
  },
  inactivation: { signs: ['Je dors 7 heures trois nuits de suite', 'Je mange normalement', 'Je peux tenir une conversation'] },
};

/** The second version (after a review with the peer): the toolbox and the post-crisis plan grew. */
export const LUCAS_WRAP_V2: TDocumentContent = {
  ...LUCAS_WRAP_V1,
  wellness_toolbox: { tools: ['Jouer de la guitare', 'Marcher sur la corniche', 'Appeler ma sœur', 'Aller au GEM le mardi', 'Le groupe de parole du jeudi'] },
  post_crisis_plan: {
    how_i_want_to_feel: 'Reposé, entouré, sans pression.',
    signs_out_of_crisis: ['Je refais mes courses seul'],
    do_now: ['Dormir', 'Voir ma sœur'],
    can_wait: ['Les papiers de la CAF'],
    resuming: [{ activity: 'Le GEM', when: 'Après deux semaines', how: 'Une demi-journée d’abord' }],
    first_nights: 'Ma sœur dort chez moi les deux premières nuits.',
  },
};

export const LUCAS_PCC_DRAFT: TDocumentContent = {
  previous_crises: { crises: [{ period: 'Hiver 2024', trigger: 'Perte de mon travail', helped: 'Les visites de ma sœur', did_not_help: 'Rester seul' }] },
  warning_signs: { noticed_by_me: ['Je dors mal'], noticed_by_others: ['Je parle très vite'] },
};

export const LUCAS_DAP: TDocumentContent = {
  about_me: { about_me: 'Musicien amateur, je vis seul avec mon chat à Marseille.' },
  warning_signs: { signs: ['Je ne dors plus', 'Je crois qu’on parle de moi à la radio'] },
  trusted_person: {
    designation: [{ name: 'Inès Morel', relation: 'Sœur', phone: '01 99 00 12 34', email: 'ines.morel@exemple.test', designated_on: '2026-04-01', cosigned_on: '2026-04-03', scope_note: 'M’accompagner aux rendez-vous' }],
    guardianship: '',
  },
  hospital_wishes: { wishes: ['Pouvoir garder mon téléphone', 'Recevoir la visite de ma sœur'] },
};

export const SECOND_PERSON_DAP: TDocumentContent = {
  about_me: { about_me: 'J’aime le jardinage et je fais du bénévolat à la ressourcerie.' },
  support_persons: { persons: [{ name: 'Paul Garnier', relation: 'Voisin', phone: '01 99 00 90 12', notify_in_emergency: true, informed_of_document: true }] },
  // Not co-signed: shown as "personne de soutien", never "personne de confiance".
  trusted_person: { designation: [{ name: 'Paul Garnier', relation: 'Voisin', phone: '01 99 00 90 12', email: null, designated_on: '2026-05-12', cosigned_on: null, scope_note: null }] },
  treatments: { accepted: [], refused: [{ name: 'Un traitement qui m’a fait prendre du poids (fictif)', reason: 'Effets indésirables' }] },
};

export const SECOND_PERSON_RECOVERY_PLAN: TDocumentContent = {
  goals: { goals: ['Retrouver un travail à mi-temps', 'Reprendre le jardin partagé'] },
  strengths: { strengths: ['Patient·e', 'Bon·ne bricoleur·se'] },
  steps: { steps: [{ step: 'Rencontrer la conseillère emploi', when: 'Ce mois-ci', done: true }, { step: 'Un atelier CV', when: 'Le mois prochain', done: false }] },
};

export const THIRD_PERSON_PCC: TDocumentContent = {
  triggers: { triggers: ['Les anniversaires difficiles', 'Le bruit des travaux'] },
  warning_signs: { noticed_by_me: ['Je m’isole'], noticed_by_others: ['Je ne réponds plus aux messages'] },
  contacts_to_call: { contacts: [{ order: '1', name: 'Dr Malik Haddad (fictif)', role: 'Psychiatre du CMP', phone: '01 99 00 34 56' }] },
  disagreements: { disagreements: [{ topic: 'Hospitalisation', my_view: 'Seulement si je ne dors plus depuis 4 nuits', team_view: 'Dès 3 nuits' }] },
  signatures: { signatures: [{ party: 'person', name: 'La personne', role: null, signed_on: '2026-05-02' }, { party: 'professional', name: 'Dr Malik Haddad (fictif)', role: 'Psychiatre', signed_on: '2026-05-02' }] },
};

export const THIRD_PERSON_WRAP_DRAFT: TDocumentContent = {
  wellness_toolbox: { tools: ['Dessiner', 'La piscine le dimanche'] },
};
