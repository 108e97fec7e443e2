import { Paper, Stack } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { z } from 'zod';
import { parisDayToIso } from '../../../app/format';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LoadingState } from '../../../ui/LoadingState';
import { PageHeader } from '../../../ui/PageHeader';
import { adminKeys, fetchAudit, PAGE_SIZE, type TAuditQuery } from '../admin-api';
import { pageFrom, withParams } from '../search-params';
import { AuditFilters, type AuditFilterValues } from './AuditFilters';
import { AuditTable } from './AuditTable';

/** URL parameter for each filter, in French like the paths. */
const PARAM: Record<keyof AuditFilterValues, string> = {
  actor: 'auteur',
  resourceType: 'type',
  resourceId: 'ressource',
  action: 'action',
  from: 'du',
  to: 'au',
};
const FILTER_KEYS = ['actor', 'resourceType', 'resourceId', 'action', 'from', 'to'] as const;
const ZDay = z.iso.date();

function filtersFrom(params: URLSearchParams): AuditFilterValues {
  const read = (key: keyof AuditFilterValues) => params.get(PARAM[key]) ?? '';
  return {
    actor: z.uuid().safeParse(read('actor')).data ?? '',
    resourceType: read('resourceType'),
    resourceId: read('resourceId'),
    action: read('action'),
    from: ZDay.safeParse(read('from')).data ?? '',
    to: ZDay.safeParse(read('to')).data ?? '',
  };
}

function toQuery(filters: AuditFilterValues, page: number): TAuditQuery {
  return {
    page,
    pageSize: PAGE_SIZE,
    actorUserId: filters.actor || undefined,
    resourceType: filters.resourceType.trim() || undefined,
    resourceId: filters.resourceId.trim() || undefined,
    action: filters.action.trim() || undefined,
    from: filters.from ? parisDayToIso(filters.from, false) : undefined,
    to: filters.to ? parisDayToIso(filters.to, true) : undefined,
  };
}

export function AuditPage() {
  const { t } = useTranslation('admin');
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const query = toQuery(filters, pageFrom(params));
  const audit = useQuery({
    queryKey: adminKeys.audit(query),
    queryFn: ({ signal }) => fetchAudit(query, signal),
    placeholderData: keepPreviousData,
  });

  const apply = (values: AuditFilterValues) => {
    const changes: Record<string, string> = {};
    for (const key of FILTER_KEYS) changes[PARAM[key]] = values[key].trim();
    setParams(withParams(params, changes));
  };

  return (
    <Stack gap="md">
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <Paper withBorder p="md" radius="md">
        <AuditFilters values={filters} onApply={apply} />
      </Paper>
      {audit.isError && <ErrorAlert error={audit.error} onRetry={() => void audit.refetch()} />}
      {audit.isPending && <LoadingState />}
      {audit.data && (
        <AuditTable
          rows={audit.data.items}
          total={audit.data.total}
          page={audit.data.page}
          pageSize={audit.data.pageSize}
          onPageChange={(page) => setParams(withParams(params, { page }))}
          refreshing={audit.isPlaceholderData}
        />
      )}
    </Stack>
  );
}
