import type { TTemplateDefinition } from '../../../../shared/recovery-documents';
import { actionPlan, choice, column, list, section, supportersTable, table, text, WISHES_NOT_ORDERS } from './blocks';

const crisis = { emergencyEligible: true };

/**
 * WRAP (DOMAIN §1): the 8 parts, the crisis plan in 9 sections written for others to use (the
 * ones a crisis card may show), then the post-crisis plan. Prompts are our own words.
 */
export const wrapTemplate: TTemplateDefinition = {
  kind: 'wrap',
  title: 'Mon plan WRAP — plan d’action pour mon rétablissement et mon bien-être',
  notice: WISHES_NOT_ORDERS,
  parts: [
    { code: 'well_description', title: '1. Quand je vais bien' },
    { code: 'wellness_toolbox', title: '2. Ma boîte à outils bien-être' },
    { code: 'daily_maintenance', title: '3. Mon plan quotidien' },
    { code: 'triggers', title: '4. Mes déclencheurs' },
    { code: 'early_warning_signs', title: '5. Mes signes précoces' },
    { code: 'breaking_down', title: '6. Quand ça se dégrade' },
    { code: 'crisis_plan', title: '7. Mon plan de crise' },
    { code: 'post_crisis_plan', title: '8. Mon plan d’après-crise' },
  ],
  sections: [
    section('well_description', 'well_description', 'Comment je suis quand je vais bien', 'Décrivez-vous un jour où tout va bien : votre humeur, vos habitudes, votre façon de parler, ce que les autres remarquent.', [
      text('description', 'Quand je vais bien, je suis…'),
      list('others_notice', 'Ce que les autres remarquent quand je vais bien'),
    ]),
    section('wellness_toolbox', 'wellness_toolbox', 'Ma boîte à outils bien-être', 'Tout ce qui vous aide à rester bien ou à vous sentir mieux, même les petites choses.', [
      list('tools', 'Ce qui m’aide', 'Par exemple : appeler une amie, marcher, écouter de la musique, écrire, voir un pair, aller au GEM.'),
    ]),
    section('daily_maintenance', 'daily_maintenance', 'Mon plan quotidien', 'Ce que vous faites chaque jour pour rester bien, et ce qu’il faut penser à faire de temps en temps.', [
      list('every_day', 'Ce que je fais chaque jour'),
      list('some_days', 'Ce que je dois peut-être faire', 'Un pense-bête : payer une facture, faire les courses, prendre un rendez-vous…'),
    ]),
    section('triggers', 'triggers', 'Mes déclencheurs', 'Les événements ou situations qui peuvent vous faire aller moins bien, et ce que vous ferez s’ils arrivent.', [
      list('triggers', 'Ce qui peut me faire aller moins bien', 'Par exemple : un conflit, une date anniversaire, le manque de sommeil, des soucis d’argent.'),
      actionPlan(),
    ]),
    section('early_warning_signs', 'early_warning_signs', 'Mes signes précoces', 'Les petits changements en vous qui montrent que quelque chose commence à ne pas aller.', [
      list('signs', 'Les signes que je remarque', 'Par exemple : je dors moins, je m’inquiète plus, je dépense plus, mes pensées vont vite.'),
      actionPlan(),
    ]),
    section('breaking_down', 'breaking_down', 'Quand ça se dégrade', 'Les signes que ça va beaucoup moins bien, alors que vous pouvez encore agir. Ici, on peut demander de l’aide aux autres.', [
      list('signs', 'Les signes que ça se dégrade'),
      actionPlan('action_plan', 'Ce que je fais et ce que je demande aux autres'),
    ]),
    section('when_well', 'crisis_plan', 'Quand je vais bien', 'Pour les personnes qui m’aident : comment je suis d’habitude (vous pouvez reprendre la partie 1).', [text('description', 'Quand je vais bien, je suis…')], crisis),
    section('symptoms_others_take_over', 'crisis_plan', 'Quand d’autres doivent prendre le relais', 'Les signes qui montrent que je ne peux plus décider ou prendre soin de moi. Soyez précis, avec des durées.', [
      list('signs', 'Les signes', 'Par exemple : « je ne me lève plus depuis 3 jours », « je ne mange plus ».'),
    ], crisis),
    section('supporters', 'crisis_plan', 'Les personnes que je choisis', 'Qui peut prendre le relais et pour quoi faire ; qui je ne veux pas voir intervenir.', [
      supportersTable(),
      text('disagreements', 'Si ces personnes ne sont pas d’accord entre elles, voici comment trancher'),
    ], crisis),
    section('medications', 'crisis_plan', 'Mes médicaments', 'Ce que je prends aujourd’hui, et mes préférences si un traitement doit être donné.', [
      table('current', 'Ce que je prends aujourd’hui', [column('name', 'Médicament'), column('dose', 'Dose'), column('prescriber', 'Prescrit par'), column('pharmacy', 'Pharmacie')]),
      list('allergies', 'Mes allergies'),
      table('preferences', 'Mes préférences', [
        column('name', 'Médicament'),
        choice('preference', 'Pour moi, c’est', [
          ['preferred', 'Je préfère'],
          ['acceptable', 'J’accepte'],
          ['unacceptable', 'Je ne veux pas'],
        ]),
        column('why', 'Pourquoi', 'long_text'),
      ]),
    ], crisis),
    section('treatments', 'crisis_plan', 'Les soins', 'Les soins que j’accepte et ceux que je veux éviter, avec mes raisons.', [
      table('accepted', 'Les soins que j’accepte', [column('treatment', 'Soin'), column('why', 'Pourquoi', 'long_text')]),
      table('to_avoid', 'Les soins que je veux éviter', [column('treatment', 'Soin'), column('why', 'Pourquoi', 'long_text')]),
    ], crisis),
    section('home_community_care', 'crisis_plan', 'Rester chez moi si possible', 'Ce qui me permettrait de rester chez moi ou près de chez moi : qui vient, quand.', [
      table('options', 'Les solutions', [column('what', 'Quoi'), column('who', 'Qui'), column('when', 'Quand')]),
    ], crisis),
    section('treatment_facilities', 'crisis_plan', 'Les lieux de soins', 'Les lieux où je préfère être soigné·e, et ceux que je veux éviter.', [
      table('preferred', 'Je préfère', [column('place', 'Lieu'), column('why', 'Pourquoi', 'long_text')]),
      table('to_avoid', 'Je veux éviter', [column('place', 'Lieu'), column('why', 'Pourquoi', 'long_text')]),
    ], crisis),
    section('help_from_others', 'crisis_plan', 'Ce que j’attends des autres', 'Ce qui m’aide, ce qui ne m’aide pas, et les tâches pratiques à confier.', [
      list('please_do', 'Ce que je souhaite que l’on fasse'),
      list('please_do_not', 'Ce que je ne souhaite pas que l’on fasse'),
      text('if_danger', 'Si je suis un danger pour moi ou pour les autres, je souhaite…'),
      table('practical_tasks', 'Les tâches pratiques', [column('task', 'Tâche (enfants, animaux, courrier, loyer, travail…)'), column('who', 'Qui s’en occupe')]),
    ], crisis),
    section('inactivation', 'crisis_plan', 'Quand ce plan n’est plus nécessaire', 'Les signes qui montrent que les personnes qui m’aident peuvent arrêter d’utiliser ce plan.', [
      list('signs', 'Les signes', 'Par exemple : « je dors 6 heures trois nuits de suite », « je mange normalement ».'),
    ], crisis),
    section('post_crisis_plan', 'post_crisis_plan', 'Mon plan d’après-crise', 'Pour revenir à l’équilibre, pas à pas, dans les semaines qui suivent une crise.', [
      text('how_i_want_to_feel', 'Comment je voudrais me sentir en sortant de la crise'),
      list('signs_out_of_crisis', 'Les signes que je sors de la crise'),
      supportersTable('supporters', 'Les personnes qui m’aident pendant cette période'),
      list('do_now', 'Ce que je fais pour moi tout de suite'),
      list('others_can_do', 'Ce que d’autres peuvent faire pour moi'),
      list('can_wait', 'Ce qui peut attendre'),
      table('resuming', 'Reprendre mes activités petit à petit', [column('activity', 'Activité (travail, enfants, maison…)'), column('when', 'Quand'), column('how', 'Comment')]),
      list('practical_issues', 'Les questions pratiques à régler (santé, papiers, argent, logement)'),
      list('reconnect', 'Les personnes à remercier ou à revoir'),
      list('avoid', 'Ce que je veux éviter'),
      text('first_nights', 'Si je vis seul·e : quelqu’un reste-t-il avec moi les premières nuits ?'),
      list('wrap_changes', 'Ce que je veux changer dans mon plan'),
    ]),
  ],
};
