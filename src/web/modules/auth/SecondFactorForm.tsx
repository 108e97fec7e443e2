import { Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ZRecoveryCodeInput, ZTotpInput, type TLoginResult } from '../../../shared/auth';
import { i18next } from '../../app/i18n';
import { schemaErrors } from '../../app/validation';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { fieldErrorsFrom, focusFirstError } from '../../ui/form-errors';
import { loginWithRecoveryCode, loginWithTotp } from './auth-api';

const FIELDS = ['code'] as const;

interface SecondFactorFormProps {
  kind: 'totp' | 'recovery';
  onResult: (result: TLoginResult) => void;
}

/** The second step of sign-in: the app's 6-digit code, or one recovery code. */
export function SecondFactorForm({ kind, onResult }: SecondFactorFormProps) {
  const { t } = useTranslation('auth');
  const isTotp = kind === 'totp';
  const form = useForm({
    initialValues: { code: '' },
    transformValues: (values) => ({ code: values.code.replace(/\s+/g, '') }),
    validate: (values) => {
      const code = values.code.replace(/\s+/g, '');
      if (isTotp) return schemaErrors(ZTotpInput, { code }, { code: i18next.t('validation.totp') });
      return schemaErrors(ZRecoveryCodeInput, { code });
    },
  });
  const mutation = useMutation({
    mutationFn: (code: string) => (isTotp ? loginWithTotp(code) : loginWithRecoveryCode(code)),
    onSuccess: onResult,
    onError: (error) =>
      form.setErrors(fieldErrorsFrom(error, FIELDS, { invalidTotp: 'code', invalidRecoveryCode: 'code' })),
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit(
        (values) => mutation.mutate(values.code),
        (errors) => focusFirstError(errors, FIELDS),
      )}
    >
      <Stack gap="md">
        <ErrorAlert error={mutation.error} fields={FIELDS} />
        <TextInput
          label={isTotp ? t('totp.code') : t('recovery.code')}
          required
          autoFocus
          autoComplete={isTotp ? 'one-time-code' : 'off'}
          inputMode={isTotp ? 'numeric' : 'text'}
          maxLength={isTotp ? 6 : 32}
          spellCheck={false}
          styles={{
            input: {
              letterSpacing: isTotp ? '0.3em' : undefined,
              fontFamily: 'var(--mantine-font-family-monospace)',
            },
          }}
          {...form.getInputProps('code')}
        />
        <Button type="submit" loading={mutation.isPending} fullWidth>
          {isTotp ? t('totp.submit') : t('recovery.submit')}
        </Button>
      </Stack>
    </form>
  );
}
