import { Badge, Box, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAccompanimentDetail, TGoal, TGoalStatus, TGoalUpdateInput } from '../../../../shared/accompaniments';
import { isApiError } from '../../../app/api-error';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { fieldErrorsFrom } from '../../../ui/form-errors';
import { ConflictAlert } from '../../persons/ui/ConflictAlert';
import { accompanimentKeys, addGoal, updateGoal } from '../accompaniments-api';
import { DoneIcon } from '../icons';

const STATUS_COLORS: Record<TGoalStatus, string> = { open: 'passerelle', reached: 'green', let_go: 'gray' };
const listStyle = { listStyle: 'none', margin: 0, padding: 0 } as const;

function useRefreshDetail(accompanimentId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: accompanimentKeys.detail(accompanimentId), exact: true });
}

function GoalRow({ accompanimentId, goal, canWork }: { accompanimentId: string; goal: TGoal; canWork: boolean }) {
  const { t } = useTranslation(['accompaniments', 'common']);
  const refresh = useRefreshDetail(accompanimentId);
  const [editing, setEditing] = useState(false);
  const [wording, setWording] = useState(goal.wording);
  const mutation = useMutation({
    mutationFn: (input: TGoalUpdateInput) => updateGoal(accompanimentId, goal.id, input),
    onSuccess: () => {
      setEditing(false);
      void refresh();
    },
  });
  const conflict = isApiError(mutation.error) && mutation.error.status === 409;
  const wordingError = fieldErrorsFrom(mutation.error, ['wording']).wording;
  const change = (status: TGoalStatus) => mutation.mutate({ version: goal.version, status });
  const inputId = `goal-${goal.id}`;

  return (
    <Box component="li" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
      <Stack gap="xs">
        {conflict ? (
          <ConflictAlert title={t('goals.conflictTitle')} text={t('goals.conflictText')} onReload={() => void refresh()} />
        ) : (
          <ErrorAlert error={mutation.error} fields={['wording']} />
        )}
        {editing ? (
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              mutation.mutate({ version: goal.version, wording: wording.trim() });
            }}
          >
            <Stack gap="xs">
              <TextInput
                id={inputId}
                label={t('goals.wordingLabel')}
                value={wording}
                maxLength={500}
                onChange={(event) => setWording(event.currentTarget.value)}
                error={wordingError}
                data-autofocus
              />
              <Group gap="xs">
                <Button type="submit" size="sm" loading={mutation.isPending}>
                  {t('common:actions.save')}
                </Button>
                <Button size="sm" variant="default" onClick={() => setEditing(false)}>
                  {t('common:actions.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <Group justify="space-between" align="flex-start" gap="xs">
            <Text className="preserve-lines" style={{ flex: '1 1 14rem' }} td={goal.status === 'let_go' ? 'line-through' : undefined}>
              {goal.wording}
            </Text>
            <Badge color={STATUS_COLORS[goal.status]} tt="none" leftSection={goal.status === 'reached' ? <DoneIcon /> : undefined}>
              {t(`goalStatus.${goal.status}`)}
            </Badge>
          </Group>
        )}
        {canWork && !editing && (
          <Group gap="xs">
            {goal.status === 'open' ? (
              <>
                <Button
                  size="sm"
                  color="green"
                  loading={mutation.isPending && mutation.variables?.status === 'reached'}
                  onClick={() => change('reached')}
                  aria-label={t('goals.markReachedLabel', { goal: goal.wording })}
                >
                  {t('goals.markReached')}
                </Button>
                <Button size="sm" variant="default" onClick={() => setEditing(true)} aria-label={t('goals.rewordLabel', { goal: goal.wording })}>
                  {t('goals.reword')}
                </Button>
                <Button size="sm" variant="default" onClick={() => change('let_go')} aria-label={t('goals.letGoLabel', { goal: goal.wording })}>
                  {t('goals.letGo')}
                </Button>
              </>
            ) : (
              <Button size="sm" variant="default" onClick={() => change('open')} aria-label={t('goals.reopenLabel', { goal: goal.wording })}>
                {t('goals.reopen')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Box>
  );
}

function AddGoalForm({ accompanimentId }: { accompanimentId: string }) {
  const { t } = useTranslation('accompaniments');
  const refresh = useRefreshDetail(accompanimentId);
  const [wording, setWording] = useState('');
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (text: string) => addGoal(accompanimentId, { wording: text }),
    onSuccess: () => {
      setWording('');
      void refresh();
    },
    onError: (failure) => {
      const message = fieldErrorsFrom(failure, ['wording']).wording;
      setError(typeof message === 'string' ? message : null);
    },
  });
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const text = wording.trim();
        if (text.length < 2) {
          setError(t('goals.tooShort'));
          document.getElementById('new-goal')?.focus();
          return;
        }
        setError(null);
        mutation.mutate(text);
      }}
    >
      <Stack gap="xs">
        <ErrorAlert error={mutation.error} fields={['wording']} />
        <TextInput
          id="new-goal"
          label={t('goals.newLabel')}
          description={t('goals.newHint')}
          value={wording}
          maxLength={500}
          onChange={(event) => setWording(event.currentTarget.value)}
          error={error}
        />
        <div>
          <Button type="submit" variant="outline" loading={mutation.isPending}>
            {t('goals.add')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

/** The person's goals, in their words: add, reword, mark reached or let go, open again. */
export function GoalsSection({ accompaniment }: { accompaniment: TAccompanimentDetail }) {
  const { t } = useTranslation('accompaniments');
  const canWork = accompaniment.policies.work;
  return (
    <Stack gap="sm">
      {accompaniment.goals.length === 0 ? (
        <Text>{t('goals.empty')}</Text>
      ) : (
        <ul style={listStyle} aria-label={t('goals.listLabel')}>
          {accompaniment.goals.map((goal) => (
            <GoalRow key={`${goal.id}-${goal.version}`} accompanimentId={accompaniment.id} goal={goal} canWork={canWork} />
          ))}
        </ul>
      )}
      {canWork && <AddGoalForm accompanimentId={accompaniment.id} />}
    </Stack>
  );
}
