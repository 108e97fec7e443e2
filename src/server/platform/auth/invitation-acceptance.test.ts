import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { createTestOrganization, createTestUser } from '../../../../tests/support/sessions';
import { buildInvitation } from '../../../../tests/factories/invitations';
import { invitations, userRoles, users } from './schema';
import { InjectClient } from './testing/inject-client';
import { auditTrail } from './testing/flows';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());
beforeEach(() => t.clock.set(new Date()));

const db = () => t.deps.database.db;
const PASSWORD = 'mon-mot-de-passe-choisi';
let ipCounter = 0;
const client = () => new InjectClient(t.app, { ip: `198.18.0.${(ipCounter += 1)}` });
const view = (c: InjectClient, token: string) => c.request('GET', `/api/auth/invitations/${encodeURIComponent(token)}`);
const accept = (c: InjectClient, token: string, password = PASSWORD) =>
  c.request('POST', '/api/auth/invitations/accept', { token, password });

describe('GET /api/auth/invitations/:token (public, rate-limited)', () => {
  it('shows who is invited and where', async () => {
    const organizationId = await createTestOrganization(t, 'PTPR Occitanie');
    const { token } = await buildInvitation(db(), { organizationId, email: 'sacha@exemple.test', name: 'Sacha Martin', now: t.clock.now });
    const response = await view(client(), token);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ email: 'sacha@exemple.test', name: 'Sacha Martin', organizationName: 'PTPR Occitanie' });
  });

  it('answers 404 for an unknown, expired, revoked or accepted invitation', async () => {
    const c = client();
    expect((await view(c, 'jeton-qui-n-existe-pas-du-tout')).statusCode).toBe(404);
    for (const state of ['expired', 'revoked', 'accepted'] as const) {
      const { token } = await buildInvitation(db(), { state, now: t.clock.now });
      const response = await view(c, token);
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('expires with the app clock after 7 days', async () => {
    const { token } = await buildInvitation(db(), { now: t.clock.now });
    t.clock.advance(7 * 24 * 3600 * 1000 + 1000);
    expect((await view(client(), token)).statusCode).toBe(404);
  });

  it('counts misses per IP (429 after 20)', async () => {
    const c = client();
    for (let attempt = 1; attempt <= 20; attempt += 1) {
      expect((await view(c, `jeton-invente-numero-${attempt}`)).statusCode).toBe(404);
    }
    const { token } = await buildInvitation(db(), { now: t.clock.now });
    expect((await view(c, token)).statusCode).toBe(429);
  });
});

describe('POST /api/auth/invitations/accept (public, rate-limited)', () => {
  it('creates the account with the invitation’s organisation, name and roles; the new user can sign in', async () => {
    const organizationId = await createTestOrganization(t);
    const { invitation, token } = await buildInvitation(db(), {
      organizationId,
      email: 'nour@exemple.test',
      name: 'Nour Benali',
      roles: ['volunteer', 'trainer'],
      now: t.clock.now,
    });
    const response = await accept(client(), token);
    expect(response.statusCode).toBe(204);

    const [user] = await db().select().from(users).where(eq(users.email, 'nour@exemple.test'));
    expect(user).toMatchObject({ organizationId, name: 'Nour Benali', active: true });
    const roles = await db().select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, user?.id ?? ''));
    expect(roles.map((row) => row.role).sort()).toEqual(['trainer', 'volunteer']);
    const [accepted] = await db().select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(accepted?.acceptedAt?.getTime()).toBe(t.clock.now.getTime());
    expect((await auditTrail(t, organizationId)).at(-1)).toMatchObject({
      action: 'invitation.accepted',
      actorUserId: user?.id,
      resourceId: invitation.id,
    });

    const login = await client().request('POST', '/api/auth/login', { email: 'nour@exemple.test', password: PASSWORD });
    expect(login.json()).toMatchObject({ status: 'signed_in', session: { user: { roles: ['trainer', 'volunteer'] } } });
  });

  it('cannot be used twice, nor once expired or revoked (404)', async () => {
    const c = client();
    const { token } = await buildInvitation(db(), { now: t.clock.now });
    expect((await accept(c, token)).statusCode).toBe(204);
    expect((await accept(c, token)).statusCode).toBe(404);
    for (const state of ['expired', 'revoked'] as const) {
      const other = await buildInvitation(db(), { state, now: t.clock.now });
      expect((await accept(c, other.token)).statusCode).toBe(404);
    }
  });

  it('answers 409 emailTaken when an account already uses the address, and changes nothing', async () => {
    const existing = await createTestUser(t, { roles: ['trainer'] });
    const { invitation, token } = await buildInvitation(db(), { email: existing.email, now: t.clock.now });
    const response = await accept(client(), token);
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ type: 'about:blank#emailTaken', title: 'Un compte existe déjà avec cette adresse e-mail.' });
    const [row] = await db().select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(row?.acceptedAt).toBeNull();
  });

  it('refuses a password under 12 characters with a French field message', async () => {
    const { token } = await buildInvitation(db(), { now: t.clock.now });
    const response = await accept(client(), token, 'court');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.password[0]).toMatch(/12/);
  });

  it('lets only one of two concurrent acceptances through', async () => {
    const { token } = await buildInvitation(db(), { now: t.clock.now });
    const results = await Promise.all([accept(client(), token), accept(client(), token)]);
    expect(results.map((response) => response.statusCode).sort()).toEqual([204, 404]);
  });
});
