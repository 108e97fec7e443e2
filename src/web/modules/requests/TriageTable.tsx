import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/paths';
import { PaginatedTable, type Column } from '../../ui/PaginatedTable';
import { formatAge, formatShortDateTime } from './request-format';
import { OverdueBadge, StatusBadge, UrgencyBadge } from './RequestBadges';
import type { TRequestSummary } from './requests-api';

interface TriageTableProps {
  rows: readonly TRequestSummary[];
  total: number;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  refreshing: boolean;
}

export function TriageTable(props: TriageTableProps) {
  const { t } = useTranslation(['requests', 'persons']);
  const columns: Column<TRequestSummary>[] = [
    {
      key: 'reference',
      header: t('triage.columns.reference'),
      rowHeader: true,
      cell: (request) => (
        <Stack gap={6} align="flex-start">
          <Anchor component={Link} to={paths.request(request.id)} fw={700} style={{ whiteSpace: 'nowrap' }}>
            {request.reference}
          </Anchor>
          {request.overdue && <OverdueBadge />}
        </Stack>
      ),
    },
    {
      key: 'person',
      header: t('triage.columns.person'),
      cell: (request) => <Text size="sm" fw={600} className="break-anywhere">{request.person.displayName}</Text>,
    },
    {
      key: 'age',
      header: t('triage.columns.age'),
      cell: (request) => (
        <Stack gap={2}>
          <Text size="sm" fw={request.overdue ? 700 : 400}>
            {formatAge(request.ageMinutes)}
          </Text>
          {request.status === 'new' && (
            <Text size="xs" c="dimmed">
              {t('dueBy', { date: formatShortDateTime(request.respondBy) })}
            </Text>
          )}
        </Stack>
      ),
    },
    { key: 'source', header: t('triage.columns.source'), cell: (request) => t(`source.${request.source}`) },
    {
      key: 'territory',
      header: t('triage.columns.territory'),
      cell: (request) => (
        <Stack gap={2}>
          <Text size="sm">{request.person.communeName}</Text>
          <Text size="xs" c="dimmed">
            {request.departement} — {t(`persons:departements.${request.departement}`)}
          </Text>
        </Stack>
      ),
    },
    { key: 'urgency', header: t('triage.columns.urgency'), cell: (request) => <UrgencyBadge urgency={request.urgency} /> },
    { key: 'status', header: t('triage.columns.status'), cell: (request) => <StatusBadge status={request.status} /> },
  ];
  return (
    <PaginatedTable
      caption={t('triage.caption')}
      columns={columns}
      rowKey={(request) => request.id}
      empty={{ title: t('triage.empty'), hint: t('triage.emptyHint') }}
      minWidth={980}
      {...props}
    />
  );
}
