import { Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TPortalAccompaniment } from '../../../shared/portal';
import { formatDay, joinNames } from './portal-format';
import { PortalSection } from './PortalSection';

// Calm colours on the person's side (a lost contact is not an alarm for them); yellow failed the AA contrast.
const STATUS_COLOR = { active: 'green', rupture_suspected: 'gray', outreach_in_progress: 'gray', closed: 'gray' } as const;

function AccompanimentCard({ accompaniment, headingOrder }: { accompaniment: TPortalAccompaniment; headingOrder: 3 | null }) {
  const { t } = useTranslation('portal');
  const names = accompaniment.peers.map((peer) => peer.firstName);
  const dates =
    accompaniment.closedAt !== null
      ? t('accompaniment.endedOn', { date: formatDay(accompaniment.closedAt) })
      : t('accompaniment.since', { date: formatDay(accompaniment.openedAt) });
  return (
    <Stack gap="sm">
      <Group gap="sm" wrap="wrap">
        {headingOrder && (
          <Title order={headingOrder} size="h4">
            {dates}
          </Title>
        )}
        {/* The status in words; the colour only repeats it. */}
        <Badge size="lg" variant="light" color={STATUS_COLOR[accompaniment.status]} style={{ textTransform: 'none', whiteSpace: 'normal', height: 'auto' }} py={4}>
          {t(`accompaniment.status.${accompaniment.status}`)}
        </Badge>
      </Group>
      {!headingOrder && <Text>{dates}</Text>}
      <Text>
        {names.length === 0
          ? t('accompaniment.noPeer')
          : t(names.length > 1 ? 'accompaniment.peers' : 'accompaniment.peer', { names: joinNames(names) })}
      </Text>
      <Stack gap={4}>
        <Text fw={700}>{t('accompaniment.goals')}</Text>
        {accompaniment.goals.length === 0 ? (
          <Text c="dimmed">{t('accompaniment.noGoals')}</Text>
        ) : (
          <List spacing="xs">
            {accompaniment.goals.map((goal) => (
              <List.Item key={goal.id}>
                <Text span>{t('accompaniment.quoted', { text: goal.wording })}</Text>{' '}
                <Text span c="dimmed">
                  ({t(`accompaniment.goalStatus.${goal.status}`)})
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Stack>
  );
}

/** "Mon accompagnement": status, the peers' first names, the goals in the person's own words. */
export function AccompanimentSection({ accompaniments }: { accompaniments: TPortalAccompaniment[] }) {
  const { t } = useTranslation('portal');
  return (
    <PortalSection id="portal-accompaniment" title={t('accompaniment.title')}>
      {accompaniments.length === 0 ? (
        <Stack gap={4}>
          <Text>{t('accompaniment.none')}</Text>
          <Text c="dimmed">{t('accompaniment.noneHint')}</Text>
        </Stack>
      ) : (
        <Stack gap="xl">
          {accompaniments.map((accompaniment) => (
            // With several accompaniments each one gets its own heading, so they can be told apart.
            <AccompanimentCard key={accompaniment.id} accompaniment={accompaniment} headingOrder={accompaniments.length > 1 ? 3 : null} />
          ))}
        </Stack>
      )}
    </PortalSection>
  );
}
