import { Box, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCOMPANIMENT_FIELD_MESSAGES, ZAppointmentInput, type TAppointment, type TAppointmentInput, type TAppointmentStatus } from '../../../../shared/accompaniments';
import { isApiError } from '../../../app/api-error';
import { isoToParisDay } from '../../../app/format';
import { currentLocale } from '../../../app/i18n';
import { schemaErrors } from '../../../app/validation';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { fieldErrorsFrom } from '../../../ui/form-errors';
import { LoadingState } from '../../../ui/LoadingState';
import { SuccessAlert } from '../../../ui/SuccessAlert';
import { ConflictAlert } from '../../persons/ui/ConflictAlert';
import { accompanimentKeys, fetchAppointmentsToConfirm, fetchUpcomingAppointments, planAppointment, updateAppointment } from '../accompaniments-api';
import { focusFirstInvalidField } from '../focus';
import { formatShortDateTime, parisLocalToIso, relativeDays, toParisLocal } from '../time';

const FIELDS = ['startsAt', 'place'] as const;
const OUTCOMES: readonly Exclude<TAppointmentStatus, 'planned'>[] = ['done', 'missed', 'cancelled'];
const listStyle = { listStyle: 'none', margin: 0, padding: 0 } as const;

/** Honoured or missed can be said from the day of the appointment on (past ones are listed apart); cancelling, any time. */
const isToday = (iso: string) => isoToParisDay(iso) === isoToParisDay(new Date().toISOString());

function useRefresh(accompanimentId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: accompanimentKeys.upcoming(accompanimentId) });
    void queryClient.invalidateQueries({ queryKey: accompanimentKeys.toConfirm(accompanimentId) });
    void queryClient.invalidateQueries({ queryKey: accompanimentKeys.detail(accompanimentId), exact: true });
  };
}

function AppointmentRow({
  accompanimentId,
  appointment,
  canWork,
  past = false,
  onMarked,
}: {
  accompanimentId: string;
  appointment: TAppointment;
  canWork: boolean;
  past?: boolean;
  onMarked: (status: TAppointmentStatus) => void;
}) {
  const { t } = useTranslation('accompaniments');
  const refresh = useRefresh(accompanimentId);
  const mutation = useMutation({
    mutationFn: (status: TAppointmentStatus) => updateAppointment(accompanimentId, appointment.id, { version: appointment.version, status }),
    onSuccess: (updated) => {
      onMarked(updated.status);
      refresh();
    },
  });
  const when = formatShortDateTime(appointment.startsAt);
  return (
    <Box component="li" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
      <Stack gap="xs">
        <Text fw={700}>
          {when} <Text span fw={400} size="sm">({relativeDays(appointment.startsAt)})</Text>
        </Text>
        {appointment.place && <Text size="sm" className="break-anywhere">{appointment.place}</Text>}
        {isApiError(mutation.error) && mutation.error.status === 409 ? (
          <ConflictAlert title={t('appointments.conflictTitle')} text={t('appointments.conflictText')} onReload={refresh} />
        ) : (
          <ErrorAlert error={mutation.error} />
        )}
        {canWork && (
          <Group gap="xs" role="group" aria-label={t('appointments.markGroup', { date: when })}>
            {OUTCOMES.filter((status) => status === 'cancelled' || past || isToday(appointment.startsAt)).map((status) => (
              <Button
                key={status}
                size="sm"
                variant="default"
                loading={mutation.isPending && mutation.variables === status}
                onClick={() => mutation.mutate(status)}
                aria-label={t(`appointments.markLabel.${status}`, { date: when })}
              >
                {t(`appointments.mark.${status}`)}
              </Button>
            ))}
          </Group>
        )}
      </Stack>
    </Box>
  );
}

type Values = { startsAt: string; place: string };
const toInput = (values: Values) => ({ startsAt: parisLocalToIso(values.startsAt) ?? undefined, place: values.place.trim() === '' ? null : values.place.trim() });

function PlanAppointmentForm({ accompanimentId, onPlanned }: { accompanimentId: string; onPlanned: () => void }) {
  const { t } = useTranslation('accompaniments');
  const refresh = useRefresh(accompanimentId);
  const form = useForm<Values>({
    initialValues: { startsAt: '', place: '' },
    validate: (values) => {
      const errors = schemaErrors(ZAppointmentInput, toInput(values));
      const at = parisLocalToIso(values.startsAt);
      if (!errors.startsAt && at && new Date(at).getTime() <= Date.now()) errors.startsAt = ACCOMPANIMENT_FIELD_MESSAGES[currentLocale()].appointmentInPast;
      return errors;
    },
  });
  const mutation = useMutation({
    mutationFn: (input: TAppointmentInput) => planAppointment(accompanimentId, input),
    onSuccess: () => {
      form.reset();
      onPlanned();
      refresh();
    },
    onError: (error) => {
      const errors = fieldErrorsFrom(error, FIELDS);
      form.setErrors(errors);
      focusFirstInvalidField(errors, FIELDS);
    },
  });
  return (
    <Paper withBorder p="md" bg="gray.0">
      <form
        noValidate
        aria-labelledby="plan-appointment-title"
        onSubmit={form.onSubmit(
          (values) => {
            const parsed = ZAppointmentInput.safeParse(toInput(values));
            if (parsed.success) mutation.mutate(parsed.data);
          },
          (errors) => focusFirstInvalidField(errors, FIELDS),
        )}
      >
        <Stack gap="md">
          <Text fw={700} id="plan-appointment-title" component="h3" m={0}>
            {t('appointments.planTitle')}
          </Text>
          <ErrorAlert error={mutation.error} fields={FIELDS} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput type="datetime-local" label={t('appointments.startsAt')} required size="md" min={toParisLocal(new Date())} {...form.getInputProps('startsAt')} />
            <TextInput label={t('appointments.place')} description={t('appointments.placeHint')} size="md" maxLength={200} {...form.getInputProps('place')} />
          </SimpleGrid>
          <div>
            <Button type="submit" loading={mutation.isPending}>
              {t('appointments.plan')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}

/** The planned appointments, soonest first: mark each one honoured, missed or cancelled; plan the next. */
export function AppointmentsSection({ accompanimentId, canWork }: { accompanimentId: string; canWork: boolean }) {
  const { t } = useTranslation('accompaniments');
  const [notice, setNotice] = useState<string | null>(null);
  const upcoming = useQuery({ queryKey: accompanimentKeys.upcoming(accompanimentId), queryFn: () => fetchUpcomingAppointments(accompanimentId) });
  const toConfirm = useQuery({ queryKey: accompanimentKeys.toConfirm(accompanimentId), queryFn: () => fetchAppointmentsToConfirm(accompanimentId) });
  return (
    <Stack gap="sm">
      {notice && canWork && <SuccessAlert onClose={() => setNotice(null)}>{notice}</SuccessAlert>}
      {toConfirm.isError && <ErrorAlert error={toConfirm.error} onRetry={() => void toConfirm.refetch()} />}
      {toConfirm.data && toConfirm.data.items.length > 0 && (
        <Paper withBorder p="sm">
          <Text fw={700}>{t('appointments.toConfirmTitle')}</Text>
          <Text size="sm">{t('appointments.toConfirmHint')}</Text>
          <ul style={listStyle} aria-label={t('appointments.toConfirmTitle')}>
            {toConfirm.data.items.map((appointment) => (
              <AppointmentRow
                key={`${appointment.id}-${appointment.version}`}
                accompanimentId={accompanimentId}
                appointment={appointment}
                canWork={canWork}
                past
                onMarked={(status) => setNotice(t(`appointments.marked.${status}`))}
              />
            ))}
          </ul>
        </Paper>
      )}
      {upcoming.isPending && <LoadingState />}
      {upcoming.isError && <ErrorAlert error={upcoming.error} onRetry={() => void upcoming.refetch()} />}
      {upcoming.data &&
        (upcoming.data.items.length === 0 ? (
          <Text>{t('appointments.empty')}</Text>
        ) : (
          <ul style={listStyle} aria-label={t('appointments.listLabel')}>
            {upcoming.data.items.map((appointment) => (
              <AppointmentRow
                key={`${appointment.id}-${appointment.version}`}
                accompanimentId={accompanimentId}
                appointment={appointment}
                canWork={canWork}
                onMarked={(status) => setNotice(t(`appointments.marked.${status}`))}
              />
            ))}
          </ul>
        ))}
      {canWork && <PlanAppointmentForm accompanimentId={accompanimentId} onPlanned={() => setNotice(t('appointments.planned'))} />}
    </Stack>
  );
}
