import type { TTemplateDefinition } from '../../../../shared/recovery-documents';
import { choice, column, list, section, table, text, trustedPersonSection, WISHES_NOT_ORDERS } from './blocks';

const crisis = { emergencyEligible: true };

/**
 * Joint crisis plan (DOMAIN §2): written with the care team and, if the person wishes, relatives;
 * the roles of each are agreed beforehand and disagreements are written down, not hidden.
 */
export const pccTemplate: TTemplateDefinition = {
  kind: 'pcc',
  title: 'Mon plan de crise conjoint',
  notice: WISHES_NOT_ORDERS,
  parts: [
    { code: 'knowing_me', title: 'Me connaître' },
    { code: 'acting_early', title: 'Agir tôt' },
    { code: 'people', title: 'Les personnes' },
    { code: 'care', title: 'Mes soins' },
    { code: 'agreement', title: 'Notre accord' },
  ],
  sections: [
    section('about_me', 'knowing_me', 'Mes coordonnées et ce que je veux dire de moi', 'Comment me joindre, et ce qui est utile de savoir sur moi.', [text('about_me', 'À propos de moi'), text('contact', 'Comment me joindre')]),
    section('previous_crises', 'knowing_me', 'Mes crises passées', 'Ce qui s’est passé les autres fois : ce qui a déclenché la crise, ce qui a aidé, ce qui n’a pas aidé.', [
      table('crises', 'Les crises passées', [
        column('period', 'Quand'),
        column('trigger', 'Ce qui l’a déclenchée', 'long_text'),
        column('helped', 'Ce qui a aidé', 'long_text'),
        column('did_not_help', 'Ce qui n’a pas aidé', 'long_text'),
      ]),
    ]),
    section('triggers', 'knowing_me', 'Ce qui peut déclencher une crise', 'Les situations qui me fragilisent.', [list('triggers', 'Les déclencheurs')]),
    section('warning_signs', 'acting_early', 'Les premiers signes', 'Ce que je remarque moi-même, et ce que mes proches remarquent.', [
      list('noticed_by_me', 'Ce que je remarque'),
      list('noticed_by_others', 'Ce que mes proches remarquent'),
    ], crisis),
    section('self_strategies', 'acting_early', 'Ce que je peux faire moi-même', 'Dès les premiers signes.', [list('strategies', 'Ce que je fais')], crisis),
    section('network_actions', 'acting_early', 'Ce que chacun fait', 'Les rôles dont nous avons convenu ensemble.', [
      table('actions', 'Qui fait quoi', [
        choice('actor', 'Qui', [
          ['relative', 'Un proche'],
          ['professional', 'Un professionnel'],
          ['peer', 'Un pair'],
          ['me', 'Moi'],
        ]),
        column('name', 'Nom'),
        column('action', 'Ce qu’il ou elle fait', 'long_text'),
        column('when', 'Quand'),
      ]),
    ], crisis),
    section('contacts_to_call', 'people', 'Les personnes à appeler', 'Dans l’ordre où les appeler.', [
      table('contacts', 'À appeler', [column('order', 'Ordre'), column('name', 'Nom'), column('role', 'Rôle'), column('phone', 'Téléphone', 'phone')]),
    ], crisis),
    section('contacts_not_to_call', 'people', 'Les personnes à ne pas appeler', 'Et pourquoi, si je le souhaite.', [
      table('contacts', 'À ne pas appeler', [column('name', 'Nom'), column('reason', 'Pourquoi', 'long_text')]),
    ], crisis),
    trustedPersonSection('people', crisis),
    section('care_preferences', 'care', 'Mes préférences de soins', 'Les soins et les lieux que je préfère, ceux que je veux éviter.', [
      list('preferred_treatments', 'Les soins que je préfère'),
      list('treatments_to_avoid', 'Les soins que je veux éviter'),
      list('preferred_places', 'Les lieux que je préfère'),
      list('places_to_avoid', 'Les lieux que je veux éviter'),
      text('hospitalisation_preferences', 'Si je dois être hospitalisé·e, je souhaite…'),
      list('what_helps_in_hospital', 'Ce qui m’aide à l’hôpital'),
    ], crisis),
    section('practical_measures', 'care', 'Les mesures pratiques', 'Enfants, animaux, logement et clés, travail, argent, courrier, plantes…', [
      table('measures', 'Les mesures', [column('matter', 'Quoi'), column('who', 'Qui s’en occupe'), column('how', 'Comment', 'long_text')]),
    ], crisis),
    section('disagreements', 'agreement', 'Nos désaccords', 'Quand l’équipe de soins et moi ne sommes pas d’accord, nous l’écrivons ici.', [
      table('disagreements', 'Les désaccords', [column('topic', 'Sujet'), column('my_view', 'Mon avis', 'long_text'), column('team_view', 'L’avis de l’équipe', 'long_text')]),
    ]),
    section('signatures', 'agreement', 'Les signatures', 'Le plan est conjoint : moi, et au moins un professionnel de l’équipe de soins.', [
      table('signatures', 'Qui a signé', [
        choice('party', 'En tant que', [
          ['person', 'La personne'],
          ['professional', 'Professionnel'],
          ['relative', 'Proche'],
          ['facilitator', 'Pair facilitateur'],
        ]),
        column('name', 'Nom'),
        column('role', 'Fonction'),
        column('signed_on', 'Date', 'date'),
      ]),
    ]),
    section('review', 'agreement', 'Quand revoir ce plan', 'Après une crise, chaque année, ou quand je le demande.', [list('review_triggers', 'Je revois ce plan…')]),
  ],
};
