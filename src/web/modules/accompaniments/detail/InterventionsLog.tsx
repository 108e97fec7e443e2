import { Box, Group, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TIntervention } from '../../../../shared/accompaniments';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LoadingState } from '../../../ui/LoadingState';
import { TablePagination } from '../../../ui/TablePagination';
import { accompanimentKeys, fetchInterventions } from '../accompaniments-api';
import { formatDuration, formatShortDateTime } from '../time';

const PAGE_SIZE = 10;
const listStyle = { listStyle: 'none', margin: 0, padding: 0 } as const;

function InterventionLine({ intervention }: { intervention: TIntervention }) {
  const { t } = useTranslation('accompaniments');
  return (
    <Box component="li" py="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
      <Group justify="space-between" gap="xs" align="baseline">
        <Text fw={600}>{t(`interventionTypes.${intervention.type}`)}</Text>
        <Text size="sm">{formatShortDateTime(intervention.occurredAt)}</Text>
      </Group>
      <Text size="sm" className="break-anywhere">
        {[formatDuration(intervention.durationMinutes), intervention.place, intervention.peers.map((peer) => peer.name).join(', ')]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </Box>
  );
}

/** The interventions log, most recent first, one page at a time (each page read is audited). */
export function InterventionsLog({ accompanimentId }: { accompanimentId: string }) {
  const { t } = useTranslation('accompaniments');
  const [page, setPage] = useState(1);
  const log = useQuery({
    queryKey: accompanimentKeys.interventions(accompanimentId, page),
    queryFn: () => fetchInterventions(accompanimentId, page, PAGE_SIZE),
    placeholderData: keepPreviousData,
  });
  if (log.isPending) return <LoadingState />;
  if (log.isError) return <ErrorAlert error={log.error} onRetry={() => void log.refetch()} />;
  if (log.data.total === 0) return <Text>{t('interventions.empty')}</Text>;
  return (
    <Stack gap={0}>
      <ul style={listStyle} aria-label={t('interventions.logLabel')}>
        {log.data.items.map((intervention) => (
          <InterventionLine key={intervention.id} intervention={intervention} />
        ))}
      </ul>
      <TablePagination page={log.data.page} pageSize={log.data.pageSize} total={log.data.total} onChange={setPage} />
    </Stack>
  );
}
