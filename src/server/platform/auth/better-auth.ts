import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { twoFactor } from 'better-auth/plugins';
import type { AppDeps } from '../../deps';
import { accounts, sessions, twoFactors, users, verifications } from './schema';
import { hashPassword, verifyPassword } from './password-hashing';

export const SESSION_COOKIE_PREFIX = 'passerelle';
/** Idle timeout: a session unused for 30 minutes expires. */
export const SESSION_IDLE_SECONDS = 30 * 60;
/** Absolute lifetime: whatever the activity, sign in again after 12 hours. */
export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;
/** Activity slides the idle expiry at most once a minute: one write per minute, not per request. */
export const SESSION_REFRESH_SECONDS = 60;
export const PASSWORD_RESET_SECONDS = 60 * 60;

export type PasswordResetMail = { userId: string; email: string; token: string };

/**
 * better-auth owns credentials, sessions and TOTP; Passerelle never mounts its HTTP handler and
 * calls `auth.api.*` from its own routes instead, so every route keeps our contracts, errors,
 * audit and rate limits. Its rate limiter is off: ours lives in the database (shared by processes).
 */
export function createAuth(deps: AppDeps, onPasswordReset: (mail: PasswordResetMail) => Promise<void>) {
  const secure = deps.config.appUrl.startsWith('https://');
  return betterAuth({
    appName: 'Passerelle',
    baseURL: deps.config.appUrl,
    basePath: '/api/auth',
    secret: deps.config.sessionSecret,
    trustedOrigins: [deps.config.appUrl],
    telemetry: { enabled: false },
    // Its warnings name the failure ("Invalid password") on stderr; our audit already records it.
    logger: { level: 'error' },
    database: drizzleAdapter(deps.database.db, {
      provider: 'pg',
      transaction: true,
      schema: { user: users, session: sessions, account: accounts, verification: verifications, twoFactor: twoFactors },
    }),
    user: {
      additionalFields: {
        organizationId: { type: 'string', required: true, input: false },
        isPlatformAdmin: { type: 'boolean', required: false, input: false, defaultValue: false },
        active: { type: 'boolean', required: false, input: false, defaultValue: true },
        locale: { type: 'string', required: false, input: false, defaultValue: 'fr' },
      },
    },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true, // accounts come from invitations only
      minPasswordLength: 12,
      maxPasswordLength: 128,
      password: { hash: hashPassword, verify: verifyPassword },
      resetPasswordTokenExpiresIn: PASSWORD_RESET_SECONDS,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, token }) => {
        await onPasswordReset({ userId: user.id, email: user.email, token });
      },
    },
    session: {
      expiresIn: SESSION_IDLE_SECONDS,
      updateAge: SESSION_REFRESH_SECONDS,
      cookieCache: { enabled: false }, // every request sees revocations at once
    },
    rateLimit: { enabled: false },
    advanced: {
      cookiePrefix: SESSION_COOKIE_PREFIX,
      useSecureCookies: secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure, path: '/' },
      database: { generateId: 'uuid' },
    },
    plugins: [
      twoFactor({
        issuer: 'Passerelle',
        backupCodeOptions: { amount: 10, length: 10, storeBackupCodes: 'encrypted' },
        twoFactorCookieMaxAge: 10 * 60,
      }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
