import { Button, Checkbox, Group, NumberInput, Radio, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACCOMPANIMENT_FIELD_MESSAGES,
  INTERVENTION_TYPES,
  ZInterventionInput,
  type TAccompanimentDetail,
  type TIntervention,
  type TInterventionInput,
  type TInterventionType,
} from '../../../../shared/accompaniments';
import { currentLocale } from '../../../app/i18n';
import { useCurrentSession } from '../../../app/session';
import { schemaErrors } from '../../../app/validation';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { fieldErrorsFrom } from '../../../ui/form-errors';
import { SuccessAlert } from '../../../ui/SuccessAlert';
import { accompanimentKeys, recordIntervention } from '../accompaniments-api';
import { focusFirstInvalidField } from '../focus';
import { tileStyles } from '../tile-styles';
import { formatDuration, formatShortDateTime, parisLocalToIso, toParisLocal } from '../time';

const FIELDS = ['occurredAt', 'durationMinutes', 'type', 'place', 'peerIds'] as const;
const QUICK_DURATIONS = [15, 30, 45, 60, 90, 120] as const;
/** The server accepts "now" from a device a little ahead of it; the form says the same. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

type Values = { occurredAt: string; durationMinutes: number | string; type: TInterventionType | ''; place: string; peerIds: string[] };

function toInput(values: Values) {
  return {
    occurredAt: parisLocalToIso(values.occurredAt) ?? undefined,
    durationMinutes: values.durationMinutes === '' ? undefined : Number(values.durationMinutes),
    type: values.type === '' ? undefined : values.type,
    place: values.place.trim() === '' ? null : values.place.trim(),
    peerIds: values.peerIds,
  };
}

/**
 * "Noter une intervention" in a few taps: the date is now unless changed, then duration, type,
 * place and who was there. Said back in a success message; the form starts again for the next one.
 */
export function InterventionForm({ accompaniment }: { accompaniment: TAccompanimentDetail }) {
  const { t } = useTranslation(['accompaniments', 'common']);
  const { user } = useCurrentSession();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<TIntervention | null>(null);
  const currentPeers = accompaniment.peers.filter((peer) => peer.endedAt === null);
  const defaultPeers = currentPeers.some((peer) => peer.id === user.id) ? [user.id] : currentPeers.map((peer) => peer.id);
  const initialValues = (): Values => ({ occurredAt: toParisLocal(new Date()), durationMinutes: '', type: '', place: '', peerIds: defaultPeers });
  const form = useForm<Values>({
    initialValues: initialValues(),
    validate: (values) => {
      const errors = schemaErrors(ZInterventionInput, toInput(values));
      const at = parisLocalToIso(values.occurredAt);
      if (!errors.occurredAt && at && new Date(at).getTime() > Date.now() + FUTURE_TOLERANCE_MS) {
        errors.occurredAt = ACCOMPANIMENT_FIELD_MESSAGES[currentLocale()].dateInFuture;
      }
      if (errors.peerIds) errors.peerIds = t('interventions.peersRequired');
      return errors;
    },
  });
  const mutation = useMutation({
    mutationFn: (input: TInterventionInput) => recordIntervention(accompaniment.id, input),
    onSuccess: (intervention) => {
      setSaved(intervention);
      form.setValues(initialValues());
      form.resetDirty();
      void queryClient.invalidateQueries({ queryKey: accompanimentKeys.detail(accompaniment.id), exact: true });
      void queryClient.invalidateQueries({ queryKey: accompanimentKeys.interventionsAll(accompaniment.id) });
      void queryClient.invalidateQueries({ queryKey: accompanimentKeys.lists });
      void queryClient.invalidateQueries({ queryKey: accompanimentKeys.ofPerson(accompaniment.person.id) });
    },
    onError: (error) => {
      const errors = fieldErrorsFrom(error, FIELDS);
      form.setErrors(errors);
      focusFirstInvalidField(errors, FIELDS);
    },
  });

  return (
    <form
      noValidate
      aria-label={t('interventions.formTitle')}
      onSubmit={form.onSubmit(
        (values) => {
          setSaved(null);
          const parsed = ZInterventionInput.safeParse(toInput(values));
          if (parsed.success) mutation.mutate(parsed.data);
        },
        (errors) => focusFirstInvalidField(errors, FIELDS),
      )}
    >
      <Stack gap="md">
        {saved && (
          <SuccessAlert onClose={() => setSaved(null)}>
            {t('interventions.saved', {
              type: t(`interventionTypes.${saved.type}`),
              duration: formatDuration(saved.durationMinutes),
              date: formatShortDateTime(saved.occurredAt),
            })}
          </SuccessAlert>
        )}
        <ErrorAlert error={mutation.error} fields={FIELDS} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            type="datetime-local"
            label={t('interventions.occurredAt')}
            description={t('interventions.occurredAtHint')}
            required
            size="md"
            max={toParisLocal(new Date(Date.now() + FUTURE_TOLERANCE_MS))}
            {...form.getInputProps('occurredAt')}
          />
          <Stack gap={6}>
            <NumberInput
              label={t('interventions.duration')}
              description={t('interventions.durationHint')}
              required
              size="md"
              min={1}
              max={24 * 60}
              step={15}
              allowDecimal={false}
              allowNegative={false}
              inputMode="numeric"
              {...form.getInputProps('durationMinutes')}
            />
            <Group gap={6} role="group" aria-label={t('interventions.quickDurations')}>
              {QUICK_DURATIONS.map((minutes) => {
                const chosen = Number(form.values.durationMinutes) === minutes;
                return (
                  <Button
                    key={minutes}
                    size="sm"
                    variant={chosen ? 'filled' : 'default'}
                    aria-pressed={chosen}
                    onClick={() => form.setFieldValue('durationMinutes', minutes)}
                  >
                    {formatDuration(minutes)}
                  </Button>
                );
              })}
            </Group>
          </Stack>
        </SimpleGrid>
        <Radio.Group label={t('interventions.type')} required size="md" {...form.getInputProps('type')}>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="xs" mt="xs">
            {INTERVENTION_TYPES.map((type) => (
              <Radio key={type} value={type} label={t(`interventionTypes.${type}`)} size="md" styles={tileStyles} />
            ))}
          </SimpleGrid>
        </Radio.Group>
        <TextInput
          label={t('interventions.place')}
          description={t('interventions.placeHint')}
          size="md"
          maxLength={200}
          {...form.getInputProps('place')}
        />
        <Checkbox.Group label={t('interventions.peers')} required size="md" {...form.getInputProps('peerIds')}>
          <Stack gap="xs" mt="xs">
            {currentPeers.map((peer) => (
              <Checkbox
                key={peer.id}
                value={peer.id}
                size="md"
                label={peer.asVolunteer ? t('peers.volunteerName', { name: peer.name }) : peer.name}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <Button type="submit" size="lg" fullWidth loading={mutation.isPending}>
          {t('interventions.submit')}
        </Button>
      </Stack>
    </form>
  );
}
