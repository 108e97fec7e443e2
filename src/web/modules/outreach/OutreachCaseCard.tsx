import { Anchor, Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TOutreachCaseSummary } from '../../../shared/continuity';
import { paths } from '../../app/paths';
import { RuptureIcon } from '../accompaniments/icons';
import { formatShortDateTime } from '../accompaniments/time';
import { PreferencesPanel } from './PreferencesPanel';

/** The name a queue shows: first name or pseudonym only. */
export function useCaseName() {
  const { t } = useTranslation('outreach');
  return (person: TOutreachCaseSummary['person']) => person.firstName ?? person.pseudonym ?? t('queue.unnamed');
}

export function SignalBadge({ signal }: { signal: TOutreachCaseSummary['signal'] }) {
  const { t } = useTranslation('outreach');
  return (
    <Badge component="span" color="red" tt="none" leftSection={<RuptureIcon />}>
      {t(`signals.${signal}`)}
    </Badge>
  );
}

/** What the queue tells at a glance: who, since when, why, where, their wishes, what to do next. */
export function OutreachCaseCard({ outreachCase }: { outreachCase: TOutreachCaseSummary }) {
  const { t } = useTranslation('outreach');
  const nameOf = useCaseName();
  const name = nameOf(outreachCase.person);
  const open = outreachCase.status === 'open';
  return (
    <Paper component="article" withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={2} size="h4" style={{ flex: '1 1 10rem', minWidth: 0 }}>
            <Anchor component={Link} to={paths.outreachCase(outreachCase.id)} className="break-anywhere">
              {name}
            </Anchor>
          </Title>
          <Group gap={6}>
            <SignalBadge signal={outreachCase.signal} />
            {!open && (
              <Badge component="span" color="gray" tt="none">
                {t(`caseStatus.${outreachCase.status}`)}
              </Badge>
            )}
          </Group>
        </Group>
        <Text size="sm">
          {t('queue.age', { count: outreachCase.ageDays })} · {outreachCase.territory.communeName} ({outreachCase.territory.departement})
        </Text>
        <PreferencesPanel preferences={outreachCase.preferences} recontactConsent={outreachCase.recontactConsent} />
        <Text size="sm">
          {t('queue.attempts', { count: outreachCase.attemptCount, max: outreachCase.maxAttempts })}
          {outreachCase.lastAttempt &&
            ` · ${t('queue.lastAttempt', {
              channel: t(`channels.${outreachCase.lastAttempt.channel}`),
              result: t(`results.${outreachCase.lastAttempt.result}`),
              date: formatShortDateTime(outreachCase.lastAttempt.at),
            })}`}
        </Text>
        {outreachCase.suggestions.length > 0 && (
          <div>
            <Text size="sm" fw={700}>
              {t('queue.suggestions')}
            </Text>
            <List size="sm" spacing={2}>
              {outreachCase.suggestions.map((suggestion) => (
                <List.Item key={`${suggestion.code}-${suggestion.channel ?? ''}`}>{suggestion.label}</List.Item>
              ))}
            </List>
          </div>
        )}
        <Text size="sm" c="dimmed">
          {t('queue.peers', { peers: outreachCase.peers.map((peer) => peer.name).join(', ') || t('queue.noPeer') })}
        </Text>
        {open && (outreachCase.policies.logAttempt || outreachCase.policies.close) && (
          <Anchor component={Link} to={paths.outreachCase(outreachCase.id)} fw={600}>
            {t('queue.act', { name })}
          </Anchor>
        )}
      </Stack>
    </Paper>
  );
}
