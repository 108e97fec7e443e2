import { Alert, Box, Button, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TStaffMessage } from '../../../../shared/portal';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { fieldErrorsFrom } from '../../../ui/form-errors';
import { LoadingState } from '../../../ui/LoadingState';
import { accompanimentKeys, fetchMessages, fetchPortalAccount, fetchUnreadMessages, sendMessage } from '../accompaniments-api';
import { formatShortDateTime } from '../time';

const listStyle = { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 8 } as const;

function MessageBubble({ message }: { message: TStaffMessage }) {
  const { t } = useTranslation('accompaniments');
  return (
    <Box component="li" style={{ alignSelf: message.fromPerson ? 'flex-start' : 'flex-end', maxWidth: '85%' }}>
      <Paper p="sm" radius="md" bg={message.fromPerson ? 'gray.1' : 'passerelle.0'} withBorder>
        <Text size="xs" fw={700}>
          {message.fromPerson ? t('messages.fromPerson', { name: message.author.name }) : message.author.name}
          {' · '}
          <Text span size="xs" fw={400}>
            {formatShortDateTime(message.sentAt)}
          </Text>
        </Text>
        <Text className="preserve-lines">{message.body}</Text>
        {!message.fromPerson && (
          <Text size="xs" c="dimmed">
            {message.readAt ? t('messages.readAt', { date: formatShortDateTime(message.readAt) }) : t('messages.notRead')}
          </Text>
        )}
      </Paper>
    </Box>
  );
}

function Thread({ accompanimentId, personId, open }: { accompanimentId: string; personId: string; open: boolean }) {
  const { t } = useTranslation(['accompaniments', 'common']);
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const account = useQuery({ queryKey: accompanimentKeys.portalAccount(personId), queryFn: () => fetchPortalAccount(personId) });
  const thread = useInfiniteQuery({
    queryKey: accompanimentKeys.messages(accompanimentId),
    queryFn: ({ pageParam }) => fetchMessages(accompanimentId, pageParam),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
  });
  const mutation = useMutation({
    mutationFn: (text: string) => sendMessage(accompanimentId, text),
    onSuccess: () => {
      setBody('');
      void queryClient.invalidateQueries({ queryKey: accompanimentKeys.messages(accompanimentId) });
    },
    onError: (failure) => {
      const message = fieldErrorsFrom(failure, ['body']).body;
      setError(typeof message === 'string' ? message : null);
    },
  });
  const loaded = thread.isSuccess;
  useEffect(() => {
    // The person's messages are now read: the badges elsewhere follow.
    if (loaded) void queryClient.invalidateQueries({ queryKey: accompanimentKeys.unread });
  }, [loaded, queryClient]);
  if (thread.isPending) return <LoadingState />;
  if (thread.isError) return <ErrorAlert error={thread.error} onRetry={() => void thread.refetch()} />;
  // Pages come newest first; the conversation reads from the oldest at the top.
  const messages = thread.data.pages.flatMap((page) => page.items).reverse();
  const canAnswer = open && (thread.data.pages[0]?.policies.answer ?? false);
  return (
    <Stack gap="sm">
      {account.data && account.data.status !== 'active' && (
        <Alert color="orange" title={t('messages.noAccountTitle')}>
          {t(`messages.account.${account.data.status}`)}
        </Alert>
      )}
      {thread.hasNextPage && (
        <div>
          <Button variant="default" size="sm" loading={thread.isFetchingNextPage} onClick={() => void thread.fetchNextPage()}>
            {t('messages.older')}
          </Button>
        </div>
      )}
      {messages.length === 0 ? (
        <Text>{t('messages.empty')}</Text>
      ) : (
        <ul style={listStyle} aria-label={t('messages.listLabel')}>
          {messages.map((message) => (
            <MessageBubble key={message.id} message={message} />
          ))}
        </ul>
      )}
      {canAnswer && (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (body.trim() === '') {
              setError(t('common:validation.required'));
              document.getElementById('message-body')?.focus();
              return;
            }
            setError(null);
            mutation.mutate(body.trim());
          }}
        >
          <Stack gap="xs">
            <ErrorAlert error={mutation.error} fields={['body']} />
            <Textarea
              id="message-body"
              label={t('messages.reply')}
              description={t('messages.replyHint')}
              autosize
              minRows={3}
              maxLength={4000}
              size="md"
              value={body}
              onChange={(event) => setBody(event.currentTarget.value)}
              error={error}
            />
            <div>
              <Button type="submit" loading={mutation.isPending}>
                {t('messages.send')}
              </Button>
            </div>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

/**
 * Messages with the person (their personal space). Opening the thread marks the person's messages
 * as read for the peers, so it loads only when asked for.
 */
export function MessagesSection({ accompanimentId, personId, open }: { accompanimentId: string; personId: string; open: boolean }) {
  const { t } = useTranslation('accompaniments');
  const [shown, setShown] = useState(false);
  const unread = useQuery({ queryKey: accompanimentKeys.unread, queryFn: fetchUnreadMessages });
  const count = unread.data?.items.find((item) => item.accompanimentId === accompanimentId)?.unread ?? 0;
  if (shown) return <Thread accompanimentId={accompanimentId} personId={personId} open={open} />;
  return (
    <Stack gap="xs" align="flex-start">
      <Text size="sm" c="dimmed">
        {t('messages.intro')}
      </Text>
      <Button variant="outline" onClick={() => setShown(true)}>
        {count > 0 ? t('messages.showUnread', { count }) : t('messages.show')}
      </Button>
    </Stack>
  );
}
