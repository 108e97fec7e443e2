import { Code, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ZAuditEvent } from '../../../../shared/admin';
import { formatDateTime } from '../../../app/format';
import { PaginatedTable, type Column } from '../../../ui/PaginatedTable';
import { useAuditLabels } from './audit-labels';

type TAuditEvent = z.output<typeof ZAuditEvent>;

interface AuditTableProps {
  rows: readonly TAuditEvent[];
  total: number;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  refreshing: boolean;
}

function Context({ context }: { context: TAuditEvent['context'] }) {
  const entries = Object.entries(context);
  if (entries.length === 0) return <Text size="sm">—</Text>;
  return (
    <Stack component="ul" gap={2} m={0} p={0} style={{ listStyle: 'none' }}>
      {entries.map(([key, value]) => (
        <Text component="li" size="sm" key={key} className="break-anywhere">
          <Text span fw={600} size="sm">
            {key}
          </Text>
          {': '}
          {value === null ? '—' : String(value)}
        </Text>
      ))}
    </Stack>
  );
}

/**
 * A readable label with the exact code under it, smaller and dimmed (#5c636a, AA on white and on
 * striped rows): auditors search and quote the code. An unknown code is shown once, as is.
 */
function Labelled({ label, code }: { label: string; code: string }) {
  if (label === code) {
    return (
      <Text size="sm" ff="monospace" className="break-anywhere" translate="no">
        {code}
      </Text>
    );
  }
  return (
    <>
      <Text size="sm">{label}</Text>
      <Text size="xs" c="dimmed" ff="monospace" className="break-anywhere" translate="no">
        {code}
      </Text>
    </>
  );
}

export function AuditTable(props: AuditTableProps) {
  const { t } = useTranslation('admin');
  const { actionLabel, resourceTypeLabel } = useAuditLabels();
  const columns: Column<TAuditEvent>[] = [
    {
      key: 'date',
      header: t('audit.columns.date'),
      rowHeader: true,
      cell: (event) => <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time>,
    },
    { key: 'actor', header: t('audit.columns.actor'), cell: (event) => event.actor?.name ?? t('audit.system') },
    {
      key: 'action',
      header: t('audit.columns.action'),
      cell: (event) => <Labelled label={actionLabel(event.action)} code={event.action} />,
    },
    {
      key: 'resource',
      header: t('audit.columns.resource'),
      cell: (event) => (
        <>
          <Labelled label={resourceTypeLabel(event.resourceType)} code={event.resourceType} />
          {event.resourceId && (
            <Text size="sm" className="break-anywhere">
              <Code fz="xs">{event.resourceId}</Code>
            </Text>
          )}
        </>
      ),
    },
    { key: 'context', header: t('audit.columns.context'), cell: (event) => <Context context={event.context} /> },
  ];
  return (
    <PaginatedTable
      caption={t('audit.caption')}
      columns={columns}
      rowKey={(event) => String(event.id)}
      empty={{ title: t('audit.empty'), hint: t('audit.emptyHint') }}
      minWidth={960}
      {...props}
    />
  );
}
