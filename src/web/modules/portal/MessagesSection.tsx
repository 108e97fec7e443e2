import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TPortalAccompaniment } from '../../../shared/portal';
import { paths } from '../../app/paths';
import { formatDay, joinNames } from './portal-format';
import { PortalSection } from './PortalSection';
import { bigButton } from './ui';

/** "Messages de mon pair": what is new, and the way into each conversation. */
export function MessagesSection({ accompaniments }: { accompaniments: TPortalAccompaniment[] }) {
  const { t } = useTranslation('portal');
  const unread = accompaniments.reduce((sum, accompaniment) => sum + accompaniment.unreadMessages, 0);
  return (
    <PortalSection id="portal-messages" title={t('messages.title')}>
      {accompaniments.length === 0 ? (
        <Text>{t('messages.noAccompaniment')}</Text>
      ) : (
        <Stack gap="md">
          <Text fw={unread > 0 ? 700 : undefined}>{unread > 0 ? t('messages.unread', { count: unread }) : t('messages.noUnread')}</Text>
          {accompaniments.map((accompaniment) => {
            const names = accompaniment.peers.map((peer) => peer.firstName);
            return (
              <Button
                key={accompaniment.id}
                component={Link}
                to={paths.portalThread(accompaniment.id)}
                variant={accompaniment.canWrite ? 'filled' : 'default'}
                {...bigButton}
              >
                {accompaniment.closedAt
                  ? t('messages.reread', { date: formatDay(accompaniment.closedAt) })
                  : names.length > 0
                    ? t('messages.openWith', { names: joinNames(names) })
                    : t('messages.open')}
              </Button>
            );
          })}
        </Stack>
      )}
    </PortalSection>
  );
}
