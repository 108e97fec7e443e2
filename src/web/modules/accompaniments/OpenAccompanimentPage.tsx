import { Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import type { TAccompanimentOpenInput } from '../../../shared/accompaniments';
import { isApiError } from '../../app/api-error';
import { paths } from '../../app/paths';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { fieldErrorsFrom } from '../../ui/form-errors';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeader } from '../../ui/PageHeader';
import { fetchPerson, personKeys } from '../persons/persons-api';
import { ConflictAlert } from '../persons/ui/ConflictAlert';
import { fetchRequest, requestKeys } from '../requests/requests-api';
import { accompanimentKeys, openAccompaniment } from './accompaniments-api';
import { GoalInputs } from './GoalInputs';
import { usePeerChoices, type TPeerChoice } from './peer-choices';
import { PeerPicker, peerSelectionError } from './PeerPicker';
import { PersonPicker, type TPickedPerson } from './PersonPicker';

const SERVER_FIELDS = ['personId', 'peerIds', 'requestId', 'goals'] as const;
const ZId = z.uuid();

type TErrors = { personId?: string; peerIds?: string; goals: Record<number, string> };

interface OpenFormProps {
  initialPerson: TPickedPerson | null;
  request: { id: string; reference: string; version: number } | null;
  knownPeers: readonly TPeerChoice[];
  onReload: () => void;
}

function OpenAccompanimentForm({ initialPerson, request, knownPeers, onReload }: OpenFormProps) {
  const { t } = useTranslation(['accompaniments', 'common']);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [person, setPerson] = useState<TPickedPerson | null>(initialPerson);
  const [peerIds, setPeerIds] = useState<string[]>([]);
  const [goals, setGoals] = useState<string[]>(['']);
  const [errors, setErrors] = useState<TErrors>({ goals: {} });
  const peers = usePeerChoices(knownPeers);

  const mutation = useMutation({
    mutationFn: (input: TAccompanimentOpenInput) => openAccompaniment(input),
    onSuccess: (detail) => {
      void queryClient.invalidateQueries({ queryKey: accompanimentKeys.all });
      void queryClient.invalidateQueries({ queryKey: personKeys.all });
      void queryClient.invalidateQueries({ queryKey: requestKeys.all });
      void navigate(paths.accompaniment(detail.id), { state: { notice: 'opened' } });
    },
    onError: (error) => {
      const server = fieldErrorsFrom(error, SERVER_FIELDS);
      setErrors({
        personId: typeof server.personId === 'string' ? server.personId : undefined,
        peerIds: typeof server.peerIds === 'string' ? server.peerIds : undefined,
        goals: {},
      });
      if (server.personId) document.getElementById('open-person')?.focus();
      else if (server.peerIds) document.getElementById('open-peers')?.focus();
    },
  });
  const conflict = isApiError(mutation.error) && mutation.error.status === 409 && Object.keys(mutation.error.errors).length === 0;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const required = t('common:validation.required');
    const goalErrors: Record<number, string> = {};
    goals.forEach((goal, index) => {
      if (goal.trim() !== '' && goal.trim().length < 2) goalErrors[index] = t('common:validation.minLength', { count: 2 });
    });
    const next: TErrors = {
      personId: person ? undefined : required,
      peerIds: peerSelectionError(peerIds, peers.choices, t('peers.required')) ?? undefined,
      goals: goalErrors,
    };
    setErrors(next);
    const firstGoal = Object.keys(goalErrors)[0];
    if (next.personId) document.getElementById('open-person')?.focus();
    else if (next.peerIds) document.getElementById('open-peers')?.focus();
    else if (firstGoal !== undefined) document.getElementById(`first-goal-${firstGoal}`)?.focus();
    if (!person || next.peerIds || firstGoal !== undefined) return;
    const wordings = goals.map((goal) => goal.trim()).filter((goal) => goal !== '');
    mutation.mutate({
      personId: person.id,
      peerIds,
      ...(wordings.length > 0 ? { goals: wordings } : {}),
      ...(request ? { requestId: request.id, requestVersion: request.version } : {}),
    });
  };

  return (
    <Paper withBorder p="md" radius="md">
      <form noValidate onSubmit={submit} aria-label={t('open.formLabel')}>
        <Stack gap="lg" maw={720}>
          <Text size="sm">{t('common:requiredHint')}</Text>
          {conflict ? (
            <ConflictAlert title={t('open.conflictTitle')} text={t('open.conflictText')} onReload={onReload} />
          ) : (
            <ErrorAlert error={mutation.error} fields={SERVER_FIELDS} />
          )}
          {request && <Text>{t('open.fromRequest', { reference: request.reference })}</Text>}
          {request && person ? (
            <Stack gap={2}>
              <Text fw={600}>{t('open.person')}</Text>
              <Text id="open-person" tabIndex={-1}>
                {person.displayName}
              </Text>
              {errors.personId && (
                <Text c="red.8" size="sm" role="alert">
                  {errors.personId}
                </Text>
              )}
            </Stack>
          ) : (
            <PersonPicker id="open-person" label={t('open.person')} value={person} onChange={setPerson} error={errors.personId} />
          )}
          {errors.personId && person && (
            <Anchor component={Link} to={paths.person(person.id)} size="sm">
              {t('open.seeRecord', { name: person.displayName })}
            </Anchor>
          )}
          <PeerPicker id="open-peers" choices={peers.choices} loading={peers.loading} value={peerIds} onChange={setPeerIds} error={errors.peerIds} />
          <GoalInputs values={goals} onChange={setGoals} errors={errors.goals} />
          <Group gap="sm">
            <Button type="submit" size="md" loading={mutation.isPending} disabled={conflict}>
              {t('open.submit')}
            </Button>
            <Button variant="default" size="md" component={Link} to={person ? paths.person(person.id) : paths.accompaniments}>
              {t('common:actions.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** A coordinator opens an accompaniment: from a request, from a person's record, or by finding the person. */
export function OpenAccompanimentPage() {
  const { t } = useTranslation('accompaniments');
  const [params] = useSearchParams();
  const requestId = ZId.safeParse(params.get('demande')).data;
  const personId = ZId.safeParse(params.get('personne')).data;
  const request = useQuery({ queryKey: requestKeys.detail(requestId ?? ''), queryFn: () => fetchRequest(requestId ?? ''), enabled: Boolean(requestId) });
  const targetPersonId = requestId ? request.data?.person.id : personId;
  const person = useQuery({
    queryKey: personKeys.detail(targetPersonId ?? ''),
    queryFn: () => fetchPerson(targetPersonId ?? ''),
    enabled: Boolean(targetPersonId),
  });
  const loading = (Boolean(requestId) && request.isPending) || (Boolean(targetPersonId) && person.isPending);
  const failed = request.error ?? person.error;
  const picked = person.data ? { id: person.data.id, displayName: person.data.displayName } : null;
  const known: TPeerChoice[] = (person.data?.referents ?? []).map((referent) => ({ ...referent, asVolunteer: null }));
  return (
    <Stack gap="md">
      <PageHeader
        title={t('open.title')}
        description={t('open.description')}
        back={picked ? { to: paths.person(picked.id), label: t('open.backToPerson') } : { to: paths.accompaniments, label: t('open.back') }}
      />
      {loading && <LoadingState />}
      {failed && <ErrorAlert error={failed} />}
      {!loading && !failed && (
        <OpenAccompanimentForm
          key={`${request.data?.version ?? 0}-${picked?.id ?? ''}`}
          initialPerson={picked}
          request={request.data ? { id: request.data.id, reference: request.data.reference, version: request.data.version } : null}
          knownPeers={known}
          onReload={() => {
            void request.refetch();
            void person.refetch();
          }}
        />
      )}
    </Stack>
  );
}
