import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TAccompanimentDetail } from '../../../../shared/accompaniments';
import { formatDate } from '../../../app/format';
import { paths } from '../../../app/paths';
import { Facts } from '../../persons/ui/Facts';
import { usePeerLine } from '../AccompanimentCard';
import { formatShortDateTime, relativeDays } from '../time';

/** Who the person is (name, commune), when we last saw them, what comes next, who follows them. */
export function SummarySection({ accompaniment }: { accompaniment: TAccompanimentDetail }) {
  const { t } = useTranslation(['accompaniments', 'persons']);
  const peerLine = usePeerLine();
  const { person, nextAppointment } = accompaniment;
  const lastContact = accompaniment.lastContactAt ?? person.lastContactAt;
  return (
    <Stack gap="sm">
      <Facts
        facts={[
          { label: t('summary.commune'), value: `${person.communeName} (${person.departement} — ${t(`persons:departements.${person.departement}`)})` },
          {
            label: t('summary.lastContact'),
            value: lastContact ? `${formatDate(lastContact)} (${relativeDays(lastContact)})` : t('summary.noContact'),
          },
          {
            label: t('summary.nextAppointment'),
            value: nextAppointment
              ? [formatShortDateTime(nextAppointment.startsAt), nextAppointment.place].filter(Boolean).join(' — ')
              : t('summary.noAppointment'),
          },
          { label: t('summary.peers'), value: peerLine(accompaniment.peers) },
          { label: t('summary.openedAt'), value: formatDate(accompaniment.openedAt) },
          ...(accompaniment.closedAt
            ? [
                { label: t('summary.closedAt'), value: formatDate(accompaniment.closedAt) },
                {
                  label: t('summary.closingReason'),
                  value: [accompaniment.closingReason ? t(`closingReasons.${accompaniment.closingReason}`) : null, accompaniment.closingNote]
                    .filter(Boolean)
                    .join(' — '),
                  wide: true,
                },
              ]
            : []),
        ]}
      />
      <Text>
        <Anchor component={Link} to={paths.person(person.id)} fw={600}>
          {t('summary.openRecord', { name: person.displayName })}
        </Anchor>
      </Text>
    </Stack>
  );
}
