/**
 * French typography for what is printed: a non-breaking space before « : ; ! ? » and inside
 * « », the typographic apostrophe, dates as read in France (Paris time, whatever the server's zone).
 */
const NBSP = '\u00A0';

const dayFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long' });
const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long', timeStyle: 'short' });

/** The first of the month is written "1er" in French ("1er octobre"), which Intl does not do. */
const firstOfMonth = (text: string) => text.replace(/^1 /, '1er ');

/** "23 novembre 2026", "1er octobre 2026". */
export const frenchDay = (instant: Date): string => firstOfMonth(dayFormat.format(instant));
/** "23 novembre 2026 à 10:00". */
export const frenchDateTime = (instant: Date): string => firstOfMonth(dateTimeFormat.format(instant));

/** One run of words without addresses in it (a URL keeps its ":" and "?" untouched). */
function typesetWords(text: string): string {
  return (
    text
      .replace(/(\p{L})'/gu, '$1’')
      .replace(/'(\p{L})/gu, '’$1')
      // An existing space before a high punctuation mark becomes non-breaking; a missing one is added
      // before ; ! ? (not before ":" glued to digits, as in 10:30).
      .replace(/[ \t]+([:;!?»])/g, `${NBSP}$1`)
      .replace(/(\p{L}|\))([;!?»])/gu, `$1${NBSP}$2`)
      .replace(/(\p{L}|\))(:)(?=\s|$)/gu, `$1${NBSP}$2`)
      .replace(/([!?.…])»/g, `$1${NBSP}»`)
      .replace(/«[ \t\u00A0]*/g, `«${NBSP}`)
  );
}

export function typesetFrench(text: string): string {
  return text
    .split(/(\b(?:https?:\/\/|www\.)\S+)/)
    .map((part, index) => (index % 2 === 1 ? part : typesetWords(part)))
    .join('');
}
