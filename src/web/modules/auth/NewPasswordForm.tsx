import { Button, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ZNewPassword } from '../../../shared/auth';
import { confirmationError, schemaErrors } from '../../app/validation';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { fieldErrorsFrom, focusFirstError } from '../../ui/form-errors';
import { PasswordField } from '../../ui/PasswordField';

const ZPasswordForm = z.object({ password: ZNewPassword });
const FIELDS = ['password', 'confirmation'] as const;

interface NewPasswordFormProps {
  passwordLabel: string;
  confirmLabel: string;
  submitLabel: string;
  onSubmit: (password: string) => void;
  pending: boolean;
  error: unknown;
  /** The name the API gives the password field (`newPassword` or `password`). */
  serverField: string;
  /** Lets password managers file the new password under the right account. */
  username?: string;
}

/** A new password typed twice, checked against the shared rule (12 to 128 characters). */
export function NewPasswordForm(props: NewPasswordFormProps) {
  const { t } = useTranslation();
  const { onSubmit, error, serverField } = props;
  const form = useForm({
    initialValues: { password: '', confirmation: '' },
    validate: (values) => ({
      ...schemaErrors(ZPasswordForm, { password: values.password }),
      ...confirmationError(values.password, values.confirmation),
    }),
  });
  const { setErrors } = form;

  useEffect(() => {
    const fromServer = fieldErrorsFrom(error, [serverField]);
    if (fromServer[serverField]) setErrors({ password: fromServer[serverField] });
  }, [error, serverField, setErrors]);

  return (
    <form
      noValidate
      onSubmit={form.onSubmit(
        (values) => onSubmit(values.password),
        (errors) => focusFirstError(errors, FIELDS),
      )}
    >
      <Stack gap="md">
        <ErrorAlert error={error} fields={[serverField]} />
        {props.username && (
          <input type="text" name="username" autoComplete="username" value={props.username} readOnly hidden />
        )}
        <PasswordField
          label={props.passwordLabel}
          description={t('password.hint')}
          autoComplete="new-password"
          required
          {...form.getInputProps('password')}
        />
        <PasswordField
          label={props.confirmLabel}
          autoComplete="new-password"
          required
          {...form.getInputProps('confirmation')}
        />
        <Button type="submit" loading={props.pending} fullWidth>
          {props.submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
