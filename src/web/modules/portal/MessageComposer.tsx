import { Button, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZPortalMessageInput } from '../../../shared/portal';
import { schemaErrors } from '../../app/validation';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { fieldErrorsFrom, focusFirstError } from '../../ui/form-errors';
import { SuccessAlert } from '../../ui/SuccessAlert';
import { portalKeys, sendMessage } from './portal-api';
import { bigButton } from './ui';

const FIELDS = ['body'] as const;

/** Writing to one's peers: one field, one big button, the emergency numbers next to it. */
export function MessageComposer({ accompanimentId }: { accompanimentId: string }) {
  const { t } = useTranslation('portal');
  const queryClient = useQueryClient();
  const [sent, setSent] = useState(false);
  const form = useForm({ initialValues: { body: '' }, validate: (values) => schemaErrors(ZPortalMessageInput, values) });
  const mutation = useMutation({
    mutationFn: (body: string) => sendMessage(accompanimentId, body),
    onSuccess: () => {
      setSent(true);
      form.reset();
      void queryClient.invalidateQueries({ queryKey: portalKeys.thread(accompanimentId) });
    },
    onError: (error) => {
      const errors = fieldErrorsFrom(error, FIELDS);
      form.setErrors(errors);
      focusFirstError(errors, FIELDS);
    },
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit(
        (values) => {
          setSent(false);
          mutation.mutate(values.body);
        },
        (errors) => focusFirstError(errors, FIELDS),
      )}
    >
      <Stack gap="sm">
        {sent && <SuccessAlert>{t('messages.sent')}</SuccessAlert>}
        <ErrorAlert error={mutation.error} fields={FIELDS} />
        <Textarea
          label={t('messages.label')}
          description={t('messages.hint')}
          required
          autosize
          minRows={3}
          maxRows={10}
          maxLength={4000}
          size="md"
          {...form.getInputProps('body')}
        />
        <Button type="submit" loading={mutation.isPending} {...bigButton}>
          {t('messages.send')}
        </Button>
      </Stack>
    </form>
  );
}
