import { Button, NumberInput, Paper, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZContinuitySettingsInput, type TContinuitySettings } from '../../../shared/continuity';
import { isApiError } from '../../app/api-error';
import { schemaErrors } from '../../app/validation';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { fieldErrorsFrom } from '../../ui/form-errors';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeader } from '../../ui/PageHeader';
import { SuccessAlert } from '../../ui/SuccessAlert';
import { focusFirstInvalidField } from '../accompaniments/focus';
import { ConflictAlert } from '../persons/ui/ConflictAlert';
import { fetchSettings, outreachKeys, saveSettings } from './outreach-api';

const FIELDS = ['noContactDays', 'missedAppointmentsInARow', 'maxOutreachAttempts'] as const;
type Values = { noContactDays: number | string; missedAppointmentsInARow: number | string; maxOutreachAttempts: number | string };
const numberOrUndefined = (value: number | string) => (value === '' ? undefined : Number(value));

function SettingsForm({ settings, onSaved, onReload }: { settings: TContinuitySettings; onSaved: () => void; onReload: () => void }) {
  const { t } = useTranslation(['outreach', 'common']);
  const queryClient = useQueryClient();
  const toInput = (values: Values) => ({
    noContactDays: numberOrUndefined(values.noContactDays),
    missedAppointmentsInARow: numberOrUndefined(values.missedAppointmentsInARow),
    maxOutreachAttempts: numberOrUndefined(values.maxOutreachAttempts),
    version: settings.version,
  });
  const form = useForm<Values>({ initialValues: settings, validate: (values) => schemaErrors(ZContinuitySettingsInput, toInput(values)) });
  const mutation = useMutation({
    mutationFn: (input: TContinuitySettings) => saveSettings(input),
    onSuccess: (saved) => {
      queryClient.setQueryData(outreachKeys.settings, saved);
      onSaved();
    },
    onError: (error) => {
      const errors = fieldErrorsFrom(error, FIELDS);
      form.setErrors(errors);
      focusFirstInvalidField(errors, FIELDS);
    },
  });
  const conflict = isApiError(mutation.error) && mutation.error.status === 409;
  return (
    <Paper withBorder p="md" radius="md">
      <form
        noValidate
        aria-label={t('settings.formLabel')}
        onSubmit={form.onSubmit(
          (values) => {
            const parsed = ZContinuitySettingsInput.safeParse(toInput(values));
            if (parsed.success) mutation.mutate(parsed.data);
          },
          (errors) => focusFirstInvalidField(errors, FIELDS),
        )}
      >
        <Stack gap="md" maw={560}>
          {conflict ? (
            <ConflictAlert title={t('settings.conflictTitle')} text={t('settings.conflictText')} onReload={onReload} />
          ) : (
            <ErrorAlert error={mutation.error} fields={FIELDS} />
          )}
          {settings.version === 0 && <Text size="sm">{t('settings.defaults')}</Text>}
          <NumberInput label={t('settings.noContactDays')} description={t('settings.noContactDaysHint')} required min={7} max={365} allowDecimal={false} {...form.getInputProps('noContactDays')} />
          <NumberInput
            label={t('settings.missedAppointments')}
            description={t('settings.missedAppointmentsHint')}
            required
            min={1}
            max={10}
            allowDecimal={false}
            {...form.getInputProps('missedAppointmentsInARow')}
          />
          <NumberInput label={t('settings.maxAttempts')} description={t('settings.maxAttemptsHint')} required min={1} max={20} allowDecimal={false} {...form.getInputProps('maxOutreachAttempts')} />
          <div>
            <Button type="submit" loading={mutation.isPending} disabled={conflict}>
              {t('common:actions.save')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}

/** The organisation's rupture rule (coordinators, administrators): when to suspect a lost contact, how many attempts. */
export function ContinuitySettingsPage() {
  const { t } = useTranslation('outreach');
  const settings = useQuery({ queryKey: outreachKeys.settings, queryFn: fetchSettings });
  const [saved, setSaved] = useState(false);
  return (
    <Stack gap="md">
      <PageHeader title={t('settings.title')} description={t('settings.description')} />
      {saved && <SuccessAlert onClose={() => setSaved(false)}>{t('settings.saved')}</SuccessAlert>}
      {settings.isPending && <LoadingState />}
      {settings.isError && <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && (
        <SettingsForm
          key={settings.data.version}
          settings={settings.data}
          onReload={() => void settings.refetch()}
          onSaved={() => setSaved(true)}
        />
      )}
    </Stack>
  );
}
