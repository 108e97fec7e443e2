import type { FormErrors } from '@mantine/form';
import { FIELD_RULE_MESSAGES, type TFieldRuleBreaches } from '../../../shared/persons';
import { currentLocale } from '../../app/i18n';

/** Cross-field rules of the shared contract, worded as the server words them, as form errors. */
export function ruleErrors(breaches: TFieldRuleBreaches): FormErrors {
  const messages = FIELD_RULE_MESSAGES[currentLocale()];
  const errors: FormErrors = {};
  for (const [field, key] of Object.entries(breaches)) {
    if (key) errors[field] = messages[key];
  }
  return errors;
}
