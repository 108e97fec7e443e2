import { tooManyRequests } from '../http/errors';
import type { AuthExchange } from './auth-exchange';
import { findAccountById } from './account-lookup';
import { hit, rateLimitKey, release, type RateLimitRule } from './rate-limit';

const FIFTEEN_MINUTES = 15 * 60 * 1000;

/** Failed sign-ins (password or second factor) per account, known or not. */
export const LOGIN_FAILURES_PER_ACCOUNT: RateLimitRule = { limit: 5, windowMs: FIFTEEN_MINUTES };
/** Failed attempts per IP address on each public form: credential stuffing, token guessing. */
export const ATTEMPTS_PER_IP: RateLimitRule = { limit: 20, windowMs: FIFTEEN_MINUTES };
/** Reset mails per account, so nobody can flood someone's mailbox through the forgot form. */
export const RESET_MAILS_PER_ACCOUNT: RateLimitRule = { limit: 3, windowMs: 60 * 60 * 1000 };

export type IpBucket = 'login' | 'password-forgot' | 'password-reset' | 'invitation';

export function accountLoginKey(exchange: AuthExchange, email: string): string {
  return rateLimitKey(exchange.app.deps.config.sessionSecret, 'login-account', email.trim().toLowerCase());
}

/**
 * Counts a sign-in attempt on the account before it is checked (the caller gives it back or
 * clears the count when it succeeds): the sixth within the window is refused, right password or not.
 */
export async function countAccountAttempt(exchange: AuthExchange, email: string): Promise<string> {
  const key = accountLoginKey(exchange, email);
  const { limit, windowMs } = LOGIN_FAILURES_PER_ACCOUNT;
  const result = await hit(exchange.db, key, limit, windowMs, exchange.now);
  if (!result.allowed) throw tooManyRequests(result.retryAfterSeconds, 'loginTooManyAttempts');
  return key;
}

/** Counts an attempt from the caller's IP address on one form; refuses past the limit. */
export async function countIpAttempt(exchange: AuthExchange, bucket: IpBucket): Promise<string> {
  const key = rateLimitKey(exchange.app.deps.config.sessionSecret, `ip-${bucket}`, exchange.ip);
  const { limit, windowMs } = ATTEMPTS_PER_IP;
  const result = await hit(exchange.db, key, limit, windowMs, exchange.now);
  if (!result.allowed) throw tooManyRequests(result.retryAfterSeconds);
  return key;
}

/**
 * Runs a password check of a signed-in user (2FA setup, password change) under the same
 * per-account budget as sign-in: a stolen session must not become a way to guess the password.
 * The attempt is given back when the check passes.
 */
export async function withPasswordCheck<T>(exchange: AuthExchange, userId: string, check: () => Promise<T>): Promise<T> {
  const account = await findAccountById(exchange.db, userId);
  const key = account ? await countAccountAttempt(exchange, account.email) : null;
  const result = await check();
  if (key) await release(exchange.db, key);
  return result;
}
