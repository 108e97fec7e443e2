import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { TOTP } from 'otpauth';
import { createTestApp, type TestApp } from '../../tests/support/test-app';
import { organizations, twoFactors, userRoles, users } from '../../src/server/db/schema';
import { ROLES, ROLES_REQUIRING_TWO_FACTOR } from '../../src/server/platform/access/actor';
import { InjectClient } from '../../src/server/platform/auth/testing/inject-client';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_PLATFORM_ADMIN } from './accounts';
import { demoAccountsDocument } from './accounts-table';
import { seedDemoIfEmpty } from './seed';
import { base32Decode, totpAt } from './totp';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoIfEmpty(t.app, { print: false });
});
afterAll(async () => t.close());
beforeEach(() => t.clock.set(new Date()));

const db = () => t.deps.database.db;

describe('demo seed', () => {
  it('creates the PACA organisation, one account per role and a platform administrator', async () => {
    const [organization] = await db().select().from(organizations);
    expect(organization).toMatchObject({ slug: 'ptpr-paca', name: "PTPR Provence-Alpes-Côte d'Azur" });
    const rows = await db().select({ role: userRoles.role }).from(userRoles);
    expect(new Set(rows.map((row) => row.role))).toEqual(new Set(ROLES));
    const [platformAdmin] = await db().select().from(users).where(eq(users.email, DEMO_PLATFORM_ADMIN.email));
    expect(platformAdmin?.isPlatformAdmin).toBe(true);
    expect(await db().select().from(users)).toHaveLength(DEMO_ACCOUNTS.length);
  });

  it('uses fictional .test addresses, one shared password of 12+ characters, distinct TOTP secrets', () => {
    for (const entry of DEMO_ACCOUNTS) expect(entry.email).toMatch(/@demo\.passerelle\.test$/);
    expect(DEMO_PASSWORD.length).toBeGreaterThanOrEqual(12);
    const secrets = DEMO_ACCOUNTS.flatMap((entry) => (entry.totpSecret ? [entry.totpSecret] : []));
    expect(new Set(secrets).size).toBe(secrets.length);
    for (const entry of DEMO_ACCOUNTS) {
      const needsTwoFactor = entry.roles.some((role) => ROLES_REQUIRING_TWO_FACTOR.includes(role));
      expect(entry.totpSecret !== null).toBe(needsTwoFactor);
    }
  });

  it('turns 2FA on for the roles that require it, with an encrypted secret', async () => {
    for (const entry of DEMO_ACCOUNTS) {
      const [user] = await db().select().from(users).where(eq(users.email, entry.email));
      expect(user?.twoFactorEnabled).toBe(entry.totpSecret !== null);
      const rows = await db().select().from(twoFactors).where(eq(twoFactors.userId, user?.id ?? ''));
      expect(rows).toHaveLength(entry.totpSecret ? 1 : 0);
      if (entry.totpSecret) {
        expect(rows[0]?.verified).toBe(true);
        expect(rows[0]?.secret).not.toContain(base32Decode(entry.totpSecret).toString('latin1'));
      }
    }
  });

  it('lets every 2FA account sign in through the routes with a code from its documented secret', async () => {
    for (const entry of DEMO_ACCOUNTS.filter((candidate) => candidate.totpSecret)) {
      const client = new InjectClient(t.app);
      const first = await client.request('POST', '/api/auth/login', { email: entry.email, password: entry.password });
      expect(first.json()).toEqual({ status: 'totp_required' });
      const code = new TOTP({ secret: entry.totpSecret ?? '', digits: 6, period: 30 }).generate();
      const second = await client.request('POST', '/api/auth/login/totp', { code });
      expect(second.statusCode).toBe(200);
      expect(second.json().session.user).toMatchObject({ email: entry.email, mustEnrolTwoFactor: false });
    }
  });

  it('lets the other accounts sign in with the password alone', async () => {
    const response = await new InjectClient(t.app).request('POST', '/api/auth/login', {
      email: 'trainer@demo.passerelle.test',
      password: DEMO_PASSWORD,
    });
    expect(response.json()).toMatchObject({ status: 'signed_in', session: { user: { roles: ['trainer'] } } });
  });

  it('does nothing on a database that already has data', async () => {
    expect(await seedDemoIfEmpty(t.app, { print: false })).toBe(false);
    expect(await db().select().from(organizations)).toHaveLength(1);
  });

  it('keeps docs/demo-accounts.md in step with the accounts', () => {
    const document = readFileSync(new URL('../../docs/demo-accounts.md', import.meta.url), 'utf8');
    expect(document).toBe(demoAccountsDocument());
  });
});

describe('demo TOTP codes (npm run demo:totp)', () => {
  it('match an authenticator app’s code for the same secret and time', () => {
    const secret = DEMO_PLATFORM_ADMIN.totpSecret ?? '';
    const totp = new TOTP({ secret, digits: 6, period: 30 });
    for (const at of [new Date('2026-01-01T00:00:00Z'), new Date('2026-11-23T09:15:42Z'), new Date()]) {
      expect(totpAt(secret, at)).toBe(totp.generate({ timestamp: at.getTime() }));
    }
  });
});
