import { Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Announced politely to screen readers; the spinner itself is decoration. */
export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Group role="status" gap="sm" justify="center" py="xl">
      <Loader size="sm" aria-hidden="true" />
      <Text>{label ?? t('loading')}</Text>
    </Group>
  );
}
