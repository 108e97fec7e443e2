/** Dates and durations as a person in France reads them, in Paris time whatever the server's zone. */
const dateTime = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long' });

/** "23 novembre 2026 à 10:00". */
export function frenchDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** "23 novembre 2026". */
export function frenchDate(iso: string): string {
  return dateOnly.format(new Date(iso));
}

/** "45 min", "1 h", "1 h 30". */
export function frenchDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${String(rest).padStart(2, '0')}`;
}

/**
 * Characters of WinAnsi (the encoding of the PDF standard fonts) beyond Latin-1: French text
 * needs œ, typographic quotes and dashes. Anything else (emoji, other scripts) prints as "?"
 * rather than as garbage; thin and narrow spaces become plain spaces.
 */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

export function winAnsi(text: string): string {
  let out = '';
  for (const character of text.replace(/[\u2009\u202F\t]/g, ' ').replace(/\r/g, '')) {
    const code = character.codePointAt(0) ?? 0x3f;
    const latin1 = (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || code === 0x0a;
    out += latin1 || WIN_ANSI_EXTRA.has(character) ? character : '?';
  }
  return out;
}
