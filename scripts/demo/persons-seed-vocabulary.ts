import type { TInterventionType } from '../../src/shared/accompaniments';
import type { TDepartement } from '../../src/shared/persons';

/**
 * Words the demo persons are made of. Names are common French first and last names, put together
 * at random: no real person is meant. The last names of the demo accounts (scripts/demo/accounts.ts)
 * are left out so that a person never looks like a member of the team.
 */
export const FIRST_NAMES = [
  'Hélène', 'Jérôme', 'Anaïs', 'Gaëlle', 'Loïc', 'Noël', 'Zoé', 'Chloé', 'Maëlys', 'Océane', 'Mathéo', 'Raphaël',
  'Benoît', 'Françoise', 'Cécile', 'Éloïse', 'Clément', 'Agnès', 'Thérèse', 'Rémi', 'Sébastien', 'Inès', 'Léa', 'Léon',
  'Amélie', 'Aurélien', 'Bérénice', 'Céline', 'Frédéric', 'Gérald', 'Joëlle', 'Mélanie', 'Nadège', 'Stéphane', 'Valérie',
  'Yasmine', 'Samir', 'Nadia', 'Mehdi', 'Farida', 'Rachid', 'Leïla', 'Sofiane', 'Aïcha', 'Mamadou', 'Fatou', 'Ousmane',
  'Thi Lan', 'Minh', 'Ana', 'João', 'Carla', 'Giovanni', 'Paola', 'Marius', 'Fanny', 'César', 'Honorine', 'Baptistine',
  'Olivier', 'Pascal', 'Christophe', 'Sandrine', 'Isabelle', 'Thierry', 'Laurent', 'Patricia', 'Emma', 'Jules',
  'Louise', 'Hugo', 'Manon', 'Nathan', 'Camille', 'Théo', 'Sarah', 'Enzo', 'Lina', 'Adam', 'Jade', 'Noah', 'Margaux',
] as const;

export const LAST_NAMES = [
  'Lefèvre', 'Bérenger', 'Ménard', 'Pélissier', 'Féraud', 'Négrel', 'Barthélémy', 'Guérin', 'Mercier', 'Chevalier',
  'Blanc', 'Garnier', 'Faure', 'André', 'Mathieu', 'Clément', 'Gauthier', 'Perrin', 'Robin', 'Masson', 'Sanchez',
  'Nicolas', 'Henry', 'Muller', 'Lemaire', 'Dupuis', 'Brun', 'Arnaud', 'Colin', 'Meunier', 'Bertrand', 'Lacroix',
  'Benali', 'Haddad', 'Kaci', 'Mansouri', 'Cherif', 'Diallo', 'Traoré', 'Ndiaye', 'Nguyen', 'Tran', 'Mendes',
  'Ferreira', 'Pereira', 'Esposito', 'Russo', 'Bianchi', 'Castellan', 'Audibert', 'Reynaud', 'Bonnet', 'Icard',
  'Maurel', 'Olive', 'Rey', 'Jourdan', 'Pons', 'Sauvaire', 'Turc', 'Ricard', 'Long', 'Estienne', 'Chabert', 'Imbert',
  'Martinez', 'Garcia', 'Lopez', 'Fabre', 'Roche', 'Vial', 'Aubry', 'Œillet', 'Caussade',
] as const;

/** Names some persons prefer to their civil name (the record keeps what they chose). */
export const PSEUDONYMS = ['Zaza', 'Mimi', 'Jojo', 'Pitchoun', 'Le Marin', 'Papillon', 'Nounours', 'Coquelicot', 'Sirocco', 'Lulu', 'Bibou', 'Cigale'] as const;

export type Commune = { insee: string; name: string; weight: number };

/**
 * Real INSEE commune codes and names of the six départements of PACA, weighted roughly by
 * population so that, as in real activity, most persons live in the big towns.
 */
export const COMMUNES: Record<TDepartement, readonly Commune[]> = {
  '04': [
    { insee: '04112', name: 'Manosque', weight: 5 },
    { insee: '04070', name: 'Digne-les-Bains', weight: 4 },
    { insee: '04209', name: 'Sisteron', weight: 2 },
    { insee: '04088', name: 'Forcalquier', weight: 1 },
    { insee: '04049', name: 'Château-Arnoux-Saint-Auban', weight: 1 },
    { insee: '04143', name: 'Oraison', weight: 1 },
    { insee: '04094', name: 'Gréoux-les-Bains', weight: 1 },
  ],
  '05': [
    { insee: '05061', name: 'Gap', weight: 6 },
    { insee: '05023', name: 'Briançon', weight: 2 },
    { insee: '05046', name: 'Embrun', weight: 1 },
    { insee: '05070', name: 'Laragne-Montéglin', weight: 1 },
    { insee: '05170', name: 'Tallard', weight: 1 },
  ],
  '06': [
    { insee: '06088', name: 'Nice', weight: 14 },
    { insee: '06029', name: 'Cannes', weight: 4 },
    { insee: '06004', name: 'Antibes', weight: 4 },
    { insee: '06069', name: 'Grasse', weight: 3 },
    { insee: '06027', name: 'Cagnes-sur-Mer', weight: 2 },
    { insee: '06030', name: 'Le Cannet', weight: 2 },
    { insee: '06083', name: 'Menton', weight: 2 },
    { insee: '06123', name: 'Saint-Laurent-du-Var', weight: 1 },
    { insee: '06155', name: 'Vallauris', weight: 1 },
    { insee: '06033', name: 'Carros', weight: 1 },
  ],
  '13': [
    { insee: '13055', name: 'Marseille', weight: 30 },
    { insee: '13001', name: 'Aix-en-Provence', weight: 6 },
    { insee: '13004', name: 'Arles', weight: 2 },
    { insee: '13005', name: 'Aubagne', weight: 2 },
    { insee: '13056', name: 'Martigues', weight: 2 },
    { insee: '13103', name: 'Salon-de-Provence', weight: 2 },
    { insee: '13047', name: 'Istres', weight: 2 },
    { insee: '13117', name: 'Vitrolles', weight: 1 },
    { insee: '13054', name: 'Marignane', weight: 1 },
    { insee: '13028', name: 'La Ciotat', weight: 1 },
    { insee: '13041', name: 'Gardanne', weight: 1 },
    { insee: '13077', name: 'Port-de-Bouc', weight: 1 },
    { insee: '13108', name: 'Tarascon', weight: 1 },
  ],
  '83': [
    { insee: '83137', name: 'Toulon', weight: 8 },
    { insee: '83126', name: 'La Seyne-sur-Mer', weight: 3 },
    { insee: '83069', name: 'Hyères', weight: 3 },
    { insee: '83061', name: 'Fréjus', weight: 3 },
    { insee: '83050', name: 'Draguignan', weight: 2 },
    { insee: '83118', name: 'Saint-Raphaël', weight: 2 },
    { insee: '83023', name: 'Brignoles', weight: 1 },
    { insee: '83062', name: 'La Garde', weight: 1 },
    { insee: '83116', name: 'Saint-Maximin-la-Sainte-Baume', weight: 1 },
  ],
  '84': [
    { insee: '84007', name: 'Avignon', weight: 7 },
    { insee: '84031', name: 'Carpentras', weight: 2 },
    { insee: '84087', name: 'Orange', weight: 2 },
    { insee: '84035', name: 'Cavaillon', weight: 2 },
    { insee: '84089', name: 'Pertuis', weight: 1 },
    { insee: '84054', name: "L'Isle-sur-la-Sorgue", weight: 1 },
    { insee: '84129', name: 'Sorgues', weight: 1 },
    { insee: '84003', name: 'Apt', weight: 1 },
  ],
};

/** How many of the ~200 persons live in each département: most in 13 and 06, as in real activity. */
export const PERSONS_PER_DEPARTEMENT: Record<TDepartement, number> = { '13': 92, '06': 44, '83': 30, '84': 20, '04': 7, '05': 7 };

/** What a person wrote on the public form, in their own words. */
export const HOPES = [
  'J’aimerais parler avec quelqu’un qui est passé par là.',
  'Je sors de l’hôpital et je ne sais pas par où recommencer.',
  'J’ai du mal à sortir de chez moi, j’aimerais être accompagnée pour les rendez-vous.',
  'Je voudrais comprendre mes droits et remplir les papiers de la MDPH.',
  'Mon fils m’a parlé de vous. Je me sens seul depuis le déménagement.',
  'Je veux reprendre un travail mais j’ai peur de ne pas tenir.',
  'J’aimerais écrire ce qui m’aide quand ça ne va pas, pour la prochaine fois.',
  'Je cherche un groupe pour échanger avec d’autres personnes.',
] as const;

/** Why a partner refers someone: plain words, never a diagnosis. */
export const REFERRAL_REASONS = [
  'Souhaite rencontrer un pair pour préparer sa sortie d’hospitalisation.',
  'Isolement depuis plusieurs mois ; a accepté qu’on lui propose un accompagnement par un pair.',
  'Demande de l’aide pour les démarches (logement, CAF) et pour reprendre confiance.',
  'Présente aux urgences ce matin, accepte de voir un pair avant son retour à domicile.',
  'Aimerait un soutien pour aller aux rendez-vous du CMP.',
  'Souhaite construire un plan de crise avec quelqu’un qui a vécu des situations proches.',
] as const;

export const REFERRING_STRUCTURES = ['CMP de secteur', 'Centre hospitalier', 'Équipe mobile psychiatrie précarité', 'CCAS', 'SAMSAH'] as const;

export const PREFERRED_TIMES = ['Plutôt le matin', 'Après 14 h', 'En semaine, pas le mercredi', 'Le soir après 17 h', null] as const;

export const REDIRECTIONS = [
  'GEM le plus proche du domicile',
  'Service social de la commune',
  'Équipe mobile psychiatrie précarité',
  'Association d’aide aux démarches administratives',
  'Médecin traitant, pour un premier rendez-vous',
] as const;

export const CLOSING_REASONS_OF_REQUESTS = [
  'Doublon d’une demande déjà en cours.',
  'La personne ne souhaite plus être accompagnée pour le moment.',
  'Pas de réponse après trois tentatives de contact.',
  'La personne a trouvé un autre soutien près de chez elle.',
  'Demande hors du territoire de la plateforme.',
] as const;

/** Goals as the person said them. */
export const GOALS = [
  'Retrouver un rythme de sommeil qui me va.',
  'Reprendre contact avec ma sœur.',
  'Sortir de chez moi au moins deux fois par semaine.',
  'Trouver un logement à moi.',
  'Comprendre mes droits à l’AAH et faire la demande.',
  'Oser dire au CMP ce que je ressens vraiment.',
  'Reprendre la marche, le long de la mer.',
  'Aller au GEM et y retourner.',
  'Écrire mon plan de crise avec des mots à moi.',
  'Chercher un travail à mi-temps.',
  'Gérer mon budget sans stresser à la fin du mois.',
  'Refaire mes papiers d’identité.',
] as const;

/** What happened, in plain and factual words, by kind of intervention; `{p}` is the first name or pseudonym. */
export const ENCOUNTER_NOTES: Record<TInterventionType, readonly string[]> = {
  meeting: [
    'Rencontre au local. {p} a parlé de son envie de reprendre la marche ; nous avons noté ensemble deux créneaux dans la semaine.',
    'Rencontre au café. Point sur les objectifs : {p} trouve que sortir deux fois par semaine devient plus facile. On garde cet objectif.',
    'Rencontre au local. {p} a écrit ce qui l’aide quand ça va moins bien : la musique, appeler sa sœur, marcher. Nous le reprendrons la prochaine fois.',
    'Rencontre au jardin public. Préparation du rendez-vous chez le médecin traitant : {p} a noté les trois questions à poser.',
  ],
  phone: [
    'Appel de {p} pour préparer le rendez-vous à la CAF. Nous avons fait la liste des papiers à emporter.',
    'Appel bref : {p} va bien, le rendez-vous de la semaine prochaine est maintenu.',
    'Appel : {p} a reçu le courrier de la MDPH et voulait en parler. Nous le relirons ensemble jeudi.',
  ],
  home_visit: [
    'Visite à domicile à la demande de {p}. Nous avons trié les courriers en retard et pris rendez-vous avec l’assistante sociale.',
    'Visite à domicile. {p} nous a montré le coin réaménagé pour se reposer ; nous avons parlé du rythme des journées.',
  ],
  appointment_accompaniment: [
    'Accompagnement au rendez-vous du CMP. {p} a posé ses questions sur le changement d’horaires. Prochain point dans deux semaines.',
    'Accompagnement à la CAF. Le dossier est complet ; {p} attend la réponse.',
    'Accompagnement à France Travail. {p} a présenté son projet de travail à mi-temps.',
  ],
  group_session: [
    'Séance du groupe de parole. {p} a choisi d’écouter cette fois et dit vouloir revenir la semaine prochaine.',
    'Atelier « ce qui m’aide ». {p} a partagé deux idées avec le groupe.',
  ],
  emergency_department: ['Présence aux urgences à la demande de l’équipe, avec l’accord de {p}. {p} a pu dire ce qui l’aide ; retour à domicile le soir même.'],
};

/** Notes for the team alone, and the peer's own reminders (private). */
export const TEAM_NOTES = [
  '{p} dit mieux dormir depuis deux semaines et souhaite espacer les rencontres à une fois tous les quinze jours.',
  'Point en réunion d’équipe : proposer le groupe du jeudi à {p}, sans insister.',
  '{p} préfère qu’on appelle après 11 h.',
  'Le dossier MDPH est déposé. {p} attend la réponse, prévue dans quatre mois environ.',
  '{p} a repris contact avec le GEM de son quartier et y va le mardi.',
] as const;

export const PRIVATE_NOTES = [
  'Penser à rapporter le livre prêté par {p}.',
  'Me renseigner sur les horaires du GEM avant la prochaine rencontre.',
  'À porter en supervision : comment accompagner le choix de {p} de ne pas voir son médecin pour l’instant.',
  'Trouver un endroit plus calme pour le prochain entretien, {p} a trouvé le café trop bruyant.',
] as const;

export const PLACES = {
  meeting: ['Local de la plateforme', 'Café près du domicile', 'Jardin public'],
  phone: [null],
  home_visit: ['Domicile'],
  appointment_accompaniment: ['CMP', 'CCAS', 'Caisse d’allocations familiales', 'Cabinet du médecin traitant', 'France Travail', 'MDPH'],
  group_session: ['Groupe de parole — local de la plateforme', 'Atelier « ce qui m’aide »'],
  emergency_department: ['Service des urgences'],
} as const;

/** How some persons asked to be re-contacted: channels, wishes and who to go through, said together. */
export const RECONTACT_PRESETS = [
  { channels: ['sms', 'phone'], wishes: 'Un SMS d’abord : je ne décroche pas aux numéros inconnus.', contactName: null },
  { channels: ['phone', 'sms', 'email'], wishes: 'Pas de visite à domicile, je préfère un rendez-vous au local.', contactName: null },
  { channels: ['phone', 'through_partner'], wishes: 'Passer par le GEM si je ne réponds plus.', contactName: 'L’animatrice du GEM' },
  { channels: ['sms', 'through_relative'], wishes: 'Prévenir ma sœur si je ne réponds pas pendant deux semaines.', contactName: 'Ma sœur' },
  { channels: ['phone', 'sms', 'letter'], wishes: null, contactName: null },
  { channels: ['email'], wishes: 'Par e-mail, je le lis tous les jours.', contactName: null },
] as const;
