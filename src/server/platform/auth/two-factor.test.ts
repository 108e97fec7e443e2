import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { createTestUser, totpCode, type TestUser } from '../../../../tests/support/sessions';
import { InjectClient } from './testing/inject-client';
import { auditTrail, signInThroughRoutes } from './testing/flows';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());
beforeEach(() => t.clock.set(new Date()));

const secretOf = (uri: string) => new URL(uri).searchParams.get('secret') ?? '';

/** Enrols a signed-in user through the routes; returns the secret and the ten recovery codes. */
async function enrol(c: InjectClient, user: TestUser): Promise<{ secret: string; recoveryCodes: string[] }> {
  const setup = await c.request('POST', '/api/auth/two-factor/setup', { password: user.password });
  if (setup.statusCode !== 200) throw new Error(`setup: ${setup.statusCode} ${setup.body}`);
  const { totpUri, recoveryCodes } = setup.json();
  const secret = secretOf(totpUri);
  const confirm = await c.request('POST', '/api/auth/two-factor/confirm', { code: totpCode(secret) });
  if (confirm.statusCode !== 200) throw new Error(`confirm: ${confirm.statusCode} ${confirm.body}`);
  return { secret, recoveryCodes };
}

describe('2FA enrolment: POST /api/auth/two-factor/setup and /confirm (session, before 2FA)', () => {
  it('takes an admin from the enrolment gate to a full session, through the routes', async () => {
    const user = await createTestUser(t, { roles: ['admin'], twoFactor: false });
    const c = await signInThroughRoutes(t, user);
    const before = await c.request('GET', '/api/auth/session');
    expect(before.json().user).toMatchObject({ twoFactorEnabled: false, mustEnrolTwoFactor: true });
    const gated = await c.request('PATCH', '/api/auth/me', { locale: 'en' });
    expect(gated.statusCode).toBe(403);
    expect(gated.json()).toMatchObject({ type: 'about:blank#enrolmentRequired' });

    const wrongPassword = await c.request('POST', '/api/auth/two-factor/setup', { password: 'pas-le-bon' });
    expect(wrongPassword.statusCode).toBe(400);
    expect(wrongPassword.json()).toMatchObject({ type: 'about:blank#wrongPassword', errors: { password: ['Mot de passe actuel incorrect.'] } });

    const setup = await c.request('POST', '/api/auth/two-factor/setup', { password: user.password });
    expect(setup.statusCode).toBe(200);
    const body = setup.json();
    expect(body.totpUri).toMatch(/^otpauth:\/\/totp\/Passerelle:.+\?.*secret=[A-Z2-7]+/);
    expect(body.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(body.recoveryCodes).toHaveLength(10);
    expect(new Set(body.recoveryCodes).size).toBe(10);

    const right = totpCode(secretOf(body.totpUri));
    const wrongCode = await c.request('POST', '/api/auth/two-factor/confirm', { code: right === '000000' ? '111111' : '000000' });
    expect(wrongCode.statusCode).toBe(400);
    expect(wrongCode.json().errors).toEqual({ code: ['Code de vérification incorrect.'] });

    const confirmed = await c.request('POST', '/api/auth/two-factor/confirm', { code: right });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().user).toMatchObject({ id: user.id, twoFactorEnabled: true, mustEnrolTwoFactor: false });
    expect((await c.request('PATCH', '/api/auth/me', { locale: 'en' })).statusCode).toBe(200);

    const trail = await auditTrail(t, user.organizationId);
    expect(trail.map((entry) => entry.action)).toContain('auth.two_factor.enabled');

    const again = await c.request('POST', '/api/auth/two-factor/setup', { password: user.password });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ type: 'about:blank#twoFactorAlreadyEnabled' });
  });

  it('confirm before setup is a 400', async () => {
    const user = await createTestUser(t, { roles: ['trainer'], twoFactor: false });
    const c = await signInThroughRoutes(t, user);
    const response = await c.request('POST', '/api/auth/two-factor/confirm', { code: '123456' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ type: 'about:blank#twoFactorSetupMissing' });
  });

  it('refuses anonymous callers (401)', async () => {
    const c = new InjectClient(t.app);
    expect((await c.request('POST', '/api/auth/two-factor/setup', { password: 'x' })).statusCode).toBe(401);
    expect((await c.request('POST', '/api/auth/two-factor/confirm', { code: '123456' })).statusCode).toBe(401);
  });
});

describe('POST /api/auth/login/recovery (public, two-factor cookie)', () => {
  it('accepts a recovery code once, not twice', async () => {
    const user = await createTestUser(t, { roles: ['supervisor'], twoFactor: false });
    const enrolled = await enrol(await signInThroughRoutes(t, user), user);
    const [code] = enrolled.recoveryCodes;
    if (!code) throw new Error('no recovery code');

    const first = new InjectClient(t.app);
    expect((await first.request('POST', '/api/auth/login', { email: user.email, password: user.password })).json()).toEqual({
      status: 'totp_required',
    });
    const used = await first.request('POST', '/api/auth/login/recovery', { code });
    expect(used.statusCode).toBe(200);
    expect(used.json()).toMatchObject({ status: 'signed_in', session: { user: { id: user.id } } });
    expect((await first.request('GET', '/api/auth/session')).statusCode).toBe(200);

    const second = new InjectClient(t.app);
    await second.request('POST', '/api/auth/login', { email: user.email, password: user.password });
    const reused = await second.request('POST', '/api/auth/login/recovery', { code });
    expect(reused.statusCode).toBe(401);
    expect(reused.json()).toMatchObject({ type: 'about:blank#invalidRecoveryCode' });
    const trail = await auditTrail(t, user.organizationId);
    expect(trail.filter((entry) => entry.action === 'auth.login.succeeded').at(-1)?.context).toEqual({ factor: 'recovery_code' });
  });

  it('answers 401 without a two-factor challenge', async () => {
    const response = await new InjectClient(t.app).request('POST', '/api/auth/login/recovery', { code: 'abcde-12345' });
    expect(response.statusCode).toBe(401);
  });
});
