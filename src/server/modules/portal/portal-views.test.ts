import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTrail } from '../../../../tests/factories';
import { buildPerson, type PersonRow } from '../../../../tests/factories/persons';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { signInAs, type TestSession } from '../../../../tests/support/sessions';
import type { Role } from '../../platform/access/actor';
import {
  buildAccompaniment,
  buildAppointment,
  buildGoal,
  buildNote,
  portalWorld,
  signInAsPerson,
  type AccompanimentRow,
} from './testing/fixtures';

let t: TestApp;
let world: Awaited<ReturnType<typeof portalWorld>>;
let lucas: TestSession;
let ongoing: AccompanimentRow;
let closed: AccompanimentRow;
let otherPerson: PersonRow;
let othersAccompaniment: AccompanimentRow;
const day = 24 * 3600 * 1000;

beforeAll(async () => {
  t = await createTestApp();
  world = await portalWorld(t);
  const { db, person, referent, otherPeer, volunteer, coordinator } = world;
  // Ongoing: Sophie (salaried) and Julien (volunteer); Marc left it. Closed, older: Marc.
  ongoing = await buildAccompaniment(db, person, { peerIds: [referent.user.id, volunteer.user.id], endedPeerIds: [otherPeer.user.id], openedAt: new Date('2026-09-01T08:00:00Z') });
  closed = await buildAccompaniment(db, person, { status: 'closed', endedPeerIds: [otherPeer.user.id], openedAt: new Date('2025-03-01T08:00:00Z') });
  await buildGoal(db, ongoing, 'Retrouver un rythme de sommeil');
  await buildGoal(db, ongoing, 'Reprendre contact avec ma sœur');
  await buildNote(db, ongoing, { authorId: referent.user.id, confidentiality: 'shared_with_person', body: 'Nous avons parlé de la reprise du sport.', writtenAt: new Date('2026-11-10T10:00:00Z') });
  await buildNote(db, closed, { authorId: otherPeer.user.id, confidentiality: 'shared_with_person', body: 'Bilan de fin d’accompagnement.', writtenAt: new Date('2025-09-30T10:00:00Z') });
  await buildNote(db, ongoing, { authorId: referent.user.id, confidentiality: 'team', body: 'Note d’équipe : point en réunion.' });
  await buildNote(db, ongoing, { authorId: coordinator.user.id, confidentiality: 'private', body: 'Note privée du coordinateur.' });
  const now = t.clock.now.getTime();
  await buildAppointment(db, ongoing, { startsAt: new Date(now + 2 * day), place: 'Café associatif' });
  await buildAppointment(db, ongoing, { startsAt: new Date(now + 1 * day) });
  await buildAppointment(db, ongoing, { startsAt: new Date(now + 3 * day), status: 'cancelled' });
  await buildAppointment(db, ongoing, { startsAt: new Date(now - 1 * day) });

  otherPerson = await buildPerson(db, { organizationId: world.organizationId, firstName: 'Autre', email: 'autre@exemple.test' });
  othersAccompaniment = await buildAccompaniment(db, otherPerson, { peerIds: [referent.user.id] });
  await buildNote(db, othersAccompaniment, { authorId: referent.user.id, confidentiality: 'shared_with_person', body: 'Note partagée avec une autre personne.' });
  await buildAppointment(db, othersAccompaniment, { startsAt: new Date(now + day / 2) });
  await signInAsPerson(t, otherPerson);

  lucas = await signInAsPerson(t, person);
});
afterAll(async () => t.close());

const get = (session: TestSession, url: string) => t.app.inject({ method: 'GET', url, headers: session.headers });

describe('the portal home', () => {
  it('shows the person’s accompaniments (ongoing first), their peers’ first names and their goals in their words', async () => {
    const response = await get(lucas, '/api/portal/home');
    expect(response.statusCode).toBe(200);
    const home = response.json();
    expect(home.person).toEqual({ firstName: 'Lucas' });
    expect(home.accompaniments.map((item: { id: string }) => item.id)).toEqual([ongoing.id, closed.id]);
    expect(home.accompaniments[0]).toMatchObject({
      status: 'active',
      peers: [{ firstName: 'Julien' }, { firstName: 'Sophie' }].sort((a, b) => a.firstName.localeCompare(b.firstName)),
      goals: [{ wording: 'Retrouver un rythme de sommeil', status: 'open' }, { wording: 'Reprendre contact avec ma sœur', status: 'open' }],
      unreadMessages: 0,
      canWrite: true,
    });
    // A closed accompaniment keeps the names of the peers it had.
    expect(home.accompaniments[1]).toMatchObject({ status: 'closed', peers: [{ firstName: 'Marc' }], canWrite: false });
    expect(JSON.stringify(home)).not.toContain('Aubert');
  });

  it('lists the next planned appointments only, soonest first, never another person’s', async () => {
    const { nextAppointments } = (await get(lucas, '/api/portal/home')).json();
    expect(nextAppointments).toHaveLength(2);
    expect(nextAppointments[0].startsAt).toBe(new Date(t.clock.now.getTime() + day).toISOString());
    expect(nextAppointments[1]).toMatchObject({ place: 'Café associatif', accompanimentId: ongoing.id });
  });

  it('audits each read with the person as actor, apart from the record’s "person" entries', async () => {
    await get(lucas, '/api/portal/home');
    const entry = (await auditTrail(world.db, world.organizationId)).findLast((row) => row.action === 'portal.home.read');
    expect(entry).toMatchObject({ actorUserId: lucas.user.id, resourceType: 'person_portal', resourceId: world.person.id, context: { accompaniments: 2, appointments: 2 } });
  });
});

describe('shared notes', () => {
  it('shows only the notes shared with the person, newest first: never team or private notes, never another person’s', async () => {
    const response = await get(lucas, '/api/portal/notes');
    expect(response.statusCode).toBe(200);
    const page = response.json();
    expect(page.total).toBe(2);
    expect(page.items.map((note: { body: string }) => note.body)).toEqual(['Nous avons parlé de la reprise du sport.', 'Bilan de fin d’accompagnement.']);
    expect(page.items[0]).toMatchObject({ authorFirstName: 'Sophie', accompanimentId: ongoing.id });
    const text = JSON.stringify(page);
    expect(text).not.toContain('équipe');
    expect(text).not.toContain('privée');
    expect(text).not.toContain('autre personne');
    const entry = (await auditTrail(world.db, world.organizationId)).findLast((row) => row.action === 'portal.notes.read');
    expect(entry).toMatchObject({ actorUserId: lucas.user.id, resourceId: world.person.id, context: { results: 2, total: 2 } });
  });

  it('pages', async () => {
    const page = (await get(lucas, '/api/portal/notes?page=2&pageSize=1')).json();
    expect(page).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(page.items[0].body).toBe('Bilan de fin d’accompagnement.');
  });
});

describe('only one’s own record', () => {
  it('another person’s accompaniment does not exist for the person (404), whatever the route', async () => {
    expect((await get(lucas, `/api/portal/accompaniments/${othersAccompaniment.id}/messages`)).statusCode).toBe(404);
    const post = await t.app.inject({ method: 'POST', url: `/api/portal/accompaniments/${othersAccompaniment.id}/messages`, headers: lucas.headers, payload: { body: 'Bonjour' } });
    expect(post.statusCode).toBe(404);
    // Nor do the staff routes open to a person.
    expect((await get(lucas, `/api/accompaniments/${ongoing.id}/portal-messages`)).statusCode).toBe(403);
    expect((await get(lucas, `/api/persons/${world.person.id}/portal-account`)).statusCode).toBe(404);
    expect((await get(lucas, `/api/persons/${otherPerson.id}`)).statusCode).toBe(404);
  });

  it('the portal is for persons only: staff roles are refused (403)', async () => {
    const roles: Role[] = ['coordinator', 'peer_worker', 'volunteer', 'admin', 'trainer', 'funder_viewer', 'partner_contact', 'supervisor'];
    for (const role of roles) {
      const session = await signInAs(t, [role], { organizationId: world.organizationId });
      for (const url of ['/api/portal/home', '/api/portal/notes', '/api/portal/readers', '/api/portal/export', `/api/portal/accompaniments/${ongoing.id}/messages`]) {
        expect((await get(session, url)).statusCode, `${role} ${url}`).toBe(403);
      }
    }
  });

  it('a person account linked to no record finds nothing (404)', async () => {
    const unlinked = await signInAs(t, ['person'], { organizationId: world.organizationId });
    expect((await get(unlinked, '/api/portal/home')).statusCode).toBe(404);
    expect((await get(unlinked, '/api/portal/notes')).statusCode).toBe(404);
  });
});
