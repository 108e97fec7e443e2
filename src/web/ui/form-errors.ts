import type { FormErrors } from '@mantine/form';
import { isApiError } from '../app/api-error';

/**
 * Server field messages for the fields this form shows; the others go to the alert. `byCode`
 * puts a field-less answer under the field it is about (`wrongPassword` → `currentPassword`).
 */
export function fieldErrorsFrom(
  error: unknown,
  fields: readonly string[],
  byCode: Partial<Record<string, string>> = {},
): FormErrors {
  if (!isApiError(error)) return {};
  const result: FormErrors = {};
  const field = byCode[error.code];
  if (field) result[field] = error.title;
  for (const [field, messages] of Object.entries(error.errors)) {
    if (fields.includes(field)) result[field] = messages.join(' ');
  }
  return result;
}

/** Messages about fields the form does not show (e.g. `token`), listed under the alert title. */
export function otherMessagesFrom(error: unknown, fields: readonly string[]): string[] {
  if (!isApiError(error)) return [];
  return Object.entries(error.errors)
    .filter(([field]) => !fields.includes(field))
    .flatMap(([, messages]) => messages);
}

/** After a failed submit, the keyboard and screen reader land on the first field to fix. */
export function focusFirstError(errors: FormErrors, order: readonly string[]): void {
  const first = order.find((field) => errors[field]);
  if (!first) return;
  const node = document.querySelector<HTMLElement>(`[data-path="${first}"]`);
  if (node) {
    node.focus();
    return;
  }
  // Checkbox groups carry no data-path: focus their first box.
  document.querySelector<HTMLElement>(`[data-field="${first}"] input`)?.focus();
}
