import type { ReactNode } from 'react';

/**
 * A checkbox label with the red asterisk text inputs show: Mantine's Checkbox has none. The input
 * itself carries `required`, which is what assistive technologies announce.
 */
export function RequiredLabel({ children }: { children: ReactNode }) {
  return (
    <>
      {children}
      <span aria-hidden="true" style={{ color: 'var(--mantine-color-error)' }}>
        {' '}
        *
      </span>
    </>
  );
}
