import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../../tests/support/test-app';
import { signInAs, type TestSession } from '../../../../../tests/support/sessions';
import { auditTrail, buildInvitation, buildOrganization, buildUser } from '../../../../../tests/factories';
import { mailOutbox } from '../../mail/schema';
import { invitations } from '../schema';
import { hashInvitationToken, INVITATION_VALIDITY_MS } from '../invitation-token';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());
beforeEach(() => t.clock.set(new Date()));

const db = () => t.deps.database.db;
const invite = (session: TestSession, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/admin/invitations', headers: { ...session.headers, ...headers }, payload });
const revoke = (session: TestSession, id: string) =>
  t.app.inject({ method: 'DELETE', url: `/api/admin/invitations/${id}`, headers: session.headers });
const list = (session: TestSession, query = '') =>
  t.app.inject({ method: 'GET', url: `/api/admin/invitations${query}`, headers: session.headers });

async function organizationWithAdmin(name = 'PTPR Hauts-de-France') {
  const organizationId = (await buildOrganization(db(), { name })).id;
  return { organizationId, admin: await signInAs(t, ['admin'], { organizationId }) };
}

describe('POST /api/admin/invitations', () => {
  it('stores only the token’s hash and queues a French mail whose link carries the token', async () => {
    const { organizationId, admin } = await organizationWithAdmin();
    const response = await invite(admin, { email: 'Sacha.Petit@Exemple.test', name: 'Sacha Petit', roles: ['peer_worker', 'trainer'] });
    expect(response.statusCode).toBe(201);
    const summary = response.json();
    expect(summary).toMatchObject({ email: 'sacha.petit@exemple.test', name: 'Sacha Petit', roles: ['peer_worker', 'trainer'], status: 'pending' });
    expect(new Date(summary.expiresAt).getTime() - t.clock.now.getTime()).toBe(INVITATION_VALIDITY_MS);

    const [mail] = await db().select().from(mailOutbox).where(eq(mailOutbox.organizationId, organizationId));
    expect(mail).toMatchObject({ toAddress: 'sacha.petit@exemple.test', template: 'invitation', status: 'pending' });
    expect(mail?.subject).toContain('PTPR Hauts-de-France');
    expect(mail?.textBody).toMatch(/^Bonjour Sacha Petit,/);
    expect(mail?.textBody).toContain(
      'Un·e administrateur·rice de PTPR Hauts-de-France vous invite à rejoindre son espace sur Passerelle, avec les rôles : médiateur·rice de santé pair, formateur·rice.',
    );
    const link = mail?.textBody.match(/http:\/\/localhost:3000\/invitation\?token=([A-Za-z0-9_-]+)/);
    const token = link?.[1] ?? '';
    const [stored] = await db().select().from(invitations).where(eq(invitations.id, summary.id));
    expect(stored?.tokenHash).toBe(hashInvitationToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);

    const entry = (await auditTrail(db(), organizationId)).at(-1);
    expect(entry).toMatchObject({ action: 'invitation.created', resourceId: summary.id, actorUserId: admin.user.id });
    expect(entry?.context).toEqual({ roles: 'peer_worker,trainer', replaced: 0, mailId: mail?.id });
  });

  it('answers 409 emailTaken for an address that has an account, and leaves nothing behind', async () => {
    const { organizationId, admin } = await organizationWithAdmin();
    const existing = await buildUser(db(), { email: 'deja.la@exemple.test' });
    const response = await invite(admin, { email: 'DEJA.LA@exemple.test', name: 'Déjà Là', roles: ['trainer'] });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ type: 'about:blank#emailTaken', title: 'Un compte existe déjà avec cette adresse e-mail.' });
    expect(existing.organizationId).not.toBe(organizationId);
    expect(await db().select().from(invitations).where(eq(invitations.organizationId, organizationId))).toEqual([]);
    expect(await db().select().from(mailOutbox).where(eq(mailOutbox.organizationId, organizationId))).toEqual([]);
    expect(await auditTrail(db(), organizationId)).toEqual([]);
  });

  it('replaces a pending invitation for the same address: the old link is revoked', async () => {
    const { organizationId, admin } = await organizationWithAdmin();
    const first = (await invite(admin, { email: 'camille@exemple.test', name: 'Camille', roles: ['volunteer'] })).json();
    t.clock.advance(1000);
    const second = (await invite(admin, { email: 'camille@exemple.test', name: 'Camille B.', roles: ['trainer'] })).json();
    const statuses = (await list(admin)).json().items.map((item: { id: string; status: string }) => [item.id, item.status]);
    expect(statuses).toEqual([
      [second.id, 'pending'],
      [first.id, 'revoked'],
    ]);
    const actions = (await auditTrail(db(), organizationId)).map((row) => [row.action, row.resourceId, row.context.reason ?? null]);
    expect(actions).toEqual([
      ['invitation.created', first.id, null],
      ['invitation.revoked', first.id, 'replaced'],
      ['invitation.created', second.id, null],
    ]);
  });

  it('validates the body with French field messages, English on request', async () => {
    const { admin } = await organizationWithAdmin();
    const french = await invite(admin, { email: 'pas-un-mail', name: '', roles: [], extra: 1 });
    expect(french.statusCode).toBe(400);
    const errors = french.json().errors;
    expect(Object.keys(errors).sort()).toEqual(['email', 'extra', 'name', 'roles']);
    expect(errors.email[0]).toMatch(/adresse|e-mail|invalide/i);
    const english = await invite(admin, { email: 'x', name: 'X', roles: ['admin'] }, { 'accept-language': 'en' });
    expect(english.json().errors.email[0]).toMatch(/invalid/i);
  });
});

describe('GET /api/admin/invitations', () => {
  it('lists with computed statuses, newest first, paginated, own organisation only', async () => {
    const { organizationId, admin } = await organizationWithAdmin();
    const now = t.clock.now;
    const at = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
    await buildInvitation(db(), { organizationId, state: 'expired', now: at(4) });
    await buildInvitation(db(), { organizationId, state: 'revoked', now: at(3) });
    await buildInvitation(db(), { organizationId, state: 'accepted', now: at(2) });
    await buildInvitation(db(), { organizationId, state: 'pending', now: at(1) });
    await buildInvitation(db(), { state: 'pending' });
    const body = (await list(admin)).json();
    expect(body.total).toBe(4);
    expect(body.items.map((item: { status: string }) => item.status)).toEqual(['pending', 'accepted', 'revoked', 'expired']);
    const page = (await list(admin, '?page=2&pageSize=3')).json();
    expect(page).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(page.items.map((item: { status: string }) => item.status)).toEqual(['expired']);
  });
});

describe('DELETE /api/admin/invitations/:id', () => {
  it('revokes (204), audits once, and a second revoke changes nothing', async () => {
    const { organizationId, admin } = await organizationWithAdmin();
    const { invitation } = await buildInvitation(db(), { organizationId });
    expect((await revoke(admin, invitation.id)).statusCode).toBe(204);
    const [row] = await db().select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(row?.revokedAt?.getTime()).toBe(t.clock.now.getTime());
    expect((await revoke(admin, invitation.id)).statusCode).toBe(204);
    const entries = (await auditTrail(db(), organizationId)).filter((entry) => entry.action === 'invitation.revoked');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ resourceId: invitation.id, context: { reason: 'admin', expired: false } });
  });

  it('refuses to revoke an accepted invitation (409)', async () => {
    const { organizationId, admin } = await organizationWithAdmin();
    const { invitation } = await buildInvitation(db(), { organizationId, state: 'accepted' });
    const response = await revoke(admin, invitation.id);
    expect(response.statusCode).toBe(409);
    expect(response.json().type).toContain('invitationAccepted');
  });

  it('answers 404 for another organisation’s invitation and leaves it untouched', async () => {
    const { admin } = await organizationWithAdmin();
    const { invitation } = await buildInvitation(db());
    expect((await revoke(admin, invitation.id)).statusCode).toBe(404);
    const [row] = await db().select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(row?.revokedAt).toBeNull();
  });
});
