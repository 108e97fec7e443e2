import { Button, Center, Image, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ZTwoFactorConfirmInput, type TSessionView, type ZTwoFactorSetup } from '../../../../shared/auth';
import { i18next } from '../../../app/i18n';
import { schemaErrors } from '../../../app/validation';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { fieldErrorsFrom, focusFirstError } from '../../../ui/form-errors';
import { confirmTwoFactor } from '../auth-api';
import { secretFromUri } from './totp-uri';

const FIELDS = ['code'] as const;
const monospace = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

interface ScanStepProps {
  setup: z.output<typeof ZTwoFactorSetup>;
  onConfirmed: (session: TSessionView) => void;
}

/** QR code for most people, the key in text for those who cannot scan (or use a screen reader). */
export function ScanStep({ setup, onConfirmed }: ScanStepProps) {
  const { t } = useTranslation('auth');
  const secret = secretFromUri(setup.totpUri);
  const form = useForm({
    initialValues: { code: '' },
    validate: (values) =>
      schemaErrors(
        ZTwoFactorConfirmInput,
        { code: values.code.replace(/\s+/g, '') },
        { code: i18next.t('validation.totp') },
      ),
  });
  const mutation = useMutation({
    mutationFn: confirmTwoFactor,
    onSuccess: onConfirmed,
    onError: (error) => form.setErrors(fieldErrorsFrom(error, FIELDS, { invalidTotp: 'code' })),
  });

  return (
    <Stack gap="md">
      <Text>{t('twoFactor.scan.intro')}</Text>
      <Center>
        <Image src={setup.qrCodeDataUrl} alt={t('twoFactor.scan.qrAlt')} w={200} h={200} fit="contain" />
      </Center>
      <Text size="sm">{t('twoFactor.scan.manual')}</Text>
      {secret && (
        <Textarea label={t('twoFactor.scan.secret')} value={secret} readOnly autosize minRows={1} styles={monospace} />
      )}
      <Textarea
        label={t('twoFactor.scan.uri')}
        value={setup.totpUri}
        readOnly
        autosize
        minRows={2}
        styles={monospace}
      />
      <form
        noValidate
        onSubmit={form.onSubmit(
          (values) => mutation.mutate(values.code.replace(/\s+/g, '')),
          (errors) => focusFirstError(errors, FIELDS),
        )}
      >
        <Stack gap="md">
          <ErrorAlert error={mutation.error} fields={FIELDS} />
          <TextInput
            label={t('twoFactor.scan.code')}
            required
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={6}
            {...form.getInputProps('code')}
          />
          <Button type="submit" loading={mutation.isPending}>
            {t('twoFactor.scan.submit')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
