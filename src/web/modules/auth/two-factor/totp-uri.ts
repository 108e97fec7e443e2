/** The base32 secret inside `otpauth://totp/…?secret=…`, grouped by 4 for copying by hand. */
export function secretFromUri(uri: string): string | null {
  try {
    const secret = new URL(uri).searchParams.get('secret');
    return secret ? (secret.match(/.{1,4}/g) ?? [secret]).join(' ') : null;
  } catch {
    return null;
  }
}
