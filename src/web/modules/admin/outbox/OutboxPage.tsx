import { Anchor, Badge, Stack } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDateTime } from '../../../app/format';
import { paths } from '../../../app/paths';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LoadingState } from '../../../ui/LoadingState';
import { PageHeader } from '../../../ui/PageHeader';
import { PaginatedTable, type Column } from '../../../ui/PaginatedTable';
import { adminKeys, fetchOutbox, PAGE_SIZE } from '../admin-api';
import { pageFrom, withParams } from '../search-params';
import { OUTBOX_STATUS_COLORS, type TOutboxMessage } from './status';

export function OutboxPage() {
  const { t } = useTranslation('admin');
  const [params, setParams] = useSearchParams();
  const page = pageFrom(params);
  const outbox = useQuery({
    queryKey: adminKeys.outbox(page),
    queryFn: () => fetchOutbox({ page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const columns: Column<TOutboxMessage>[] = [
    {
      key: 'subject',
      header: t('outbox.columns.subject'),
      rowHeader: true,
      cell: (message) => (
        <Anchor component={Link} to={paths.outboxMessage(message.id)} fw={600}>
          {message.subject}
        </Anchor>
      ),
    },
    { key: 'to', header: t('outbox.columns.to'), cell: (message) => message.toAddress },
    { key: 'template', header: t('outbox.columns.template'), cell: (message) => message.template },
    {
      key: 'status',
      header: t('outbox.columns.status'),
      cell: (message) => (
        <Badge color={OUTBOX_STATUS_COLORS[message.status]} tt="none">
          {t(`outbox.status.${message.status}`)}
        </Badge>
      ),
    },
    {
      key: 'date',
      header: t('outbox.columns.date'),
      cell: (message) => <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>,
    },
  ];

  return (
    <Stack gap="md">
      <PageHeader title={t('outbox.title')} description={t('outbox.description')} />
      {outbox.isError && <ErrorAlert error={outbox.error} onRetry={() => void outbox.refetch()} />}
      {outbox.isPending && <LoadingState />}
      {outbox.data && (
        <PaginatedTable
          caption={t('outbox.caption')}
          columns={columns}
          rows={outbox.data.items}
          rowKey={(message) => message.id}
          total={outbox.data.total}
          page={outbox.data.page}
          pageSize={outbox.data.pageSize}
          onPageChange={(next) => setParams(withParams(params, { page: next }))}
          empty={{ title: t('outbox.empty'), hint: t('outbox.emptyHint') }}
          refreshing={outbox.isPlaceholderData}
          minWidth={860}
        />
      )}
    </Stack>
  );
}
