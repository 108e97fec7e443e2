import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { signInAs, type TestSession } from '../../../../tests/support/sessions';
import { auditTrail, buildAccompaniment, buildAppointment, buildOrganization, buildUser, type BuiltUser } from '../../../../tests/factories';
import { buildPerson } from '../../../../tests/factories/persons';
import { buildRequest } from '../../../../tests/factories/requests';
import {
  accompanimentGoals,
  accompanimentPeers,
  accompanimentStatusEvents,
  accompaniments,
  appointments,
  personReferents,
  requestStatusEvents,
  supportRequests,
} from '../../db/schema';

let t: TestApp;
let organizationId: string;
let coordinator: TestSession;
let peerWorker: TestSession;
let otherPeerWorker: BuiltUser;
let volunteer: BuiltUser;
let secondVolunteer: BuiltUser;
let inactivePeer: BuiltUser;
let supervisorUser: BuiltUser;
let foreignPeer: BuiltUser;
const db = () => t.deps.database.db;

beforeAll(async () => {
  t = await createTestApp();
  organizationId = (await buildOrganization(db())).id;
  coordinator = await signInAs(t, ['coordinator'], { organizationId });
  peerWorker = await signInAs(t, ['peer_worker'], { organizationId });
  otherPeerWorker = await buildUser(db(), { organizationId, roles: ['peer_worker'], name: 'Bastien Pair' });
  volunteer = await buildUser(db(), { organizationId, roles: ['volunteer'], name: 'Agathe Bénévole' });
  secondVolunteer = await buildUser(db(), { organizationId, roles: ['volunteer'], name: 'Yves Bénévole' });
  inactivePeer = await buildUser(db(), { organizationId, roles: ['peer_worker'], active: false });
  supervisorUser = await buildUser(db(), { organizationId, roles: ['supervisor'] });
  foreignPeer = await buildUser(db(), { roles: ['peer_worker'] });
});
afterAll(async () => t.close());

const send = (session: TestSession, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { ...session.headers, ...headers }, ...(payload ? { payload } : {}) });
const open = (payload: Record<string, unknown>, headers: Record<string, string> = {}) => send(coordinator, 'POST', '/api/accompaniments', payload, headers);
const newPerson = (firstName = 'Léna') => buildPerson(db(), { organizationId, firstName });
const rowsOf = async (personId: string) => db().select().from(accompaniments).where(eq(accompaniments.personId, personId));

describe('opening an accompaniment', () => {
  it('opens without a request: peers assigned and made referents, goals kept in the person’s words, opening event, audit without text', async () => {
    const person = await newPerson();
    const response = await open({
      personId: person.id,
      peerIds: [peerWorker.user.id, volunteer.id],
      goals: ['Retrouver un rythme de sommeil', 'Reprendre contact avec ma sœur'],
    });
    expect(response.statusCode).toBe(201);
    const detail = response.json();
    expect(detail).toMatchObject({
      status: 'active',
      version: 1,
      requestId: null,
      person: { id: person.id, displayName: 'Léna Exemple', communeName: 'Marseille', departement: '13' },
      nextAppointment: null,
      lastInterventions: [],
      policies: { work: true, assignPeers: true, close: true },
    });
    expect(detail.goals.map((goal: { wording: string; status: string }) => [goal.wording, goal.status])).toEqual([
      ['Retrouver un rythme de sommeil', 'open'],
      ['Reprendre contact avec ma sœur', 'open'],
    ]);
    const peers = detail.peers.map((peer: { id: string; asVolunteer: boolean; endedAt: string | null }) => [peer.id, peer.asVolunteer, peer.endedAt]);
    expect(peers).toEqual(expect.arrayContaining([[peerWorker.user.id, false, null], [volunteer.id, true, null]]));
    expect(detail.statusEvents).toEqual([{ fromStatus: null, toStatus: 'active', at: t.clock.now.toISOString(), byUserId: coordinator.user.id, reason: null }]);

    const referents = await db().select().from(personReferents).where(eq(personReferents.personId, person.id));
    expect(referents.map((row) => row.userId).sort()).toEqual([peerWorker.user.id, volunteer.id].sort());
    const opened = (await auditTrail(db(), organizationId)).filter((row) => row.action === 'accompaniment.opened' && row.resourceId === detail.id);
    expect(opened).toHaveLength(1);
    expect(opened[0]?.context).toMatchObject({ personId: person.id, peers: 2, volunteers: 1, goals: 2, requestId: null });
    expect(JSON.stringify(opened[0]?.context)).not.toMatch(/sommeil|Léna/);
  });

  it('opens from a contacted request: the request moves to accompaniment_opened with its own status event', async () => {
    const person = await newPerson('Issa');
    const request = await buildRequest(db(), { person, status: 'contacted' });
    const response = await open({ personId: person.id, requestId: request.id, requestVersion: request.version, peerIds: [peerWorker.user.id] });
    expect(response.statusCode).toBe(201);
    expect(response.json().requestId).toBe(request.id);
    const [updated] = await db().select().from(supportRequests).where(eq(supportRequests.id, request.id));
    expect(updated).toMatchObject({ status: 'accompaniment_opened', version: request.version + 1 });
    const events = await db().select().from(requestStatusEvents).where(eq(requestStatusEvents.requestId, request.id));
    expect(events.map((event) => [event.fromStatus, event.toStatus])).toContainEqual(['contacted', 'accompaniment_opened']);
    const trail = await auditTrail(db(), organizationId);
    expect(trail.some((row) => row.action === 'request.status.changed' && row.resourceId === request.id)).toBe(true);
  });

  it('a failing step leaves nothing half-saved: a request never contacted refuses the opening (400) and no row remains', async () => {
    const person = await newPerson('Atome');
    const request = await buildRequest(db(), { person, status: 'new' });
    const auditBefore = (await auditTrail(db(), organizationId)).length;
    const response = await open({ personId: person.id, requestId: request.id, peerIds: [peerWorker.user.id], goals: ['Un objectif'] });
    expect(response.statusCode).toBe(400);
    expect(response.json().type).toBe('about:blank#invalidStatusChange');
    expect(await rowsOf(person.id)).toEqual([]);
    expect(await db().select().from(accompanimentGoals).where(eq(accompanimentGoals.wording, 'Un objectif'))).toEqual([]);
    expect(await db().select().from(personReferents).where(eq(personReferents.personId, person.id))).toEqual([]);
    const [unchanged] = await db().select().from(supportRequests).where(eq(supportRequests.id, request.id));
    expect(unchanged).toMatchObject({ status: 'new', version: 1 });
    expect((await auditTrail(db(), organizationId)).length).toBe(auditBefore);
  });

  it('refuses a stale request version (409), a request about someone else (400) and another organisation’s request (404)', async () => {
    const person = await newPerson('Version');
    const request = await buildRequest(db(), { person, status: 'contacted' });
    expect((await open({ personId: person.id, requestId: request.id, requestVersion: 7, peerIds: [peerWorker.user.id] })).statusCode).toBe(409);
    const otherRequest = await buildRequest(db(), { organizationId, status: 'contacted' });
    const mismatch = await open({ personId: person.id, requestId: otherRequest.id, peerIds: [peerWorker.user.id] });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().errors).toEqual({ requestId: ['Cette demande concerne une autre personne.'] });
    const foreignRequest = await buildRequest(db(), { status: 'contacted' });
    expect((await open({ personId: person.id, requestId: foreignRequest.id, peerIds: [peerWorker.user.id] })).statusCode).toBe(404);
    expect(await rowsOf(person.id)).toEqual([]);
  });

  it('binôme rule: a volunteer alone or two volunteers → 400; two peer workers are fine', async () => {
    const person = await newPerson('Binôme');
    for (const peerIds of [[volunteer.id], [volunteer.id, secondVolunteer.id]]) {
      const response = await open({ personId: person.id, peerIds });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual({ peerIds: ['Un bénévole intervient toujours en binôme avec un pair salarié.'] });
    }
    const english = await open({ personId: person.id, peerIds: [volunteer.id] }, { 'accept-language': 'en' });
    expect(english.json().errors).toEqual({ peerIds: ['A volunteer always works in a pair with a salaried peer worker.'] });
    expect(await rowsOf(person.id)).toEqual([]);
    expect((await open({ personId: person.id, peerIds: [peerWorker.user.id, otherPeerWorker.id] })).statusCode).toBe(201);
  });

  it('inactive peer, non-peer, another organisation’s peer, repeated peer, three peers → 400 with a French field message', async () => {
    const person = await newPerson('Pairs');
    const notActive = ['Chaque pair doit être un membre actif de l’organisation, pair salarié ou bénévole.'];
    for (const peerIds of [[inactivePeer.id], [peerWorker.user.id, supervisorUser.id], [foreignPeer.id], [coordinator.user.id]]) {
      const response = await open({ personId: person.id, peerIds });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual({ peerIds: notActive });
    }
    const repeated = await open({ personId: person.id, peerIds: [peerWorker.user.id, peerWorker.user.id] });
    expect(repeated.json().errors).toEqual({ peerIds: ['Le même pair est indiqué deux fois.'] });
    const three = await open({ personId: person.id, peerIds: [peerWorker.user.id, otherPeerWorker.id, volunteer.id] });
    expect(three.statusCode).toBe(400);
    expect(Object.keys(three.json().errors)).toEqual(['peerIds']);
    expect((await open({ personId: person.id, peerIds: [] })).statusCode).toBe(400);
    expect(await rowsOf(person.id)).toEqual([]);
  });

  it('one ongoing accompaniment per person (409); another organisation’s person is 404', async () => {
    const person = await newPerson('Unique');
    expect((await open({ personId: person.id, peerIds: [peerWorker.user.id] })).statusCode).toBe(201);
    const second = await open({ personId: person.id, peerIds: [otherPeerWorker.id] });
    expect(second.statusCode).toBe(409);
    expect(second.json().errors).toEqual({ personId: ['Cette personne a déjà un accompagnement en cours.'] });
    const foreign = await buildPerson(db(), { firstName: 'Ailleurs' });
    expect((await open({ personId: foreign.id, peerIds: [peerWorker.user.id] })).statusCode).toBe(404);
  });

  it('only coordinators open (peer worker 403) and no price field exists anywhere', async () => {
    const person = await newPerson('Prix');
    expect((await send(peerWorker, 'POST', '/api/accompaniments', { personId: person.id, peerIds: [peerWorker.user.id] })).statusCode).toBe(403);
    const withPrice = await open({ personId: person.id, peerIds: [peerWorker.user.id], priceCents: 1000 });
    expect(withPrice.statusCode).toBe(400);
    expect(withPrice.json().errors).toEqual({ priceCents: ['Champ non autorisé.'] });
  });
});

describe('changing peers', () => {
  it('ends removed peers (history kept), adds new ones, moves person access, bumps the version; stale version → 409', async () => {
    const person = await newPerson('Relais');
    const opened = (await open({ personId: person.id, peerIds: [peerWorker.user.id, volunteer.id] })).json();
    const url = `/api/accompaniments/${opened.id}/peers`;
    expect((await send(coordinator, 'PATCH', url, { version: 1, peerIds: [volunteer.id] })).statusCode).toBe(400);
    t.clock.advance(60_000);
    const changed = await send(coordinator, 'PATCH', url, { version: 1, peerIds: [otherPeerWorker.id, volunteer.id] });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().version).toBe(2);
    const rows = await db().select().from(accompanimentPeers).where(eq(accompanimentPeers.accompanimentId, opened.id));
    const byUser = new Map(rows.map((row) => [row.userId, row]));
    expect(byUser.get(peerWorker.user.id)?.endedAt?.toISOString()).toBe(t.clock.now.toISOString());
    expect(byUser.get(otherPeerWorker.id)).toMatchObject({ endedAt: null, asVolunteer: false });
    expect(byUser.get(volunteer.id)?.endedAt).toBeNull();
    const referents = (await db().select().from(personReferents).where(eq(personReferents.personId, person.id))).map((row) => row.userId);
    expect(referents.sort()).toEqual([otherPeerWorker.id, volunteer.id].sort());

    expect((await send(coordinator, 'PATCH', url, { version: 1, peerIds: [peerWorker.user.id] })).statusCode).toBe(409);
    // A former peer comes back: assigned again, same row.
    const back = await send(coordinator, 'PATCH', url, { version: 2, peerIds: [peerWorker.user.id] });
    expect(back.statusCode).toBe(200);
    const current = back.json().peers.filter((peer: { endedAt: string | null }) => peer.endedAt === null).map((peer: { id: string }) => peer.id);
    expect(current).toEqual([peerWorker.user.id]);
    const inactive = await send(coordinator, 'PATCH', url, { version: 3, peerIds: [inactivePeer.id] });
    expect(inactive.statusCode).toBe(400);
    expect(inactive.json().errors.peerIds).toHaveLength(1);
    expect((await send(peerWorker, 'PATCH', url, { version: 3, peerIds: [peerWorker.user.id, otherPeerWorker.id] })).statusCode).toBe(403);
    const trail = await auditTrail(db(), organizationId);
    expect(trail.filter((row) => row.action === 'accompaniment.peers.updated' && row.resourceId === opened.id)).toHaveLength(2);
  });
});

describe('closing', () => {
  it('closes with a reason: status event, planned appointments cancelled, then no more changes (409); closing twice → 400', async () => {
    const person = await newPerson('Clôture');
    const opened = (await open({ personId: person.id, peerIds: [peerWorker.user.id, volunteer.id] })).json();
    const accompaniment = (await rowsOf(person.id))[0];
    if (!accompaniment) throw new Error('missing accompaniment');
    const future = await buildAppointment(db(), accompaniment, { startsAt: new Date(t.clock.now.getTime() + 86_400_000) });
    const url = `/api/accompaniments/${opened.id}/close`;

    const otherWithoutNote = await send(coordinator, 'POST', url, { version: 1, reason: 'other' });
    expect(otherWithoutNote.statusCode).toBe(400);
    expect(otherWithoutNote.json().errors).toEqual({ note: ['Précisez la raison de la clôture.'] });
    expect((await send(coordinator, 'POST', url, { version: 1, reason: 'bored' })).statusCode).toBe(400);
    expect((await send(coordinator, 'POST', url, { version: 5, reason: 'goals_reached' })).statusCode).toBe(409);

    t.clock.advance(10 * 60_000);
    const closed = await send(peerWorker, 'POST', url, { version: 1, reason: 'goals_reached', note: 'La personne se sent prête.' });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({
      status: 'closed',
      closingReason: 'goals_reached',
      closingNote: 'La personne se sent prête.',
      closedAt: t.clock.now.toISOString(),
      version: 2,
      policies: { work: false, assignPeers: false, close: false },
    });
    const events = await db().select().from(accompanimentStatusEvents).where(eq(accompanimentStatusEvents.accompanimentId, opened.id));
    expect(events.map((event) => [event.fromStatus, event.toStatus, event.reason])).toEqual([
      [null, 'active', null],
      ['active', 'closed', 'goals_reached'],
    ]);
    const [appointment] = await db().select().from(appointments).where(eq(appointments.id, future.id));
    expect(appointment?.status).toBe('cancelled');

    expect((await send(coordinator, 'POST', url, { version: 2, reason: 'goals_reached' })).statusCode).toBe(400);
    const lateGoal = await send(coordinator, 'POST', `/api/accompaniments/${opened.id}/goals`, { wording: 'Trop tard' });
    expect(lateGoal.statusCode).toBe(409);
    expect(lateGoal.json().errors).toEqual({ status: ['Cet accompagnement est clos : il ne peut plus être modifié.'] });
    expect((await send(coordinator, 'PATCH', `/api/accompaniments/${opened.id}/peers`, { version: 2, peerIds: [otherPeerWorker.id] })).statusCode).toBe(409);
    // A closed accompaniment no longer blocks a new one for the same person.
    expect((await open({ personId: person.id, peerIds: [peerWorker.user.id] })).statusCode).toBe(201);
    const trail = await auditTrail(db(), organizationId);
    expect(trail.some((row) => row.action === 'accompaniment.closed' && row.resourceId === opened.id && row.context.appointmentsCancelled === 1)).toBe(true);
  });

  it('a volunteer of the binôme may not close (403)', async () => {
    const volunteerSession = await signInAs(t, ['volunteer'], { organizationId });
    const person = await newPerson('Bénévole');
    const accompaniment = await buildAccompaniment(db(), {
      person,
      peers: [{ userId: peerWorker.user.id }, { userId: volunteerSession.user.id, asVolunteer: true }],
    });
    const response = await send(volunteerSession, 'POST', `/api/accompaniments/${accompaniment.id}/close`, { version: 1, reason: 'person_decided' });
    expect(response.statusCode).toBe(403);
    const [row] = await db().select().from(accompaniments).where(and(eq(accompaniments.id, accompaniment.id)));
    expect(row?.status).toBe('active');
  });
});
