import { Button, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ZPasswordChangeInput } from '../../../shared/auth';
import { useCurrentSession } from '../../app/session';
import { confirmationError, schemaErrors } from '../../app/validation';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { fieldErrorsFrom, focusFirstError } from '../../ui/form-errors';
import { PasswordField } from '../../ui/PasswordField';
import { SuccessAlert } from '../../ui/SuccessAlert';
import { changePassword } from '../auth/auth-api';
import { Section } from './Section';

const FIELDS = ['currentPassword', 'newPassword', 'confirmation'] as const;

export function ChangePasswordForm() {
  const { t } = useTranslation(['account', 'common']);
  const { user } = useCurrentSession();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirmation: '' },
    validate: ({ currentPassword, newPassword, confirmation }) => ({
      ...schemaErrors(ZPasswordChangeInput, { currentPassword, newPassword }),
      ...confirmationError(newPassword, confirmation),
    }),
  });
  const mutation = useMutation({
    mutationFn: changePassword,
    onSuccess: () => form.reset(),
    onError: (error) => {
      const errors = fieldErrorsFrom(error, FIELDS, { wrongPassword: 'currentPassword' });
      form.setErrors(errors);
      focusFirstError(errors, FIELDS);
    },
  });

  return (
    <Section title={t('password.title')}>
      <form
        noValidate
        onSubmit={form.onSubmit(
          ({ currentPassword, newPassword }) => mutation.mutate({ currentPassword, newPassword }),
          (errors) => focusFirstError(errors, FIELDS),
        )}
      >
        <Stack gap="md">
          {mutation.isSuccess && <SuccessAlert>{t('password.done')}</SuccessAlert>}
          <ErrorAlert error={mutation.error} fields={FIELDS} />
          <input type="text" name="username" autoComplete="username" value={user.email} readOnly hidden />
          <PasswordField
            label={t('password.current')}
            autoComplete="current-password"
            required
            {...form.getInputProps('currentPassword')}
          />
          <PasswordField
            label={t('password.new')}
            description={t('common:password.hint')}
            autoComplete="new-password"
            required
            {...form.getInputProps('newPassword')}
          />
          <PasswordField
            label={t('password.confirm')}
            autoComplete="new-password"
            required
            {...form.getInputProps('confirmation')}
          />
          <div>
            <Button type="submit" loading={mutation.isPending}>
              {t('password.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Section>
  );
}
