import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * The secrets of an outside link and of a crisis card: a token in the URL (32 random bytes) and a
 * short code given by another way. Only their SHA-256 hashes are stored; the code's hash is
 * salted with the token's, so one code table cannot be tried against every row.
 */

/** No 0/O, 1/I/L: the code is read on paper or over the phone. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 8;

export const newToken = (): string => randomBytes(32).toString('base64url');

export function newCode(): string {
  let code = '';
  for (let index = 0; index < CODE_LENGTH; index += 1) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export const hashToken = (token: string): string => sha256(token);

/** What the person types: spaces, dashes and case do not matter. */
export const normalizeCode = (code: string): string => code.replace(/[\s-]/g, '').toUpperCase();

export const hashCode = (tokenHash: string, code: string): string => sha256(`${tokenHash}:${normalizeCode(code)}`);

/** Compares in constant time, so the answer's timing tells nothing about the stored hash. */
export function codeMatches(tokenHash: string, storedCodeHash: string, candidate: string): boolean {
  const expected = Buffer.from(storedCodeHash, 'hex');
  const given = Buffer.from(hashCode(tokenHash, candidate), 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** "ABCD EFGH": easier to read aloud and to copy. */
export const displayCode = (code: string): string => `${code.slice(0, 4)} ${code.slice(4)}`;
