import { Anchor, Group, NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { OUTREACH_CASE_STATUSES, RUPTURE_SIGNALS } from '../../../shared/accompaniments';
import { ZOutreachCaseStatus, ZRuptureSignal } from '../../../shared/continuity';
import { DEPARTEMENTS, ZDepartement } from '../../../shared/persons';
import { paths } from '../../app/paths';
import { useCurrentSession } from '../../app/session';
import { EmptyMessage } from '../../ui/EmptyMessage';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeader } from '../../ui/PageHeader';
import { TablePagination } from '../../ui/TablePagination';
import { canManageContinuitySettings, seesAllAccompaniments } from '../accompaniments/access';
import { pageFrom, withParams } from '../admin/search-params';
import { DetectNowButton } from './DetectNowButton';
import { OutreachCaseCard } from './OutreachCaseCard';
import { fetchQueue, outreachKeys, type TOutreachQueueQuery } from './outreach-api';

const PAGE_SIZE = 20;

/**
 * The outreach queue (DOMAIN §10.2): coordinators see every open case, peer workers those of the
 * accompaniments they follow. Filters in the URL (`?etat=…&departement=…&signal=…&page=…`).
 */
export function OutreachQueuePage() {
  const { t } = useTranslation(['outreach', 'persons']);
  const { user } = useCurrentSession();
  const [params, setParams] = useSearchParams();
  const status = ZOutreachCaseStatus.safeParse(params.get('etat')).data ?? 'open';
  const departement = ZDepartement.safeParse(params.get('departement')).data;
  const signal = ZRuptureSignal.safeParse(params.get('signal')).data;
  const query: TOutreachQueueQuery = { page: pageFrom(params), pageSize: PAGE_SIZE, status, departement, signal };
  const queue = useQuery({ queryKey: outreachKeys.queue(query), queryFn: ({ signal: abort }) => fetchQueue(query, abort), placeholderData: keepPreviousData });
  const set = (key: string, value: string) => setParams(withParams(params, { [key]: value }), { replace: true });

  return (
    <Stack gap="md">
      <PageHeader
        title={t('queue.title')}
        description={seesAllAccompaniments(user) ? t('queue.descriptionAll') : t('queue.descriptionMine')}
        actions={
          seesAllAccompaniments(user) || canManageContinuitySettings(user) ? (
            <Group gap="md" align="flex-start">
              {seesAllAccompaniments(user) && <DetectNowButton />}
              {canManageContinuitySettings(user) && (
                <Anchor component={Link} to={paths.continuitySettings} size="sm">
                  {t('queue.settingsLink')}
                </Anchor>
              )}
            </Group>
          ) : undefined
        }
      />
      <Text size="sm">{t('queue.intro')}</Text>
      <Group align="flex-end" gap="md" wrap="wrap" role="search" aria-label={t('queue.filters')}>
        <NativeSelect
          label={t('queue.status')}
          value={status}
          onChange={(event) => set('etat', event.currentTarget.value === 'open' ? '' : event.currentTarget.value)}
          data={OUTREACH_CASE_STATUSES.map((value) => ({ value, label: t(`caseStatus.${value}`) }))}
          style={{ flex: '1 1 12rem' }}
        />
        <NativeSelect
          label={t('queue.departement')}
          value={departement ?? ''}
          onChange={(event) => set('departement', event.currentTarget.value)}
          data={[{ value: '', label: t('queue.allDepartements') }, ...DEPARTEMENTS.map((code) => ({ value: code, label: `${code} — ${t(`persons:departements.${code}`)}` }))]}
          style={{ flex: '1 1 12rem' }}
        />
        <NativeSelect
          label={t('queue.signal')}
          value={signal ?? ''}
          onChange={(event) => set('signal', event.currentTarget.value)}
          data={[{ value: '', label: t('queue.allSignals') }, ...RUPTURE_SIGNALS.map((value) => ({ value, label: t(`signals.${value}`) }))]}
          style={{ flex: '1 1 12rem' }}
        />
      </Group>
      <Text role="status" size="sm" fw={600}>
        {queue.data ? t('queue.count', { count: queue.data.total }) : ''}
      </Text>
      {queue.isError && <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} />}
      {queue.isPending && <LoadingState />}
      {queue.data &&
        (queue.data.total === 0 ? (
          <EmptyMessage title={t('queue.empty')} hint={t('queue.emptyHint')} />
        ) : (
          <>
            <SimpleGrid
              component="ul"
              cols={{ base: 1, lg: 2 }}
              spacing="sm"
              style={{ listStyle: 'none', margin: 0, padding: 0, opacity: queue.isPlaceholderData ? 0.6 : 1 }}
              aria-label={t('queue.caption')}
            >
              {queue.data.items.map((outreachCase) => (
                <li key={outreachCase.id}>
                  <OutreachCaseCard outreachCase={outreachCase} />
                </li>
              ))}
            </SimpleGrid>
            <TablePagination page={queue.data.page} pageSize={queue.data.pageSize} total={queue.data.total} onChange={(page) => setParams(withParams(params, { page }))} />
          </>
        ))}
    </Stack>
  );
}
