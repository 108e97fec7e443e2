import { currentLocale } from '../../app/i18n';

const TIME_ZONE = 'Europe/Paris';
const intlLocale = () => (currentLocale() === 'en' ? 'en-GB' : 'fr-FR');

/** "jeudi 26 novembre 2026 à 14:00", in Paris time: how a person says an appointment. */
export function formatAppointment(iso: string): string {
  return firstUpper(
    new Intl.DateTimeFormat(intlLocale(), {
    timeZone: TIME_ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(iso)),
  );
}

const firstUpper = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "26 novembre 2026". */
export function formatDay(iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(), { timeZone: TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));
}

/** "26/11/2026 14:00": compact, for message and access lists. */
export function formatMoment(iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(), { timeZone: TIME_ZONE, dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}

/** "Sophie et Julien", "Sophie, Marc et Julien". */
export function joinNames(names: readonly string[]): string {
  return new Intl.ListFormat(intlLocale(), { style: 'long', type: 'conjunction' }).format(names);
}
