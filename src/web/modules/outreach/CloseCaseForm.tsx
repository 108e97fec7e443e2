import { Button, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTREACH_OUTCOMES, ZOutreachCloseInput, type TOutreachCaseDetail, type TOutreachCloseInput, type TOutreachOutcome } from '../../../shared/continuity';
import { isApiError } from '../../app/api-error';
import { useCurrentSession } from '../../app/session';
import { schemaErrors } from '../../app/validation';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { fieldErrorsFrom } from '../../ui/form-errors';
import { canCloseWithAnyOutcome } from '../accompaniments/access';
import { accompanimentKeys } from '../accompaniments/accompaniments-api';
import { focusFirstInvalidField } from '../accompaniments/focus';
import { describedTileStyles } from '../accompaniments/tile-styles';
import { ConflictAlert } from '../persons/ui/ConflictAlert';
import { closeCase, outreachKeys } from './outreach-api';

const FIELDS = ['outcome', 'note'] as const;
type Values = { outcome: TOutreachOutcome | ''; note: string };

/**
 * Closing a case with its outcome: contact re-established (the accompaniment resumes) or one of the
 * outcomes that close the accompaniment, which only coordinators may record.
 */
export function CloseCaseForm({ outreachCase, name }: { outreachCase: TOutreachCaseDetail; name: string }) {
  const { t } = useTranslation('outreach');
  const { user } = useCurrentSession();
  const queryClient = useQueryClient();
  const outcomes = canCloseWithAnyOutcome(user) ? OUTREACH_OUTCOMES : (['contact_reestablished'] as const);
  const [pending, setPending] = useState<TOutreachCloseInput | null>(null);
  const toInput = (values: Values) => ({
    outcome: values.outcome === '' ? undefined : values.outcome,
    note: values.note.trim() === '' ? null : values.note.trim(),
    version: outreachCase.version,
  });
  const form = useForm<Values>({ initialValues: { outcome: '', note: '' }, validate: (values) => schemaErrors(ZOutreachCloseInput, toInput(values)) });
  const mutation = useMutation({
    mutationFn: (input: TOutreachCloseInput) => closeCase(outreachCase.id, input),
    onSuccess: (detail) => {
      setPending(null);
      queryClient.setQueryData(outreachKeys.detail(outreachCase.id), detail);
      void queryClient.invalidateQueries({ queryKey: outreachKeys.queues });
      // The accompaniment's state follows the case (outreach in progress, resumed, closed).
      void queryClient.invalidateQueries({ queryKey: accompanimentKeys.all });
      window.scrollTo(0, 0);
    },
    onError: (error) => {
      setPending(null);
      const errors = fieldErrorsFrom(error, FIELDS);
      form.setErrors(errors);
      focusFirstInvalidField(errors, FIELDS);
    },
  });
  const conflict = isApiError(mutation.error) && mutation.error.status === 409;
  return (
    <>
      <form
        noValidate
        aria-label={t('close.title')}
        onSubmit={form.onSubmit(
          (values) => {
            const parsed = ZOutreachCloseInput.safeParse(toInput(values));
            if (parsed.success) setPending(parsed.data);
          },
          (errors) => focusFirstInvalidField(errors, FIELDS),
        )}
      >
        <Stack gap="md">
          {conflict ? (
            <ConflictAlert
              title={t('close.conflictTitle')}
              text={t('close.conflictText')}
              onReload={() => void queryClient.invalidateQueries({ queryKey: outreachKeys.detail(outreachCase.id) })}
            />
          ) : (
            <ErrorAlert error={mutation.error} fields={FIELDS} />
          )}
          <Radio.Group label={t('close.outcome')} required size="md" {...form.getInputProps('outcome')}>
            <Stack gap="xs" mt="xs">
              {outcomes.map((outcome) => (
                <Radio key={outcome} value={outcome} size="md" styles={describedTileStyles} label={t(`outcomes.${outcome}.label`)} description={t(`outcomes.${outcome}.explain`)} />
              ))}
            </Stack>
          </Radio.Group>
          {!canCloseWithAnyOutcome(user) && <Text size="sm">{t('close.peerOnly')}</Text>}
          <Textarea label={t('close.note')} description={t('close.noteHint')} autosize minRows={2} maxLength={2000} {...form.getInputProps('note')} />
          <div>
            <Button type="submit" variant="outline" disabled={conflict}>
              {t('close.submit')}
            </Button>
          </div>
        </Stack>
      </form>
      <ConfirmDialog
        opened={pending !== null}
        title={t('close.confirmTitle')}
        confirmLabel={t('close.confirm')}
        danger={pending?.outcome !== 'contact_reestablished'}
        loading={mutation.isPending}
        onCancel={() => setPending(null)}
        onConfirm={() => pending && mutation.mutate(pending)}
      >
        {pending ? t(`outcomes.${pending.outcome}.confirm`, { name }) : ''}
      </ConfirmDialog>
    </>
  );
}
