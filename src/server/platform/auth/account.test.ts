import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { createTestUser } from '../../../../tests/support/sessions';
import { sessions } from './schema';
import { InjectClient } from './testing/inject-client';
import { auditTrail, signInThroughRoutes } from './testing/flows';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());
beforeEach(() => t.clock.set(new Date()));

describe('GET /api/auth/session (session, before 2FA)', () => {
  it('answers 401 when signed out', async () => {
    const response = await new InjectClient(t.app).request('GET', '/api/auth/session');
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ type: 'about:blank#unauthorized' });
  });

  it('describes the user, their roles and organisation', async () => {
    const user = await createTestUser(t, { roles: ['peer_worker', 'trainer'], name: 'Inès Pair', isPlatformAdmin: false });
    const c = await signInThroughRoutes(t, user);
    const response = await c.request('GET', '/api/auth/session');
    expect(response.json()).toEqual({
      user: {
        id: user.id,
        name: 'Inès Pair',
        email: user.email,
        locale: 'fr',
        roles: ['peer_worker', 'trainer'],
        isPlatformAdmin: false,
        twoFactorEnabled: true,
        mustEnrolTwoFactor: false,
      },
      organization: { id: user.organizationId, name: 'PTPR Test' },
    });
  });

  it('is open to a user who still owes 2FA enrolment, and says so', async () => {
    const user = await createTestUser(t, { roles: ['coordinator'], twoFactor: false });
    const c = await signInThroughRoutes(t, user);
    const response = await c.request('GET', '/api/auth/session');
    expect(response.statusCode).toBe(200);
    expect(response.json().user.mustEnrolTwoFactor).toBe(true);
  });
});

describe('PATCH /api/auth/me (session)', () => {
  it('changes the interface language and records it', async () => {
    const user = await createTestUser(t, { roles: ['trainer'] });
    const c = await signInThroughRoutes(t, user);
    const response = await c.request('PATCH', '/api/auth/me', { locale: 'en' });
    expect(response.statusCode).toBe(200);
    expect(response.json().user.locale).toBe('en');
    expect((await c.request('GET', '/api/auth/session')).json().user.locale).toBe('en');
    expect((await auditTrail(t, user.organizationId)).at(-1)).toMatchObject({ action: 'auth.account.updated', actorUserId: user.id });
  });

  it('refuses anonymous callers (401) and users who owe 2FA enrolment (403)', async () => {
    expect((await new InjectClient(t.app).request('PATCH', '/api/auth/me', { locale: 'en' })).statusCode).toBe(401);
    const owing = await signInThroughRoutes(t, await createTestUser(t, { roles: ['admin'], twoFactor: false }));
    expect((await owing.request('PATCH', '/api/auth/me', { locale: 'en' })).statusCode).toBe(403);
  });

  it('answers bad input with 400 problem+json and field messages, never 500', async () => {
    const c = await signInThroughRoutes(t, await createTestUser(t, { roles: ['trainer'] }));
    const malformed = await c.request('PATCH', '/api/auth/me', '{"locale": ', { 'content-type': 'application/json' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ type: 'about:blank#malformedJson' });

    const unknownField = await c.request('PATCH', '/api/auth/me', { locale: 'fr', admin: true });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().errors).toEqual({ admin: ['Champ non autorisé.'] });

    const wrongType = await c.request('PATCH', '/api/auth/me', { locale: 42 });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.headers['content-type']).toContain('application/problem+json');
    expect(wrongType.json().errors).toHaveProperty('locale');

    const english = await c.request('PATCH', '/api/auth/me', { locale: 'de' }, { 'accept-language': 'en' });
    expect(english.json()).toMatchObject({ title: 'Some information is missing or invalid.' });
    expect(english.json().errors.locale[0]).toMatch(/expected/i);
  });
});

describe('POST /api/auth/logout (session, before 2FA)', () => {
  it('deletes the session, clears its cookie and records it', async () => {
    const user = await createTestUser(t, { roles: ['trainer'] });
    const c = await signInThroughRoutes(t, user);
    const response = await c.request('POST', '/api/auth/logout');
    expect(response.statusCode).toBe(204);
    expect(String(response.headers['set-cookie'])).toMatch(/passerelle\.session_token=;/);
    expect(c.has('passerelle.session_token')).toBe(false);
    expect(await t.deps.database.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
    expect((await c.request('GET', '/api/auth/session')).statusCode).toBe(401);
    expect((await auditTrail(t, user.organizationId)).at(-1)).toMatchObject({ action: 'auth.logout', actorUserId: user.id });
  });

  it('refuses anonymous callers (401)', async () => {
    expect((await new InjectClient(t.app).request('POST', '/api/auth/logout')).statusCode).toBe(401);
  });
});
