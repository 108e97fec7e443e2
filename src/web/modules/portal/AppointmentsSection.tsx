import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TPortalAppointment } from '../../../shared/portal';
import { formatAppointment } from './portal-format';
import { PortalSection } from './PortalSection';

/** "Mes prochains rendez-vous": the planned ones, soonest first, with their place. */
export function AppointmentsSection({ appointments }: { appointments: TPortalAppointment[] }) {
  const { t } = useTranslation('portal');
  return (
    <PortalSection id="portal-appointments" title={t('appointments.title')}>
      {appointments.length === 0 ? (
        <Text>{t('appointments.none')}</Text>
      ) : (
        <List spacing="md" listStyleType="none" ml={0} pl={0}>
          {appointments.map((appointment) => (
            <List.Item key={appointment.id}>
              <Text fw={700}>
                <time dateTime={appointment.startsAt}>{formatAppointment(appointment.startsAt)}</time>
              </Text>
              <Text c={appointment.place ? undefined : 'dimmed'}>
                {appointment.place ? t('appointments.at', { place: appointment.place }) : t('appointments.noPlace')}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </PortalSection>
  );
}
