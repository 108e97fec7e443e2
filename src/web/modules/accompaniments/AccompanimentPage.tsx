import { Alert, Anchor, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { TAccompanimentDetail } from '../../../shared/accompaniments';
import { paths } from '../../app/paths';
import { useCurrentSession } from '../../app/session';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeader } from '../../ui/PageHeader';
import { SuccessAlert } from '../../ui/SuccessAlert';
import { RecontactPreferencesSection } from '../outreach/RecontactPreferencesSection';
import { RecordSection } from '../persons/ui/RecordSection';
import { canUseOutreachQueue, mayManageRecontactPreferences } from './access';
import { accompanimentKeys, fetchAccompaniment } from './accompaniments-api';
import { AppointmentsSection } from './detail/AppointmentsSection';
import { CloseSection } from './detail/CloseSection';
import { GoalsSection } from './detail/GoalsSection';
import { HistorySection } from './detail/HistorySection';
import { InterventionForm } from './detail/InterventionForm';
import { InterventionsLog } from './detail/InterventionsLog';
import { MessagesSection } from './detail/MessagesSection';
import { NotesSection } from './detail/NotesSection';
import { PeersSection } from './detail/PeersSection';
import { SummarySection } from './detail/SummarySection';
import { OutreachIcon, RuptureIcon } from './icons';
import classes from './AccompanimentPage.module.css';
import { AccompanimentStatusBadge } from './StatusBadge';

type TSectionKey = 'summary' | 'log' | 'appointments' | 'goals' | 'notes' | 'messages' | 'recontact' | 'interventions' | 'peers' | 'history' | 'close';
const anchor = (key: TSectionKey) => `accompagnement-${key}`;

function noticeFrom(state: unknown): 'opened' | null {
  if (typeof state !== 'object' || state === null) return null;
  return Reflect.get(state, 'notice') === 'opened' ? 'opened' : null;
}

/** Jump links: on a phone the page is long, the peer goes straight to what they came for. */
function OnThisPage({ keys }: { keys: readonly TSectionKey[] }) {
  const { t } = useTranslation('accompaniments');
  return (
    <nav aria-label={t('page.onThisPage')}>
      <Group gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0, columnGap: 12 }}>
        {keys.map((key) => (
          <li key={key}>
            <Anchor href={`#${anchor(key)}`} size="sm" py={2} display="inline-block">
              {t(`page.sections.${key}`)}
            </Anchor>
          </li>
        ))}
      </Group>
    </nav>
  );
}

function ContactAlert({ accompaniment }: { accompaniment: TAccompanimentDetail }) {
  const { t } = useTranslation('accompaniments');
  const { user } = useCurrentSession();
  if (accompaniment.status !== 'rupture_suspected' && accompaniment.status !== 'outreach_in_progress') return null;
  const suspected = accompaniment.status === 'rupture_suspected';
  return (
    <Alert
      color={suspected ? 'red' : 'orange'}
      icon={suspected ? <RuptureIcon /> : <OutreachIcon />}
      title={suspected ? t('page.ruptureTitle') : t('page.outreachTitle')}
    >
      <Stack gap={4}>
        <Text size="sm">{suspected ? t('page.ruptureText') : t('page.outreachText')}</Text>
        {canUseOutreachQueue(user) && (
          <Anchor component={Link} to={paths.outreach} size="sm" fw={600}>
            {t('page.toOutreach')}
          </Anchor>
        )}
      </Stack>
    </Alert>
  );
}

function AccompanimentSections({ accompaniment }: { accompaniment: TAccompanimentDetail }) {
  const { t } = useTranslation('accompaniments');
  const { user } = useCurrentSession();
  const canWork = accompaniment.policies.work;
  const open = accompaniment.status !== 'closed';
  const keys: TSectionKey[] = [
    'summary',
    ...(canWork ? (['log'] as const) : []),
    'appointments',
    'goals',
    'notes',
    'messages',
    ...(mayManageRecontactPreferences(user) ? (['recontact'] as const) : []),
    'interventions',
    'peers',
    'history',
    ...(accompaniment.policies.close ? (['close'] as const) : []),
  ];
  const title = (key: TSectionKey) => t(`page.sections.${key}`);
  return (
    <>
      <OnThisPage keys={keys} />
      <ContactAlert accompaniment={accompaniment} />
      {!open && (
        <Alert color="gray" title={t('page.closedTitle')}>
          {t('page.closedText')}
        </Alert>
      )}
      <RecordSection title={title('summary')} id={anchor('summary')}>
        <SummarySection accompaniment={accompaniment} />
      </RecordSection>
      {canWork && (
        <RecordSection title={title('log')} id={anchor('log')}>
          <InterventionForm accompaniment={accompaniment} />
        </RecordSection>
      )}
      <RecordSection title={title('appointments')} id={anchor('appointments')}>
        <AppointmentsSection accompanimentId={accompaniment.id} canWork={canWork} />
      </RecordSection>
      <RecordSection title={title('goals')} id={anchor('goals')}>
        <GoalsSection accompaniment={accompaniment} />
      </RecordSection>
      <RecordSection title={title('notes')} id={anchor('notes')}>
        <NotesSection accompanimentId={accompaniment.id} canWork={canWork} />
      </RecordSection>
      <RecordSection title={title('messages')} id={anchor('messages')}>
        <MessagesSection accompanimentId={accompaniment.id} personId={accompaniment.person.id} open={open} />
      </RecordSection>
      {mayManageRecontactPreferences(user) && (
        <RecontactPreferencesSection personId={accompaniment.person.id} id={anchor('recontact')} />
      )}
      <RecordSection title={title('interventions')} id={anchor('interventions')}>
        <InterventionsLog accompanimentId={accompaniment.id} />
      </RecordSection>
      <RecordSection title={title('peers')} id={anchor('peers')}>
        <PeersSection accompaniment={accompaniment} />
      </RecordSection>
      <RecordSection title={title('history')} id={anchor('history')}>
        <HistorySection events={accompaniment.statusEvents} />
      </RecordSection>
      {accompaniment.policies.close && (
        <RecordSection title={title('close')} id={anchor('close')}>
          <CloseSection accompaniment={accompaniment} />
        </RecordSection>
      )}
    </>
  );
}

/** One accompaniment, mobile first: log an intervention in a few taps, then everything else below. */
export function AccompanimentPage() {
  const { t } = useTranslation('accompaniments');
  const { id = '' } = useParams();
  const location = useLocation();
  const [notice, setNotice] = useState(() => noticeFrom(location.state));
  const accompaniment = useQuery({ queryKey: accompanimentKeys.detail(id), queryFn: () => fetchAccompaniment(id) });
  const data = accompaniment.data;
  return (
    <Stack gap="md">
      <PageHeader
        title={data ? t('page.title', { name: data.person.displayName }) : t('page.fallbackTitle')}
        back={{ to: paths.accompaniments, label: t('page.back') }}
        description={data ? <AccompanimentStatusBadge status={data.status} /> : undefined}
      />
      {notice && data?.status !== 'closed' && <SuccessAlert onClose={() => setNotice(null)}>{t('page.opened')}</SuccessAlert>}
      {accompaniment.isPending && <LoadingState />}
      {accompaniment.isError && <ErrorAlert error={accompaniment.error} onRetry={() => void accompaniment.refetch()} />}
      {data && (
        <Stack gap="md" className={classes.sections}>
          <AccompanimentSections accompaniment={data} />
        </Stack>
      )}
    </Stack>
  );
}
