import { eq } from 'drizzle-orm';
import type { TLoginResult } from '../../../shared/auth';
import { AppError, tooManyRequests, unauthorized, type MessageKey } from '../http/errors';
import { auditAfterAuth, keepCookies, type AuthExchange } from './auth-exchange';
import { asAppError, authErrorCode } from './auth-errors';
import { accountLoginKey, countAccountAttempt, countIpAttempt, LOGIN_FAILURES_PER_ACCOUNT } from './auth-limits';
import { findAccountByEmail, findAccountById, type AccountSummary } from './account-lookup';
import { clear, release } from './rate-limit';
import { loadSessionView } from './session-view';
import { sessions } from './schema';
import { twoFactorChallengeUserId } from './two-factor-challenge';

export type SecondFactor = 'totp' | 'recovery_code';

/**
 * Password step. Unknown email and wrong password get the same answer; the account's failure
 * count and the IP's are taken before checking, so a burst of parallel guesses cannot pass them.
 */
export async function loginWithPassword(exchange: AuthExchange, input: { email: string; password: string }): Promise<TLoginResult> {
  const ipKey = await countIpAttempt(exchange, 'login');
  const accountKey = await countAccountAttempt(exchange, input.email);
  let result;
  try {
    result = await exchange.app.auth.api.signInEmail({
      body: { email: input.email, password: input.password },
      headers: exchange.headers,
      returnHeaders: true,
    });
  } catch (error) {
    if (authErrorCode(error) !== 'INVALID_EMAIL_OR_PASSWORD') throw asAppError(error);
    await recordFailure(exchange, await findAccountByEmail(exchange.db, input.email), 'password');
    throw unauthorized('invalidCredentials');
  }
  const account = await findAccountByEmail(exchange.db, input.email);
  const sessionToken = 'token' in result.response ? result.response.token : null;
  if (!account?.active) {
    // The password was right, so saying the account is disabled reveals nothing new.
    if (sessionToken) await exchange.db.delete(sessions).where(eq(sessions.token, sessionToken));
    await recordFailure(exchange, account, 'password', 'inactive');
    throw new AppError(403, 'accountInactive');
  }
  await release(exchange.db, ipKey);
  keepCookies(exchange, result.headers);
  if (!sessionToken) {
    // Half-way: the password is right but the code is still to come, so it is no failure yet.
    await release(exchange.db, accountKey);
    return { status: 'totp_required' };
  }
  return signedIn(exchange, account, accountKey, 'password');
}

/**
 * Code step, after `totp_required`: a TOTP code or a single-use recovery code. Failed codes count
 * against the same per-account limit as failed passwords.
 */
export async function loginWithSecondFactor(exchange: AuthExchange, factor: SecondFactor, code: string): Promise<TLoginResult> {
  const userId = await twoFactorChallengeUserId(exchange);
  const account = userId ? await findAccountById(exchange.db, userId) : null;
  if (!account) throw unauthorized();
  const accountKey = await countAccountAttempt(exchange, account.email);
  let result;
  try {
    const request = { body: { code: code.trim() }, headers: exchange.headers, returnHeaders: true } as const;
    result =
      factor === 'totp'
        ? await exchange.app.auth.api.verifyTOTP(request)
        : await exchange.app.auth.api.verifyBackupCode(request);
  } catch (error) {
    throw await secondFactorFailure(exchange, account, accountKey, factor, error);
  }
  if (!account.active) {
    const token = result.response.token;
    if (token) await exchange.db.delete(sessions).where(eq(sessions.token, token));
    throw new AppError(403, 'accountInactive');
  }
  keepCookies(exchange, result.headers);
  return signedIn(exchange, account, accountKey, factor);
}

async function secondFactorFailure(
  exchange: AuthExchange,
  account: AccountSummary,
  accountKey: string,
  factor: SecondFactor,
  error: unknown,
): Promise<unknown> {
  const wrongCode: Record<SecondFactor, { code: string; key: MessageKey }> = {
    totp: { code: 'INVALID_CODE', key: 'invalidTotp' },
    recovery_code: { code: 'INVALID_BACKUP_CODE', key: 'invalidRecoveryCode' },
  };
  switch (authErrorCode(error)) {
    case wrongCode[factor].code:
      await recordFailure(exchange, account, factor);
      return unauthorized(wrongCode[factor].key);
    case 'TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE':
    case 'ACCOUNT_TEMPORARILY_LOCKED':
      return tooManyRequests(LOGIN_FAILURES_PER_ACCOUNT.windowMs / 1000, 'loginTooManyAttempts');
    case 'INVALID_TWO_FACTOR_COOKIE':
      // The challenge expired or was used: not a wrong code, the user signs in again.
      await release(exchange.db, accountKey);
      return unauthorized();
    default:
      return asAppError(error);
  }
}

async function signedIn(
  exchange: AuthExchange,
  account: AccountSummary,
  accountKey: string,
  factor: 'password' | SecondFactor,
): Promise<TLoginResult> {
  await clear(exchange.db, accountKey);
  await auditAfterAuth(
    exchange.db,
    { organizationId: account.organizationId, actorUserId: account.id, occurredAt: exchange.now },
    { action: 'auth.login.succeeded', resourceType: 'user', resourceId: account.id, context: { factor } },
  );
  return { status: 'signed_in', session: await loadSessionView(exchange.db, account.id) };
}

/** Only an existing account has an organisation whose audit chain can record the failure. */
async function recordFailure(
  exchange: AuthExchange,
  account: AccountSummary | null,
  factor: 'password' | SecondFactor,
  reason: 'wrong_secret' | 'inactive' = 'wrong_secret',
) {
  if (!account) return;
  await auditAfterAuth(
    exchange.db,
    { organizationId: account.organizationId, actorUserId: null, occurredAt: exchange.now },
    { action: 'auth.login.failed', resourceType: 'user', resourceId: account.id, context: { factor, reason } },
  );
}

/** After a password reset the owner has proved themselves: the failures before it no longer count. */
export async function forgetLoginFailures(exchange: AuthExchange, email: string): Promise<void> {
  await clear(exchange.db, accountLoginKey(exchange, email));
}
