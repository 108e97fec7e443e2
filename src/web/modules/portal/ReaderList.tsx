import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TRecordReader } from '../../../shared/rights';
import { useCurrentSession } from '../../app/session';
import { formatMoment } from './portal-format';

/** Each access to the record in a sentence: who (and in which role), did what, when. */
export function ReaderList({ readers }: { readers: TRecordReader[] }) {
  const { t } = useTranslation(['portal', 'common']);
  const { user } = useCurrentSession();
  return (
    <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
      {readers.map((entry, index) => {
        const isMe = entry.reader.id === user.id;
        const roles = entry.roles.map((role) => t(`common:roles.${role}`)).join(', ');
        return (
          <li key={`${entry.at}-${entry.reader.id}-${index}`}>
            <Text>
              <Text span fw={700}>
                {isMe ? t('readers.you') : entry.reader.name}
              </Text>
              {!isMe && roles && ` (${roles})`} {isMe ? t(`readers.yourKind.${entry.kind}`) : t(`readers.kind.${entry.kind}`)}
            </Text>
            <Text size="sm" c="dimmed">
              <time dateTime={entry.at}>{t('readers.when', { date: formatMoment(entry.at) })}</time>
            </Text>
          </li>
        );
      })}
    </Stack>
  );
}
