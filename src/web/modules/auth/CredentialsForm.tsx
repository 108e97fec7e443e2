import { Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ZLoginInput, type TLoginResult } from '../../../shared/auth';
import { paths } from '../../app/paths';
import { schemaErrors } from '../../app/validation';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { fieldErrorsFrom, focusFirstError } from '../../ui/form-errors';
import { PasswordField } from '../../ui/PasswordField';
import { login } from './auth-api';

const FIELDS = ['email', 'password'] as const;

export function CredentialsForm({ onResult }: { onResult: (result: TLoginResult) => void }) {
  const { t } = useTranslation('auth');
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: (values) => schemaErrors(ZLoginInput, values),
  });
  const mutation = useMutation({
    mutationFn: login,
    onSuccess: onResult,
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
        (values) => mutation.mutate(values),
        (errors) => focusFirstError(errors, FIELDS),
      )}
    >
      <Stack gap="md">
        <ErrorAlert error={mutation.error} fields={FIELDS} />
        <TextInput
          label={t('login.email')}
          type="email"
          autoComplete="username"
          required
          {...form.getInputProps('email')}
        />
        <PasswordField
          label={t('login.password')}
          autoComplete="current-password"
          required
          {...form.getInputProps('password')}
        />
        <Button type="submit" loading={mutation.isPending} fullWidth>
          {t('login.submit')}
        </Button>
        <Anchor component={Link} to={paths.forgotPassword} ta="center" size="sm">
          {t('login.forgot')}
        </Anchor>
      </Stack>
    </form>
  );
}
