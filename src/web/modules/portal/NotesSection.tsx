import { Button, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/paths';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { NoteList } from './NoteList';
import { fetchSharedNotes, portalKeys } from './portal-api';
import { PortalSection } from './PortalSection';
import { bigButton } from './ui';

const PREVIEW = 3;

/** "Mes notes partagées": the latest ones, and the way to all of them. */
export function NotesSection() {
  const { t } = useTranslation('portal');
  const notes = useQuery({ queryKey: portalKeys.notes(1, PREVIEW), queryFn: () => fetchSharedNotes(1, PREVIEW) });
  return (
    <PortalSection id="portal-notes" title={t('notes.title')}>
      {notes.isPending && <LoadingState />}
      {notes.isError && <ErrorAlert error={notes.error} onRetry={() => void notes.refetch()} />}
      {notes.data && (
        <Stack gap="md">
          {notes.data.total === 0 ? <Text>{t('notes.none')}</Text> : <NoteList notes={notes.data.items} />}
          {notes.data.total > PREVIEW && (
            <Button component={Link} to={paths.portalNotes} variant="default" {...bigButton}>
              {t('notes.seeAll')}
            </Button>
          )}
        </Stack>
      )}
    </PortalSection>
  );
}
