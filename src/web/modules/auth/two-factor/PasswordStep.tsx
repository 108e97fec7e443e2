import { Button, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ZTwoFactorSetupInput, type ZTwoFactorSetup } from '../../../../shared/auth';
import { schemaErrors } from '../../../app/validation';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { fieldErrorsFrom, focusFirstError } from '../../../ui/form-errors';
import { PasswordField } from '../../../ui/PasswordField';
import { startTwoFactorSetup } from '../auth-api';

const FIELDS = ['password'] as const;

export function PasswordStep({ onStarted }: { onStarted: (setup: z.output<typeof ZTwoFactorSetup>) => void }) {
  const { t } = useTranslation('auth');
  const form = useForm({
    initialValues: { password: '' },
    validate: (values) => schemaErrors(ZTwoFactorSetupInput, values),
  });
  const mutation = useMutation({
    mutationFn: startTwoFactorSetup,
    onSuccess: onStarted,
    onError: (error) =>
      form.setErrors(fieldErrorsFrom(error, FIELDS, { wrongPassword: 'password', invalidCredentials: 'password' })),
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(
        (values) => mutation.mutate(values.password),
        (errors) => focusFirstError(errors, FIELDS),
      )}
    >
      <Stack gap="md">
        <Text>{t('twoFactor.password.intro')}</Text>
        <ErrorAlert error={mutation.error} fields={FIELDS} />
        <PasswordField
          label={t('twoFactor.password.label')}
          autoComplete="current-password"
          required
          {...form.getInputProps('password')}
        />
        <Button type="submit" loading={mutation.isPending}>
          {t('twoFactor.password.submit')}
        </Button>
      </Stack>
    </form>
  );
}
