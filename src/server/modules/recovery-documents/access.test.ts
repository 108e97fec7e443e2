import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSession } from '../../../../tests/support/sessions';
import type { TestApp } from '../../../../tests/support/test-app';
import { auditTrail } from '../../../../tests/factories';
import { call, createDocumentsTestApp, documentsWorld, startDocument, type DocumentsWorld } from './testing/world';

let t: TestApp;
let world: DocumentsWorld;
let documentId: string;
type Actor = 'owner' | 'facilitator' | 'otherPeer' | 'volunteer' | 'coordinator' | 'otherPerson' | 'foreignCoordinator' | 'foreignPeer';
let sessions: Record<Actor, TestSession>;
const outsiders: Actor[] = ['otherPeer', 'volunteer', 'coordinator', 'otherPerson', 'foreignCoordinator', 'foreignPeer'];

const toolbox = { tools: ['Marcher le long de la mer'] };

/**
 * Lucas writes a WRAP, invites his referent peer Sophie, validates version 1 and starts a review
 * (version 2, a draft): every route has something to show.
 */
beforeAll(async () => {
  t = await createDocumentsTestApp();
  world = await documentsWorld(t);
  sessions = {
    owner: world.lucas,
    facilitator: world.referent,
    otherPeer: world.otherPeer,
    volunteer: world.volunteer,
    coordinator: world.coordinator,
    otherPerson: world.nadia,
    foreignCoordinator: world.foreignCoordinator,
    foreignPeer: world.foreignPeer,
  };
  const created = await startDocument(t, world.lucas);
  documentId = created.document.id;
  await call(t, world.lucas, 'PUT', `/api/recovery-documents/${documentId}/draft/sections/wellness_toolbox`, { revision: 1, content: toolbox });
  expect((await call(t, world.lucas, 'PUT', `/api/recovery-documents/${documentId}/facilitators`, { userIds: [world.referent.user.id] })).statusCode).toBe(200);
  expect((await call(t, world.lucas, 'POST', `/api/recovery-documents/${documentId}/validate`, { revision: 2 })).statusCode).toBe(200);
  expect((await call(t, world.lucas, 'POST', `/api/recovery-documents/${documentId}/review`, {})).statusCode).toBe(201);
});
afterAll(async () => t.close());

const url = (path = '') => `/api/recovery-documents/${documentId}${path}`;

describe('reading routes: the owner and the facilitator read, everyone else gets 404', () => {
  it.each([['detail', ''], ['version 1', '/versions/1'], ['draft version 2', '/versions/2'], ['comparison', '/compare?from=1&to=2'], ['changes', '/changes']])(
    '%s',
    async (_label, path) => {
      expect((await call(t, sessions.owner, 'GET', url(path))).statusCode).toBe(200);
      expect((await call(t, sessions.facilitator, 'GET', url(path))).statusCode).toBe(200);
      for (const actor of outsiders) expect([actor, (await call(t, sessions[actor], 'GET', url(path))).statusCode]).toEqual([actor, 404]);
    },
  );

  it('a coordinator never reads content, even when the person made the document visible to the team', async () => {
    expect((await call(t, world.lucas, 'PATCH', url(), { visibleToTeam: true })).statusCode).toBe(200);
    for (const path of ['', '/versions/1', '/compare?from=1&to=2', '/changes']) expect((await call(t, world.coordinator, 'GET', url(path))).statusCode).toBe(404);
    await call(t, world.lucas, 'PATCH', url(), { visibleToTeam: false });
  });

  it('the owner and the facilitator see their role; the reads are audited as viewed, with the version and how', async () => {
    expect((await call(t, world.lucas, 'GET', url())).json()).toMatchObject({ myRole: 'owner', policies: { edit: true, validate: true, review: false, manage: true } });
    expect((await call(t, world.referent, 'GET', url())).json()).toMatchObject({ myRole: 'facilitator', policies: { edit: true, validate: false, review: false, manage: false } });
    const views = (await auditTrail(world.db, world.organizationId)).filter((entry) => entry.action === 'recovery_document.viewed' && entry.resourceId === documentId);
    expect(views.some((entry) => entry.actorUserId === world.referent.user.id && entry.context.via === 'facilitator' && entry.context.versionNo === 1)).toBe(true);
    expect(views.some((entry) => entry.actorUserId === world.lucas.user.id && entry.context.via === 'owner' && entry.context.versionNo === 2)).toBe(true);
    expect(views.every((entry) => entry.resourceType === 'recovery_document' && Object.keys(entry.context).sort().join() === 'versionNo,via')).toBe(true);
  });
});

describe('writing and managing routes', () => {
  const section = () => url('/draft/sections/daily_maintenance');

  it('autosave: owner and facilitator (person present); everyone else 404', async () => {
    for (const actor of outsiders) {
      expect([actor, (await call(t, sessions[actor], 'PUT', section(), { revision: 1, content: {}, inPresenceOfPerson: true })).statusCode]).toEqual([actor, 404]);
    }
    const draft = (await call(t, world.lucas, 'GET', url())).json().draft;
    const byFacilitator = await call(t, world.referent, 'PUT', section(), { revision: draft.revision, content: { every_day: ['Me lever à 8 h'] }, inPresenceOfPerson: true });
    expect(byFacilitator.statusCode).toBe(200);
    expect((await call(t, world.lucas, 'PUT', section(), { revision: byFacilitator.json().revision, content: { every_day: ['Me lever à 8 h', 'Marcher'] } })).statusCode).toBe(200);
  });

  it('validate, facilitators, settings, withdrawal: the owner only (facilitator 403, others 404)', async () => {
    const routes: ['POST' | 'PUT' | 'PATCH', string, unknown][] = [
      ['POST', url('/validate'), { revision: 1 }],
      ['PUT', url('/facilitators'), { userIds: [] }],
      ['PATCH', url(), { title: 'Autre titre' }],
      ['POST', url('/withdraw'), undefined],
    ];
    for (const [method, path, body] of routes) {
      expect([path, (await call(t, world.referent, method, path, body)).statusCode]).toEqual([path, 403]);
      for (const actor of outsiders) expect([actor, path, (await call(t, sessions[actor], method, path, body)).statusCode]).toEqual([actor, path, 404]);
    }
  });

  it('review: the owner or the facilitator with the person present; others 404', async () => {
    const draft = (await call(t, world.lucas, 'GET', url())).json().draft;
    expect((await call(t, world.lucas, 'POST', url('/validate'), { revision: draft.revision })).statusCode).toBe(200);
    for (const actor of outsiders) expect([actor, (await call(t, sessions[actor], 'POST', url('/review'), { inPresenceOfPerson: true })).statusCode]).toEqual([actor, 404]);
    expect((await call(t, world.referent, 'POST', url('/review'), {})).statusCode).toBe(400);
    const review = await call(t, world.referent, 'POST', url('/review'), { inPresenceOfPerson: true });
    expect(review.statusCode).toBe(201);
    expect(review.json().draft.versionNo).toBe(3);
  });

  it('a facilitator the owner takes off loses access at once', async () => {
    const other = await startDocument(t, world.lucas, 'pcc');
    const path = `/api/recovery-documents/${other.document.id}`;
    await call(t, world.lucas, 'PUT', `${path}/facilitators`, { userIds: [world.referent.user.id] });
    expect((await call(t, world.referent, 'GET', path)).statusCode).toBe(200);
    await call(t, world.lucas, 'PUT', `${path}/facilitators`, { userIds: [] });
    expect((await call(t, world.referent, 'GET', path)).statusCode).toBe(404);
  });
});

describe('lists', () => {
  it('my documents: the person’s own only; staff cannot call it (403)', async () => {
    const mine = await call(t, world.lucas, 'GET', '/api/recovery-documents');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.every((item: { personId: string }) => item.personId === world.person.id)).toBe(true);
    expect((await call(t, world.nadia, 'GET', '/api/recovery-documents')).json().items).toEqual([]);
    expect((await call(t, world.coordinator, 'GET', '/api/recovery-documents')).statusCode).toBe(403);
    expect((await call(t, world.coordinator, 'POST', '/api/recovery-documents', { kind: 'wrap' })).statusCode).toBe(403);
  });

  it('a person’s documents for staff: the facilitator sees those they facilitate; the coordinator only what the person made visible, never content', async () => {
    const personUrl = `/api/persons/${world.person.id}/recovery-documents`;
    const forFacilitator = await call(t, world.referent, 'GET', personUrl);
    expect(forFacilitator.statusCode).toBe(200);
    expect(forFacilitator.json().items.map((item: { id: string; access: string }) => [item.id, item.access])).toEqual([[documentId, 'facilitator']]);

    expect((await call(t, world.coordinator, 'GET', personUrl)).json().items).toEqual([]);
    await call(t, world.lucas, 'PATCH', url(), { visibleToTeam: true });
    const forCoordinator = await call(t, world.coordinator, 'GET', personUrl);
    expect(forCoordinator.json().items).toHaveLength(1);
    expect(forCoordinator.json().items[0]).toMatchObject({ id: documentId, kind: 'wrap', access: 'existence', status: 'active' });
    expect(JSON.stringify(forCoordinator.json())).not.toContain('Marcher');

    for (const actor of ['otherPeer', 'volunteer', 'owner', 'otherPerson', 'foreignCoordinator', 'foreignPeer'] as const) {
      expect([actor, (await call(t, sessions[actor], 'GET', personUrl)).statusCode]).toEqual([actor, 404]);
    }
  });
});

describe('declared and documented', () => {
  it('every document route declares its access and is in the OpenAPI document with a French summary', async () => {
    const ours = t.app.routeCatalogue.filter((route) => route.url.includes('recovery-documents') && !route.url.includes('/shares') && !route.url.includes('/crisis-card'));
    expect(ours.length).toBeGreaterThanOrEqual(16);
    expect(ours.every((route) => route.access !== undefined)).toBe(true);
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const paths = response.json().paths;
    for (const path of ['/api/recovery-documents/{id}/draft/sections/{sectionCode}', '/api/recovery-documents/{id}/compare', '/api/persons/{personId}/recovery-documents']) {
      expect(Object.values(paths[path] ?? {}).every((operation) => typeof (operation as { summary?: string }).summary === 'string')).toBe(true);
      expect(paths[path]).toBeDefined();
    }
  });
});
