import { Button, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACCOMPANIMENT_CLOSING_REASONS,
  ACCOMPANIMENT_FIELD_MESSAGES,
  ZAccompanimentCloseInput,
  type TAccompanimentCloseInput,
  type TAccompanimentClosingReason,
  type TAccompanimentDetail,
} from '../../../../shared/accompaniments';
import { isApiError } from '../../../app/api-error';
import { currentLocale } from '../../../app/i18n';
import { schemaErrors } from '../../../app/validation';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { fieldErrorsFrom } from '../../../ui/form-errors';
import { ConflictAlert } from '../../persons/ui/ConflictAlert';
import { accompanimentKeys, closeAccompaniment } from '../accompaniments-api';
import { focusFirstInvalidField } from '../focus';

const FIELDS = ['reason', 'note'] as const;
type Values = { reason: TAccompanimentClosingReason | ''; note: string };

function toInput(values: Values, version: number) {
  return { version, reason: values.reason === '' ? undefined : values.reason, note: values.note.trim() === '' ? undefined : values.note.trim() };
}

/** Closing with a reason, after a confirmation that says what follows (planned appointments cancelled). */
export function CloseSection({ accompaniment }: { accompaniment: TAccompanimentDetail }) {
  const { t } = useTranslation(['accompaniments', 'common']);
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<TAccompanimentCloseInput | null>(null);
  const form = useForm<Values>({
    initialValues: { reason: '', note: '' },
    validate: (values) => {
      const errors = schemaErrors(ZAccompanimentCloseInput, toInput(values, accompaniment.version));
      if (values.reason === 'other' && values.note.trim() === '') errors.note = ACCOMPANIMENT_FIELD_MESSAGES[currentLocale()].closingNoteRequired;
      return errors;
    },
  });
  const mutation = useMutation({
    mutationFn: (input: TAccompanimentCloseInput) => closeAccompaniment(accompaniment.id, input),
    onSuccess: (detail) => {
      setPending(null);
      queryClient.setQueryData(accompanimentKeys.detail(accompaniment.id), detail);
      // Planned appointments were cancelled by the close: everything shown under it is refreshed.
      void queryClient.invalidateQueries({ queryKey: accompanimentKeys.detail(accompaniment.id), predicate: (query) => query.queryKey.length > 3 });
      void queryClient.invalidateQueries({ queryKey: accompanimentKeys.lists });
      void queryClient.invalidateQueries({ queryKey: accompanimentKeys.ofPerson(accompaniment.person.id) });
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
        aria-label={t('close.formLabel')}
        onSubmit={form.onSubmit(
          (values) => {
            const parsed = ZAccompanimentCloseInput.safeParse(toInput(values, accompaniment.version));
            if (parsed.success) setPending(parsed.data);
          },
          (errors) => focusFirstInvalidField(errors, FIELDS),
        )}
      >
        <Stack gap="md" maw={640}>
          <Text size="sm">{t('close.intro')}</Text>
          {conflict ? (
            <ConflictAlert
              title={t('close.conflictTitle')}
              text={t('close.conflictText')}
              onReload={() => void queryClient.invalidateQueries({ queryKey: accompanimentKeys.detail(accompaniment.id), exact: true })}
            />
          ) : (
            <ErrorAlert error={mutation.error} fields={FIELDS} />
          )}
          <NativeSelect
            label={t('close.reason')}
            required
            size="md"
            data={[{ value: '', label: t('close.pickReason') }, ...ACCOMPANIMENT_CLOSING_REASONS.map((reason) => ({ value: reason, label: t(`closingReasons.${reason}`) }))]}
            {...form.getInputProps('reason')}
          />
          <Textarea
            label={t('close.note')}
            description={t('close.noteHint')}
            required={form.values.reason === 'other'}
            autosize
            minRows={2}
            maxLength={1000}
            size="md"
            {...form.getInputProps('note')}
          />
          <div>
            <Button type="submit" color="red" variant="outline" disabled={conflict}>
              {t('close.submit')}
            </Button>
          </div>
        </Stack>
      </form>
      <ConfirmDialog
        opened={pending !== null}
        title={t('close.confirmTitle')}
        confirmLabel={t('close.confirm')}
        danger
        loading={mutation.isPending}
        onCancel={() => setPending(null)}
        onConfirm={() => pending && mutation.mutate(pending)}
      >
        {t('close.confirmText', { name: accompaniment.person.displayName, reason: pending ? t(`closingReasons.${pending.reason}`) : '' })}
      </ConfirmDialog>
    </>
  );
}
