import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TPortalMessage } from '../../../shared/portal';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { MessageComposer } from './MessageComposer';
import { fetchThread, portalKeys } from './portal-api';
import { formatMoment } from './portal-format';
import { bigButton } from './ui';

function MessageBubble({ message }: { message: TPortalMessage }) {
  const { t } = useTranslation('portal');
  return (
    <Paper
      component="li"
      withBorder
      radius="md"
      p="sm"
      maw="90%"
      ml={message.fromMe ? 'auto' : 0}
      bg={message.fromMe ? 'var(--mantine-color-passerelle-0)' : 'var(--mantine-color-gray-0)'}
    >
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap">
          <Text fw={700} size="sm">
            {message.fromMe ? t('messages.me') : message.authorFirstName}
          </Text>
          <Text size="sm" c="dimmed">
            <time dateTime={message.sentAt}>{t('messages.sentAt', { date: formatMoment(message.sentAt) })}</time>
          </Text>
        </Group>
        <Text style={{ whiteSpace: 'pre-wrap' }} className="break-anywhere">
          {message.body}
        </Text>
        {message.fromMe && message.readAt && (
          <Text size="sm" c="dimmed" ta="right">
            <span aria-hidden="true">✓ </span>
            {t('messages.seen')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** One conversation, oldest at the top like any messaging app, older pages on demand, the composer below. */
export function MessageThread({ accompanimentId }: { accompanimentId: string }) {
  const { t } = useTranslation('portal');
  const thread = useInfiniteQuery({
    queryKey: portalKeys.thread(accompanimentId),
    queryFn: ({ pageParam }) => fetchThread(accompanimentId, pageParam),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
    refetchInterval: 60_000,
  });
  if (thread.isPending) return <LoadingState />;
  if (thread.isError) return <ErrorAlert error={thread.error} onRetry={() => void thread.refetch()} />;
  const messages = thread.data.pages.flatMap((page) => page.items).reverse();
  const canWrite = thread.data.pages[0]?.canWrite ?? false;

  return (
    <Stack gap="lg">
      {thread.hasNextPage && (
        <Button variant="default" onClick={() => void thread.fetchNextPage()} loading={thread.isFetchingNextPage} {...bigButton}>
          {t('messages.older')}
        </Button>
      )}
      {messages.length === 0 ? (
        <Text>{t('messages.empty')}</Text>
      ) : (
        <Stack component="ol" gap="sm" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('messages.thread')}>
          {messages.map((message) => (
            <MessageBubble key={message.id} message={message} />
          ))}
        </Stack>
      )}
      {canWrite ? <MessageComposer accompanimentId={accompanimentId} /> : <Text fw={700}>{t('messages.closed')}</Text>}
    </Stack>
  );
}
