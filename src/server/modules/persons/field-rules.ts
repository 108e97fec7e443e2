import { FIELD_RULE_MESSAGES, type TFieldRuleBreaches } from '../../../shared/persons';
import { badRequest, type FieldErrors } from '../../platform/http/errors';
import type { Locale } from '../../platform/http/messages';

/** Turns broken cross-field rules into the same 400 as schema errors, worded in the caller's language. */
export function enforceFieldRules(breaches: TFieldRuleBreaches, locale: Locale): void {
  const fields: FieldErrors = {};
  for (const [field, key] of Object.entries(breaches)) {
    if (key) fields[field] = [FIELD_RULE_MESSAGES[locale][key]];
  }
  if (Object.keys(fields).length > 0) throw badRequest('validation', fields);
}
