import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../../tests/support/test-app';
import { signInAs, type TestSession } from '../../../../../tests/support/sessions';
import { auditTrail, buildAdmin, buildOrganization, buildUser } from '../../../../../tests/factories';
import { sessions, userRoles } from '../schema';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());
beforeEach(() => t.clock.set(new Date()));

const db = () => t.deps.database.db;
const patch = (session: TestSession, id: string, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'PATCH', url: `/api/admin/users/${id}`, headers: { ...session.headers, ...headers }, payload });
const get = (session: TestSession, id: string) =>
  t.app.inject({ method: 'GET', url: `/api/admin/users/${id}`, headers: session.headers });

async function organizationWithAdmin() {
  const organizationId = (await buildOrganization(db())).id;
  return { organizationId, admin: await signInAs(t, ['admin'], { organizationId }) };
}

describe('GET /api/admin/users/:id', () => {
  it('shows the user with the actor’s permissions; an admin may not deactivate themself', async () => {
    const { organizationId, admin } = await organizationWithAdmin();
    const user = await buildUser(db(), { organizationId, roles: ['coordinator'] });
    expect((await get(admin, user.id)).json()).toMatchObject({
      id: user.id,
      roles: ['coordinator'],
      version: 1,
      policies: { update: true, deactivate: true },
    });
    expect((await get(admin, admin.user.id)).json().policies).toEqual({ update: true, deactivate: false });
  });

  it('answers 400 for an id that is not a uuid', async () => {
    const { admin } = await organizationWithAdmin();
    const response = await get(admin, 'abc');
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json().errors)).toEqual(['id']);
  });
});

describe('PATCH /api/admin/users/:id', () => {
  it('renames and replaces roles, bumps the version and audits fields and role codes only', async () => {
    const { organizationId, admin } = await organizationWithAdmin();
    const user = await buildUser(db(), { organizationId, roles: ['peer_worker', 'trainer'], name: 'Ancien Nom' });
    const response = await patch(admin, user.id, { version: 1, name: 'Nouveau Nom', roles: ['peer_worker', 'coordinator'] });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ name: 'Nouveau Nom', roles: ['coordinator', 'peer_worker'], version: 2 });
    const [entry] = (await auditTrail(db(), organizationId)).filter((row) => row.action === 'user.updated');
    expect(entry).toMatchObject({ actorUserId: admin.user.id, resourceType: 'user', resourceId: user.id });
    expect(entry?.context).toEqual({ fields: 'name,roles', rolesAdded: 'coordinator', rolesRemoved: 'trainer', version: 2 });
    expect(JSON.stringify(entry?.context)).not.toMatch(/Nom|@/);
  });

  it('answers 409 to a stale version and changes nothing, audit included', async () => {
    const { organizationId, admin } = await organizationWithAdmin();
    const user = await buildUser(db(), { organizationId });
    expect((await patch(admin, user.id, { version: 1, name: 'Première' })).statusCode).toBe(200);
    const before = await auditTrail(db(), organizationId);
    const stale = await patch(admin, user.id, { version: 1, name: 'Seconde' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().type).toContain('conflict');
    expect(await auditTrail(db(), organizationId)).toHaveLength(before.length);
    expect((await get(admin, user.id)).json()).toMatchObject({ name: 'Première', version: 2 });
  });

  it('keeps at least one active admin (400 lastAdmin), counting only active admins', async () => {
    const { organizationId, admin } = await organizationWithAdmin();
    await buildAdmin(db(), { organizationId, active: false });
    const before = await auditTrail(db(), organizationId);
    const response = await patch(admin, admin.user.id, { version: 1, roles: ['coordinator'] });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ type: 'about:blank#lastAdmin', title: 'Il doit rester au moins un administrateur actif.' });
    expect(await auditTrail(db(), organizationId)).toHaveLength(before.length);
    const roles = await db().select().from(userRoles).where(eq(userRoles.userId, admin.user.id));
    expect(roles.map((row) => row.role)).toEqual(['admin']);
  });

  it('lets an admin step down when another active admin remains', async () => {
    const { organizationId, admin } = await organizationWithAdmin();
    const other = await buildAdmin(db(), { organizationId });
    expect((await patch(admin, other.id, { version: 1, active: false })).statusCode).toBe(200);
    expect((await patch(admin, admin.user.id, { version: 1, roles: ['coordinator'] })).statusCode).toBe(400);
    expect((await patch(admin, other.id, { version: 2, active: true })).statusCode).toBe(200);
    const stepDown = await patch(admin, admin.user.id, { version: 1, roles: ['coordinator'] });
    expect(stepDown.statusCode).toBe(200);
    // No longer an admin: the next admin request is refused.
    expect((await get(admin, other.id)).statusCode).toBe(403);
  });

  it('two admins stepping down at the same moment: one succeeds, the other gets lastAdmin', async () => {
    const { organizationId, admin } = await organizationWithAdmin();
    const second = await signInAs(t, ['admin'], { organizationId });
    const answers = await Promise.all([
      patch(admin, admin.user.id, { version: 1, roles: ['coordinator'] }),
      patch(second, second.user.id, { version: 1, roles: ['coordinator'] }),
    ]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 400]);
  });

  it('two saves of the same version at the same moment: one succeeds, the other gets 409', async () => {
    const { organizationId, admin } = await organizationWithAdmin();
    const user = await buildUser(db(), { organizationId });
    const answers = await Promise.all([
      patch(admin, user.id, { version: 1, name: 'Version A' }),
      patch(admin, user.id, { version: 1, name: 'Version B' }),
    ]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409]);
    expect((await get(admin, user.id)).json().version).toBe(2);
  });

  it('refuses to deactivate oneself (403)', async () => {
    const { admin } = await organizationWithAdmin();
    const response = await patch(admin, admin.user.id, { version: 1, active: false });
    expect(response.statusCode).toBe(403);
    expect(response.json().type).toContain('cannotDeactivateSelf');
  });

  it('deactivation ends the user’s sessions in the same transaction: their next request is 401', async () => {
    const { organizationId, admin } = await organizationWithAdmin();
    const target = await signInAs(t, ['trainer'], { organizationId });
    const probe = () => t.app.inject({ method: 'GET', url: '/api/admin/users', headers: target.headers });
    // Signed in but not an admin: 403 while the session lives, 401 once it is gone.
    expect((await probe()).statusCode).toBe(403);
    expect((await db().select().from(sessions).where(eq(sessions.userId, target.user.id))).length).toBe(1);
    const response = await patch(admin, target.user.id, { version: 1, active: false });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ active: false, version: 2 });
    expect(await db().select().from(sessions).where(eq(sessions.userId, target.user.id))).toEqual([]);
    expect((await probe()).statusCode).toBe(401);
    const entry = (await auditTrail(db(), organizationId)).at(-1);
    expect(entry?.context).toMatchObject({ fields: 'active', active: false, sessionsEnded: 1 });
  });

  it('a change that changes nothing keeps the version and writes no audit entry', async () => {
    const { organizationId, admin } = await organizationWithAdmin();
    const user = await buildUser(db(), { organizationId, roles: ['trainer'], name: 'Même Nom' });
    const before = await auditTrail(db(), organizationId);
    const response = await patch(admin, user.id, { version: 1, name: 'Même Nom', roles: ['trainer', 'trainer'] });
    expect(response.json()).toMatchObject({ version: 1, roles: ['trainer'] });
    expect(await auditTrail(db(), organizationId)).toHaveLength(before.length);
  });

  it('validates the body with French field messages, English on request', async () => {
    const { organizationId, admin } = await organizationWithAdmin();
    const user = await buildUser(db(), { organizationId });
    const french = await patch(admin, user.id, { version: 0, roles: [], name: '', colour: 'bleu' });
    expect(french.statusCode).toBe(400);
    const errors = french.json().errors;
    expect(Object.keys(errors).sort()).toEqual(['colour', 'name', 'roles', 'version']);
    expect(errors.colour).toEqual(['Champ non autorisé.']);
    expect(errors.version[0]).toMatch(/petit|>=|supérieur/i);
    const english = await patch(admin, user.id, { roles: ['king'] }, { 'accept-language': 'en' });
    expect(english.statusCode).toBe(400);
    expect(Object.keys(english.json().errors).sort()).toEqual(['roles.0', 'version']);
    expect(english.json().errors.version[0]).toMatch(/expected|required/i);
  });
});
