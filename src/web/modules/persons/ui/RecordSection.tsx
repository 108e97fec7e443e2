import { Group, Paper, Stack, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

interface RecordSectionProps {
  title: string;
  children: ReactNode;
  /** Buttons shown next to the heading (edit, record…). */
  actions?: ReactNode;
  /** For links to a section (`#accompagnements`). */
  id?: string;
}

/** A titled block of a record page (`<section>` + `<h2>`), so headings outline the page. */
export function RecordSection({ title, children, actions, id }: RecordSectionProps) {
  const headingId = useId();
  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby={headingId} id={id}>
      <Stack gap="sm">
        <Group justify="space-between" align="center" gap="sm">
          <Title order={2} size="h4" id={headingId}>
            {title}
          </Title>
          {actions && <Group gap="sm">{actions}</Group>}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}
