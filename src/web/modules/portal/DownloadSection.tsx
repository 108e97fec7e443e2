import { Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EXPORT_URL } from './portal-api';
import { PortalSection } from './PortalSection';
import { bigButton } from './ui';

/** "Télécharger mes données": a plain download link (the browser saves the file the server names). */
export function DownloadSection() {
  const { t } = useTranslation('portal');
  return (
    <PortalSection id="portal-download" title={t('download.title')}>
      <Text>{t('download.description')}</Text>
      <Button component="a" href={EXPORT_URL} download variant="default" {...bigButton}>
        {t('download.button')}
      </Button>
      <Text size="sm" c="dimmed">
        {t('download.format')}
      </Text>
    </PortalSection>
  );
}
