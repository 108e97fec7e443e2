import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { paths } from '../../app/paths';
import { EmptyMessage } from '../../ui/EmptyMessage';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeader } from '../../ui/PageHeader';
import { BackLink } from './BackLink';
import { MoreButton } from './MoreButton';
import { fetchReaders } from './portal-api';
import { PortalLoadError } from './PortalLoadError';
import { ReaderList } from './ReaderList';
import { usePagedList } from './use-paged-list';

const PAGE_SIZE = 20;

/** "Qui a consulté mon dossier": the whole history of accesses to the person's record. */
export function ReadersPage() {
  const { t } = useTranslation('portal');
  const { query, items, total } = usePagedList(['portal', 'readers', 'all'], (page) => fetchReaders(page, PAGE_SIZE));
  return (
    <Stack gap="md" maw={760}>
      <BackLink to={paths.portal} label={t('nav.label')} />
      <PageHeader title={t('readers.title')} description={t('readers.description')} />
      {query.isPending && <LoadingState />}
      {query.isError && <PortalLoadError error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (total === 0 ? <EmptyMessage title={t('readers.none')} /> : <ReaderList readers={items} />)}
      {query.hasNextPage && <MoreButton onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage} />}
    </Stack>
  );
}
