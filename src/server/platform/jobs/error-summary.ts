const EMAIL_ADDRESS = /[^\s<>()[\]"',;:@]+@[^\s<>()[\]"',;:@]+/g;
const MAX_LENGTH = 300;

/**
 * A short, storable description of a failure. Errors often quote what they failed on (a mail
 * server repeats the recipient's address): the given values and anything shaped like an address
 * are masked, and the text is cut, so `last_error` and logs carry no personal data.
 */
export function summarizeError(error: unknown, mask: readonly string[] = []): string {
  let text = error instanceof Error ? `${error.name}: ${error.message}` : 'erreur inconnue';
  const code = errorCode(error);
  if (code) text = `[${code}] ${text}`;
  for (const value of mask) {
    if (value.length > 0) text = text.split(value).join('<masqué>');
  }
  text = text.replace(EMAIL_ADDRESS, '<adresse>').replace(/\s+/g, ' ').trim();
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}

function errorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const parts: string[] = [];
  if ('code' in error && (typeof error.code === 'string' || typeof error.code === 'number')) {
    parts.push(String(error.code));
  }
  if ('responseCode' in error && typeof error.responseCode === 'number') parts.push(String(error.responseCode));
  return parts.length > 0 ? parts.join(' ') : null;
}
