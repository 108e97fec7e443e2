import { currentLocale } from './i18n';

const TIME_ZONE = 'Europe/Paris';

function intlLocale(): string {
  return currentLocale() === 'en' ? 'en-GB' : 'fr-FR';
}

/** Timestamps are shown in Paris time whatever the device's zone (house rule 8). */
export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(), {
    timeZone: TIME_ZONE,
    dateStyle: 'short',
    timeStyle: 'medium',
  }).format(new Date(iso));
}

export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(), { timeZone: TIME_ZONE, dateStyle: 'long' }).format(new Date(iso));
}

/** "+01:00" or "+02:00": Paris's offset from UTC at that instant. */
function parisOffset(instant: Date): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((item) => item.type === 'timeZoneName');
  const offset = part?.value.replace('GMT', '') ?? '';
  return offset === '' ? '+00:00' : offset;
}

/**
 * A date picked in an `<input type="date">` ("2026-03-29") as an ISO instant in Paris time:
 * the start of that day, or its last millisecond when `endOfDay` is set.
 */
export function parisDayToIso(day: string, endOfDay: boolean): string {
  const time = endOfDay ? '23:59:59.999' : '00:00:00.000';
  // The offset of noon is the day's offset except in the early hours of a DST change.
  const offset = parisOffset(new Date(`${day}T12:00:00Z`));
  return `${day}T${time}${offset}`;
}

/** The Paris calendar day of an ISO instant, for pre-filling a date input. */
export function isoToParisDay(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date(iso));
}
