import { Button, Paper, Stack, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TPortalAccompaniment } from '../../../shared/portal';
import { paths } from '../../app/paths';
import { EmptyMessage } from '../../ui/EmptyMessage';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeader } from '../../ui/PageHeader';
import { BackLink } from './BackLink';
import { MessageThread } from './MessageThread';
import { fetchPortalHome, portalKeys } from './portal-api';
import { formatDay, joinNames } from './portal-format';
import { PortalLoadError } from './PortalLoadError';
import { bigButton } from './ui';

function useAccompanimentLabel() {
  const { t } = useTranslation('portal');
  return (accompaniment: TPortalAccompaniment) => {
    const names = accompaniment.peers.map((peer) => peer.firstName);
    const who = names.length > 0 ? t('messages.accompanimentWith', { names: joinNames(names) }) : t('messages.accompanimentOf', { date: formatDay(accompaniment.openedAt) });
    // Two accompaniments with the same peer are told apart by their dates.
    const when = accompaniment.closedAt
      ? t('messages.endedOn', { date: formatDay(accompaniment.closedAt) })
      : t('messages.ongoingSince', { date: formatDay(accompaniment.openedAt) });
    return `${who}, ${when}`;
  };
}

/** "Mes messages": the conversation with one's peers; with several accompaniments, one is chosen first. */
export function MessagesPage() {
  const { t } = useTranslation('portal');
  const { id } = useParams();
  const queryClient = useQueryClient();
  const home = useQuery({ queryKey: portalKeys.home, queryFn: fetchPortalHome });
  const labelOf = useAccompanimentLabel();
  const accompaniments = home.data?.accompaniments ?? [];
  const chosen = id ? accompaniments.find((item) => item.id === id) : accompaniments.length === 1 ? accompaniments[0] : undefined;

  // Reading the thread marks the peers' messages as read: the home's counters must follow.
  useEffect(() => {
    if (chosen) return () => void queryClient.invalidateQueries({ queryKey: portalKeys.home });
    return undefined;
  }, [chosen, queryClient]);

  return (
    <Stack gap="lg" maw={760}>
      {accompaniments.length > 1 && chosen && <BackLink to={paths.portalMessages} label={t('messages.choose')} />}
      <PageHeader title={t('messages.pageTitle')} description={chosen ? labelOf(chosen) : t('messages.pageDescription')} />
      {home.isPending && <LoadingState />}
      {home.isError && <PortalLoadError error={home.error} onRetry={() => void home.refetch()} />}
      {home.data && accompaniments.length === 0 && <EmptyMessage title={t('messages.noAccompaniment')} />}
      {home.data && id && !chosen && <EmptyMessage title={t('messages.unknown')} />}
      {home.data && !chosen && !id && accompaniments.length > 1 && (
        <Paper component="section" withBorder p="md" radius="md" aria-labelledby="portal-choose">
          <Stack gap="md">
            <Title order={2} size="h3" id="portal-choose">
              {t('messages.choose')}
            </Title>
            {accompaniments.map((accompaniment) => (
              <Button key={accompaniment.id} component={Link} to={paths.portalThread(accompaniment.id)} variant="default" {...bigButton}>
                {labelOf(accompaniment)}
              </Button>
            ))}
          </Stack>
        </Paper>
      )}
      {chosen && (
        <Paper component="section" withBorder p={{ base: 'sm', sm: 'lg' }} radius="md" aria-label={labelOf(chosen)}>
          <MessageThread key={chosen.id} accompanimentId={chosen.id} />
        </Paper>
      )}
    </Stack>
  );
}
