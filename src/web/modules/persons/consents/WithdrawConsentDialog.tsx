import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ZConsentWithdrawInput } from '../../../../shared/persons';
import { schemaErrors } from '../../../app/validation';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { fieldErrorsFrom } from '../../../ui/form-errors';
import { personKeys, withdrawConsent } from '../persons-api';

interface WithdrawConsentDialogProps {
  personId: string;
  consent: { id: string; purposeLabel: string } | null;
  onClose: () => void;
  onDone: () => void;
}

/** Withdrawing keeps the consent and its history; the person's own words say how it was withdrawn. */
export function WithdrawConsentDialog({ personId, consent, onClose, onDone }: WithdrawConsentDialogProps) {
  const { t } = useTranslation(['persons', 'common']);
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { withdrawnHow: '' },
    validate: (values) => schemaErrors(ZConsentWithdrawInput, { withdrawnHow: values.withdrawnHow.trim() }),
  });
  const mutation = useMutation({
    mutationFn: (withdrawnHow: string) => withdrawConsent(personId, consent?.id ?? '', withdrawnHow),
    onSuccess: (person) => {
      queryClient.setQueryData(personKeys.detail(personId), person);
      form.reset();
      onDone();
    },
    onError: (error) => form.setErrors(fieldErrorsFrom(error, ['withdrawnHow'])),
  });
  const close = () => {
    form.reset();
    mutation.reset();
    onClose();
  };
  return (
    <Modal
      opened={consent !== null}
      onClose={close}
      title={t('consents.withdrawTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
      attributes={{ header: { role: 'none' } }}
    >
      <form noValidate onSubmit={form.onSubmit((values) => mutation.mutate(values.withdrawnHow.trim()))}>
        <Stack gap="md">
          <Text>{t('consents.withdrawText', { purpose: consent?.purposeLabel ?? '' })}</Text>
          <ErrorAlert error={mutation.error} fields={['withdrawnHow']} />
          <TextInput
            label={t('consents.withdrawHow')}
            description={t('consents.withdrawHowHint')}
            required
            data-autofocus
            maxLength={200}
            {...form.getInputProps('withdrawnHow')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" color="red" loading={mutation.isPending}>
              {t('consents.withdrawConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
