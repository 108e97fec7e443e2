import { randomBytes } from 'node:crypto';
import { TOTP } from 'otpauth';
import { organizations } from '../../src/server/db/schema';
import type { Role } from '../../src/server/platform/access/actor';
import { createUserWithPassword } from '../../src/server/platform/auth/accounts';
import { ROLES_REQUIRING_TWO_FACTOR } from '../../src/shared/roles';
import { CSRF_COOKIE, CSRF_HEADER } from '../../src/shared/auth';
import type { TestApp } from './test-app';

export type TestUser = {
  id: string;
  organizationId: string;
  email: string;
  password: string;
  roles: Role[];
  /** Base32 TOTP secret when the user has enrolled in 2FA. */
  totpSecret: string | null;
};

export type TestSession = { user: TestUser; headers: Record<string, string> };

export async function createTestOrganization(t: TestApp, name = 'PTPR Test'): Promise<string> {
  const slug = `org-${randomBytes(4).toString('hex')}`;
  const [row] = await t.deps.database.db.insert(organizations).values({ slug, name, region: 'PACA' }).returning();
  if (!row) throw new Error('organization not created');
  return row.id;
}

/**
 * A user with a password; by default enrolled in 2FA through better-auth's real endpoints when
 * one of their roles requires it (set `twoFactor: false` to get a user who still has to enrol).
 */
export async function createTestUser(
  t: TestApp,
  options: { roles: Role[]; organizationId?: string; twoFactor?: boolean; name?: string; isPlatformAdmin?: boolean },
): Promise<TestUser> {
  const organizationId = options.organizationId ?? (await createTestOrganization(t));
  const email = `user-${randomBytes(5).toString('hex')}@exemple.test`;
  const password = `mot-de-passe-${randomBytes(6).toString('hex')}`;
  const id = await t.deps.database.db.transaction((tx) =>
    createUserWithPassword(
      tx,
      {
        organizationId,
        email,
        name: options.name ?? 'Camille Test',
        password,
        roles: options.roles,
        isPlatformAdmin: options.isPlatformAdmin ?? false,
      },
      t.clock.now,
    ),
  );
  const user: TestUser = { id, organizationId, email, password, roles: options.roles, totpSecret: null };
  const wantsTwoFactor = options.twoFactor ?? options.roles.some((role) => ROLES_REQUIRING_TWO_FACTOR.includes(role));
  if (wantsTwoFactor) user.totpSecret = await enrolTwoFactor(t, user);
  return user;
}

async function enrolTwoFactor(t: TestApp, user: TestUser): Promise<string> {
  const first = await t.app.auth.api.signInEmail({
    body: { email: user.email, password: user.password },
    headers: new Headers(),
    returnHeaders: true,
  });
  const cookie = cookieHeader(first.headers.getSetCookie());
  const enabled = await t.app.auth.api.enableTwoFactor({ body: { password: user.password }, headers: new Headers({ cookie }) });
  if (enabled.method !== 'totp') throw new Error('TOTP enrolment expected');
  const secret = new URL(enabled.totpURI).searchParams.get('secret');
  if (!secret) throw new Error('no secret in TOTP URI');
  await t.app.auth.api.verifyTOTP({ body: { code: totpCode(secret) }, headers: new Headers({ cookie }) });
  await t.app.auth.api.signOut({ headers: new Headers({ cookie }) });
  return secret;
}

export function totpCode(secret: string): string {
  return new TOTP({ secret, digits: 6, period: 30 }).generate();
}

/** Signs in through better-auth (password, then TOTP when enrolled) and returns request headers. */
export async function signIn(t: TestApp, user: TestUser): Promise<TestSession> {
  const first = await t.app.auth.api.signInEmail({
    body: { email: user.email, password: user.password },
    headers: new Headers(),
    returnHeaders: true,
  });
  let setCookies = first.headers.getSetCookie();
  if ('twoFactorRedirect' in first.response && first.response.twoFactorRedirect) {
    if (!user.totpSecret) throw new Error('2FA required but user has no secret');
    const second = await t.app.auth.api.verifyTOTP({
      body: { code: totpCode(user.totpSecret) },
      headers: new Headers({ cookie: cookieHeader(setCookies) }),
      returnHeaders: true,
    });
    setCookies = second.headers.getSetCookie();
  }
  const csrf = randomBytes(16).toString('hex');
  return {
    user,
    headers: { cookie: `${cookieHeader(setCookies)}; ${CSRF_COOKIE}=${csrf}`, [CSRF_HEADER]: csrf },
  };
}

/** Creates a user with these roles and signs them in. */
export async function signInAs(t: TestApp, roles: Role[], options: { organizationId?: string } = {}): Promise<TestSession> {
  return signIn(t, await createTestUser(t, { roles, ...options }));
}

export function cookieHeader(setCookies: string[]): string {
  return setCookies
    .map((line) => line.split(';')[0] ?? '')
    .filter((pair) => pair.includes('=') && !pair.endsWith('='))
    .join('; ');
}
