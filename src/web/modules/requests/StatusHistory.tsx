import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TRequestDetail } from '../../../shared/requests';
import { formatShortDateTime } from './request-format';
import { useCurrentSession } from '../../app/session';

/** Every status the request went through, oldest first, with its time (response times are reported). */
export function StatusHistory({ events, source }: { events: TRequestDetail['events']; source: TRequestDetail['source'] }) {
  const { t } = useTranslation('requests');
  const { user } = useCurrentSession();
  // The API gives user ids only: "by you" is the one name this page can tell.
  const byWhom = (id: string | null) => (id === null ? t('detail.bySystem') : id === user.id ? t('detail.byYou') : t('detail.byTeam'));
  return (
    <List component="ol" spacing="sm" listStyleType="none" p={0} aria-label={t('detail.historyCaption')}>
      {events.map((event, index) => (
        <List.Item key={`${event.at}-${index}`}>
          <Text fw={600}>
            {event.fromStatus === null
              ? t('detail.arrived')
              : t('detail.changed', { from: t(`status.${event.fromStatus}`), to: t(`status.${event.toStatus}`) })}
          </Text>
          <Text size="sm" c="dimmed">
            <time dateTime={event.at}>{formatShortDateTime(event.at)}</time> ·{' '}
            {event.fromStatus === null ? t(`source.${source}`) : byWhom(event.byUserId)}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
