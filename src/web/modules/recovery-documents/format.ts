import { currentLocale } from '../../app/i18n';

const TIME_ZONE = 'Europe/Paris';
const intlLocale = () => (currentLocale() === 'en' ? 'en-GB' : 'fr-FR');

/** "14 h 32" in French (how it is said and written in plain French), "14:32" in English; Paris time. */
export function formatClock(iso: string): string {
  const parts = new Intl.DateTimeFormat(intlLocale(), { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso));
  const hour = Number(parts.find((part) => part.type === 'hour')?.value ?? '0');
  const minute = parts.find((part) => part.type === 'minute')?.value ?? '00';
  return currentLocale() === 'en' ? `${String(hour).padStart(2, '0')}:${minute}` : `${hour} h ${minute}`;
}

/** "4 mai 2026". */
export function formatDay(iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(), { timeZone: TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));
}

/** "4 mai 2026 à 14 h 32". */
export function formatMoment(iso: string, at: string): string {
  return `${formatDay(iso)} ${at} ${formatClock(iso)}`;
}

/** A calendar day ("2026-11-04") as words, without moving it through time zones. */
export function formatCalendarDay(day: string): string {
  return new Intl.DateTimeFormat(intlLocale(), { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${day}T00:00:00Z`));
}

/** Today in Paris plus some months, as "YYYY-MM-DD" (the default review date: in six months). */
export function parisDayInMonths(months: number, now: Date = new Date()): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(now);
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

export function parisToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(now);
}

/** Whether an instant falls on today's date in Paris. */
export function isParisToday(iso: string, now: Date = new Date()): boolean {
  return parisToday(new Date(iso)) === parisToday(now);
}
