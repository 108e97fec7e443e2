import { createHmac } from 'node:crypto';
import { constantTimeEqual } from '../http/csrf';
import type { AuthExchange } from './auth-exchange';

/**
 * Who is between the password and the code: better-auth keeps that in a signed cookie naming a
 * short-lived verification row. We read it (same HMAC as better-call's signed cookies) only to
 * count failed codes against the right account; better-auth checks it again itself.
 */
export async function twoFactorChallengeUserId(exchange: AuthExchange): Promise<string | null> {
  const context = await exchange.app.auth.$context;
  const raw = exchange.cookies[context.createAuthCookie('two_factor').name];
  if (!raw) return null;
  const dot = raw.lastIndexOf('.');
  if (dot < 1) return null;
  const identifier = raw.slice(0, dot);
  const expected = createHmac('sha256', context.secret).update(identifier).digest('base64');
  if (!constantTimeEqual(raw.slice(dot + 1), expected)) return null;
  const verification = await context.internalAdapter.findVerificationValue(identifier);
  if (!verification || verification.expiresAt.getTime() < Date.now()) return null;
  return verification.value;
}
