import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CONSENT_METHODS, CONSENT_PURPOSES, ZConsentInput, type TConsentInput, type TConsentMethod, type TConsentPurpose } from '../../../../shared/persons';
import { parisDayToIso } from '../../../app/format';
import { schemaErrors } from '../../../app/validation';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { fieldErrorsFrom } from '../../../ui/form-errors';
import { personKeys, recordConsent } from '../persons-api';
import { focusFirstInvalid } from '../ui/focus';

const FIELDS = ['purpose', 'scope', 'recipients', 'method', 'textVersion', 'validUntil'] as const;
const ID = 'consent';
const idOf = (field: string) => `${ID}-${field}`;

type Values = { purpose: TConsentPurpose | ''; scope: string; recipients: string; method: TConsentMethod | ''; textVersion: string; validUntil: string };
const EMPTY: Values = { purpose: '', scope: '', recipients: '', method: '', textVersion: '', validUntil: '' };

const filled = (text: string) => (text.trim() === '' ? undefined : text.trim());

function toInput(values: Values) {
  return {
    purpose: values.purpose === '' ? undefined : values.purpose,
    scope: filled(values.scope),
    recipients: filled(values.recipients),
    method: values.method === '' ? undefined : values.method,
    textVersion: filled(values.textVersion),
    // A consent valid "until 30 June" is valid all that day, Paris time.
    validUntil: values.validUntil ? parisDayToIso(values.validUntil, true) : undefined,
  };
}

interface ConsentFormProps {
  personId: string;
  onDone: () => void;
  onCancel: () => void;
}

/** Records a consent as an entity: purpose, scope, recipients, how, which text (DOMAIN §9.4). */
export function ConsentForm({ personId, onDone, onCancel }: ConsentFormProps) {
  const { t } = useTranslation(['persons', 'common']);
  const queryClient = useQueryClient();
  const form = useForm<Values>({ initialValues: EMPTY, validate: (values) => schemaErrors(ZConsentInput, toInput(values)) });
  const mutation = useMutation({
    mutationFn: (input: TConsentInput) => recordConsent(personId, input),
    onSuccess: (person) => {
      queryClient.setQueryData(personKeys.detail(personId), person);
      onDone();
    },
    onError: (error) => {
      const errors = fieldErrorsFrom(error, FIELDS);
      form.setErrors(errors);
      focusFirstInvalid(errors, FIELDS, idOf);
    },
  });
  return (
    <Paper withBorder p="md" radius="md" bg="gray.0">
      <form
        noValidate
        aria-labelledby={idOf('title')}
        onSubmit={form.onSubmit(
          (values) => {
            const parsed = ZConsentInput.safeParse(toInput(values));
            if (parsed.success) mutation.mutate(parsed.data);
          },
          (errors) => focusFirstInvalid(errors, FIELDS, idOf),
        )}
      >
        <Stack gap="md">
          <Title order={3} size="h5" id={idOf('title')}>
            {t('consents.formTitle')}
          </Title>
          <ErrorAlert error={mutation.error} fields={FIELDS} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NativeSelect
              id={idOf('purpose')}
              label={t('consents.purpose')}
              required
              data={[{ value: '', label: '—' }, ...CONSENT_PURPOSES.map((purpose) => ({ value: purpose, label: t(`consentPurposes.${purpose}`) }))]}
              {...form.getInputProps('purpose')}
            />
            <NativeSelect
              id={idOf('method')}
              label={t('consents.method')}
              required
              data={[{ value: '', label: '—' }, ...CONSENT_METHODS.map((method) => ({ value: method, label: t(`consentMethods.${method}`) }))]}
              {...form.getInputProps('method')}
            />
            <TextInput id={idOf('scope')} label={t('consents.scope')} description={t('consents.scopeHint')} maxLength={500} {...form.getInputProps('scope')} />
            <TextInput
              id={idOf('recipients')}
              label={t('consents.recipients')}
              description={t('consents.recipientsHint')}
              maxLength={500}
              {...form.getInputProps('recipients')}
            />
            <TextInput
              id={idOf('textVersion')}
              label={t('consents.textVersionLabel')}
              description={t('consents.textVersionHint')}
              required
              maxLength={40}
              {...form.getInputProps('textVersion')}
            />
            <TextInput id={idOf('validUntil')} label={t('consents.validUntilLabel')} type="date" {...form.getInputProps('validUntil')} />
          </SimpleGrid>
          <Group gap="sm">
            <Button type="submit" loading={mutation.isPending}>
              {t('consents.submit')}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('common:actions.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
