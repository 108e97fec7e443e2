import type { TDocumentKind, TTemplateDefinition } from '../../../../shared/recovery-documents';
import { dapTemplate } from './dap';
import { pccTemplate } from './pcc';
import { recoveryPlanTemplate } from './recovery-plan';
import { wrapTemplate } from './wrap';

/** The built-in templates: version 1 of each kind, seeded for each organisation on first use. */
export const BUILT_IN_TEMPLATES: Record<TDocumentKind, TTemplateDefinition> = {
  wrap: wrapTemplate,
  pcc: pccTemplate,
  dap: dapTemplate,
  recovery_plan: recoveryPlanTemplate,
};
