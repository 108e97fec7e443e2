import { Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useDocumentTitle } from '../../../ui/use-document-title';

/** "Ce partage n’est plus actif": the page's heading, said plainly, with what to do. */
export function InactiveNotice({ title, text }: { title: string; text: string }) {
  useDocumentTitle(title);
  const heading = useRef<HTMLHeadingElement | null>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <Stack gap="sm" data-testid="share-inactive">
      <Title order={1} ref={heading} tabIndex={-1}>
        {title}
      </Title>
      <Text size="lg">{text}</Text>
    </Stack>
  );
}
