import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TAccompanimentSummary } from '../../../shared/accompaniments';
import { formatDate } from '../../app/format';
import { paths } from '../../app/paths';
import { MessageIcon } from './icons';
import { AccompanimentStatusBadge } from './StatusBadge';
import { relativeDays } from './time';

/**
 * The peers as one line: "Sophie Aubert, Julien Rossi (bénévole)". The current ones; once an
 * accompaniment is closed (every assignment ended), those who followed it.
 */
export function usePeerLine() {
  const { t } = useTranslation('accompaniments');
  return (peers: TAccompanimentSummary['peers']) => {
    const current = peers.filter((peer) => peer.endedAt === null);
    return (
      (current.length > 0 ? current : peers).map((peer) => (peer.asVolunteer ? t('peers.volunteerName', { name: peer.name }) : peer.name)).join(', ') ||
      t('peers.none')
    );
  };
}

/**
 * One accompaniment in a list, readable on a phone: who, its state, last contact, peers. A lost
 * contact stands out by a word, an icon and a thick border, never by colour alone.
 */
export function AccompanimentCard({ accompaniment, unread }: { accompaniment: TAccompanimentSummary; unread: number }) {
  const { t } = useTranslation('accompaniments');
  const peerLine = usePeerLine();
  const rupture = accompaniment.status === 'rupture_suspected';
  return (
    <Paper
      component="article"
      withBorder
      p="md"
      radius="md"
      style={rupture ? { borderColor: 'var(--mantine-color-red-8)', borderWidth: 3 } : undefined}
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={2} size="h4" style={{ flex: '1 1 12rem', minWidth: 0 }}>
            <Anchor component={Link} to={paths.accompaniment(accompaniment.id)} className="break-anywhere">
              {accompaniment.person.displayName}
            </Anchor>
          </Title>
          <AccompanimentStatusBadge status={accompaniment.status} />
        </Group>
        {unread > 0 && (
          <div>
            <Badge color="passerelle" variant="filled" tt="none" leftSection={<MessageIcon />}>
              {t('list.unread', { count: unread })}
            </Badge>
          </div>
        )}
        <Text size="sm">
          {accompaniment.lastContactAt
            ? t('list.lastContact', { date: formatDate(accompaniment.lastContactAt), relative: relativeDays(accompaniment.lastContactAt) })
            : t('list.noContact')}
        </Text>
        <Text size="sm" className="break-anywhere">
          {t('list.peers', { peers: peerLine(accompaniment.peers) })}
        </Text>
        <Text size="sm" c="dimmed">
          {accompaniment.closedAt
            ? t('list.openedClosed', { opened: formatDate(accompaniment.openedAt), closed: formatDate(accompaniment.closedAt) })
            : t('list.opened', { date: formatDate(accompaniment.openedAt) })}
        </Text>
      </Stack>
    </Paper>
  );
}
