import { Button, SimpleGrid, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ZAccompanimentStatus } from '../../../shared/accompaniments';
import { paths } from '../../app/paths';
import { useCurrentSession } from '../../app/session';
import { EmptyMessage } from '../../ui/EmptyMessage';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeader } from '../../ui/PageHeader';
import { TablePagination } from '../../ui/TablePagination';
import { pageFrom, withParams } from '../admin/search-params';
import { canOpenAccompaniments, seesAllAccompaniments } from './access';
import { AccompanimentCard } from './AccompanimentCard';
import { AccompanimentFilters, type AccompanimentFilterValues } from './AccompanimentFilters';
import { accompanimentKeys, fetchAccompaniments, fetchUnreadMessages, type TAccompanimentListQuery } from './accompaniments-api';
import { usePeerChoices } from './peer-choices';
import { RuptureWatch } from './RuptureWatch';

const PAGE_SIZE = 20;
const NO_KNOWN_PEERS: never[] = [];

/**
 * "Mes accompagnements" for peers (those they follow), every accompaniment for coordinators, with
 * filters in the URL (`?statut=…&pair=…&page=…`). Latest activity first, lost contacts on top.
 */
export function AccompanimentsPage() {
  const { t } = useTranslation('accompaniments');
  const { user } = useCurrentSession();
  const all = seesAllAccompaniments(user);
  const [params, setParams] = useSearchParams();
  const filters: AccompanimentFilterValues = {
    status: ZAccompanimentStatus.safeParse(params.get('statut')).data ?? '',
    peerId: all ? (params.get('pair') ?? '') : '',
  };
  const query: TAccompanimentListQuery = {
    page: pageFrom(params),
    pageSize: PAGE_SIZE,
    status: ZAccompanimentStatus.safeParse(filters.status).data,
    peerId: filters.peerId || undefined,
  };
  const list = useQuery({
    queryKey: accompanimentKeys.list(query),
    queryFn: ({ signal }) => fetchAccompaniments(query, signal),
    placeholderData: keepPreviousData,
  });
  const unread = useQuery({ queryKey: accompanimentKeys.unread, queryFn: fetchUnreadMessages });
  const unreadOf = (id: string) => unread.data?.items.find((item) => item.accompanimentId === id)?.unread ?? 0;
  const peers = usePeerChoices(NO_KNOWN_PEERS);

  const onFiltersChange = (changes: Partial<AccompanimentFilterValues>) => {
    const next: Record<string, string> = {};
    if (changes.status !== undefined) next.statut = changes.status;
    if (changes.peerId !== undefined) next.pair = changes.peerId;
    setParams(withParams(params, next), { replace: true });
  };

  return (
    <Stack gap="md">
      <PageHeader
        title={all ? t('list.titleAll') : t('list.titleMine')}
        description={all ? t('list.descriptionAll') : t('list.descriptionMine')}
        actions={
          canOpenAccompaniments(user) ? (
            <Button component={Link} to={paths.newAccompaniment}>
              {t('list.open')}
            </Button>
          ) : undefined
        }
      />
      {filters.status !== 'rupture_suspected' && <RuptureWatch />}
      <AccompanimentFilters values={filters} onChange={onFiltersChange} peers={all ? peers.choices : null} />
      <Text role="status" size="sm" fw={600}>
        {list.data ? t('list.count', { count: list.data.total }) : ''}
      </Text>
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && <LoadingState />}
      {list.data &&
        (list.data.total === 0 ? (
          <EmptyMessage title={t('list.empty')} hint={all ? t('list.emptyHintAll') : t('list.emptyHintMine')} />
        ) : (
          <>
            <SimpleGrid
              component="ul"
              cols={{ base: 1, md: 2 }}
              spacing="sm"
              style={{ listStyle: 'none', margin: 0, padding: 0, opacity: list.isPlaceholderData ? 0.6 : 1 }}
              aria-label={t('list.caption')}
            >
              {list.data.items.map((accompaniment) => (
                <li key={accompaniment.id}>
                  <AccompanimentCard accompaniment={accompaniment} unread={unreadOf(accompaniment.id)} />
                </li>
              ))}
            </SimpleGrid>
            <TablePagination
              page={list.data.page}
              pageSize={list.data.pageSize}
              total={list.data.total}
              onChange={(page) => setParams(withParams(params, { page }))}
            />
          </>
        ))}
    </Stack>
  );
}
