import { Button, Checkbox, Group, Paper, SimpleGrid, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { OUTREACH_CHANNELS, type TOutreachChannel } from '../../../shared/accompaniments';
import {
  CONTINUITY_MESSAGES,
  recontactPreferencesRules,
  THIRD_PARTY_CHANNELS,
  ZRecontactPreferencesInput,
  type TRecontactPreferences,
  type TRecontactPreferencesInput,
} from '../../../shared/continuity';
import { isApiError } from '../../app/api-error';
import { currentLocale } from '../../app/i18n';
import { schemaErrors } from '../../app/validation';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { fieldErrorsFrom } from '../../ui/form-errors';
import { focusFirstInvalidField } from '../accompaniments/focus';
import { ConflictAlert } from '../persons/ui/ConflictAlert';
import { outreachKeys, savePreferences } from './outreach-api';

const FIELDS = ['allowedChannels', 'preferredContactName', 'wishes', 'doNotContact'] as const;
type Values = { allowedChannels: TOutreachChannel[]; preferredContactName: string; wishes: string; doNotContact: boolean };

function toInput(values: Values, version: number): TRecontactPreferencesInput {
  return {
    allowedChannels: values.allowedChannels,
    preferredContactName: values.preferredContactName.trim() === '' ? null : values.preferredContactName.trim(),
    wishes: values.wishes.trim() === '' ? null : values.wishes.trim(),
    doNotContact: values.doNotContact,
    version,
  };
}

interface RecontactPreferencesFormProps {
  personId: string;
  preferences: TRecontactPreferences;
  onDone: () => void;
  onCancel: () => void;
  onReload: () => void;
}

/** What the person said, written down with them: allowed channels, someone to go through, wishes, or "do not contact". */
export function RecontactPreferencesForm({ personId, preferences, onDone, onCancel, onReload }: RecontactPreferencesFormProps) {
  const { t } = useTranslation(['outreach', 'common']);
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    initialValues: {
      allowedChannels: [...preferences.allowedChannels],
      preferredContactName: preferences.preferredContactName ?? '',
      wishes: preferences.wishes ?? '',
      doNotContact: preferences.doNotContact,
    },
    validate: (values) => {
      const input = toInput(values, preferences.version);
      const errors = schemaErrors(ZRecontactPreferencesInput, input);
      for (const [field, key] of Object.entries(recontactPreferencesRules(input))) {
        if (key && !errors[field]) errors[field] = CONTINUITY_MESSAGES[currentLocale()][key];
      }
      return errors;
    },
  });
  const mutation = useMutation({
    mutationFn: (input: TRecontactPreferencesInput) => savePreferences(personId, input),
    onSuccess: (saved) => {
      queryClient.setQueryData(outreachKeys.preferences(personId), saved);
      void queryClient.invalidateQueries({ queryKey: outreachKeys.all });
      onDone();
    },
    onError: (error) => {
      const errors = fieldErrorsFrom(error, FIELDS);
      form.setErrors(errors);
      focusFirstInvalidField(errors, FIELDS);
    },
  });
  const conflict = isApiError(mutation.error) && mutation.error.status === 409;
  const throughSomeone = form.values.allowedChannels.some((channel) => THIRD_PARTY_CHANNELS.includes(channel));

  return (
    <Paper withBorder p="md" bg="gray.0">
      <form
        noValidate
        aria-label={t('preferences.formTitle')}
        onSubmit={form.onSubmit((values) => mutation.mutate(toInput(values, preferences.version)), (errors) => focusFirstInvalidField(errors, FIELDS))}
      >
        <Stack gap="md">
          {conflict ? (
            <ConflictAlert title={t('preferences.conflictTitle')} text={t('preferences.conflictText')} onReload={onReload} />
          ) : (
            <ErrorAlert error={mutation.error} fields={FIELDS} />
          )}
          <Text size="sm">{t('preferences.formIntro')}</Text>
          <Switch
            size="md"
            label={t('preferences.doNotContactLabel')}
            description={t('preferences.doNotContactHint')}
            {...form.getInputProps('doNotContact', { type: 'checkbox' })}
          />
          <Checkbox.Group label={t('preferences.allowedChannels')} description={t('preferences.channelsHint')} {...form.getInputProps('allowedChannels')}>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
              {OUTREACH_CHANNELS.map((channel) => (
                <Checkbox key={channel} value={channel} size="md" label={t(`channels.${channel}`)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <TextInput
            label={t('preferences.preferredContactLabel')}
            description={t('preferences.preferredContactHint')}
            required={throughSomeone}
            maxLength={160}
            {...form.getInputProps('preferredContactName')}
          />
          <Textarea
            label={t('preferences.wishesLabel')}
            description={t('preferences.wishesHint')}
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps('wishes')}
          />
          <Group gap="sm">
            <Button type="submit" loading={mutation.isPending} disabled={conflict}>
              {t('preferences.save')}
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
