import { Button, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/paths';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { fetchReaders, portalKeys } from './portal-api';
import { PortalSection } from './PortalSection';
import { ReaderList } from './ReaderList';
import { bigButton } from './ui';

const PREVIEW = 5;

/** "Qui a consulté mon dossier": the latest accesses, and the way to the whole history. */
export function ReadersSection() {
  const { t } = useTranslation('portal');
  const readers = useQuery({ queryKey: portalKeys.readers(1, PREVIEW), queryFn: () => fetchReaders(1, PREVIEW) });
  return (
    <PortalSection id="portal-readers" title={t('readers.title')}>
      <Text>{t('readers.description')}</Text>
      {readers.isPending && <LoadingState />}
      {readers.isError && <ErrorAlert error={readers.error} onRetry={() => void readers.refetch()} />}
      {readers.data && (
        <Stack gap="md">
          {readers.data.total === 0 ? <Text>{t('readers.none')}</Text> : <ReaderList readers={readers.data.items} />}
          {readers.data.total > PREVIEW && (
            <Button component={Link} to={paths.portalReaders} variant="default" {...bigButton}>
              {t('readers.seeAll')}
            </Button>
          )}
        </Stack>
      )}
    </PortalSection>
  );
}
