import { createHash, randomBytes } from 'node:crypto';

/** Invitations are valid 7 days. */
export const INVITATION_VALIDITY_MS = 7 * 24 * 3600 * 1000;

/** The token travels by mail; only its hash is stored, so a database leak opens no account. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
