import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useDocumentTitle } from './use-document-title';

interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  /** A link back to the parent list, shown above the title. */
  back?: { to: string; label: string };
  actions?: ReactNode;
}

/** The page's single `<h1>`, its document title, and optional actions. */
export function PageHeader({ title, description, back, actions }: PageHeaderProps) {
  useDocumentTitle(title);
  return (
    <Stack gap="xs">
      {back && (
        <Anchor component={Link} to={back.to} size="sm">
          ← {back.label}
        </Anchor>
      )}
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={4} style={{ flex: '1 1 16rem', minWidth: 0 }}>
          <Title order={1} className="break-anywhere">
            {title}
          </Title>
          {description && <Text c="dimmed">{description}</Text>}
        </Stack>
        {actions && <Group gap="sm">{actions}</Group>}
      </Group>
    </Stack>
  );
}
