import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { SESSION_COOKIE_PREFIX } from './better-auth';

export const SESSION_COOKIE = `${SESSION_COOKIE_PREFIX}.session_token`;
/** better-auth prefixes its cookies with __Secure- when the app is served over https. */
const SECURE_SESSION_COOKIE = `__Secure-${SESSION_COOKIE}`;

/**
 * The session token carried by the request, once its signature is checked; null otherwise.
 * better-auth signs the cookie as `token.base64(HMAC-SHA256(token, secret))` (better-call's
 * signCookieValue); checking it here spares a call into better-auth on every request.
 */
export function signedSessionToken(request: FastifyRequest, secret: string): string | null {
  const value = request.cookies[SESSION_COOKIE] ?? request.cookies[SECURE_SESSION_COOKIE];
  if (!value) return null;
  const key = `${secret.length}:${secret}:${value}`;
  const known = checkedSignatures.get(key);
  if (known !== undefined) return known;
  const token = verifySignature(value, secret);
  if (checkedSignatures.size >= CHECKED_SIGNATURES_MAX) checkedSignatures.clear();
  checkedSignatures.set(key, token);
  return token;
}

/**
 * The answer for a given cookie and secret never changes, so it is remembered: an HMAC per request
 * was a visible share of each request's CPU (bench http). Bounded, so a flood of forged cookies
 * cannot grow it; whether the session still exists is checked in the database on every request.
 */
const checkedSignatures = new Map<string, string | null>();
const CHECKED_SIGNATURES_MAX = 10_000;

function verifySignature(value: string, secret: string): string | null {
  const separator = value.lastIndexOf('.');
  if (separator < 1) return null;
  const token = value.slice(0, separator);
  const signature = Buffer.from(value.slice(separator + 1), 'base64');
  const expected = createHmac('sha256', secret).update(token).digest();
  return signature.length === expected.length && timingSafeEqual(signature, expected) ? token : null;
}

export function hasSessionCookie(request: FastifyRequest): boolean {
  return request.cookies[SESSION_COOKIE] !== undefined || request.cookies[SECURE_SESSION_COOKIE] !== undefined;
}
