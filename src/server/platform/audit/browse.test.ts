import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { signInAs, type TestSession } from '../../../../tests/support/sessions';
import { buildAuditEvents, buildOrganization } from '../../../../tests/factories';

let t: TestApp;
let admin: TestSession;
let otherAdmin: TestSession;
const start = new Date('2026-03-01T08:00:00.000Z');

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date());
  const db = t.deps.database.db;
  const organizationId = (await buildOrganization(db)).id;
  admin = await signInAs(t, ['admin'], { organizationId });
  // 3 entries by the admin on persons, then 2 system entries on users (no actor), one second apart.
  await buildAuditEvents(db, { organizationId, count: 3, actorUserId: admin.user.id, action: 'person.read', resourceType: 'person', start });
  await buildAuditEvents(db, {
    organizationId,
    count: 2,
    action: 'user.updated',
    resourceType: 'user',
    start: new Date(start.getTime() + 10_000),
  });
  const other = await buildOrganization(db);
  otherAdmin = await signInAs(t, ['admin'], { organizationId: other.id });
  await buildAuditEvents(db, { organizationId: other.id, count: 4, start });
});
afterAll(async () => t.close());
beforeEach(() => t.clock.set(new Date()));

const browse = (session: TestSession, query = '', headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url: `/api/admin/audit${query}`, headers: { ...session.headers, ...headers } });
const seqs = (body: { items: { seq: number }[] }) => body.items.map((item) => item.seq);

describe('GET /api/admin/audit', () => {
  it('lists the organisation’s entries newest first, with the actor’s name', async () => {
    const response = await browse(admin);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ total: 5, page: 1, pageSize: 25 });
    expect(seqs(body)).toEqual([5, 4, 3, 2, 1]);
    expect(body.items[0]).toMatchObject({ action: 'user.updated', actor: null, resourceType: 'user', resourceId: 'resource-2' });
    expect(body.items[2]).toMatchObject({
      action: 'person.read',
      actor: { id: admin.user.id, name: 'Camille Test' },
      occurredAt: '2026-03-01T08:00:02.000Z',
      context: { index: 3 },
    });
  });

  it('shows another organisation’s admin only their own chain', async () => {
    const body = (await browse(otherAdmin)).json();
    expect(body.total).toBe(4);
    expect(body.items.every((item: { action: string }) => item.action === 'test.recorded')).toBe(true);
  });

  it('filters by actor, resource, action and period', async () => {
    expect(seqs((await browse(admin, `?actorUserId=${admin.user.id}`)).json())).toEqual([3, 2, 1]);
    expect(seqs((await browse(admin, '?resourceType=user')).json())).toEqual([5, 4]);
    expect(seqs((await browse(admin, '?resourceType=person&resourceId=resource-2')).json())).toEqual([2]);
    expect(seqs((await browse(admin, '?action=user.updated')).json())).toEqual([5, 4]);
    const from = encodeURIComponent('2026-03-01T08:00:01.000Z');
    const to = encodeURIComponent('2026-03-01T09:00:10+01:00');
    expect(seqs((await browse(admin, `?from=${from}&to=${to}`)).json())).toEqual([4, 3, 2]);
  });

  it('paginates with the total', async () => {
    const body = (await browse(admin, '?page=2&pageSize=2&resourceType=person')).json();
    expect(body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(seqs(body)).toEqual([1]);
  });

  it('validates the filters in French, in English on request', async () => {
    const french = await browse(admin, '?from=hier&actorUserId=moi');
    expect(french.statusCode).toBe(400);
    expect(Object.keys(french.json().errors).sort()).toEqual(['actorUserId', 'from']);
    expect(french.json().errors.from[0]).toMatch(/invalide/i);
    const english = await browse(admin, '?to=tomorrow', { 'accept-language': 'en' });
    expect(english.json().errors.to[0]).toMatch(/invalid/i);
  });
});
