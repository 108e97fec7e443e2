import { currentLocale, i18next } from '../../app/i18n';

/** "25 min", "3 h 05 min", "2 jours": how long a request has been waiting, at a glance. */
export function formatAge(minutes: number): string {
  if (minutes < 60) return i18next.t('requests:age.minutes', { minutes });
  if (minutes < 24 * 60) {
    return i18next.t('requests:age.hours', {
      hours: Math.floor(minutes / 60),
      minutes: String(minutes % 60).padStart(2, '0'),
    });
  }
  return i18next.t('requests:age.days', { count: Math.floor(minutes / (24 * 60)) });
}

/** "24/11/2026 18:53", Paris time: deadlines and history need the minute, not the second. */
export function formatShortDateTime(iso: string): string {
  return new Intl.DateTimeFormat(currentLocale() === 'en' ? 'en-GB' : 'fr-FR', {
    timeZone: 'Europe/Paris',
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(iso));
}
