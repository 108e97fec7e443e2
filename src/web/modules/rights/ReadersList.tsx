import { Box, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { TablePagination } from '../../ui/TablePagination';
import { formatShortDateTime } from '../accompaniments/time';
import { fetchReaders, rightsKeys } from './rights-api';

const PAGE_SIZE = 15;
const listStyle = { listStyle: 'none', margin: 0, padding: 0 } as const;

/** "Qui a consulté ce dossier": each access from the audit journal, newest first (reading this list is audited too). */
export function ReadersList({ personId }: { personId: string }) {
  const { t } = useTranslation(['rights', 'common']);
  const [page, setPage] = useState(1);
  const readers = useQuery({
    queryKey: rightsKeys.readers(personId, page),
    queryFn: () => fetchReaders(personId, { page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  if (readers.isPending) return <LoadingState />;
  if (readers.isError) return <ErrorAlert error={readers.error} onRetry={() => void readers.refetch()} />;
  if (readers.data.total === 0) return <Text>{t('readers.empty')}</Text>;
  return (
    <Stack gap={0}>
      <ul style={listStyle} aria-label={t('readers.listLabel')}>
        {readers.data.items.map((entry, index) => (
          <Box component="li" key={`${entry.at}-${index}`} py={6} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
            <Text size="sm">
              <Text span fw={700}>
                {entry.reader.name}
              </Text>{' '}
              ({entry.roles.map((role) => t(`common:roles.${role}`)).join(', ')}) — {t(`readers.kinds.${entry.kind}`)}
            </Text>
            <Text size="xs" c="dimmed">
              {formatShortDateTime(entry.at)}
            </Text>
          </Box>
        ))}
      </ul>
      <TablePagination page={readers.data.page} pageSize={readers.data.pageSize} total={readers.data.total} onChange={setPage} />
    </Stack>
  );
}
