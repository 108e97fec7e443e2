import { Button, NativeSelect, Radio, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTREACH_RESULTS, type TOutreachChannel, type TOutreachResult } from '../../../shared/accompaniments';
import { ZOutreachAttemptInput, type TOutreachAttemptInput, type TOutreachCaseDetail } from '../../../shared/continuity';
import { schemaErrors } from '../../app/validation';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { fieldErrorsFrom } from '../../ui/form-errors';
import { SuccessAlert } from '../../ui/SuccessAlert';
import { accompanimentKeys } from '../accompaniments/accompaniments-api';
import { focusFirstInvalidField } from '../accompaniments/focus';
import { tileStyles } from '../accompaniments/tile-styles';
import { logAttempt, outreachKeys } from './outreach-api';

const FIELDS = ['channel', 'result', 'note'] as const;
type Values = { channel: TOutreachChannel | ''; result: TOutreachResult | ''; note: string };

const toInput = (values: Values) => ({
  channel: values.channel === '' ? undefined : values.channel,
  result: values.result === '' ? undefined : values.result,
  note: values.note.trim() === '' ? null : values.note.trim(),
});

/** Only the channels the person allowed are offered; the server refuses any other (400, shown as is). */
export function AttemptForm({ outreachCase }: { outreachCase: TOutreachCaseDetail }) {
  const { t } = useTranslation('outreach');
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const channels = outreachCase.preferences.allowedChannels;
  const form = useForm<Values>({
    initialValues: { channel: channels.length === 1 ? (channels[0] ?? '') : '', result: '', note: '' },
    validate: (values) => schemaErrors(ZOutreachAttemptInput, toInput(values)),
  });
  const mutation = useMutation({
    mutationFn: (input: TOutreachAttemptInput) => logAttempt(outreachCase.id, input),
    onSuccess: (detail) => {
      queryClient.setQueryData(outreachKeys.detail(outreachCase.id), detail);
      void queryClient.invalidateQueries({ queryKey: outreachKeys.queues });
      // The accompaniment's state follows the case (outreach in progress, resumed, closed).
      void queryClient.invalidateQueries({ queryKey: accompanimentKeys.all });
      form.reset();
      setSaved(true);
    },
    onError: (error) => {
      const errors = fieldErrorsFrom(error, FIELDS);
      form.setErrors(errors);
      focusFirstInvalidField(errors, FIELDS);
    },
  });
  return (
    <form
      noValidate
      aria-label={t('attempt.title')}
      onSubmit={form.onSubmit(
        (values) => {
          setSaved(false);
          const parsed = ZOutreachAttemptInput.safeParse(toInput(values));
          if (parsed.success) mutation.mutate(parsed.data);
        },
        (errors) => focusFirstInvalidField(errors, FIELDS),
      )}
    >
      <Stack gap="md">
        {saved && <SuccessAlert onClose={() => setSaved(false)}>{t('attempt.saved')}</SuccessAlert>}
        <ErrorAlert error={mutation.error} fields={FIELDS} />
        <Radio.Group label={t('attempt.channel')} description={t('attempt.channelHint')} required size="md" {...form.getInputProps('channel')}>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
            {channels.map((channel) => (
              <Radio key={channel} value={channel} size="md" styles={tileStyles} label={t(`channels.${channel}`)} />
            ))}
          </SimpleGrid>
        </Radio.Group>
        <NativeSelect
          label={t('attempt.result')}
          required
          size="md"
          data={[{ value: '', label: t('attempt.pickResult') }, ...OUTREACH_RESULTS.map((result) => ({ value: result, label: t(`results.${result}`) }))]}
          {...form.getInputProps('result')}
        />
        <Textarea label={t('attempt.note')} description={t('attempt.noteHint')} autosize minRows={2} maxLength={2000} {...form.getInputProps('note')} />
        <Button type="submit" size="md" loading={mutation.isPending}>
          {t('attempt.submit')}
        </Button>
      </Stack>
    </form>
  );
}
