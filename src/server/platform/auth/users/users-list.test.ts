import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { auditEvents } from '../../audit/schema';
import { createTestApp, type TestApp } from '../../../../../tests/support/test-app';
import { signInAs, type TestSession } from '../../../../../tests/support/sessions';
import { buildOrganization, buildUser } from '../../../../../tests/factories';

let t: TestApp;
let admin: TestSession;
let otherAdmin: TestSession;
let organizationId: string;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date());
  const db = t.deps.database.db;
  organizationId = (await buildOrganization(db)).id;
  admin = await signInAs(t, ['admin'], { organizationId });
  await buildUser(db, { organizationId, name: 'Élodie Martin', email: 'elodie.martin@exemple.test', roles: ['peer_worker', 'trainer'] });
  await buildUser(db, { organizationId, name: 'Zoé Dupont', email: 'ZOE.DUPONT@exemple.test', roles: ['coordinator'] });
  await buildUser(db, { organizationId, name: 'Hélène Faure', email: 'h.faure@exemple.test', roles: ['peer_worker'], active: false });
  await buildUser(db, { organizationId, name: 'Bruno 100%_sûr', email: 'bruno@exemple.test', roles: ['volunteer'] });
  const other = await buildOrganization(db);
  otherAdmin = await signInAs(t, ['admin'], { organizationId: other.id });
  await buildUser(db, { organizationId: other.id, name: 'Élodie Ailleurs', roles: ['peer_worker'] });
});
afterAll(async () => t.close());
beforeEach(() => t.clock.set(new Date()));

const list = (session: TestSession, query: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url: `/api/admin/users${query}`, headers: { ...session.headers, ...headers } });
const names = (body: { items: { name: string }[] }) => body.items.map((item) => item.name);

describe('GET /api/admin/users', () => {
  it('lists the organisation’s users only, by name, with their roles and the total', async () => {
    const response = await list(admin, '');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ total: 5, page: 1, pageSize: 25 });
    expect(names(body)).toEqual(['Bruno 100%_sûr', 'Camille Test', 'Élodie Martin', 'Hélène Faure', 'Zoé Dupont']);
    const elodie = body.items.find((item: { name: string }) => item.name === 'Élodie Martin');
    expect(elodie).toMatchObject({ roles: ['peer_worker', 'trainer'], active: true, twoFactorEnabled: false, version: 1 });
    expect(names(body)).not.toContain('Élodie Ailleurs');
  });

  it('the other organisation’s admin sees none of these users', async () => {
    const body = (await list(otherAdmin, '')).json();
    expect(names(body)).toEqual(['Camille Test', 'Élodie Ailleurs']);
  });

  it.each([
    ['elodie', ['Élodie Martin']],
    ['ÉLODIE', ['Élodie Martin']],
    ['zoe', ['Zoé Dupont']],
    ['zoe.dupont@', ['Zoé Dupont']],
    ['HELENE', ['Hélène Faure']],
    ['faure@exemple', ['Hélène Faure']],
    ['100%', ['Bruno 100%_sûr']],
    ['%', ['Bruno 100%_sûr']],
    ['_', ['Bruno 100%_sûr']],
    ['personne', []],
  ])('search %s ignores case and accents on name and email', async (search, expected) => {
    const body = (await list(admin, `?search=${encodeURIComponent(search)}`)).json();
    expect(names(body)).toEqual(expected);
    expect(body.total).toBe(expected.length);
  });

  it('filters by role and by active', async () => {
    expect(names((await list(admin, '?role=peer_worker')).json())).toEqual(['Élodie Martin', 'Hélène Faure']);
    expect(names((await list(admin, '?role=peer_worker&active=true')).json())).toEqual(['Élodie Martin']);
    expect(names((await list(admin, '?active=false')).json())).toEqual(['Hélène Faure']);
  });

  it('paginates with the total of all pages', async () => {
    const second = (await list(admin, '?page=2&pageSize=2')).json();
    expect(second).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(names(second)).toEqual(['Élodie Martin', 'Hélène Faure']);
    const beyond = (await list(admin, '?page=9&pageSize=2')).json();
    expect(beyond).toMatchObject({ items: [], total: 5 });
  });

  it('refuses an unknown role or a page size over 100 with per-field French messages', async () => {
    const response = await list(admin, '?role=chef&pageSize=500');
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const body = response.json();
    expect(body.title).toBe('Certaines informations sont manquantes ou invalides.');
    expect(Object.keys(body.errors).sort()).toEqual(['pageSize', 'role']);
    expect(body.errors.role[0]).toMatch(/invalide|attendu/i);
  });

  it('answers validation errors in English with Accept-Language: en', async () => {
    const response = await list(admin, '?active=maybe', { 'accept-language': 'en' });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.title).toBe('Some information is missing or invalid.');
    expect(body.errors.active[0]).toMatch(/invalid|expected/i);
  });
});

describe('GET /api/admin/users/:id', () => {
  it('audits every read of a user record, with who read it', async () => {
    const target = await buildUser(t.deps.database.db, { organizationId, name: 'Lu Par Admin', roles: ['trainer'] });
    const response = await t.app.inject({ method: 'GET', url: `/api/admin/users/${target.id}`, headers: admin.headers });
    expect(response.statusCode).toBe(200);
    const audit = await t.app.inject({
      method: 'GET',
      url: `/api/admin/audit?resourceType=user&resourceId=${target.id}&action=user.read`,
      headers: admin.headers,
    });
    expect(audit.json().items).toEqual([
      expect.objectContaining({ action: 'user.read', resourceId: target.id, actor: expect.objectContaining({ id: admin.user.id }) }),
    ]);
  });

  it('writes no read entry for a record it does not return (unknown id, another organisation)', async () => {
    const other = await buildUser(t.deps.database.db, { name: 'Autre Région', roles: ['trainer'] });
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const id of [other.id, unknown]) {
      const response = await t.app.inject({ method: 'GET', url: `/api/admin/users/${id}`, headers: admin.headers });
      expect(response.statusCode).toBe(404);
    }
    const reads = await t.deps.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'user.read'), inArray(auditEvents.resourceId, [other.id, unknown])));
    expect(reads).toEqual([]);
  });
});
