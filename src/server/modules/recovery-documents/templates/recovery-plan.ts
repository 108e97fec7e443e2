import type { TTemplateDefinition } from '../../../../shared/recovery-documents';
import { column, list, section, table, WISHES_NOT_ORDERS } from './blocks';

/** A simple recovery plan: where I want to go, what I can count on, the steps. */
export const recoveryPlanTemplate: TTemplateDefinition = {
  kind: 'recovery_plan',
  title: 'Mon plan de rétablissement',
  notice: WISHES_NOT_ORDERS,
  parts: [{ code: 'plan', title: 'Mon plan' }],
  sections: [
    section('goals', 'plan', 'Mes objectifs', 'Ce qui compte pour vous, ce que vous voulez atteindre, dans vos mots.', [list('goals', 'Mes objectifs')]),
    section('strengths', 'plan', 'Mes forces', 'Ce que vous savez faire, ce que les autres apprécient chez vous, ce qui vous a déjà aidé·e.', [list('strengths', 'Mes forces')]),
    section('steps', 'plan', 'Mes étapes', 'Les petits pas vers vos objectifs.', [
      table('steps', 'Mes étapes', [column('step', 'Étape'), column('when', 'Quand'), column('done', 'C’est fait', 'yes_no')]),
    ]),
    section('supports', 'plan', 'Mes soutiens', 'Les personnes et les lieux sur qui vous pouvez compter.', [
      table('supports', 'Mes soutiens', [column('name', 'Qui'), column('how', 'Comment il ou elle m’aide', 'long_text'), column('phone', 'Téléphone', 'phone')]),
    ]),
    section('what_helps', 'plan', 'Ce qui m’aide', 'Ce qui vous fait du bien au quotidien.', [list('what_helps', 'Ce qui m’aide')]),
  ],
};
