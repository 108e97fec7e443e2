import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { createTestUser, signIn, signInAs } from '../../../../tests/support/sessions';
import { CSRF_COOKIE, CSRF_HEADER } from '../../../shared/auth';
import { constantTimeEqual } from './csrf';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());
beforeEach(() => t.clock.set(new Date()));

const patchMe = (headers: Record<string, string>) =>
  t.app.inject({ method: 'PATCH', url: '/api/auth/me', headers: { ...headers, 'content-type': 'application/json' }, payload: { locale: 'fr' } });

function setCookies(response: { headers: Record<string, unknown> }): string[] {
  const raw = response.headers['set-cookie'];
  return Array.isArray(raw) ? raw.map(String) : raw === undefined ? [] : [String(raw)];
}

describe('CSRF double-submit token', () => {
  it('refuses a cookie-authenticated write without the header (403 csrf)', async () => {
    const session = await signInAs(t, ['trainer']);
    const { [CSRF_HEADER]: _header, ...withoutHeader } = session.headers;
    const response = await patchMe(withoutHeader);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ type: 'about:blank#csrf', title: 'Requête refusée : jeton anti-falsification manquant ou invalide.' });
  });

  it('refuses a header that does not match the cookie, and a header without cookie', async () => {
    const session = await signInAs(t, ['trainer']);
    expect((await patchMe({ ...session.headers, [CSRF_HEADER]: 'autre-valeur' })).statusCode).toBe(403);
    const cookieWithoutCsrf = (session.headers.cookie ?? '').replace(new RegExp(`; ${CSRF_COOKIE.replace('.', '\\.')}=[^;]+`), '');
    expect((await patchMe({ cookie: cookieWithoutCsrf, [CSRF_HEADER]: session.headers[CSRF_HEADER] ?? '' })).statusCode).toBe(403);
  });

  it('lets the write through when the header matches the cookie', async () => {
    const session = await signInAs(t, ['trainer']);
    expect((await patchMe(session.headers)).statusCode).toBe(200);
  });

  it('also guards the two-factor step (its cookie authenticates a half-signed-in browser)', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login/totp',
      headers: { cookie: 'passerelle.two_factor=abc.def', 'content-type': 'application/json' },
      payload: { code: '123456' },
    });
    expect(response.statusCode).toBe(403);
  });

  it('does not ask a token of reads, nor of writes without an authenticating cookie (first login)', async () => {
    const session = await signInAs(t, ['trainer']);
    const { [CSRF_HEADER]: _header, ...withoutHeader } = session.headers;
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: withoutHeader })).statusCode).toBe(200);
    const user = await createTestUser(t, { roles: ['trainer'] });
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: user.password } });
    expect(login.statusCode).toBe(200);
  });

  it('hands a readable, SameSite=Lax token to API callers that have none, even on an error answer', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/auth/session' });
    expect(anonymous.statusCode).toBe(401);
    const cookie = setCookies(anonymous).find((line) => line.startsWith(`${CSRF_COOKIE}=`));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/HttpOnly/i);
    expect(cookie).not.toMatch(/Secure/i);
    expect(cookie?.split(';')[0]?.length).toBeGreaterThan(`${CSRF_COOKIE}=`.length + 30);

    const session = await signIn(t, await createTestUser(t, { roles: ['trainer'] }));
    const again = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: session.headers });
    expect(setCookies(again).some((line) => line.startsWith(`${CSRF_COOKIE}=`))).toBe(false);
  });

  it('marks the token Secure behind https', async () => {
    const secure = await createTestApp({ appUrl: 'https://passerelle.exemple.test' });
    try {
      const response = await secure.app.inject({ method: 'GET', url: '/api/health' });
      expect(setCookies(response).find((line) => line.startsWith(`${CSRF_COOKIE}=`))).toMatch(/Secure/);
    } finally {
      await secure.close();
    }
  });

  it('compares tokens in constant time, refusing different lengths', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
  });
});
