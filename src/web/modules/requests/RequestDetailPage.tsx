import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TRequestDetail } from '../../../shared/requests';
import { paths } from '../../app/paths';
import { useCurrentSession } from '../../app/session';
import { canOpenAccompaniments } from '../accompaniments/access';
import { openAccompanimentPath } from '../accompaniments/open-path';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeader } from '../../ui/PageHeader';
import { SuccessAlert } from '../../ui/SuccessAlert';
import { Facts, type Fact } from '../persons/ui/Facts';
import { RecordSection } from '../persons/ui/RecordSection';
import { formatShortDateTime } from './request-format';
import { OverdueBadge, StatusBadge, UrgencyBadge } from './RequestBadges';
import { fetchRequest, requestKeys } from './requests-api';
import { ReferralDecisionForm } from './ReferralDecisionForm';
import { StatusChangeForm } from './StatusChangeForm';
import { StatusHistory } from './StatusHistory';

function useRequestFacts(request: TRequestDetail) {
  const { t } = useTranslation(['requests', 'persons']);
  const notGiven = t('detail.notGiven');
  const text = (value: string | null) => value ?? notGiven;
  const summary: Fact[] = [
    {
      label: t('detail.person'),
      value: (
        <Anchor component={Link} to={paths.person(request.person.id)} fw={600}>
          {request.person.displayName}
        </Anchor>
      ),
    },
    {
      label: t('detail.territory'),
      value: `${request.person.communeName} (${request.communeInsee}) — ${request.departement} ${t(`persons:departements.${request.departement}`)}`,
    },
    { label: t('detail.source'), value: t(`source.${request.source}`) },
    { label: t('detail.urgency'), value: <UrgencyBadge urgency={request.urgency} /> },
    { label: t('detail.respondBy'), value: formatShortDateTime(request.respondBy) },
    {
      label: t('detail.firstContactAt'),
      value: request.firstContactAt ? formatShortDateTime(request.firstContactAt) : t('detail.notYet'),
    },
  ];
  const written: Fact[] =
    request.source === 'public_form'
      ? [
          { label: t('detail.contactMethod'), value: request.contactMethod ? t(`contactMethod.${request.contactMethod}`) : notGiven },
          ...(request.contactMethod === 'through_partner'
            ? [{ label: t('detail.referringStructure'), value: text(request.referringStructure) }]
            : []),
          { label: t('detail.preferredTimes'), value: text(request.preferredTimes) },
          { label: t('detail.hopes'), value: text(request.hopes), wide: true },
        ]
      : [
          { label: t('detail.referringStructure'), value: text(request.referringStructure) },
          { label: t('detail.contactMethod'), value: request.contactMethod ? t(`contactMethod.${request.contactMethod}`) : notGiven },
          ...(request.urgency === 'emergency_department'
            ? [
                { label: t('detail.emergencySite'), value: text(request.emergencySite) },
                { label: t('detail.emergencyContact'), value: text(request.emergencyContact) },
              ]
            : []),
          { label: t('detail.referralReason'), value: text(request.referralReason), wide: true },
        ];
  const handoff = [request.handoffTo, request.handoffStructure].filter(Boolean).join(' — ');
  const outcome: Fact[] = [
    ...(request.decision
      ? [
          { label: t('detail.decision'), value: t(`decision.${request.decision}`) },
          { label: t('detail.decisionReason'), value: text(request.decisionReason) },
        ]
      : []),
    ...(handoff ? [{ label: t('detail.handoff'), value: handoff }] : []),
    // A declined referral is redirected to its hand-off: said once.
    ...(request.redirectedTo && request.redirectedTo !== handoff ? [{ label: t('detail.redirectedTo'), value: request.redirectedTo }] : []),
    ...(request.closedReason ? [{ label: t('detail.closedReason'), value: request.closedReason }] : []),
  ];
  return { summary, written, outcome };
}

function RequestDetail({ request, onReload }: { request: TRequestDetail; onReload: () => void }) {
  const { t } = useTranslation('requests');
  const [saved, setSaved] = useState<string | null>(null);
  const { user } = useCurrentSession();
  const facts = useRequestFacts(request);
  const awaitingDecision = request.source === 'partner_referral' && request.decision === null;
  return (
    <>
      {saved && <SuccessAlert onClose={() => setSaved(null)}>{saved}</SuccessAlert>}
      <RecordSection title={t('detail.summary')}>
        <Facts facts={facts.summary} />
      </RecordSection>
      <RecordSection title={request.source === 'public_form' ? t('detail.whatTheyWrote') : t('detail.referral')}>
        <Facts facts={facts.written} />
      </RecordSection>
      {facts.outcome.length > 0 && (
        <RecordSection title={t('detail.outcome')}>
          <Facts facts={facts.outcome} />
        </RecordSection>
      )}
      {awaitingDecision && (
        <RecordSection title={t('referralDecision.title')}>
          {/* A new version (after a change or a reload) starts the form again from the server's state. */}
          <ReferralDecisionForm
            key={request.version}
            request={request}
            onReload={onReload}
            onSaved={() => setSaved(t('referralDecision.saved'))}
          />
        </RecordSection>
      )}
      {request.status === 'contacted' && canOpenAccompaniments(user) && (
        <RecordSection title={t('openAccompaniment.title')}>
          <Text size="sm">{t('openAccompaniment.text')}</Text>
          <Button component={Link} to={openAccompanimentPath({ requestId: request.id })} mt="xs" w="fit-content">
            {t('openAccompaniment.action')}
          </Button>
        </RecordSection>
      )}
      <RecordSection title={t('statusChange.title')}>
        <StatusChangeForm
          key={request.version}
          request={request}
          onReload={onReload}
          onSaved={() => setSaved(t('statusChange.saved'))}
        />
      </RecordSection>
      <RecordSection title={t('detail.history')}>
        <StatusHistory events={request.events} source={request.source} />
      </RecordSection>
    </>
  );
}

/** One request: who, what they wrote or why they were referred, what to do next, its history. */
export function RequestDetailPage() {
  const { t } = useTranslation('requests');
  const { id = '' } = useParams();
  const request = useQuery({ queryKey: requestKeys.detail(id), queryFn: () => fetchRequest(id) });
  const data = request.data;
  return (
    <Stack gap="md">
      <PageHeader
        title={data ? t('detail.title', { reference: data.reference }) : t('detail.fallbackTitle')}
        back={{ to: paths.requests, label: t('detail.back') }}
        description={
          data ? (
            <Stack gap={6} component="span">
              <span>{t('detail.receivedAt', { date: formatShortDateTime(data.receivedAt) })}</span>
              <Group gap="xs" component="span">
                <StatusBadge status={data.status} />
                <UrgencyBadge urgency={data.urgency} />
                {data.overdue && <OverdueBadge />}
              </Group>
            </Stack>
          ) : undefined
        }
      />
      {request.isPending && <LoadingState />}
      {request.isError && <ErrorAlert error={request.error} onRetry={() => void request.refetch()} />}
      {data && <RequestDetail request={data} onReload={() => void request.refetch()} />}
    </Stack>
  );
}
