import { currentLocale } from '../../app/i18n';

const TIME_ZONE = 'Europe/Paris';
const DAY_MS = 86_400_000;

const wallClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function part(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  return parts.find((item) => item.type === type)?.value ?? '00';
}

/** An instant as Paris wall-clock time for `<input type="datetime-local">` ("2026-11-23T14:30"). */
export function toParisLocal(instant: Date): string {
  const parts = wallClock.formatToParts(instant);
  return `${part(parts, 'year')}-${part(parts, 'month')}-${part(parts, 'day')}T${part(parts, 'hour')}:${part(parts, 'minute')}`;
}

/** Minutes Paris is ahead of UTC at that instant (60 in winter, 120 in summer). */
function parisOffsetMinutes(instant: number): number {
  const parts = wallClock.formatToParts(new Date(instant));
  const asUtc = Date.UTC(
    Number(part(parts, 'year')),
    Number(part(parts, 'month')) - 1,
    Number(part(parts, 'day')),
    Number(part(parts, 'hour')),
    Number(part(parts, 'minute')),
  );
  return Math.round((asUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * A Paris wall-clock time typed in a datetime-local input as an ISO instant, whatever the device's
 * zone (a peer abroad still logs Paris times). `null` when the text is not a complete date and time.
 */
export function parisLocalToIso(local: string): string | null {
  const match = LOCAL.exec(local);
  if (!match) return null;
  const [, year, month, day, hour, minute] = match.map(Number);
  if (year === undefined || month === undefined || day === undefined || hour === undefined || minute === undefined) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The offset at the guessed instant, then once more at the corrected one (DST changes).
  const first = wall - parisOffsetMinutes(wall) * 60_000;
  const instant = wall - parisOffsetMinutes(first) * 60_000;
  return Number.isNaN(instant) ? null : new Date(instant).toISOString();
}

/** "il y a 3 jours", "aujourd’hui", "dans 2 jours": how far a date is, in the person's language. */
export function relativeDays(iso: string, now: Date = new Date()): string {
  const format = new Intl.RelativeTimeFormat(currentLocale() === 'en' ? 'en-GB' : 'fr-FR', { numeric: 'auto' });
  const day = (instant: Date) => Math.floor((instant.getTime() + parisOffsetMinutes(instant.getTime()) * 60_000) / DAY_MS);
  return format.format(day(new Date(iso)) - day(now), 'day');
}

/** "1 h 30", "45 min": a duration as people say it. */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${String(rest).padStart(2, '0')}`;
}

/** Short date and time in Paris ("23/11/2026 14:30"), for lists where seconds are noise. */
export function formatShortDateTime(iso: string): string {
  return new Intl.DateTimeFormat(currentLocale() === 'en' ? 'en-GB' : 'fr-FR', {
    timeZone: TIME_ZONE,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}
