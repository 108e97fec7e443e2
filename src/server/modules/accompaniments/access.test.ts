import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { signInAs, type TestSession } from '../../../../tests/support/sessions';
import {
  auditTrail,
  buildAccompaniment,
  buildIntervention,
  buildNote,
  buildOrganization,
  buildUser,
  type AccompanimentNoteRow,
  type AccompanimentRow,
} from '../../../../tests/factories';
import type { Role } from '../../platform/access/actor';

// Role × route × (own accompaniment / another of the organisation / another organisation's), with real sessions.
let t: TestApp;
let organizationId: string;
let sessions: Record<string, TestSession>;
let mine: AccompanimentRow;
let others: AccompanimentRow;
let foreign: AccompanimentRow;
let notes: Record<'shared' | 'team' | 'peerPrivate' | 'volunteerPrivate' | 'coordinatorPrivate', AccompanimentNoteRow>;
const db = () => t.deps.database.db;

const ROLES: Role[] = ['coordinator', 'peer_worker', 'volunteer', 'supervisor', 'trainer', 'partner_contact', 'person', 'funder_viewer', 'admin'];
const WORKING_ROLES = ['coordinator', 'peer_worker', 'volunteer'] as const;
type WorkingRole = (typeof WORKING_ROLES)[number];

const session = (role: Role) => {
  const found = sessions[role];
  if (!found) throw new Error(`no session for ${role}`);
  return found;
};

beforeAll(async () => {
  t = await createTestApp();
  organizationId = (await buildOrganization(db())).id;
  sessions = {};
  for (const role of ROLES) sessions[role] = await signInAs(t, [role], { organizationId });
  const peer = session('peer_worker').user.id;
  const volunteer = session('volunteer').user.id;
  mine = await buildAccompaniment(db(), { organizationId, peers: [{ userId: peer }, { userId: volunteer, asVolunteer: true }] });
  const otherPeer = await buildUser(db(), { organizationId, roles: ['peer_worker'] });
  others = await buildAccompaniment(db(), { organizationId, peers: [{ userId: otherPeer.id }] });
  const foreignPeer = await buildUser(db(), { roles: ['peer_worker'] });
  foreign = await buildAccompaniment(db(), { organizationId: foreignPeer.organizationId, peers: [{ userId: foreignPeer.id }] });
  await buildIntervention(db(), mine, { peerIds: [peer, volunteer], occurredAt: new Date('2026-11-20T10:00:00Z') });
  await buildIntervention(db(), others, { peerIds: [otherPeer.id], occurredAt: new Date('2026-11-21T10:00:00Z') });
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 22, 9, minute));
  notes = {
    shared: await buildNote(db(), mine, peer, { confidentiality: 'shared_with_person', body: 'Partagée', writtenAt: at(1) }),
    team: await buildNote(db(), mine, peer, { confidentiality: 'team', body: 'Équipe', writtenAt: at(2) }),
    peerPrivate: await buildNote(db(), mine, peer, { confidentiality: 'private', body: 'Privée du pair', writtenAt: at(3) }),
    volunteerPrivate: await buildNote(db(), mine, volunteer, { confidentiality: 'private', body: 'Privée du bénévole', writtenAt: at(4) }),
    coordinatorPrivate: await buildNote(db(), mine, session('coordinator').user.id, { confidentiality: 'private', body: 'Privée de la coordinatrice', writtenAt: at(5) }),
  };
});
afterAll(async () => t.close());

type Call = { method: 'GET' | 'POST' | 'PATCH'; url: () => string; payload?: () => Record<string, unknown> };
const inject = (role: Role, call: Call) =>
  t.app.inject({ method: call.method, url: call.url(), headers: session(role).headers, ...(call.payload ? { payload: call.payload() } : {}) });

const ROUTES: { name: string; call: Call; expected: Record<WorkingRole, number> }[] = [
  { name: 'list', call: { method: 'GET', url: () => '/api/accompaniments' }, expected: { coordinator: 200, peer_worker: 200, volunteer: 200 } },
  { name: 'open (empty body)', call: { method: 'POST', url: () => '/api/accompaniments', payload: () => ({}) }, expected: { coordinator: 400, peer_worker: 403, volunteer: 403 } },
  { name: 'read own', call: { method: 'GET', url: () => `/api/accompaniments/${mine.id}` }, expected: { coordinator: 200, peer_worker: 200, volunteer: 200 } },
  { name: 'read other', call: { method: 'GET', url: () => `/api/accompaniments/${others.id}` }, expected: { coordinator: 200, peer_worker: 404, volunteer: 404 } },
  { name: 'interventions own', call: { method: 'GET', url: () => `/api/accompaniments/${mine.id}/interventions` }, expected: { coordinator: 200, peer_worker: 200, volunteer: 200 } },
  { name: 'interventions other', call: { method: 'GET', url: () => `/api/accompaniments/${others.id}/interventions` }, expected: { coordinator: 200, peer_worker: 404, volunteer: 404 } },
  { name: 'notes own', call: { method: 'GET', url: () => `/api/accompaniments/${mine.id}/notes` }, expected: { coordinator: 200, peer_worker: 200, volunteer: 200 } },
  { name: 'upcoming own', call: { method: 'GET', url: () => `/api/accompaniments/${mine.id}/appointments/upcoming` }, expected: { coordinator: 200, peer_worker: 200, volunteer: 200 } },
  { name: 'to confirm own', call: { method: 'GET', url: () => `/api/accompaniments/${mine.id}/appointments/to-confirm` }, expected: { coordinator: 200, peer_worker: 200, volunteer: 200 } },
  { name: 'goal own', call: { method: 'POST', url: () => `/api/accompaniments/${mine.id}/goals`, payload: () => ({ wording: 'Aller au GEM' }) }, expected: { coordinator: 201, peer_worker: 201, volunteer: 201 } },
  { name: 'goal other', call: { method: 'POST', url: () => `/api/accompaniments/${others.id}/goals`, payload: () => ({ wording: 'Aller au GEM' }) }, expected: { coordinator: 201, peer_worker: 404, volunteer: 404 } },
  { name: 'note own', call: { method: 'POST', url: () => `/api/accompaniments/${mine.id}/notes`, payload: () => ({ confidentiality: 'team', body: 'Vu au local.' }) }, expected: { coordinator: 201, peer_worker: 201, volunteer: 201 } },
  // Invalid input is refused (400) before the record is even loaded, for anyone who may use these routes.
  { name: 'peers own (no peer)', call: { method: 'PATCH', url: () => `/api/accompaniments/${mine.id}/peers`, payload: () => ({ version: 99, peerIds: [] }) }, expected: { coordinator: 400, peer_worker: 400, volunteer: 400 } },
  {
    name: 'peers own (stale version)',
    call: { method: 'PATCH', url: () => `/api/accompaniments/${mine.id}/peers`, payload: () => ({ version: 99, peerIds: [session('peer_worker').user.id] }) },
    expected: { coordinator: 409, peer_worker: 403, volunteer: 403 },
  },
  { name: 'close own (stale version)', call: { method: 'POST', url: () => `/api/accompaniments/${mine.id}/close`, payload: () => ({ version: 99, reason: 'goals_reached' }) }, expected: { coordinator: 409, peer_worker: 409, volunteer: 403 } },
  { name: 'close other', call: { method: 'POST', url: () => `/api/accompaniments/${others.id}/close`, payload: () => ({ version: 99, reason: 'goals_reached' }) }, expected: { coordinator: 409, peer_worker: 404, volunteer: 404 } },
  { name: 'person interventions own', call: { method: 'GET', url: () => `/api/persons/${mine.personId}/interventions` }, expected: { coordinator: 200, peer_worker: 200, volunteer: 200 } },
  { name: 'person interventions other', call: { method: 'GET', url: () => `/api/persons/${others.personId}/interventions` }, expected: { coordinator: 200, peer_worker: 404, volunteer: 404 } },
  { name: 'person accompaniments own', call: { method: 'GET', url: () => `/api/persons/${mine.personId}/accompaniments` }, expected: { coordinator: 200, peer_worker: 200, volunteer: 200 } },
  { name: 'person accompaniments other', call: { method: 'GET', url: () => `/api/persons/${others.personId}/accompaniments` }, expected: { coordinator: 200, peer_worker: 404, volunteer: 404 } },
];

/** Every route on another organisation's accompaniment or person: 404 for those who may work, 403 for the others. */
const FOREIGN: Call[] = [
  { method: 'GET', url: () => `/api/accompaniments/${foreign.id}` },
  { method: 'PATCH', url: () => `/api/accompaniments/${foreign.id}/peers`, payload: () => ({ version: 1, peerIds: [session('peer_worker').user.id] }) },
  { method: 'POST', url: () => `/api/accompaniments/${foreign.id}/close`, payload: () => ({ version: 1, reason: 'goals_reached' }) },
  { method: 'POST', url: () => `/api/accompaniments/${foreign.id}/goals`, payload: () => ({ wording: 'Ailleurs' }) },
  { method: 'PATCH', url: () => `/api/accompaniments/${foreign.id}/goals/${foreign.id}`, payload: () => ({ version: 1, status: 'reached' }) },
  { method: 'POST', url: () => `/api/accompaniments/${foreign.id}/interventions`, payload: () => ({ occurredAt: '2026-11-22T10:00:00Z', durationMinutes: 30, type: 'phone', peerIds: [session('peer_worker').user.id] }) },
  { method: 'GET', url: () => `/api/accompaniments/${foreign.id}/interventions` },
  { method: 'POST', url: () => `/api/accompaniments/${foreign.id}/notes`, payload: () => ({ confidentiality: 'team', body: 'x' }) },
  { method: 'GET', url: () => `/api/accompaniments/${foreign.id}/notes` },
  { method: 'PATCH', url: () => `/api/accompaniments/${foreign.id}/notes/${foreign.id}`, payload: () => ({ version: 1, body: 'y' }) },
  { method: 'POST', url: () => `/api/accompaniments/${foreign.id}/appointments`, payload: () => ({ startsAt: '2026-12-01T10:00:00Z' }) },
  { method: 'PATCH', url: () => `/api/accompaniments/${foreign.id}/appointments/${foreign.id}`, payload: () => ({ version: 1, status: 'done' }) },
  { method: 'GET', url: () => `/api/accompaniments/${foreign.id}/appointments/upcoming` },
  { method: 'GET', url: () => `/api/accompaniments/${foreign.id}/appointments/to-confirm` },
  { method: 'GET', url: () => `/api/persons/${foreign.personId}/interventions` },
  { method: 'GET', url: () => `/api/persons/${foreign.personId}/accompaniments` },
];

describe('accompaniment access matrix', () => {
  for (const role of ROLES) {
    it(`${role}: every route answers as expected; another organisation’s records are 404`, async () => {
      const working = WORKING_ROLES.find((candidate) => candidate === role);
      for (const route of ROUTES) {
        const response = await inject(role, route.call);
        expect({ route: route.name, status: response.statusCode }).toEqual({ route: route.name, status: working ? route.expected[working] : 403 });
      }
      for (const call of FOREIGN) {
        const response = await inject(role, call);
        expect({ route: `${call.method} ${call.url()}`, status: response.statusCode }).toEqual({ route: `${call.method} ${call.url()}`, status: working ? 404 : 403 });
      }
    });
  }

  it('lists: coordinators see the organisation’s accompaniments, peers and volunteers their own', async () => {
    const ids = async (role: Role) => (await inject(role, { method: 'GET', url: () => '/api/accompaniments' })).json().items.map((item: { id: string }) => item.id);
    expect((await ids('coordinator')).sort()).toEqual([mine.id, others.id].sort());
    expect(await ids('peer_worker')).toEqual([mine.id]);
    expect(await ids('volunteer')).toEqual([mine.id]);
    const byPeer = await inject('coordinator', { method: 'GET', url: () => `/api/accompaniments?peerId=${session('volunteer').user.id}&status=active` });
    expect(byPeer.json()).toMatchObject({ total: 1, items: [{ id: mine.id }] });
    const personInterventions = async (role: Role) => (await inject(role, { method: 'GET', url: () => `/api/persons/${mine.personId}/interventions` })).json().total;
    expect(await personInterventions('volunteer')).toBe(1);
  });

  it('a volunteer of the binôme reads the person’s record (as referent) but not the persons list', async () => {
    expect((await inject('volunteer', { method: 'GET', url: () => `/api/persons/${mine.personId}` })).statusCode).toBe(200);
    expect((await inject('volunteer', { method: 'GET', url: () => `/api/persons/${others.personId}` })).statusCode).toBe(404);
    expect((await inject('volunteer', { method: 'GET', url: () => '/api/persons' })).statusCode).toBe(403);
  });
});

describe('note confidentiality', () => {
  const visible = async (role: Role) =>
    (await inject(role, { method: 'GET', url: () => `/api/accompaniments/${mine.id}/notes?pageSize=100` })).json().items
      .map((note: { id: string }) => note.id)
      .filter((id: string) => Object.values(notes).some((note) => note.id === id));

  it('private notes are read by their author only, whoever they are; shared and team notes by every reader', async () => {
    const base = [notes.shared.id, notes.team.id];
    expect((await visible('coordinator')).sort()).toEqual([...base, notes.coordinatorPrivate.id].sort());
    expect((await visible('peer_worker')).sort()).toEqual([...base, notes.peerPrivate.id].sort());
    expect((await visible('volunteer')).sort()).toEqual([...base, notes.volunteerPrivate.id].sort());
    const page = (await inject('volunteer', { method: 'GET', url: () => `/api/accompaniments/${mine.id}/notes?pageSize=1` })).json();
    expect(page.items).toHaveLength(1);
    expect(page.items[0].confidentiality).not.toBe('private');
    expect(JSON.stringify(page)).not.toContain('Privée du pair');
  });

  it('only the author corrects a note (403 for a reader, 404 for someone else’s private note), with its version (409 when stale)', async () => {
    const patch = (role: Role, note: AccompanimentNoteRow, payload: Record<string, unknown>) =>
      inject(role, { method: 'PATCH', url: () => `/api/accompaniments/${mine.id}/notes/${note.id}`, payload: () => payload });
    expect((await patch('volunteer', notes.team, { version: 1, body: 'Corrigée' })).statusCode).toBe(403);
    expect((await patch('coordinator', notes.peerPrivate, { version: 1, body: 'Corrigée' })).statusCode).toBe(404);
    expect((await patch('peer_worker', notes.team, { version: 3, body: 'Corrigée' })).statusCode).toBe(409);
    const corrected = await patch('peer_worker', notes.team, { version: 1, body: 'Équipe, corrigée', confidentiality: 'shared_with_person' });
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json()).toMatchObject({ body: 'Équipe, corrigée', confidentiality: 'shared_with_person', version: 2, policies: { update: true } });
    expect((await patch('peer_worker', notes.team, { version: 1, body: 'Encore' })).statusCode).toBe(409);
  });
});

describe('audit of reads', () => {
  it('every read of an accompaniment, a note list and an intervention list is audited with its reader, without text', async () => {
    const volunteer = session('volunteer');
    await inject('volunteer', { method: 'GET', url: () => `/api/accompaniments/${mine.id}` });
    await inject('volunteer', { method: 'GET', url: () => `/api/accompaniments/${mine.id}/notes` });
    await inject('volunteer', { method: 'GET', url: () => `/api/accompaniments/${mine.id}/interventions` });
    await inject('volunteer', { method: 'GET', url: () => `/api/persons/${mine.personId}/interventions` });
    await inject('volunteer', { method: 'GET', url: () => `/api/persons/${mine.personId}/accompaniments` });
    const trail = (await auditTrail(db(), organizationId)).filter((row) => row.actorUserId === volunteer.user.id);
    for (const [action, resourceId] of [
      ['accompaniment.read', mine.id],
      ['accompaniment.notes.read', mine.id],
      ['accompaniment.interventions.read', mine.id],
      ['person.interventions.read', mine.personId],
      ['person.accompaniments.read', mine.personId],
    ]) {
      expect(trail.some((row) => row.action === action && row.resourceId === resourceId)).toBe(true);
    }
    expect(JSON.stringify(trail.map((row) => row.context))).not.toMatch(/Privée|Partagée|Équipe/);
    // A refused read writes no read entry.
    const before = (await auditTrail(db(), organizationId)).length;
    await inject('volunteer', { method: 'GET', url: () => `/api/accompaniments/${others.id}` });
    await inject('supervisor', { method: 'GET', url: () => `/api/accompaniments/${mine.id}` });
    expect((await auditTrail(db(), organizationId)).length).toBe(before);
  });

  it('a peer taken off the accompaniment loses access to it and to the person’s record', async () => {
    const extraPeer = await signInAs(t, ['peer_worker'], { organizationId });
    const accompaniment = await buildAccompaniment(db(), { organizationId, peers: [{ userId: extraPeer.user.id }] });
    const read = () => t.app.inject({ method: 'GET', url: `/api/accompaniments/${accompaniment.id}`, headers: extraPeer.headers });
    expect((await read()).statusCode).toBe(200);
    const changed = await inject('coordinator', {
      method: 'PATCH',
      url: () => `/api/accompaniments/${accompaniment.id}/peers`,
      payload: () => ({ version: 1, peerIds: [session('peer_worker').user.id] }),
    });
    expect(changed.statusCode).toBe(200);
    expect((await read()).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/persons/${accompaniment.personId}`, headers: extraPeer.headers })).statusCode).toBe(404);
    expect((await inject('peer_worker', { method: 'GET', url: () => `/api/persons/${accompaniment.personId}` })).statusCode).toBe(200);
  });
});

describe('documentation', () => {
  it('every accompaniment route declares its access and appears in the OpenAPI document', async () => {
    const routes = t.app.routeCatalogue.filter((route) => route.url.startsWith('/api/accompaniments') || /^\/api\/persons\/:id\/(interventions|accompaniments)$/.test(route.url));
    expect(routes.length).toBeGreaterThanOrEqual(17);
    expect(routes.every((route) => route.access !== undefined)).toBe(true);
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of ['/api/accompaniments', '/api/accompaniments/{id}/notes', '/api/persons/{id}/interventions']) expect(Object.keys(document.paths)).toContain(path);
  });
});
