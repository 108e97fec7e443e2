import { EmptyState } from '@mantine/core';

/** "Nothing here" said plainly, with what to do next. */
export function EmptyMessage({ title, hint }: { title: string; hint?: string }) {
  return (
    <EmptyState
      title={title}
      description={hint}
      py="xl"
      role="status"
      styles={{ title: { fontSize: 'var(--mantine-font-size-lg)' } }}
    />
  );
}
