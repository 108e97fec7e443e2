import type { FormErrors } from '@mantine/form';

/**
 * After a failed submit, moves to the first field to fix. Mantine marks each field with
 * `data-path`; on a radio or checkbox group that mark sits on the group, so its first input
 * (or the checked one) takes the focus.
 */
export function focusFirstInvalidField(errors: FormErrors, order: readonly string[]): void {
  const first = order.find((field) => errors[field]);
  if (!first) return;
  const node = document.querySelector<HTMLElement>(`[data-path="${first}"]`);
  if (!node) return;
  if (node.matches('input, select, textarea, button')) {
    node.focus();
    return;
  }
  const inside = node.querySelector<HTMLElement>('input:checked') ?? node.querySelector<HTMLElement>('input, select, textarea');
  inside?.focus();
}
