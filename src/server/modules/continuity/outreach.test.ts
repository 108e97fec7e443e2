import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { signInAs, type TestSession } from '../../../../tests/support/sessions';
import {
  auditTrail,
  buildAccompanimentRow,
  buildAppointmentRow,
  buildOrganization,
  buildOutreachCaseRow,
  buildRecontactConsentRow,
  buildRecontactPreferencesRow,
} from '../../../../tests/factories';
import { buildPerson } from '../../../../tests/factories/persons';
import { accompaniments, accompanimentStatusEvents, outreachAttempts, outreachCases, persons } from '../../db/schema';
import { detectRuptures } from './rupture-detection';

let t: TestApp;
let organizationId: string;
let coordinator: TestSession;
let peer: TestSession;
let otherPeer: TestSession;
const db = () => t.deps.database.db;
const DAY = 24 * 3600_000;

beforeAll(async () => {
  t = await createTestApp();
  organizationId = (await buildOrganization(db())).id;
  coordinator = await signInAs(t, ['coordinator'], { organizationId });
  peer = await signInAs(t, ['peer_worker'], { organizationId });
  otherPeer = await signInAs(t, ['peer_worker'], { organizationId });
});
afterAll(async () => t.close());

const call = (session: TestSession, method: 'GET' | 'POST' | 'PUT', url: string, payload?: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { ...session.headers, ...headers }, ...(payload ? { payload } : {}) });

type Setup = {
  allowedChannels?: string[];
  preferredContactName?: string | null;
  wishes?: string | null;
  doNotContact?: boolean;
  consent?: 'given' | 'withdrawn' | 'none';
  preferences?: boolean;
};

/** A person followed by `peer`, their accompaniment under suspicion of rupture and its open case. */
async function flaggedCase(setup: Setup = {}) {
  const person = await buildPerson(db(), { organizationId, firstName: 'Inès', lastName: 'Secrète', pseudonym: 'Nina', departement: '83', communeInsee: '83137', communeName: 'Toulon' });
  const accompaniment = await buildAccompanimentRow(db(), person, {
    status: 'rupture_suspected',
    openedAt: new Date(t.clock.now.getTime() - 120 * DAY),
    lastContactAt: new Date(t.clock.now.getTime() - 45 * DAY),
    peerIds: [peer.user.id],
  });
  const outreachCase = await buildOutreachCaseRow(db(), accompaniment, { flaggedAt: new Date(t.clock.now.getTime() - 3 * DAY) });
  if ((setup.consent ?? 'given') !== 'none') {
    await buildRecontactConsentRow(db(), person, { withdrawnAt: setup.consent === 'withdrawn' ? new Date(t.clock.now.getTime() - DAY) : null });
  }
  if (setup.preferences ?? true) {
    await buildRecontactPreferencesRow(db(), person, {
      allowedChannels: setup.allowedChannels ?? ['phone', 'sms', 'through_relative'],
      preferredContactName: setup.preferredContactName === undefined ? 'Sa sœur Amel' : setup.preferredContactName,
      wishes: setup.wishes ?? 'Plutôt le matin, pas de message vocal.',
      doNotContact: setup.doNotContact ?? false,
    });
  }
  return { person, accompaniment, outreachCase };
}

const accompanimentOf = async (id: string) => (await db().select().from(accompaniments).where(eq(accompaniments.id, id)))[0];
const eventsOf = (id: string) => db().select().from(accompanimentStatusEvents).where(eq(accompanimentStatusEvents.accompanimentId, id));

describe('outreach queue', () => {
  it('shows each open case with its age, signal, first name or pseudonym, territory and the person’s wishes up front', async () => {
    const { person, outreachCase } = await flaggedCase();
    const response = await call(coordinator, 'GET', '/api/outreach/cases');
    expect(response.statusCode).toBe(200);
    const item = response.json().items.find((entry: { id: string }) => entry.id === outreachCase.id);
    expect(item).toMatchObject({
      person: { id: person.id, firstName: 'Inès', pseudonym: 'Nina' },
      territory: { departement: '83', communeInsee: '83137', communeName: 'Toulon' },
      signal: 'no_contact',
      ageDays: 3,
      status: 'open',
      accompanimentStatus: 'rupture_suspected',
      attemptCount: 0,
      maxAttempts: 5,
      recontactConsent: true,
      preferences: { allowedChannels: ['phone', 'sms', 'through_relative'], preferredContactName: 'Sa sœur Amel', wishes: 'Plutôt le matin, pas de message vocal.', doNotContact: false },
      peers: [{ id: peer.user.id, name: 'Camille Test' }],
      policies: { logAttempt: true, close: true, closeWithAnyOutcome: true },
    });
    // A queue names the person by first name or pseudonym only.
    expect(JSON.stringify(item)).not.toContain('Secrète');
    expect(item.suggestions.map((suggestion: { code: string; channel: string | null }) => [suggestion.code, suggestion.channel])).toEqual([
      ['contact_on_channel', 'phone'],
      ['contact_on_channel', 'sms'],
      ['contact_through_named_person', 'through_relative'],
    ]);
    expect(item.suggestions[2].label).toContain('Sa sœur Amel');
    const trail = await auditTrail(db(), organizationId);
    expect(trail.at(-1)).toMatchObject({ action: 'outreach.queue.listed', actorUserId: coordinator.user.id });
  });

  it('shows a peer worker only the cases of accompaniments they follow', async () => {
    const { outreachCase } = await flaggedCase();
    const mine = (await call(peer, 'GET', '/api/outreach/cases')).json();
    expect(mine.items.map((entry: { id: string }) => entry.id)).toContain(outreachCase.id);
    expect(mine.items.find((entry: { id: string }) => entry.id === outreachCase.id).policies).toEqual({ logAttempt: true, close: true, closeWithAnyOutcome: false });
    const theirs = (await call(otherPeer, 'GET', '/api/outreach/cases')).json();
    expect(theirs.items).toEqual([]);
    expect((await call(otherPeer, 'GET', `/api/outreach/cases/${outreachCase.id}`)).statusCode).toBe(404);
  });

  it('suggests nothing at all when the person asked not to be contacted, and refuses every attempt', async () => {
    const { outreachCase, accompaniment } = await flaggedCase({ doNotContact: true });
    const detail = (await call(coordinator, 'GET', `/api/outreach/cases/${outreachCase.id}`)).json();
    expect(detail.preferences.doNotContact).toBe(true);
    expect(detail.suggestions).toEqual([]);
    expect(detail.policies.logAttempt).toBe(false);
    const attempt = await call(coordinator, 'POST', `/api/outreach/cases/${outreachCase.id}/attempts`, { channel: 'phone', result: 'no_answer' });
    expect(attempt.statusCode).toBe(400);
    expect(attempt.json().errors.channel).toEqual(['La personne a demandé à ne pas être recontactée : aucune démarche n’est possible, son souhait est respecté.']);
    expect(await db().select().from(outreachAttempts).where(eq(outreachAttempts.caseId, outreachCase.id))).toEqual([]);
    expect((await accompanimentOf(accompaniment.id))?.status).toBe('rupture_suspected');
  });

  it('refuses a channel the person did not allow, in plain French (English on request)', async () => {
    const { outreachCase } = await flaggedCase({ allowedChannels: ['sms'] });
    const refused = await call(peer, 'POST', `/api/outreach/cases/${outreachCase.id}/attempts`, { channel: 'home_visit', result: 'no_answer' });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().errors).toEqual({ channel: ['La personne n’a pas autorisé ce moyen de contact. Choisissez un des moyens qu’elle a acceptés.'] });
    const english = await call(peer, 'POST', `/api/outreach/cases/${outreachCase.id}/attempts`, { channel: 'phone', result: 'no_answer' }, { 'accept-language': 'en' });
    expect(english.json().errors.channel).toEqual(['The person did not allow this way of contacting them. Choose one they accepted.']);
    const unknown = await call(peer, 'POST', `/api/outreach/cases/${outreachCase.id}/attempts`, { channel: 'pigeon', result: 'no_answer' });
    expect(unknown.statusCode).toBe(400);
  });

  it('refuses attempts and only suggests checking when the consent to be re-contacted was withdrawn', async () => {
    const { outreachCase } = await flaggedCase({ consent: 'withdrawn' });
    const detail = (await call(coordinator, 'GET', `/api/outreach/cases/${outreachCase.id}`)).json();
    expect(detail.recontactConsent).toBe(false);
    expect(detail.suggestions.map((suggestion: { code: string }) => suggestion.code)).toEqual(['check_preferences']);
    const attempt = await call(coordinator, 'POST', `/api/outreach/cases/${outreachCase.id}/attempts`, { channel: 'phone', result: 'no_answer' });
    expect(attempt.json().errors.channel[0]).toContain('accord pour être recontactée');
  });

  it('logs attempts; the first moves the accompaniment to outreach_in_progress once', async () => {
    const { outreachCase, accompaniment } = await flaggedCase();
    const first = await call(peer, 'POST', `/api/outreach/cases/${outreachCase.id}/attempts`, { channel: 'phone', result: 'no_answer', note: 'Messagerie pleine.' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ attemptCount: 1, accompanimentStatus: 'outreach_in_progress', version: 2 });
    expect(first.json().attempts).toEqual([
      { id: expect.any(String), at: t.clock.now.toISOString(), channel: 'phone', result: 'no_answer', note: 'Messagerie pleine.', by: { id: peer.user.id, name: 'Camille Test' } },
    ]);
    t.clock.advance(3600_000);
    const second = await call(peer, 'POST', `/api/outreach/cases/${outreachCase.id}/attempts`, { channel: 'sms', result: 'message_left' });
    expect(second.json()).toMatchObject({ attemptCount: 2, lastAttempt: { channel: 'sms', result: 'message_left' } });
    const moves = (await eventsOf(accompaniment.id)).filter((event) => event.toStatus === 'outreach_in_progress');
    expect(moves).toHaveLength(1);
    expect(moves[0]).toMatchObject({ fromStatus: 'rupture_suspected', byUserId: peer.user.id });
    const trail = await auditTrail(db(), organizationId);
    const logged = trail.filter((entry) => entry.action === 'outreach.attempt.logged' && entry.resourceId === outreachCase.id);
    expect(logged.map((entry) => entry.context.attemptNumber)).toEqual([1, 2]);
    expect(JSON.stringify(logged)).not.toContain('Messagerie');
  });

  it('after the last attempt suggests the "porte ouverte" letter and closing; a wrong number rules phone and SMS out', async () => {
    await call(coordinator, 'PUT', '/api/continuity/settings', { noContactDays: 30, missedAppointmentsInARow: 2, maxOutreachAttempts: 2, version: 0 });
    const { outreachCase } = await flaggedCase({ allowedChannels: ['phone', 'sms', 'letter', 'email'] });
    await call(coordinator, 'POST', `/api/outreach/cases/${outreachCase.id}/attempts`, { channel: 'phone', result: 'wrong_number' });
    const afterOne = (await call(coordinator, 'GET', `/api/outreach/cases/${outreachCase.id}`)).json();
    expect(afterOne.suggestions.map((suggestion: { channel: string | null }) => suggestion.channel)).toEqual(['email', 'letter']);
    await call(coordinator, 'POST', `/api/outreach/cases/${outreachCase.id}/attempts`, { channel: 'email', result: 'no_answer' });
    const afterMax = (await call(coordinator, 'GET', `/api/outreach/cases/${outreachCase.id}`)).json();
    expect(afterMax.suggestions.map((suggestion: { code: string }) => suggestion.code)).toEqual(['open_door_letter', 'close_unreachable']);
    expect(afterMax.suggestions[0].label).toContain('porte ouverte');
    const settings = (await call(coordinator, 'GET', '/api/continuity/settings')).json();
    await call(coordinator, 'PUT', '/api/continuity/settings', { ...settings, maxOutreachAttempts: 5 });
  });
});

describe('closing a case', () => {
  it('contact re-established: the accompaniment resumes (active, last contact now) and the old signals no longer count', async () => {
    const { outreachCase, accompaniment, person } = await flaggedCase();
    await buildAppointmentRow(db(), accompaniment, { startsAt: new Date(t.clock.now.getTime() - 20 * DAY), status: 'missed' });
    await buildAppointmentRow(db(), accompaniment, { startsAt: new Date(t.clock.now.getTime() - 10 * DAY), status: 'missed' });
    await call(peer, 'POST', `/api/outreach/cases/${outreachCase.id}/attempts`, { channel: 'phone', result: 'reached' });
    const detail = (await call(peer, 'GET', `/api/outreach/cases/${outreachCase.id}`)).json();
    expect(detail.suggestions.map((suggestion: { code: string }) => suggestion.code)).toEqual(['close_contact_reestablished']);
    const closed = await call(peer, 'POST', `/api/outreach/cases/${outreachCase.id}/close`, { outcome: 'contact_reestablished', note: 'Rappel convenu.', version: detail.version });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'contact_reestablished', accompanimentStatus: 'active', outcomeNote: 'Rappel convenu.', closedBy: { id: peer.user.id }, suggestions: [] });
    const resumed = await accompanimentOf(accompaniment.id);
    expect(resumed).toMatchObject({ status: 'active', lastContactAt: t.clock.now });
    const [personRow] = await db().select().from(persons).where(eq(persons.id, person.id));
    expect(personRow?.lastContactAt).toEqual(t.clock.now);
    expect((await eventsOf(accompaniment.id)).at(-1)).toMatchObject({ fromStatus: 'outreach_in_progress', toStatus: 'active', reason: 'contact_reestablished' });
    await detectRuptures(db(), t.clock.now);
    expect((await accompanimentOf(accompaniment.id))?.status).toBe('active');
  });

  it('unreachable, transferred, deceased, declined close the accompaniment with the matching reason; coordinators only', async () => {
    const expected = { unreachable: 'unreachable', transferred: 'transferred', deceased: 'deceased', person_declined: 'person_decided' } as const;
    for (const [outcome, closingReason] of Object.entries(expected)) {
      const { outreachCase, accompaniment } = await flaggedCase();
      const byPeer = await call(peer, 'POST', `/api/outreach/cases/${outreachCase.id}/close`, { outcome, version: 1 });
      expect(byPeer.statusCode).toBe(403);
      const stale = await call(coordinator, 'POST', `/api/outreach/cases/${outreachCase.id}/close`, { outcome, version: 7 });
      expect(stale.statusCode).toBe(409);
      const closed = await call(coordinator, 'POST', `/api/outreach/cases/${outreachCase.id}/close`, { outcome, version: 1 });
      expect(closed.statusCode).toBe(200);
      expect(closed.json()).toMatchObject({ status: outcome, accompanimentStatus: 'closed' });
      expect(await accompanimentOf(accompaniment.id)).toMatchObject({ status: 'closed', closingReason, closedAt: t.clock.now });
      const again = await call(coordinator, 'POST', `/api/outreach/cases/${outreachCase.id}/close`, { outcome, version: 2 });
      expect(again.statusCode).toBe(400);
      expect(again.json().errors.case).toEqual(['Cette situation de reprise de contact est déjà close.']);
      const attempt = await call(coordinator, 'POST', `/api/outreach/cases/${outreachCase.id}/attempts`, { channel: 'phone', result: 'no_answer' });
      expect(attempt.statusCode).toBe(400);
    }
    const closedQueue = (await call(coordinator, 'GET', '/api/outreach/cases?status=deceased')).json();
    expect(closedQueue.total).toBe(1);
    const [row] = await db().select().from(outreachCases).where(eq(outreachCases.status, 'deceased'));
    expect(row?.closedBy).toBe(coordinator.user.id);
  });
});

describe('re-contact preferences', () => {
  it('are read and recorded by a referent peer or a coordinator, with a version (409 when stale)', async () => {
    const person = await buildPerson(db(), { organizationId, referentIds: [peer.user.id] });
    const url = `/api/persons/${person.id}/recontact-preferences`;
    const empty = await call(peer, 'GET', url);
    expect(empty.json()).toEqual({ personId: person.id, allowedChannels: [], preferredContactName: null, wishes: null, doNotContact: false, recordedAt: null, recordedBy: null, version: 0 });
    const saved = await call(peer, 'PUT', url, { allowedChannels: ['phone', 'letter', 'phone'], wishes: 'Appeler après 10 h.', doNotContact: false, version: 0 });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ allowedChannels: ['phone', 'letter'], wishes: 'Appeler après 10 h.', version: 1, recordedBy: { id: peer.user.id }, recordedAt: t.clock.now.toISOString() });
    expect((await call(coordinator, 'PUT', url, { allowedChannels: [], doNotContact: true, version: 0 })).statusCode).toBe(409);
    const doNotContact = await call(coordinator, 'PUT', url, { allowedChannels: [], doNotContact: true, version: 1 });
    expect(doNotContact.json()).toMatchObject({ doNotContact: true, version: 2 });
    expect((await call(otherPeer, 'GET', url)).statusCode).toBe(404);
    const trail = (await auditTrail(db(), organizationId)).filter((entry) => entry.resourceId === person.id);
    expect(trail.map((entry) => entry.action)).toEqual(['person.recontact_preferences.read', 'person.recontact_preferences.updated', 'person.recontact_preferences.updated']);
    expect(JSON.stringify(trail)).not.toContain('10 h');
  });

  it('need the name of the partner or relative when contact may go through them', async () => {
    const person = await buildPerson(db(), { organizationId });
    const response = await call(coordinator, 'PUT', `/api/persons/${person.id}/recontact-preferences`, { allowedChannels: ['through_partner'], doNotContact: false, version: 0 });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.preferredContactName[0]).toContain('partenaire ou le proche');
  });
});

describe('continuity settings', () => {
  it('start on the defaults (version 0) and are saved with a version', async () => {
    const admin = await signInAs(t, ['admin'], { organizationId: (await buildOrganization(db())).id });
    expect((await call(admin, 'GET', '/api/continuity/settings')).json()).toEqual({ noContactDays: 30, missedAppointmentsInARow: 2, maxOutreachAttempts: 5, version: 0 });
    const saved = await call(admin, 'PUT', '/api/continuity/settings', { noContactDays: 45, missedAppointmentsInARow: 3, maxOutreachAttempts: 4, version: 0 });
    expect(saved.json()).toEqual({ noContactDays: 45, missedAppointmentsInARow: 3, maxOutreachAttempts: 4, version: 1 });
    expect((await call(admin, 'PUT', '/api/continuity/settings', { noContactDays: 45, missedAppointmentsInARow: 3, maxOutreachAttempts: 4, version: 0 })).statusCode).toBe(409);
    const invalid = await call(admin, 'PUT', '/api/continuity/settings', { noContactDays: 0, missedAppointmentsInARow: 3, maxOutreachAttempts: 4, version: 1 });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors.noContactDays).toBeDefined();
  });
});
