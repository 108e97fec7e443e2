import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { createTestUser, totpCode } from '../../../../tests/support/sessions';
import { sessions, users } from './schema';
import { InjectClient } from './testing/inject-client';
import { auditTrail } from './testing/flows';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());
// better-auth stamps sessions and checks TOTP codes with the real clock; the app's clock follows.
beforeEach(() => t.clock.set(new Date()));

let ipCounter = 0;
/** Each test gets its own IP address, so the per-IP limit of one test never leaks into another. */
const client = () => new InjectClient(t.app, { ip: `198.51.100.${(ipCounter += 1)}` });
const login = (c: InjectClient, email: string, password: string, headers: Record<string, string> = {}) =>
  c.request('POST', '/api/auth/login', { email, password }, headers);

describe('POST /api/auth/login (public)', () => {
  it('signs in a user without 2FA and answers the session view with an HttpOnly session cookie', async () => {
    const user = await createTestUser(t, { roles: ['trainer'], name: 'Lou Formatrice' });
    const c = client();
    const response = await login(c, user.email.toUpperCase(), user.password);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'signed_in',
      session: { user: { id: user.id, name: 'Lou Formatrice', roles: ['trainer'], mustEnrolTwoFactor: false } },
    });
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/passerelle\.session_token=[^;]+;.*HttpOnly/i);
    expect((await c.request('GET', '/api/auth/session')).statusCode).toBe(200);
    const trail = await auditTrail(t, user.organizationId);
    expect(trail.at(-1)).toMatchObject({ action: 'auth.login.succeeded', actorUserId: user.id, context: { factor: 'password' } });
  });

  it('answers an unknown email and a wrong password the same way (401 invalidCredentials)', async () => {
    const user = await createTestUser(t, { roles: ['trainer'] });
    const wrongPassword = await login(client(), user.email, 'pas-le-bon-mot-de-passe');
    const unknownEmail = await login(client(), 'personne@exemple.test', 'pas-le-bon-mot-de-passe');
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownEmail.statusCode).toBe(401);
    expect(wrongPassword.headers['content-type']).toContain('application/problem+json');
    const strip = (body: Record<string, unknown>) => ({ ...body, instance: undefined });
    expect(strip(wrongPassword.json())).toEqual(strip(unknownEmail.json()));
    expect(wrongPassword.json()).toMatchObject({ type: 'about:blank#invalidCredentials', title: 'Adresse e-mail ou mot de passe incorrect.' });
    const trail = await auditTrail(t, user.organizationId);
    expect(trail.at(-1)).toMatchObject({ action: 'auth.login.failed', actorUserId: null, resourceId: user.id });
    expect(JSON.stringify(trail)).not.toContain(user.email);
  });

  it('answers in English with Accept-Language: en', async () => {
    const response = await login(client(), 'personne@exemple.test', 'nope-nope-nope', { 'accept-language': 'en' });
    expect(response.json()).toMatchObject({ title: 'Incorrect email address or password.' });
  });

  it('refuses the 6th attempt within 15 minutes, even with the right password, then accepts after the window', async () => {
    const user = await createTestUser(t, { roles: ['trainer'] });
    const c = client();
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect((await login(c, user.email, `mauvais-${attempt}-mot-de-passe`)).statusCode).toBe(401);
    }
    t.clock.advance(14 * 60 * 1000);
    const refused = await login(c, user.email, user.password);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ type: 'about:blank#loginTooManyAttempts' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    t.clock.advance(61 * 1000);
    expect((await login(c, user.email, user.password)).statusCode).toBe(200);
  });

  it('limits unknown emails the same way as known ones', async () => {
    const c = client();
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect((await login(c, 'inconnu@exemple.test', 'mauvais-mot-de-passe')).statusCode).toBe(401);
    }
    expect((await login(c, 'INCONNU@exemple.test', 'mauvais-mot-de-passe')).statusCode).toBe(429);
  });

  it('a successful sign-in wipes the run of failures', async () => {
    const user = await createTestUser(t, { roles: ['trainer'] });
    const c = client();
    for (let attempt = 1; attempt <= 4; attempt += 1) await login(c, user.email, 'mauvais-mot-de-passe');
    expect((await login(c, user.email, user.password)).statusCode).toBe(200);
    for (let attempt = 1; attempt <= 4; attempt += 1) await login(c, user.email, 'mauvais-mot-de-passe');
    expect((await login(c, user.email, user.password)).statusCode).toBe(200);
  });

  it('limits failed attempts per IP address across accounts (429 tooManyRequests)', async () => {
    const c = client();
    for (let attempt = 1; attempt <= 20; attempt += 1) {
      expect((await login(c, `inconnu-${attempt}@exemple.test`, 'mauvais-mot-de-passe')).statusCode).toBe(401);
    }
    const refused = await login(c, 'encore-un@exemple.test', 'mauvais-mot-de-passe');
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ type: 'about:blank#tooManyRequests' });
    expect(refused.headers['retry-after']).toBeDefined();
    expect((await login(client(), 'encore-un@exemple.test', 'mauvais-mot-de-passe')).statusCode).toBe(401);
  });

  it('answers malformed JSON, unknown fields and wrong types with 400 and field messages', async () => {
    const c = client();
    const malformed = await c.request('POST', '/api/auth/login', '{"email":', { 'content-type': 'application/json' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ type: 'about:blank#malformedJson' });
    const unknownField = await c.request('POST', '/api/auth/login', { email: 'a@exemple.test', password: 'x', remember: true });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().errors).toEqual({ remember: ['Champ non autorisé.'] });
    const wrongTypes = await c.request('POST', '/api/auth/login', { email: 42, password: ['x'] });
    expect(wrongTypes.statusCode).toBe(400);
    expect(Object.keys(wrongTypes.json().errors).sort()).toEqual(['email', 'password']);
    const notAnEmail = await c.request('POST', '/api/auth/login', { email: 'pas-une-adresse', password: 'x' });
    expect(notAnEmail.json().errors.email).toBeDefined();
  });

  it('refuses a deactivated account (403 accountInactive) and leaves no session behind', async () => {
    const user = await createTestUser(t, { roles: ['trainer'] });
    await t.deps.database.db.update(users).set({ active: false }).where(eq(users.id, user.id));
    const response = await login(client(), user.email, user.password);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ type: 'about:blank#accountInactive' });
    expect(await t.deps.database.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
    const wrong = await login(client(), user.email, 'mauvais-mot-de-passe');
    expect(wrong.statusCode).toBe(401);
  });
});

describe('POST /api/auth/login/totp (public, two-factor cookie)', () => {
  it('asks for the code, refuses a wrong one (401 invalidTotp), accepts the right one', async () => {
    const user = await createTestUser(t, { roles: ['coordinator'] });
    const c = client();
    const first = await login(c, user.email, user.password);
    expect(first.json()).toEqual({ status: 'totp_required' });
    expect(c.has('passerelle.two_factor')).toBe(true);
    expect(c.has('passerelle.session_token')).toBe(false);
    expect((await c.request('GET', '/api/auth/session')).statusCode).toBe(401);
    const right = totpCode(user.totpSecret ?? '');
    const wrong = right === '000000' ? '111111' : '000000';
    const refused = await c.request('POST', '/api/auth/login/totp', { code: wrong });
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ type: 'about:blank#invalidTotp', title: 'Code de vérification incorrect.' });
    const accepted = await c.request('POST', '/api/auth/login/totp', { code: right });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'signed_in', session: { user: { id: user.id, twoFactorEnabled: true } } });
    expect((await c.request('GET', '/api/auth/session')).statusCode).toBe(200);
    const trail = await auditTrail(t, user.organizationId);
    expect(trail.map((entry) => entry.action).slice(-2)).toEqual(['auth.login.failed', 'auth.login.succeeded']);
    expect(trail.at(-1)?.context).toEqual({ factor: 'totp' });
  });

  it('answers 401 without a two-factor challenge', async () => {
    const response = await client().request('POST', '/api/auth/login/totp', { code: '123456' });
    expect(response.statusCode).toBe(401);
  });

  it('counts failed codes against the account: 3 wrong passwords and 2 wrong codes, then 429', async () => {
    const user = await createTestUser(t, { roles: ['coordinator'] });
    const c = client();
    for (let attempt = 1; attempt <= 3; attempt += 1) await login(c, user.email, 'mauvais-mot-de-passe');
    expect((await login(c, user.email, user.password)).json()).toEqual({ status: 'totp_required' });
    const wrong = totpCode(user.totpSecret ?? '') === '000000' ? '111111' : '000000';
    expect((await c.request('POST', '/api/auth/login/totp', { code: wrong })).statusCode).toBe(401);
    expect((await c.request('POST', '/api/auth/login/totp', { code: wrong })).statusCode).toBe(401);
    const refused = await c.request('POST', '/api/auth/login/totp', { code: totpCode(user.totpSecret ?? '') });
    expect(refused.statusCode).toBe(429);
    expect((await login(client(), user.email, user.password)).statusCode).toBe(429);
  });

  it('rejects a malformed code with 400 and a field message', async () => {
    const response = await client().request('POST', '/api/auth/login/totp', { code: '12ab' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toHaveProperty('code');
  });
});
