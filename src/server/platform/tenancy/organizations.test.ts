import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { TestSession } from '../../../../tests/support/sessions';
import { auditTrail, buildOrganization, buildPlatformAdminSession, buildUser } from '../../../../tests/factories';
import { auditHeads } from '../audit/schema';
import { invitations } from '../auth/schema';
import { mailOutbox } from '../mail/schema';
import { organizations } from './schema';

let t: TestApp;
let platformAdmin: TestSession;
let homeOrganizationId: string;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date());
  homeOrganizationId = (await buildOrganization(t.deps.database.db, { name: 'AAA Plateforme' })).id;
  platformAdmin = await buildPlatformAdminSession(t, homeOrganizationId);
});
afterAll(async () => t.close());
beforeEach(() => t.clock.set(new Date()));

const db = () => t.deps.database.db;
const create = (payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/admin/organizations', headers: { ...platformAdmin.headers, ...headers }, payload });
const newOrganization = (slug: string, adminEmail = `${slug}@exemple.test`) => ({
  name: `PTPR ${slug}`,
  slug,
  region: 'Grand Est',
  adminName: 'Aurélie Première',
  adminEmail,
});

describe('POST /api/admin/organizations', () => {
  it('creates the organisation and invites its first admin, audited in the new organisation’s chain', async () => {
    const response = await create(newOrganization('ptpr-grand-est'));
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({ slug: 'ptpr-grand-est', name: 'PTPR ptpr-grand-est', region: 'Grand Est', userCount: 0 });

    const [invitation] = await db().select().from(invitations).where(eq(invitations.organizationId, created.id));
    expect(invitation).toMatchObject({ email: 'ptpr-grand-est@exemple.test', roles: ['admin'], invitedBy: platformAdmin.user.id });
    const [mail] = await db().select().from(mailOutbox).where(eq(mailOutbox.organizationId, created.id));
    expect(mail?.textBody).toContain(
      'Un·e administrateur·rice de la plateforme Passerelle vous invite à rejoindre PTPR ptpr-grand-est, avec le rôle : administrateur·rice.',
    );
    expect(mail?.textBody).toMatch(/http:\/\/localhost:3000\/invitation\?token=[A-Za-z0-9_-]{43}/);

    const chain = await auditTrail(db(), created.id);
    expect(chain.map((entry) => [entry.seq, entry.action, entry.resourceId, entry.actorUserId])).toEqual([
      [1, 'organization.created', created.id, platformAdmin.user.id],
      [2, 'invitation.created', invitation?.id, platformAdmin.user.id],
    ]);
    expect(chain[0]?.context).toEqual({ slug: 'ptpr-grand-est', region: 'Grand Est' });
    expect(await auditTrail(db(), homeOrganizationId)).toEqual([]);
  });

  it('answers 409 slugTaken for a slug in use', async () => {
    await create(newOrganization('ptpr-corse'));
    const response = await create(newOrganization('ptpr-corse', 'autre@exemple.test'));
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ type: 'about:blank#slugTaken', title: 'Cet identifiant d’organisation est déjà utilisé.' });
  });

  it('rolls everything back, audit entries included, when the admin address has an account', async () => {
    await buildUser(db(), { email: 'deja@exemple.test' });
    const headsBefore = await db().select().from(auditHeads);
    const response = await create(newOrganization('ptpr-guyane', 'deja@exemple.test'));
    expect(response.statusCode).toBe(409);
    expect(response.json().type).toContain('emailTaken');
    expect(await db().select().from(organizations).where(eq(organizations.slug, 'ptpr-guyane'))).toEqual([]);
    expect(await db().select().from(auditHeads)).toEqual(headsBefore);
  });

  it('validates the body with French field messages, English on request', async () => {
    const french = await create({ name: 'X', slug: 'Pas Un Slug', region: 'PACA', adminName: 'A', adminEmail: 'a' });
    expect(french.statusCode).toBe(400);
    expect(Object.keys(french.json().errors).sort()).toEqual(['adminEmail', 'name', 'slug']);
    expect(french.json().errors.name[0]).toMatch(/trop petit|caractères/i);
    const english = await create({ ...newOrganization('ok-slug'), slug: '-bad-' }, { 'accept-language': 'en' });
    expect(english.json().errors.slug[0]).toMatch(/invalid/i);
  });
});

describe('GET /api/admin/organizations', () => {
  it('lists every organisation by name with its number of accounts, paginated', async () => {
    const counted = await buildOrganization(db(), { name: 'AAB Comptée' });
    await buildUser(db(), { organizationId: counted.id });
    await buildUser(db(), { organizationId: counted.id, active: false });
    const first = (await t.app.inject({ method: 'GET', url: '/api/admin/organizations?pageSize=2', headers: platformAdmin.headers })).json();
    const total = (await db().select().from(organizations)).length;
    expect(first).toMatchObject({ total, page: 1, pageSize: 2 });
    expect(first.items.map((item: { name: string; userCount: number }) => [item.name, item.userCount])).toEqual([
      ['AAA Plateforme', 1],
      ['AAB Comptée', 2],
    ]);
  });
});
