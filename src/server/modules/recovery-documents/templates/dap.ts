import type { TTemplateDefinition } from '../../../../shared/recovery-documents';
import { choice, column, list, section, supportersTable, table, text, trustedPersonSection, WISHES_NOT_ORDERS } from './blocks';

const crisis = { emergencyEligible: true };
const feelDoThink = [
  list('feel', 'Ce que je ressens'),
  list('do', 'Ce que je fais'),
  list('think', 'Ce que je pense'),
  list('others_notice', 'Ce que les autres me disent'),
];

/**
 * Psychiatric advance directives (DOMAIN §3): not binding in France, hence "souhaits"; the
 * trusted person is designated in a section of its own and called "personne de soutien" until
 * they co-sign; the peer signs as facilitator, not as co-author.
 */
export const dapTemplate: TTemplateDefinition = {
  kind: 'dap',
  title: 'Mes directives anticipées en psychiatrie',
  notice: WISHES_NOT_ORDERS,
  parts: [
    { code: 'knowing_me', title: 'Me connaître' },
    { code: 'in_crisis', title: 'Si ça ne va pas' },
    { code: 'people', title: 'Les personnes' },
    { code: 'care', title: 'Mes soins' },
    { code: 'practical', title: 'Ma vie pratique' },
    { code: 'signing', title: 'Signer et revoir' },
  ],
  sections: [
    section('about_me', 'knowing_me', 'À propos de moi', 'Ma vie, mes activités, ce qui compte pour moi.', [text('about_me', 'Ce que je veux dire de moi')]),
    section('when_well', 'knowing_me', 'Quand je vais bien', 'Comment je suis quand tout va bien.', feelDoThink),
    section('when_unwell', 'knowing_me', 'Quand je ne vais pas bien', 'Comment je suis quand ça ne va pas.', feelDoThink, crisis),
    section('difficulty_factors', 'knowing_me', 'Ce qui peut me mettre en difficulté', 'Les situations, les périodes, les rencontres.', [list('factors', 'Ce qui me met en difficulté')]),
    section('disturbing_experiences', 'in_crisis', 'Ce qui me perturbe', 'Par exemple : le manque d’énergie, les tensions, les problèmes de sommeil, le vide, l’angoisse, des idées étranges, des idées noires, des voix, l’impression qu’on me veut du mal.', [
      list('experiences', 'Ce que je vis'),
    ]),
    section('warning_signs', 'in_crisis', 'Mes signes d’alerte', 'Ce qui montre qu’une crise approche.', [list('signs', 'Les signes')], crisis),
    section('my_strategies', 'in_crisis', 'Mes stratégies', 'Ce qui m’aide, ce qui ne m’aide pas, les lieux où je trouve le calme.', [
      list('what_helps', 'Ce qui m’aide'),
      list('what_does_not_help', 'Ce qui ne m’aide pas'),
      list('places_of_calm', 'Les lieux où je me sens au calme'),
    ], crisis),
    section('support_persons', 'people', 'Mes personnes de soutien', 'Qui peut m’aider, et qui prévenir en cas d’urgence.', [
      table('persons', 'Mes soutiens', [
        column('name', 'Nom'),
        column('relation', 'Lien avec moi'),
        column('phone', 'Téléphone', 'phone'),
        column('notify_in_emergency', 'À prévenir en urgence', 'yes_no'),
        column('informed_of_document', 'Connaît ce document', 'yes_no'),
      ]),
    ], crisis),
    section('persons_not_wanted', 'people', 'Les personnes que je ne veux pas voir quand je vais mal', 'Et pourquoi, si je le souhaite.', [
      table('persons', 'Ces personnes', [column('name', 'Nom'), column('reason', 'Pourquoi', 'long_text')]),
    ], crisis),
    trustedPersonSection('people', crisis),
    section('care_team', 'people', 'Mon équipe de soins', 'Les professionnels qui me suivent.', [
      table('team', 'Mon équipe', [
        choice('function', 'Fonction', [
          ['psychiatrist', 'Psychiatre'],
          ['gp', 'Médecin traitant'],
          ['curator_guardian', 'Curateur ou tuteur'],
          ['referent', 'Référent'],
          ['other', 'Autre'],
        ]),
        column('name', 'Nom'),
        column('phone', 'Téléphone', 'phone'),
      ]),
    ], crisis),
    section('treatments', 'care', 'Les traitements', 'Ceux que j’accepte et ceux que je refuse, avec mes raisons (effets indésirables, allergie…).', [
      table('accepted', 'J’accepte', [column('name', 'Traitement'), column('dose', 'Dose'), column('reason', 'Pourquoi', 'long_text')]),
      table('refused', 'Je refuse', [column('name', 'Traitement'), column('reason', 'Pourquoi', 'long_text')]),
    ], crisis),
    section('hospitals', 'care', 'Les lieux de soins', 'Où je préfère être accueilli·e, où je ne veux pas aller.', [
      table('preferred', 'Je préfère', [column('name', 'Établissement'), column('reason', 'Pourquoi', 'long_text')]),
      table('to_avoid', 'Je veux éviter', [column('name', 'Établissement'), column('reason', 'Pourquoi', 'long_text')]),
    ], crisis),
    section('hospital_wishes', 'care', 'Si je suis hospitalisé·e', 'Ce que je souhaite voir respecté : visites, téléphone, tabac, vêtements, régime, contacts avec mes enfants, isolement ou contention…', [
      list('wishes', 'Mes souhaits'),
    ], crisis),
    section('practical_matters', 'practical', 'Les questions pratiques', 'Enfants, animaux, logement, travail, argent, courrier, voiture…', [
      table('matters', 'Qui s’en occupe', [column('matter', 'Quoi'), column('who', 'Qui'), column('how', 'Comment', 'long_text')]),
    ], crisis),
    section('who_to_inform', 'practical', 'Qui prévenir de mon hospitalisation', 'Et qui ne pas prévenir.', [
      supportersTable('inform', 'À prévenir'),
      list('do_not_inform', 'À ne pas prévenir'),
    ], crisis),
    section('signatures', 'signing', 'Les signatures', 'Je signe mes directives. Le pair qui m’a aidé·e signe comme facilitateur, pas comme auteur.', [
      table('signatures', 'Qui a signé', [
        choice('party', 'En tant que', [
          ['person', 'Moi'],
          ['facilitator', 'Pair facilitateur'],
        ]),
        column('name', 'Nom'),
        column('signed_on', 'Date', 'date'),
      ]),
    ]),
    section('review', 'signing', 'Revoir mes directives', 'Elles restent valables jusqu’à ce que je les retire.', [text('review_note', 'Quand et comment je les revois')]),
  ],
};
