import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { paths } from '../../app/paths';
import { EmptyMessage } from '../../ui/EmptyMessage';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeader } from '../../ui/PageHeader';
import { BackLink } from './BackLink';
import { MoreButton } from './MoreButton';
import { NoteList } from './NoteList';
import { fetchSharedNotes } from './portal-api';
import { PortalLoadError } from './PortalLoadError';
import { usePagedList } from './use-paged-list';

const PAGE_SIZE = 10;

/** "Mes notes partagées": every note shared with the person, newest first. */
export function NotesPage() {
  const { t } = useTranslation('portal');
  const { query, items, total } = usePagedList(['portal', 'notes', 'all'], (page) => fetchSharedNotes(page, PAGE_SIZE));
  return (
    <Stack gap="md" maw={760}>
      <BackLink to={paths.portal} label={t('nav.label')} />
      <PageHeader title={t('notes.title')} description={t('notes.description')} />
      {query.isPending && <LoadingState />}
      {query.isError && <PortalLoadError error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (total === 0 ? <EmptyMessage title={t('notes.none')} /> : <NoteList notes={items} />)}
      {query.hasNextPage && <MoreButton onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage} />}
    </Stack>
  );
}
