import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TAccompanimentDetail } from '../../../../shared/accompaniments';
import { formatShortDateTime } from '../time';

/** Each change of state with its date and reason, oldest first. */
export function HistorySection({ events }: { events: TAccompanimentDetail['statusEvents'] }) {
  const { t } = useTranslation('accompaniments');
  return (
    <List spacing={6}>
      {events.map((event, index) => (
        <List.Item key={`${event.at}-${index}`}>
          <Text span fw={600}>
            {formatShortDateTime(event.at)}
          </Text>{' '}
          — {event.fromStatus === null ? t('history.opened') : t(`status.${event.toStatus}`)}
          {event.reason ? <Text span className="break-anywhere">{` (${event.reason})`}</Text> : null}
        </List.Item>
      ))}
    </List>
  );
}
