import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { createTestUser, signIn, signInAs, type TestSession } from '../../../../tests/support/sessions';
import {
  auditTrail,
  buildAccompaniment,
  buildAppointment,
  buildIntervention,
  buildNote,
  buildOrganization,
  buildUser,
  type AccompanimentRow,
  type BuiltUser,
} from '../../../../tests/factories';
import { buildPerson } from '../../../../tests/factories/persons';
import { accompaniments, appointments, interventionPeers, interventions, persons } from '../../db/schema';

let t: TestApp;
let organizationId: string;
let coordinator: TestSession;
let peer: TestSession;
let volunteer: TestSession;
let formerPeer: BuiltUser;
let outsider: BuiltUser;
let accompaniment: AccompanimentRow;
const db = () => t.deps.database.db;

beforeAll(async () => {
  t = await createTestApp();
  organizationId = (await buildOrganization(db())).id;
  coordinator = await signInAs(t, ['coordinator'], { organizationId });
  peer = await signIn(t, await createTestUser(t, { roles: ['peer_worker'], organizationId, name: 'Zoé Pair' }));
  volunteer = await signIn(t, await createTestUser(t, { roles: ['volunteer'], organizationId, name: 'Alix Bénévole' }));
  formerPeer = await buildUser(db(), { organizationId, roles: ['peer_worker'], name: 'Marc Ancien' });
  outsider = await buildUser(db(), { organizationId, roles: ['peer_worker'] });
  const person = await buildPerson(db(), { organizationId, firstName: 'Chloé' });
  accompaniment = await buildAccompaniment(db(), {
    person,
    peers: [{ userId: peer.user.id }, { userId: volunteer.user.id, asVolunteer: true }],
    openedAt: new Date('2026-11-01T09:00:00Z'),
  });
});
afterAll(async () => t.close());

const send = (session: TestSession, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { ...session.headers, ...headers }, ...(payload ? { payload } : {}) });
const base = () => `/api/accompaniments/${accompaniment.id}`;
const lastContacts = async () => {
  const [row] = await db().select({ at: accompaniments.lastContactAt }).from(accompaniments).where(eq(accompaniments.id, accompaniment.id));
  const [person] = await db().select({ at: persons.lastContactAt }).from(persons).where(eq(persons.id, accompaniment.personId));
  return { accompaniment: row?.at?.toISOString() ?? null, person: person?.at?.toISOString() ?? null };
};

describe('goals', () => {
  it('adds a goal in the person’s words, re-words it and marks it reached with its version (stale → 409)', async () => {
    const created = await send(volunteer, 'POST', `${base()}/goals`, { wording: '  Aller au GEM le mardi  ' });
    expect(created.statusCode).toBe(201);
    const goal = created.json();
    expect(goal).toMatchObject({ wording: 'Aller au GEM le mardi', status: 'open', version: 1 });
    const url = `${base()}/goals/${goal.id}`;
    const reworded = await send(peer, 'PATCH', url, { version: 1, wording: 'Aller au GEM chaque semaine' });
    expect(reworded.json()).toMatchObject({ wording: 'Aller au GEM chaque semaine', version: 2 });
    expect((await send(peer, 'PATCH', url, { version: 1, status: 'reached' })).statusCode).toBe(409);
    const reached = await send(peer, 'PATCH', url, { version: 2, status: 'reached' });
    expect(reached.json()).toMatchObject({ status: 'reached', version: 3 });
    expect((await send(peer, 'PATCH', url, { version: 3, status: 'done' })).statusCode).toBe(400);
    expect((await send(peer, 'PATCH', `${base()}/goals/${accompaniment.id}`, { version: 1, status: 'let_go' })).statusCode).toBe(404);
    const detail = (await send(peer, 'GET', base())).json();
    expect(detail.goals).toContainEqual(expect.objectContaining({ id: goal.id, status: 'reached' }));
    const trail = await auditTrail(db(), organizationId);
    expect(JSON.stringify(trail.map((row) => row.context))).not.toContain('GEM');
  });
});

describe('interventions', () => {
  it('logs an intervention and moves last contact forward on the accompaniment and the person, never back', async () => {
    t.clock.set(new Date('2026-11-23T09:00:00Z'));
    expect(await lastContacts()).toEqual({ accompaniment: null, person: null });
    const first = await send(peer, 'POST', `${base()}/interventions`, {
      occurredAt: '2026-11-20T14:00:00+01:00',
      durationMinutes: 90,
      type: 'home_visit',
      place: 'Domicile',
      peerIds: [peer.user.id, volunteer.user.id],
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      occurredAt: '2026-11-20T13:00:00.000Z',
      durationMinutes: 90,
      type: 'home_visit',
      place: 'Domicile',
      recordedBy: peer.user.id,
      peers: [
        { id: volunteer.user.id, name: 'Alix Bénévole' },
        { id: peer.user.id, name: 'Zoé Pair' },
      ],
    });
    expect(await lastContacts()).toEqual({ accompaniment: '2026-11-20T13:00:00.000Z', person: '2026-11-20T13:00:00.000Z' });
    // A late entry about an older meeting does not move last contact back.
    await send(volunteer, 'POST', `${base()}/interventions`, { occurredAt: '2026-11-10T10:00:00Z', durationMinutes: 30, type: 'phone', peerIds: [volunteer.user.id, peer.user.id] });
    expect(await lastContacts()).toEqual({ accompaniment: '2026-11-20T13:00:00.000Z', person: '2026-11-20T13:00:00.000Z' });
    const latest = await send(coordinator, 'POST', `${base()}/interventions`, { occurredAt: '2026-11-23T08:30:00Z', durationMinutes: 45, type: 'meeting', peerIds: [peer.user.id] });
    expect(latest.statusCode).toBe(201);
    expect(await lastContacts()).toEqual({ accompaniment: '2026-11-23T08:30:00.000Z', person: '2026-11-23T08:30:00.000Z' });
    const trail = await auditTrail(db(), organizationId);
    expect(trail.filter((row) => row.action === 'intervention.recorded')).toHaveLength(3);
  });

  it('refuses a future date, a peer who is not of the accompaniment, a price or a bad type (400) and saves nothing', async () => {
    const before = await db().select().from(interventions).where(eq(interventions.accompanimentId, accompaniment.id));
    const contacts = await lastContacts();
    const valid = { occurredAt: '2026-11-22T10:00:00Z', durationMinutes: 60, type: 'meeting', peerIds: [peer.user.id] };
    const future = await send(peer, 'POST', `${base()}/interventions`, { ...valid, occurredAt: '2026-11-24T10:00:00Z' });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors).toEqual({ occurredAt: ['La date ne peut pas être dans le futur.'] });
    const stranger = await send(peer, 'POST', `${base()}/interventions`, { ...valid, peerIds: [peer.user.id, outsider.id] });
    expect(stranger.json().errors).toEqual({ peerIds: ['Les pairs présents doivent être des pairs de cet accompagnement.'] });
    const english = await send(peer, 'POST', `${base()}/interventions`, { ...valid, peerIds: [outsider.id] }, { 'accept-language': 'en' });
    expect(english.json().errors).toEqual({ peerIds: ['The peers present must be peers of this accompaniment.'] });
    for (const payload of [{ ...valid, priceCents: 5000 }, { ...valid, type: 'therapy' }, { ...valid, durationMinutes: 0 }, { ...valid, peerIds: [] }]) {
      expect((await send(peer, 'POST', `${base()}/interventions`, payload)).statusCode).toBe(400);
    }
    expect(await db().select().from(interventions).where(eq(interventions.accompanimentId, accompaniment.id))).toHaveLength(before.length);
    expect(await lastContacts()).toEqual(contacts);
  });

  it('is atomic: when a later step fails, neither the intervention nor the last-contact updates remain', async () => {
    const before = await db().select().from(interventions).where(eq(interventions.accompanimentId, accompaniment.id));
    const contacts = await lastContacts();
    await t.deps.database.exec(`
      create function refuse_intervention_peers() returns trigger language plpgsql as $$ begin raise exception 'simulated failure'; end $$;
      create trigger refuse_intervention_peers before insert on intervention_peers for each row execute function refuse_intervention_peers();
    `);
    try {
      const response = await send(peer, 'POST', `${base()}/interventions`, { occurredAt: '2026-11-23T08:59:00Z', durationMinutes: 20, type: 'phone', peerIds: [peer.user.id] });
      expect(response.statusCode).toBe(500);
    } finally {
      await t.deps.database.exec('drop trigger refuse_intervention_peers on intervention_peers; drop function refuse_intervention_peers();');
    }
    expect(await db().select().from(interventions).where(eq(interventions.accompanimentId, accompaniment.id))).toHaveLength(before.length);
    expect(await lastContacts()).toEqual(contacts);
  });

  it('lists an accompaniment’s interventions newest first, paginated, with the peers present', async () => {
    const page = await send(volunteer, 'GET', `${base()}/interventions?page=1&pageSize=2`);
    expect(page.statusCode).toBe(200);
    const body = page.json();
    expect(body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(body.items.map((item: { occurredAt: string }) => item.occurredAt)).toEqual(['2026-11-23T08:30:00.000Z', '2026-11-20T13:00:00.000Z']);
    expect(body.items[1].peers).toHaveLength(2);
    const last = (await send(volunteer, 'GET', `${base()}/interventions?page=2&pageSize=2`)).json();
    expect(last.items.map((item: { type: string }) => item.type)).toEqual(['phone']);
    expect((await send(volunteer, 'GET', `${base()}/interventions?page=5&pageSize=2`)).json()).toMatchObject({ items: [], total: 3 });
    expect((await send(volunteer, 'GET', `${base()}/interventions?pageSize=500`)).statusCode).toBe(400);
  });

  it('a former peer can still be named present on an entry written after the change of peers', async () => {
    const other = await buildAccompaniment(db(), {
      organizationId,
      peers: [{ userId: peer.user.id }, { userId: formerPeer.id }],
    });
    const changed = await send(coordinator, 'PATCH', `/api/accompaniments/${other.id}/peers`, { version: 1, peerIds: [peer.user.id] });
    expect(changed.statusCode).toBe(200);
    const late = await send(peer, 'POST', `/api/accompaniments/${other.id}/interventions`, {
      occurredAt: '2026-11-22T10:00:00Z',
      durationMinutes: 60,
      type: 'appointment_accompaniment',
      peerIds: [peer.user.id, formerPeer.id],
    });
    expect(late.statusCode).toBe(201);
    const [row] = await db().select().from(interventions).where(eq(interventions.id, late.json().id));
    expect(await db().select().from(interventionPeers).where(eq(interventionPeers.interventionId, row?.id ?? ''))).toHaveLength(2);
  });
});

describe('notes', () => {
  it('writes a note with its confidentiality; the author may correct it', async () => {
    const created = await send(volunteer, 'POST', `${base()}/notes`, { confidentiality: 'private', body: 'À reprendre avec Zoé.' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      confidentiality: 'private',
      body: 'À reprendre avec Zoé.',
      author: { id: volunteer.user.id, name: 'Alix Bénévole' },
      version: 1,
      policies: { update: true },
    });
    expect((await send(volunteer, 'POST', `${base()}/notes`, { confidentiality: 'secret', body: 'x' })).statusCode).toBe(400);
    expect((await send(volunteer, 'POST', `${base()}/notes`, { confidentiality: 'team', body: '   ' })).statusCode).toBe(400);
    const others = (await send(peer, 'GET', `${base()}/notes`)).json().items.map((note: { id: string }) => note.id);
    expect(others).not.toContain(created.json().id);
  });
});

describe('appointments', () => {
  it('plans, lists upcoming (soonest first), marks done / missed with the version, refuses the past and settled ones', async () => {
    const plan = (startsAt: string, place?: string) => send(peer, 'POST', `${base()}/appointments`, { startsAt, ...(place ? { place } : {}) });
    const past = await plan('2026-11-22T09:00:00Z');
    expect(past.statusCode).toBe(400);
    expect(past.json().errors).toEqual({ startsAt: ['Le rendez-vous doit être fixé dans le futur.'] });
    const later = (await plan('2026-12-05T10:00:00Z', 'CMP')).json();
    const sooner = (await plan('2026-11-30T10:00:00Z', 'Café')).json();
    expect(sooner).toMatchObject({ status: 'planned', place: 'Café', version: 1 });
    const upcoming = (await send(volunteer, 'GET', `${base()}/appointments/upcoming`)).json();
    expect(upcoming.items.map((item: { id: string }) => item.id)).toEqual([sooner.id, later.id]);
    expect((await send(peer, 'GET', base())).json().nextAppointment).toMatchObject({ id: sooner.id });

    const url = (id: string) => `${base()}/appointments/${id}`;
    const moved = await send(peer, 'PATCH', url(sooner.id), { version: 1, startsAt: '2026-12-01T10:00:00Z' });
    expect(moved.json()).toMatchObject({ startsAt: '2026-12-01T10:00:00.000Z', version: 2 });
    expect((await send(peer, 'PATCH', url(sooner.id), { version: 1, status: 'done' })).statusCode).toBe(409);
    const done = await send(volunteer, 'PATCH', url(sooner.id), { version: 2, status: 'done' });
    expect(done.json()).toMatchObject({ status: 'done', version: 3 });
    const settled = await send(peer, 'PATCH', url(sooner.id), { version: 3, status: 'missed' });
    expect(settled.statusCode).toBe(400);
    expect(settled.json().errors).toEqual({ status: ['Seul un rendez-vous prévu peut être modifié.'] });
    expect((await send(peer, 'PATCH', url(later.id), { version: 1, status: 'missed' })).json().status).toBe('missed');
    expect((await send(volunteer, 'GET', `${base()}/appointments/upcoming`)).json().items).toEqual([]);
    const [row] = await db().select().from(appointments).where(eq(appointments.id, later.id));
    expect(row?.status).toBe('missed');
  });
});

describe('appointments whose time has passed', () => {
  it('are listed to confirm (oldest first) until marked done or missed, and leave the upcoming list', async () => {
    const before = t.clock.now;
    const inOneHour = new Date(before.getTime() + 3600_000).toISOString();
    const planned = (await send(peer, 'POST', `${base()}/appointments`, { startsAt: inOneHour })).json();
    expect((await send(peer, 'GET', `${base()}/appointments/to-confirm`)).json().items).toEqual([]);
    t.clock.set(new Date(before.getTime() + 2 * 3600_000));
    try {
      const toConfirm = (await send(volunteer, 'GET', `${base()}/appointments/to-confirm`)).json().items;
      expect(toConfirm.map((item: { id: string }) => item.id)).toEqual([planned.id]);
      const upcoming = (await send(peer, 'GET', `${base()}/appointments/upcoming`)).json().items;
      expect(upcoming.map((item: { id: string }) => item.id)).not.toContain(planned.id);
      expect((await send(peer, 'PATCH', `${base()}/appointments/${planned.id}`, { version: 1, status: 'missed' })).statusCode).toBe(200);
      expect((await send(peer, 'GET', `${base()}/appointments/to-confirm`)).json().items).toEqual([]);
    } finally {
      t.clock.set(before);
    }
  });
});

describe('a person’s interventions across accompaniments', () => {
  it('pages newest first across accompaniments; a peer sees those of accompaniments they are assigned to', async () => {
    const person = await buildPerson(db(), { organizationId, firstName: 'Parcours' });
    const old = await buildAccompaniment(db(), { person, peers: [{ userId: formerPeer.id }], status: 'closed' });
    const current = await buildAccompaniment(db(), { person, peers: [{ userId: peer.user.id }] });
    for (let day = 1; day <= 4; day += 1) await buildIntervention(db(), old, { occurredAt: new Date(Date.UTC(2026, 9, day)), peerIds: [formerPeer.id] });
    for (let day = 1; day <= 3; day += 1) await buildIntervention(db(), current, { occurredAt: new Date(Date.UTC(2026, 10, day)), peerIds: [peer.user.id] });
    const url = (page: number, pageSize: number) => `/api/persons/${person.id}/interventions?page=${page}&pageSize=${pageSize}`;

    const first = (await send(coordinator, 'GET', url(1, 3))).json();
    expect(first.total).toBe(7);
    expect(first.items.map((item: { occurredAt: string }) => item.occurredAt.slice(0, 10))).toEqual(['2026-11-03', '2026-11-02', '2026-11-01']);
    expect(first.items[0]).toMatchObject({ accompanimentId: current.id, peers: [{ id: peer.user.id, name: 'Zoé Pair' }] });
    const third = (await send(coordinator, 'GET', url(3, 3))).json();
    expect(third.items.map((item: { accompanimentId: string }) => item.accompanimentId)).toEqual([old.id]);
    expect((await send(coordinator, 'GET', url(4, 3))).json()).toMatchObject({ items: [], total: 7 });

    const seenByPeer = (await send(peer, 'GET', url(1, 50))).json();
    expect(seenByPeer.total).toBe(3);
    expect(seenByPeer.items.every((item: { accompanimentId: string }) => item.accompanimentId === current.id)).toBe(true);
    expect((await send(volunteer, 'GET', url(1, 50))).statusCode).toBe(404);

    const listed = (await send(coordinator, 'GET', `/api/persons/${person.id}/accompaniments`)).json();
    expect(listed.items.map((item: { id: string; status: string }) => [item.id, item.status])).toEqual([
      [current.id, 'active'],
      [old.id, 'closed'],
    ]);
    expect((await send(peer, 'GET', `/api/persons/${person.id}/accompaniments`)).json().items.map((item: { id: string }) => item.id)).toEqual([current.id]);
  });
});

describe('merging two person records', () => {
  it('moves accompaniments, interventions, notes and appointments to the kept record', async () => {
    const kept = await buildPerson(db(), { organizationId, firstName: 'Gardée', lastName: 'Fusion' });
    const duplicate = await buildPerson(db(), { organizationId, firstName: 'Doublon', lastName: 'Fusion' });
    const moving = await buildAccompaniment(db(), { person: duplicate, peers: [{ userId: peer.user.id }] });
    const intervention = await buildIntervention(db(), moving, { peerIds: [peer.user.id], occurredAt: new Date('2026-11-15T10:00:00Z') });
    await buildNote(db(), moving, peer.user.id);
    await buildAppointment(db(), moving);
    const merged = await send(coordinator, 'POST', `/api/persons/${kept.id}/merge`, { version: 1, duplicateId: duplicate.id, duplicateVersion: 1 });
    expect(merged.statusCode).toBe(200);
    const [row] = await db().select().from(accompaniments).where(eq(accompaniments.id, moving.id));
    expect(row?.personId).toBe(kept.id);
    const [movedIntervention] = await db().select().from(interventions).where(eq(interventions.id, intervention.id));
    expect(movedIntervention?.personId).toBe(kept.id);
    const history = (await send(coordinator, 'GET', `/api/persons/${kept.id}/interventions`)).json();
    expect(history.items.map((item: { id: string }) => item.id)).toEqual([intervention.id]);
  });
});
