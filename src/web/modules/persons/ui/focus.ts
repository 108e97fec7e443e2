import type { FormErrors } from '@mantine/form';

/**
 * After a failed submit, moves to the first field to fix, found by its id. Radio groups and
 * checkbox lists have no single input, so the caller maps them to their first option's id.
 */
export function focusFirstInvalid(errors: FormErrors, order: readonly string[], idOf: (field: string) => string): void {
  const first = order.find((field) => errors[field]);
  if (!first) return;
  document.getElementById(idOf(first))?.focus();
}
