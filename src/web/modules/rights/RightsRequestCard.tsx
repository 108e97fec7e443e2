import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RIGHTS_MESSAGES, type TRightsRequest, type TRightsRequestUpdate } from '../../../shared/rights';
import { isApiError } from '../../app/api-error';
import { formatDate, isoToParisDay } from '../../app/format';
import { currentLocale } from '../../app/i18n';
import { paths } from '../../app/paths';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { fieldErrorsFrom } from '../../ui/form-errors';
import { Facts } from '../persons/ui/Facts';
import { ConflictAlert } from '../persons/ui/ConflictAlert';
import { OverdueIcon } from '../requests/icons';
import { dayToInstant, todayInParis } from './day-input';
import { rightsKeys, updateRightsRequest } from './rights-api';

const FIELDS = ['identityCheck', 'answeredAt', 'outcome'] as const;

function AnswerForm({ request, onDone, onCancel }: { request: TRightsRequest; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation(['rights', 'common']);
  const queryClient = useQueryClient();
  const prefix = `answer-${request.id}`;
  const [identityCheck, setIdentityCheck] = useState(request.identityCheck ?? '');
  const [answeredOn, setAnsweredOn] = useState(request.answeredAt ? isoToParisDay(request.answeredAt) : todayInParis());
  const [outcome, setOutcome] = useState(request.outcome ?? '');
  const [errors, setErrors] = useState<Partial<Record<(typeof FIELDS)[number], string>>>({});
  const mutation = useMutation({
    mutationFn: (input: TRightsRequestUpdate) => updateRightsRequest(request.id, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: rightsKeys.requests });
      onDone();
    },
    onError: (error) => {
      const server = fieldErrorsFrom(error, FIELDS);
      setErrors({
        identityCheck: typeof server.identityCheck === 'string' ? server.identityCheck : undefined,
        answeredAt: typeof server.answeredAt === 'string' ? server.answeredAt : undefined,
        outcome: typeof server.outcome === 'string' ? server.outcome : undefined,
      });
    },
  });
  const conflict = isApiError(mutation.error) && mutation.error.status === 409;
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const messages = RIGHTS_MESSAGES[currentLocale()];
    const next = {
      identityCheck: identityCheck.trim() !== '' && identityCheck.trim().length < 2 ? t('common:validation.minLength', { count: 2 }) : undefined,
      answeredAt: answeredOn > todayInParis() ? messages.answeredInFuture : undefined,
      outcome: answeredOn !== '' && outcome.trim().length < 2 ? messages.outcomeRequired : undefined,
    };
    setErrors(next);
    const first = FIELDS.find((field) => next[field]);
    if (first) {
      document.getElementById(`${prefix}-${first}`)?.focus();
      return;
    }
    mutation.mutate({
      version: request.version,
      identityCheck: identityCheck.trim() === '' ? null : identityCheck.trim(),
      answeredAt: answeredOn === '' ? null : (dayToInstant(answeredOn, 'end') ?? null),
      outcome: outcome.trim() === '' ? null : outcome.trim(),
    });
  };
  return (
    <form noValidate onSubmit={submit} aria-label={t('requests.answerLabel', { name: request.person.displayName })}>
      <Stack gap="sm">
        {conflict ? (
          <ConflictAlert title={t('requests.conflictTitle')} text={t('requests.conflictText')} onReload={() => void queryClient.invalidateQueries({ queryKey: rightsKeys.requests })} />
        ) : (
          <ErrorAlert error={mutation.error} fields={FIELDS} />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            id={`${prefix}-identityCheck`}
            label={t('requests.identityCheck')}
            description={t('requests.identityCheckHint')}
            maxLength={500}
            value={identityCheck}
            onChange={(event) => setIdentityCheck(event.currentTarget.value)}
            error={errors.identityCheck}
          />
          <TextInput
            id={`${prefix}-answeredAt`}
            type="date"
            label={t('requests.answeredAt')}
            description={t('requests.answeredAtHint')}
            max={todayInParis()}
            value={answeredOn}
            onChange={(event) => setAnsweredOn(event.currentTarget.value)}
            error={errors.answeredAt}
          />
        </SimpleGrid>
        <Textarea
          id={`${prefix}-outcome`}
          label={t('requests.outcome')}
          description={t('requests.outcomeHint')}
          autosize
          minRows={2}
          maxLength={2000}
          value={outcome}
          onChange={(event) => setOutcome(event.currentTarget.value)}
          error={errors.outcome}
        />
        <Group gap="sm">
          <Button type="submit" loading={mutation.isPending} disabled={conflict}>
            {t('requests.saveAnswer')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common:actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** One request of the log: who, which right, due when (overdue said in words with an icon), the answer. */
export function RightsRequestCard({ request, onSaved }: { request: TRightsRequest; onSaved: () => void }) {
  const { t } = useTranslation('rights');
  const [answering, setAnswering] = useState(false);
  const answered = request.answeredAt !== null;
  return (
    <Paper component="article" withBorder p="md" radius="md" style={request.overdue ? { borderColor: 'var(--mantine-color-red-8)', borderWidth: 3 } : undefined}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={2} size="h4" style={{ flex: '1 1 12rem', minWidth: 0 }}>
            {t(`types.${request.type}.label`)} —{' '}
            <Anchor component={Link} to={paths.person(request.person.id)} className="break-anywhere">
              {request.person.displayName}
            </Anchor>
          </Title>
          <Group gap={6}>
            {request.overdue && (
              <Badge component="span" color="red" variant="filled" tt="none" leftSection={<OverdueIcon />}>
                {t('requests.overdue')}
              </Badge>
            )}
            <Badge component="span" color={answered ? 'green' : 'orange'} tt="none">
              {answered ? t('requests.answered') : t('requests.open')}
            </Badge>
          </Group>
        </Group>
        <Facts
          facts={[
            { label: t('requests.receivedAt'), value: formatDate(request.receivedAt) },
            { label: t('requests.dueAt'), value: formatDate(request.dueAt) },
            { label: t('requests.identityCheck'), value: request.identityCheck ?? t('requests.notRecorded') },
            { label: t('requests.answeredAt'), value: request.answeredAt ? formatDate(request.answeredAt) : t('requests.notYet') },
            ...(request.outcome ? [{ label: t('requests.outcome'), value: request.outcome, wide: true }] : []),
            ...(request.recordedBy ? [{ label: t('requests.recordedBy'), value: request.recordedBy.name }] : []),
          ]}
        />
        {answering ? (
          <AnswerForm
            request={request}
            onCancel={() => setAnswering(false)}
            onDone={() => {
              setAnswering(false);
              onSaved();
            }}
          />
        ) : (
          <div>
            <Button variant={answered ? 'default' : 'filled'} onClick={() => setAnswering(true)} aria-label={t(answered ? 'requests.editAnswerLabel' : 'requests.answerLabel', { name: request.person.displayName })}>
              {answered ? t('requests.editAnswer') : t('requests.answer')}
            </Button>
          </div>
        )}
      </Stack>
    </Paper>
  );
}
