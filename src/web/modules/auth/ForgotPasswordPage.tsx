import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ZPasswordForgotInput } from '../../../shared/auth';
import { paths } from '../../app/paths';
import { schemaErrors } from '../../app/validation';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { fieldErrorsFrom, focusFirstError } from '../../ui/form-errors';
import { PageHeader } from '../../ui/PageHeader';
import { SuccessAlert } from '../../ui/SuccessAlert';
import { requestPasswordReset } from './auth-api';

const FIELDS = ['email'] as const;

/** Always the same answer, whether the account exists or not (no account discovery). */
export function ForgotPasswordPage() {
  const { t } = useTranslation('auth');
  const form = useForm({
    initialValues: { email: '' },
    validate: (values) => schemaErrors(ZPasswordForgotInput, values),
  });
  const mutation = useMutation({
    mutationFn: requestPasswordReset,
    onError: (error) => form.setErrors(fieldErrorsFrom(error, FIELDS)),
  });

  return (
    <Stack gap="md">
      <PageHeader title={t('forgot.title')} description={mutation.isSuccess ? undefined : t('forgot.intro')} />
      {mutation.isSuccess ? (
        <SuccessAlert>
          <Text fw={700} size="sm" mb={4}>
            {t('forgot.doneTitle')}
          </Text>
          <Text size="sm">{t('forgot.done')}</Text>
        </SuccessAlert>
      ) : (
        <form
          noValidate
          onSubmit={form.onSubmit(
            (values) => mutation.mutate(values.email),
            (errors) => focusFirstError(errors, FIELDS),
          )}
        >
          <Stack gap="md">
            <ErrorAlert error={mutation.error} fields={FIELDS} />
            <TextInput
              label={t('forgot.email')}
              type="email"
              autoComplete="email"
              required
              {...form.getInputProps('email')}
            />
            <Button type="submit" loading={mutation.isPending} fullWidth>
              {t('forgot.submit')}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to={paths.login} ta="center" size="sm">
        {t('forgot.backToLogin')}
      </Anchor>
    </Stack>
  );
}
