import { Alert, Anchor, Box, Group, List, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TOutreachCaseDetail } from '../../../shared/continuity';
import { formatDate } from '../../app/format';
import { paths } from '../../app/paths';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeader } from '../../ui/PageHeader';
import { AccompanimentStatusBadge } from '../accompaniments/StatusBadge';
import { formatShortDateTime } from '../accompaniments/time';
import { Facts } from '../persons/ui/Facts';
import { RecordSection } from '../persons/ui/RecordSection';
import { AttemptForm } from './AttemptForm';
import { CloseCaseForm } from './CloseCaseForm';
import { SignalBadge, useCaseName } from './OutreachCaseCard';
import { fetchCase, outreachKeys } from './outreach-api';
import { PreferencesPanel } from './PreferencesPanel';

const listStyle = { listStyle: 'none', margin: 0, padding: 0 } as const;

/** Why no attempt can be logged, when none can: the person's wish first. */
function useAttemptBlock(outreachCase: TOutreachCaseDetail): string | null {
  const { t } = useTranslation('outreach');
  if (outreachCase.status !== 'open') return null;
  if (outreachCase.preferences.doNotContact) return t('attempt.blockedDoNotContact');
  if (!outreachCase.recontactConsent) return t('attempt.blockedNoConsent');
  if (outreachCase.preferences.allowedChannels.length === 0) return t('attempt.blockedNoChannel');
  return null;
}

function CaseDetail({ outreachCase }: { outreachCase: TOutreachCaseDetail }) {
  const { t } = useTranslation(['outreach', 'persons']);
  const name = useCaseName()(outreachCase.person);
  const open = outreachCase.status === 'open';
  const blocked = useAttemptBlock(outreachCase);
  return (
    <>
      {!open && (
        <Alert color="gray" title={t('case.closedTitle', { outcome: t(`caseStatus.${outreachCase.status}`) })}>
          {[outreachCase.closedAt ? formatDate(outreachCase.closedAt) : null, outreachCase.closedBy?.name, outreachCase.outcomeNote].filter(Boolean).join(' — ')}
        </Alert>
      )}
      <RecordSection title={t('case.wishes')}>
        <PreferencesPanel preferences={outreachCase.preferences} recontactConsent={outreachCase.recontactConsent} />
        <Anchor component={Link} to={paths.person(outreachCase.person.id)} size="sm">
          {t('case.editWishes', { name })}
        </Anchor>
      </RecordSection>
      <RecordSection title={t('case.situation')}>
        <Facts
          facts={[
            { label: t('case.signal'), value: <SignalBadge signal={outreachCase.signal} /> },
            { label: t('case.flaggedAt'), value: `${formatDate(outreachCase.flaggedAt)} (${t('case.daysAgo', { count: outreachCase.ageDays })})` },
            {
              label: t('case.territory'),
              value: `${outreachCase.territory.communeName} (${outreachCase.territory.departement} — ${t(`persons:departements.${outreachCase.territory.departement}`)})`,
            },
            { label: t('case.accompaniment'), value: <AccompanimentStatusBadge status={outreachCase.accompanimentStatus} /> },
            { label: t('case.peers'), value: outreachCase.peers.map((peer) => peer.name).join(', ') || t('queue.noPeer') },
            { label: t('case.attemptCount'), value: t('case.attemptsOf', { count: outreachCase.attemptCount, max: outreachCase.maxAttempts }) },
          ]}
        />
        <Anchor component={Link} to={paths.accompaniment(outreachCase.accompanimentId)} fw={600}>
          {t('case.openAccompaniment', { name })}
        </Anchor>
      </RecordSection>
      {open && outreachCase.suggestions.length > 0 && (
        <RecordSection title={t('queue.suggestions')}>
          <List spacing={4}>
            {outreachCase.suggestions.map((suggestion) => (
              <List.Item key={`${suggestion.code}-${suggestion.channel ?? ''}`}>{suggestion.label}</List.Item>
            ))}
          </List>
        </RecordSection>
      )}
      {open && outreachCase.policies.logAttempt && (
        <RecordSection title={t('attempt.sectionTitle')} id="tentative">
          {blocked ? (
            <Alert color={outreachCase.preferences.doNotContact ? 'red' : 'orange'} title={t('attempt.blockedTitle')}>
              {blocked}
            </Alert>
          ) : (
            <AttemptForm outreachCase={outreachCase} />
          )}
        </RecordSection>
      )}
      <RecordSection title={t('case.attempts')}>
        {outreachCase.attempts.length === 0 ? (
          <Text>{t('case.noAttempt')}</Text>
        ) : (
          <ul style={listStyle} aria-label={t('case.attempts')}>
            {[...outreachCase.attempts].reverse().map((attempt) => (
              <Box component="li" key={attempt.id} py="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
                <Group justify="space-between" gap="xs">
                  <Text fw={600}>
                    {t(`channels.${attempt.channel}`)} — {t(`results.${attempt.result}`)}
                  </Text>
                  <Text size="sm">{formatShortDateTime(attempt.at)}</Text>
                </Group>
                <Text size="sm">{t('case.by', { name: attempt.by.name })}</Text>
                {attempt.note && <Text size="sm" className="preserve-lines">{attempt.note}</Text>}
              </Box>
            ))}
          </ul>
        )}
      </RecordSection>
      {open && outreachCase.policies.close && (
        <RecordSection title={t('close.sectionTitle')}>
          <CloseCaseForm outreachCase={outreachCase} name={name} />
        </RecordSection>
      )}
    </>
  );
}

/** One outreach case: the person's wishes first, then the situation, suggestions, attempts and outcome. */
export function OutreachCasePage() {
  const { t } = useTranslation('outreach');
  const { id = '' } = useParams();
  const outreachCase = useQuery({ queryKey: outreachKeys.detail(id), queryFn: () => fetchCase(id) });
  const nameOf = useCaseName();
  const data = outreachCase.data;
  return (
    <Stack gap="md">
      <PageHeader title={data ? t('case.title', { name: nameOf(data.person) }) : t('case.fallbackTitle')} back={{ to: paths.outreach, label: t('case.back') }} />
      {outreachCase.isPending && <LoadingState />}
      {outreachCase.isError && <ErrorAlert error={outreachCase.error} onRetry={() => void outreachCase.refetch()} />}
      {data && <CaseDetail outreachCase={data} />}
    </Stack>
  );
}
