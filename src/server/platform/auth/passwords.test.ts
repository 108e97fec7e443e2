import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, like } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { createTestUser } from '../../../../tests/support/sessions';
import { mailOutbox } from '../mail/schema';
import { sessions, users, verifications } from './schema';
import { InjectClient } from './testing/inject-client';
import { auditTrail, signInThroughRoutes } from './testing/flows';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());
beforeEach(() => t.clock.set(new Date()));

const db = () => t.deps.database.db;
const NEW_PASSWORD = 'un-nouveau-mot-de-passe-solide';

async function outboxFor(email: string) {
  return db().select().from(mailOutbox).where(eq(mailOutbox.toAddress, email));
}

function tokenFromMail(text: string): string {
  const match = /\/reinitialiser-mot-de-passe\?token=([^\s]+)/.exec(text);
  if (!match?.[1]) throw new Error('no reset link in the mail');
  return decodeURIComponent(match[1]);
}

async function loginStatus(email: string, password: string): Promise<number> {
  return (await new InjectClient(t.app).request('POST', '/api/auth/login', { email, password })).statusCode;
}

describe('POST /api/auth/password/change (session, before 2FA)', () => {
  it('refuses a wrong current password with a field error, changes it otherwise and signs out the other sessions', async () => {
    const user = await createTestUser(t, { roles: ['trainer'] });
    const c = await signInThroughRoutes(t, user);
    const other = await signInThroughRoutes(t, user);

    const wrong = await c.request('POST', '/api/auth/password/change', { currentPassword: 'pas-le-bon', newPassword: NEW_PASSWORD });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ type: 'about:blank#wrongPassword', errors: { currentPassword: ['Mot de passe actuel incorrect.'] } });

    const weak = await c.request('POST', '/api/auth/password/change', { currentPassword: user.password, newPassword: 'court' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors).toHaveProperty('newPassword');

    const changed = await c.request('POST', '/api/auth/password/change', { currentPassword: user.password, newPassword: NEW_PASSWORD });
    expect(changed.statusCode).toBe(204);
    expect((await c.request('GET', '/api/auth/session')).statusCode).toBe(200);
    expect((await other.request('GET', '/api/auth/session')).statusCode).toBe(401);
    expect(await loginStatus(user.email, user.password)).toBe(401);
    expect(await loginStatus(user.email, NEW_PASSWORD)).toBe(200);
    expect((await auditTrail(t, user.organizationId)).map((entry) => entry.action)).toContain('auth.password.changed');
  });

  it('answers a wrong current password in English when asked', async () => {
    const user = await createTestUser(t, { roles: ['trainer'] });
    const c = await signInThroughRoutes(t, user);
    const wrong = await c.request(
      'POST',
      '/api/auth/password/change',
      { currentPassword: 'pas-le-bon', newPassword: NEW_PASSWORD },
      { 'accept-language': 'en' },
    );
    expect(wrong.json()).toMatchObject({ title: 'Current password is incorrect.', errors: { currentPassword: ['Current password is incorrect.'] } });
  });

  it('counts wrong current passwords against the account, like failed sign-ins (a stolen session cannot guess it)', async () => {
    const user = await createTestUser(t, { roles: ['trainer'] });
    const c = await signInThroughRoutes(t, user);
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const wrong = await c.request('POST', '/api/auth/password/change', { currentPassword: `faux-${attempt}`, newPassword: NEW_PASSWORD });
      expect(wrong.statusCode).toBe(400);
    }
    const refused = await c.request('POST', '/api/auth/password/change', { currentPassword: user.password, newPassword: NEW_PASSWORD });
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ type: 'about:blank#loginTooManyAttempts' });
    expect(await loginStatus(user.email, user.password)).toBe(429);
  });

  it('refuses anonymous callers (401)', async () => {
    const response = await new InjectClient(t.app).request('POST', '/api/auth/password/change', {
      currentPassword: 'x',
      newPassword: NEW_PASSWORD,
    });
    expect(response.statusCode).toBe(401);
  });
});

describe('POST /api/auth/password/forgot and /reset (public, rate-limited)', () => {
  it('mails a link; the token sets a new password once, revokes the sessions, the old password stops working', async () => {
    const user = await createTestUser(t, { roles: ['trainer'] });
    const session = await signInThroughRoutes(t, user);
    const anonymous = new InjectClient(t.app);

    const forgot = await anonymous.request('POST', '/api/auth/password/forgot', { email: user.email.toUpperCase() });
    expect(forgot.statusCode).toBe(202);
    const [mail] = await outboxFor(user.email);
    expect(mail?.template).toBe('password_reset');
    const token = tokenFromMail(mail?.textBody ?? '');
    expect(mail?.textBody).toContain('http://localhost:3000/reinitialiser-mot-de-passe?token=');

    const reset = await anonymous.request('POST', '/api/auth/password/reset', { token, newPassword: NEW_PASSWORD });
    expect(reset.statusCode).toBe(204);
    expect((await session.request('GET', '/api/auth/session')).statusCode).toBe(401);
    expect(await db().select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
    expect(await loginStatus(user.email, user.password)).toBe(401);
    expect(await loginStatus(user.email, NEW_PASSWORD)).toBe(200);

    const reused = await anonymous.request('POST', '/api/auth/password/reset', { token, newPassword: 'encore-un-autre-mot-de-passe' });
    expect(reused.statusCode).toBe(400);
    expect(reused.json()).toMatchObject({ type: 'about:blank#invalidToken' });
    const actions = (await auditTrail(t, user.organizationId)).map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.password_reset.requested', 'auth.password_reset.completed']));
  });

  it('answers 202 for an unknown or deactivated address and queues nothing', async () => {
    const inactive = await createTestUser(t, { roles: ['trainer'] });
    await db().update(users).set({ active: false }).where(eq(users.id, inactive.id));
    const anonymous = new InjectClient(t.app);
    expect((await anonymous.request('POST', '/api/auth/password/forgot', { email: 'personne@exemple.test' })).statusCode).toBe(202);
    expect((await anonymous.request('POST', '/api/auth/password/forgot', { email: inactive.email })).statusCode).toBe(202);
    expect(await outboxFor('personne@exemple.test')).toHaveLength(0);
    expect(await outboxFor(inactive.email)).toHaveLength(0);
  });

  it('refuses a token older than one hour (400 invalidToken)', async () => {
    const user = await createTestUser(t, { roles: ['trainer'] });
    const anonymous = new InjectClient(t.app);
    await anonymous.request('POST', '/api/auth/password/forgot', { email: user.email });
    const [mail] = await outboxFor(user.email);
    const token = tokenFromMail(mail?.textBody ?? '');
    const [row] = await db().select().from(verifications).where(eq(verifications.identifier, `reset-password:${token}`));
    expect(row && row.expiresAt.getTime() - Date.now()).toBeGreaterThan(59 * 60 * 1000);
    expect(row && row.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(60 * 60 * 1000);
    // better-auth checks the expiry against the real clock: age the row instead of the clock.
    await db()
      .update(verifications)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(like(verifications.identifier, `reset-password:${token}`));
    const reset = await anonymous.request('POST', '/api/auth/password/reset', { token, newPassword: NEW_PASSWORD });
    expect(reset.statusCode).toBe(400);
    expect(reset.json()).toMatchObject({ title: 'Ce lien n’est plus valide. Demandez-en un nouveau.' });
    expect(await loginStatus(user.email, user.password)).toBe(200);
  });

  it('caps reset mails per account and requests per IP', async () => {
    const user = await createTestUser(t, { roles: ['trainer'] });
    const c = new InjectClient(t.app, { ip: '192.0.2.77' });
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect((await c.request('POST', '/api/auth/password/forgot', { email: user.email })).statusCode).toBe(202);
    }
    expect(await outboxFor(user.email)).toHaveLength(3);
    for (let attempt = 6; attempt <= 20; attempt += 1) {
      await c.request('POST', '/api/auth/password/forgot', { email: `x-${attempt}@exemple.test` });
    }
    const refused = await c.request('POST', '/api/auth/password/forgot', { email: user.email });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
  });

  it('counts wrong reset tokens per IP (429 after 20)', async () => {
    const c = new InjectClient(t.app, { ip: '192.0.2.78' });
    for (let attempt = 1; attempt <= 20; attempt += 1) {
      const response = await c.request('POST', '/api/auth/password/reset', { token: `jeton-invente-${attempt}-xxxxxx`, newPassword: NEW_PASSWORD });
      expect(response.statusCode).toBe(400);
    }
    const refused = await c.request('POST', '/api/auth/password/reset', { token: 'jeton-invente-final-xxxxxx', newPassword: NEW_PASSWORD });
    expect(refused.statusCode).toBe(429);
  });
});
