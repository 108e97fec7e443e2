import { SimpleGrid, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCurrentSession } from '../../app/session';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeader } from '../../ui/PageHeader';
import { AccompanimentSection } from './AccompanimentSection';
import { AppointmentsSection } from './AppointmentsSection';
import { DownloadSection } from './DownloadSection';
import { MessagesSection } from './MessagesSection';
import { NotesSection } from './NotesSection';
import { fetchPortalHome, portalKeys } from './portal-api';
import { PortalLoadError } from './PortalLoadError';
import { ReadersSection } from './ReadersSection';

/** The person's space: their accompaniment, appointments, messages, shared notes, who read their record, their data. */
export function PortalHomePage() {
  const { t } = useTranslation('portal');
  const { user } = useCurrentSession();
  const home = useQuery({ queryKey: portalKeys.home, queryFn: fetchPortalHome });
  const name = home.data?.person.firstName ?? user.name.split(/\s+/)[0] ?? user.name;

  return (
    <Stack gap="lg" maw={960}>
      <PageHeader title={t('home.title', { name })} description={home.data ? t('home.description') : undefined} />
      {home.isPending && <LoadingState />}
      {home.isError && <PortalLoadError error={home.error} onRetry={() => void home.refetch()} />}
      {home.data && (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <AccompanimentSection accompaniments={home.data.accompaniments} />
            <Stack gap="lg">
              <AppointmentsSection appointments={home.data.nextAppointments} />
              <MessagesSection accompaniments={home.data.accompaniments} />
            </Stack>
          </SimpleGrid>
          <NotesSection />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <ReadersSection />
            <DownloadSection />
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
