import type { Actor } from '../access/actor';
import { badRequest } from '../http/errors';
import { messages } from '../http/messages';
import { auditAfterAuth, keepCookies, type AuthExchange } from './auth-exchange';
import { asAppError, authErrorCode } from './auth-errors';
import { countIpAttempt, RESET_MAILS_PER_ACCOUNT, withPasswordCheck } from './auth-limits';
import { findAccountByEmail, findAccountById } from './account-lookup';
import { forgetLoginFailures } from './login';
import { hit, rateLimitKey, release } from './rate-limit';

/**
 * Changes the password after checking the current one, and signs out every other session (a
 * stolen session must not outlive the change); the caller gets a fresh session cookie.
 */
export async function changePassword(
  exchange: AuthExchange,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  let result;
  try {
    result = await withPasswordCheck(exchange, actor.userId, () =>
      exchange.app.auth.api.changePassword({
        body: { currentPassword: input.currentPassword, newPassword: input.newPassword, revokeOtherSessions: true },
        headers: exchange.headers,
        returnHeaders: true,
      }),
    );
  } catch (error) {
    if (authErrorCode(error) === 'INVALID_PASSWORD') {
      throw badRequest('wrongPassword', { currentPassword: [messages[exchange.locale].wrongPassword] });
    }
    throw asAppError(error);
  }
  keepCookies(exchange, result.headers);
  await auditAfterAuth(
    exchange.db,
    { organizationId: actor.organizationId, actorUserId: actor.userId, occurredAt: exchange.now },
    { action: 'auth.password.changed', resourceType: 'user', resourceId: actor.userId },
  );
}

/**
 * Queues a reset link when the address belongs to an active account, and answers the same way
 * whether it does or not. Each request counts against the IP; mails are capped per account.
 */
export async function requestPasswordReset(exchange: AuthExchange, email: string): Promise<void> {
  await countIpAttempt(exchange, 'password-forgot');
  const account = await findAccountByEmail(exchange.db, email);
  if (!account?.active) return;
  const key = rateLimitKey(exchange.app.deps.config.sessionSecret, 'reset-mail', account.id);
  const { limit, windowMs } = RESET_MAILS_PER_ACCOUNT;
  if (!(await hit(exchange.db, key, limit, windowMs, exchange.now)).allowed) return;
  // better-auth stores the one-hour token and calls sendPasswordResetMail (outbox + audit).
  await exchange.app.auth.api.requestPasswordReset({ body: { email: account.email }, headers: exchange.headers });
}

/**
 * Sets the new password with the mailed token (single use, one hour); better-auth deletes every
 * session of the account in the same step. Wrong tokens count against the IP.
 */
export async function resetPassword(exchange: AuthExchange, input: { token: string; newPassword: string }): Promise<void> {
  const ipKey = await countIpAttempt(exchange, 'password-reset');
  const context = await exchange.app.auth.$context;
  const verification = await context.internalAdapter.findVerificationValue(`reset-password:${input.token}`);
  try {
    await exchange.app.auth.api.resetPassword({
      body: { token: input.token, newPassword: input.newPassword },
      headers: exchange.headers,
    });
  } catch (error) {
    if (authErrorCode(error) === 'INVALID_TOKEN' || authErrorCode(error) === 'USER_NOT_FOUND') throw badRequest('invalidToken');
    throw asAppError(error);
  }
  await release(exchange.db, ipKey);
  const account = verification ? await findAccountById(exchange.db, verification.value) : null;
  if (!account) return;
  await forgetLoginFailures(exchange, account.email);
  await auditAfterAuth(
    exchange.db,
    { organizationId: account.organizationId, actorUserId: account.id, occurredAt: exchange.now },
    { action: 'auth.password_reset.completed', resourceType: 'user', resourceId: account.id },
  );
}
