import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { createTestUser, signIn, signInAs } from '../../../../tests/support/sessions';
import { sessions, users } from './schema';

let t: TestApp;
beforeAll(async () => {
  // Two probe routes: one any signed-in user may call, one that needs an admin rule.
  t = await createTestApp({}, (app) => {
    app.get('/api/probe/session', { config: { access: { kind: 'session' } } }, async (request) => ({
      userId: request.actor?.userId,
      roles: [...(request.actor?.roles ?? [])],
    }));
    app.get('/api/probe/admin', { config: { access: { kind: 'action', action: 'audit.browse' } } }, async () => ({ ok: true }));
  });
});
afterAll(async () => t.close());
// better-auth stamps sessions with the real clock; each test starts with the app's clock on it.
beforeEach(() => t.clock.set(new Date()));

const probe = (path: 'session' | 'admin', headers: Record<string, string>) =>
  t.app.inject({ method: 'GET', url: `/api/probe/${path}`, headers });

describe('session resolution', () => {
  it('a request without a session gets 401 on a protected route', async () => {
    const response = await probe('session', {});
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('a session cookie is HttpOnly and SameSite=Lax', async () => {
    const user = await createTestUser(t, { roles: ['trainer'] });
    const result = await t.app.auth.api.signInEmail({
      body: { email: user.email, password: user.password },
      headers: new Headers(),
      returnHeaders: true,
    });
    const cookie = result.headers.getSetCookie().find((line) => line.startsWith('passerelle.session_token='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('a session older than 12 hours is refused and deleted, whatever the activity', async () => {
    const session = await signInAs(t, ['trainer']);
    expect((await probe('session', session.headers)).statusCode).toBe(200);
    t.clock.advance(11 * 3600 * 1000);
    expect((await probe('session', session.headers)).statusCode).toBe(200);
    t.clock.advance(2 * 3600 * 1000);
    expect((await probe('session', session.headers)).statusCode).toBe(401);
    const db = t.deps.database.db;
    expect(await db.select().from(sessions).where(eq(sessions.userId, session.user.id))).toHaveLength(0);
  });

  it('a session unused for 30 minutes has expired (idle timeout)', async () => {
    const session = await signInAs(t, ['trainer']);
    const [row] = await t.deps.database.db.select().from(sessions).where(eq(sessions.userId, session.user.id));
    // better-auth set the expiry 30 minutes after the last activity
    const idleMs = (row?.expiresAt.getTime() ?? 0) - Date.now();
    expect(idleMs).toBeGreaterThan(29 * 60 * 1000);
    expect(idleMs).toBeLessThanOrEqual(30 * 60 * 1000);
    // 30 minutes later without any request
    await t.deps.database.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.userId, session.user.id));
    expect((await probe('session', session.headers)).statusCode).toBe(401);
  });

  it('activity slides the idle expiry forward', async () => {
    const session = await signInAs(t, ['trainer']);
    // last refresh 10 minutes ago: 20 minutes of idle time left
    const twentyMinutes = new Date(Date.now() + 20 * 60 * 1000);
    await t.deps.database.db.update(sessions).set({ expiresAt: twentyMinutes }).where(eq(sessions.userId, session.user.id));
    expect((await probe('session', session.headers)).statusCode).toBe(200);
    const [row] = await t.deps.database.db.select().from(sessions).where(eq(sessions.userId, session.user.id));
    expect(row?.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 60 * 1000);
  });

  it('a cookie whose signature does not match is ignored (401), even with a real token', async () => {
    const session = await signInAs(t, ['trainer']);
    const forged = (session.headers.cookie ?? '').replace(/(passerelle\.session_token=[^.;]+)\.[^;]+/, '$1.AAAA');
    expect(forged).not.toBe(session.headers.cookie);
    expect((await probe('session', { ...session.headers, cookie: forged })).statusCode).toBe(401);
    expect((await probe('session', session.headers)).statusCode).toBe(200);
  });

  it('a fresh session is not written to on every request: the idle expiry slides at most once a minute', async () => {
    const session = await signInAs(t, ['trainer']);
    const expiry = async () =>
      (await t.deps.database.db.select().from(sessions).where(eq(sessions.userId, session.user.id)))[0]?.expiresAt.getTime();
    const before = await expiry();
    for (let index = 0; index < 3; index += 1) expect((await probe('session', session.headers)).statusCode).toBe(200);
    expect(await expiry()).toBe(before);
  });

  it('a deactivated account loses its sessions at the next request', async () => {
    const session = await signInAs(t, ['trainer']);
    await t.deps.database.db.update(users).set({ active: false }).where(eq(users.id, session.user.id));
    const response = await probe('session', session.headers);
    expect(response.statusCode).toBe(401);
  });

  it('resolves the actor and their roles; a role rule refuses other roles with 403', async () => {
    const session = await signInAs(t, ['coordinator', 'trainer']);
    const response = await probe('session', session.headers);
    expect(response.json()).toEqual({ userId: session.user.id, roles: expect.arrayContaining(['coordinator', 'trainer']) });
    expect((await probe('admin', session.headers)).statusCode).toBe(403);
    const admin = await signInAs(t, ['admin']);
    expect((await probe('admin', admin.headers)).statusCode).toBe(200);
  });

  it('a coordinator without 2FA can reach nothing but enrolment (403 enrolmentRequired)', async () => {
    const user = await createTestUser(t, { roles: ['admin'], twoFactor: false });
    const session = await signIn(t, user);
    const response = await probe('admin', session.headers);
    expect(response.statusCode).toBe(403);
    expect(response.json().type).toContain('enrolmentRequired');
  });
});
