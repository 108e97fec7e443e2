import { Button, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ZDepartement } from '../../../shared/persons';
import { ZRequestSource, ZRequestStatus, ZRequestUrgency } from '../../../shared/requests';
import { paths } from '../../app/paths';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeader } from '../../ui/PageHeader';
import { pageFrom, withParams } from '../admin/search-params';
import { fetchQueue, PAGE_SIZE, requestKeys, type TTriageQuery } from './requests-api';
import { TriageFilters, type TriageFilterValues } from './TriageFilters';
import { TriageTable } from './TriageTable';

/** The coordinators' queue. Filters live in the address (`?statut=new&urgence=urgent&retard=oui`). */
export function TriagePage() {
  const { t } = useTranslation('requests');
  const [params, setParams] = useSearchParams();
  const status = ZRequestStatus.safeParse(params.get('statut')).data;
  const urgency = ZRequestUrgency.safeParse(params.get('urgence')).data;
  const source = ZRequestSource.safeParse(params.get('origine')).data;
  const departement = ZDepartement.safeParse(params.get('departement')).data;
  const overdue = params.get('retard') === 'oui';
  const filters: TriageFilterValues = {
    status: status ?? '',
    urgency: urgency ?? '',
    source: source ?? '',
    departement: departement ?? '',
    overdue,
  };
  const query: TTriageQuery = {
    page: pageFrom(params),
    pageSize: PAGE_SIZE,
    status,
    urgency,
    source,
    departement,
    overdue: overdue ? 'true' : undefined,
  };
  const queue = useQuery({
    queryKey: requestKeys.queue(query),
    queryFn: ({ signal }) => fetchQueue(query, signal),
    placeholderData: keepPreviousData,
  });

  // Two filters changed before the address catches up must both be kept.
  const unsaved = useRef<Record<string, string>>({});
  useEffect(() => {
    unsaved.current = {};
  }, [params]);
  const onFiltersChange = (changes: Partial<TriageFilterValues>) => {
    const next: Record<string, string> = { ...unsaved.current };
    if (changes.status !== undefined) next.statut = changes.status;
    if (changes.urgency !== undefined) next.urgence = changes.urgency;
    if (changes.source !== undefined) next.origine = changes.source;
    if (changes.departement !== undefined) next.departement = changes.departement;
    if (changes.overdue !== undefined) next.retard = changes.overdue ? 'oui' : '';
    unsaved.current = next;
    setParams(withParams(params, next), { replace: true });
  };

  return (
    <Stack gap="md">
      <PageHeader
        title={t('triage.title')}
        description={t('triage.description')}
        actions={
          <Button component={Link} to={paths.newReferral} variant="outline">
            {t('triage.newEntry')}
          </Button>
        }
      />
      <TriageFilters values={filters} onChange={onFiltersChange} />
      <Text role="status" size="sm" fw={600}>
        {queue.data ? t('triage.count', { count: queue.data.total }) : ''}
      </Text>
      {queue.isError && <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} />}
      {queue.isPending && <LoadingState />}
      {queue.data && (
        <TriageTable
          rows={queue.data.items}
          total={queue.data.total}
          page={queue.data.page}
          pageSize={queue.data.pageSize}
          onPageChange={(page) => setParams(withParams(params, { page }))}
          refreshing={queue.isPlaceholderData}
        />
      )}
    </Stack>
  );
}
