import type { FormErrors } from '@mantine/form';
import type { z } from 'zod';
import { i18next } from './i18n';

type Issue = z.core.$ZodIssue;

/** Zod's own messages are technical; people get one plain sentence per rule instead. */
function messageFor(issue: Issue, value: unknown, overrides: Partial<Record<string, string>>): string {
  // An empty field is "required", whatever rule it fails first (an empty e-mail is not "invalid").
  if (value === '' || value === undefined || value === null) return i18next.t('validation.required');
  const field = issue.path.map(String).join('.');
  const override = overrides[field];
  if (override) return override;
  switch (issue.code) {
    case 'invalid_type':
      return i18next.t('validation.required');
    case 'too_small':
      if (issue.origin === 'array') return i18next.t('validation.pickOne');
      if (Number(issue.minimum) <= 1) return i18next.t('validation.required');
      return i18next.t('validation.minLength', { count: Number(issue.minimum) });
    case 'too_big':
      return i18next.t('validation.maxLength', { count: Number(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'email' ? i18next.t('validation.email') : i18next.t('validation.invalid');
    default:
      return i18next.t('validation.invalid');
  }
}

function valueAt(values: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = values;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = Reflect.get(current, key);
  }
  return current;
}

/**
 * Validates form values with a shared contract and returns Mantine form errors, first message
 * per field. `overrides` replaces the message of a field whose rule needs explaining (a regex).
 */
export function schemaErrors(
  schema: z.ZodType,
  values: unknown,
  overrides: Partial<Record<string, string>> = {},
): FormErrors {
  const result = schema.safeParse(values);
  if (result.success) return {};
  const errors: FormErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.');
    if (!(field in errors)) errors[field] = messageFor(issue, valueAt(values, issue.path), overrides);
  }
  return errors;
}

/** "Confirm password" is a web-only field, checked here rather than in the contract. */
export function confirmationError(password: string, confirmation: string): FormErrors {
  if (!confirmation) return { confirmation: i18next.t('validation.required') };
  return password === confirmation ? {} : { confirmation: i18next.t('validation.passwordMismatch') };
}
