import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { createTestUser, signIn, signInAs, type TestSession } from '../../../../tests/support/sessions';
import {
  auditTrail,
  buildAccompanimentRow,
  buildAppointmentRow,
  buildGoalRow,
  buildInterventionRow,
  buildNoteRow,
  buildOrganization,
  buildOutreachCaseRow,
  buildPersonAccountRow,
  buildPortalMessageRow,
  buildRecontactConsentRow,
  buildRecontactPreferencesRow,
  buildRightsRequestRow,
  type AccompanimentTableRow,
} from '../../../../tests/factories';
import { buildPerson, type PersonRow } from '../../../../tests/factories/persons';
import { buildRequest } from '../../../../tests/factories/requests';
import {
  accompanimentGoals,
  accompanimentNotes,
  accompaniments,
  appointments,
  interventions,
  mailOutbox,
  outreachAttempts,
  outreachCases,
  personAccounts,
  personConsents,
  personReferents,
  persons,
  portalMessages,
  recontactPreferences,
  rightsRequests,
  supportRequests,
  users,
} from '../../db/schema';

let t: TestApp;
let organizationId: string;
let coordinator: TestSession;
let peer: TestSession;
const db = () => t.deps.database.db;
const DAY = 24 * 3600_000;
const ago = (days: number) => new Date(t.clock.now.getTime() - days * DAY);

beforeAll(async () => {
  t = await createTestApp();
  organizationId = (await buildOrganization(db())).id;
  coordinator = await signInAs(t, ['coordinator'], { organizationId });
  peer = await signInAs(t, ['peer_worker'], { organizationId });
});
afterAll(async () => t.close());

const post = (session: TestSession, url: string, payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url, headers: session.headers, payload });

/** A person with something in every table anonymisation touches; their accompaniment is closed. */
async function fullRecord(): Promise<{ person: PersonRow; accompaniment: AccompanimentTableRow; personSession: TestSession }> {
  const person = await buildPerson(db(), {
    organizationId,
    firstName: 'Léonie',
    lastName: 'Effaçable',
    pseudonym: 'Léo',
    phone: '06 99 88 77 66',
    email: 'leonie@exemple.test',
    birthYear: 1987,
    departement: '84',
    communeInsee: '84007',
    communeName: 'Avignon',
    referentIds: [peer.user.id],
  });
  await db()
    .update(persons)
    .set({ structures: [{ type: 'cmp', name: 'CMP Avignon Nord' }], housing: 'supported_housing', employment: 'training', lastContactAt: ago(20) })
    .where(eq(persons.id, person.id));
  await buildRecontactConsentRow(db(), person, { scope: 'Appeler sa mère Josette au 04 90 00 00 00' });
  await buildRequest(db(), { person, hopes: 'Je m’appelle Léonie, j’ai besoin de parler.' });
  const accompaniment = await buildAccompanimentRow(db(), person, { status: 'closed', openedAt: ago(200), closedAt: ago(5), closingReason: 'person_decided', closingNote: 'Léonie déménage chez sa mère.', peerIds: [peer.user.id] });
  await buildGoalRow(db(), accompaniment, 'Retrouver un travail à la mairie d’Avignon');
  await buildInterventionRow(db(), accompaniment, { occurredAt: ago(100), durationMinutes: 45, type: 'phone', place: '12 rue des Lices', peerIds: [peer.user.id] });
  await buildInterventionRow(db(), accompaniment, { occurredAt: ago(50), durationMinutes: 120, type: 'appointment_accompaniment' });
  await buildNoteRow(db(), accompaniment, { authorId: peer.user.id, body: 'Léonie parle de sa sœur.', confidentiality: 'private' });
  await buildAppointmentRow(db(), accompaniment, { startsAt: ago(30), status: 'done', place: 'Chez Léonie' });
  const personUser = await createTestUser(t, { roles: ['person'], organizationId, name: 'Léonie Effaçable' });
  await buildPersonAccountRow(db(), person, personUser.id);
  await buildPortalMessageRow(db(), accompaniment, { authorId: personUser.id, body: 'Bonjour, c’est Léonie.' });
  const outreach = await buildOutreachCaseRow(db(), accompaniment, { status: 'person_declined', outcomeNote: 'Léonie ne veut plus.' });
  await db().insert(outreachAttempts).values({ organizationId, caseId: outreach.id, at: ago(10), channel: 'phone', result: 'declined', note: 'Parlé à Léonie.', byUserId: peer.user.id });
  await buildRecontactPreferencesRow(db(), person, { allowedChannels: ['phone'], preferredContactName: 'Josette (mère)' });
  await buildRightsRequestRow(db(), person, { type: 'erasure', identityCheck: 'Carte d’identité n° 123456' });
  await db().insert(mailOutbox).values({ organizationId, toAddress: 'leonie@exemple.test', subject: 'Votre demande', textBody: 'Bonjour Léonie', template: 'request.acknowledgement' });
  return { person, accompaniment, personSession: await signIn(t, personUser) };
}

const IDENTIFYING = ['Léonie', 'Effaçable', 'Léo"', '06 99 88 77 66', 'leonie@exemple.test', 'Josette', 'rue des Lices', 'CMP Avignon Nord', '123456', 'sœur'];

describe('POST /api/persons/:id/anonymise', () => {
  it('erases identity and every free text, keeps the rows, dates, types, durations and territory for statistics', async () => {
    const { person, accompaniment, personSession } = await fullRecord();
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: personSession.headers })).statusCode).toBe(200);
    const missingReason = await post(coordinator, `/api/persons/${person.id}/anonymise`, {});
    expect(missingReason.statusCode).toBe(400);
    expect(missingReason.json().errors.reason).toBeDefined();

    const response = await post(coordinator, `/api/persons/${person.id}/anonymise`, { reason: 'Demande d’effacement (article 17) du 20 novembre' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      personId: person.id,
      anonymisedAt: t.clock.now.toISOString(),
      erased: { notes: 1, goals: 1, messages: 1, requests: 1, consents: 1, outreachCases: 1, outreachAttempts: 1, recontactPreferences: 1, referents: 1, accounts: 1, mails: 1 },
    });

    const [row] = await db().select().from(persons).where(eq(persons.id, person.id));
    expect(row).toMatchObject({
      firstName: null,
      lastName: null,
      pseudonym: 'Personne anonymisée',
      phone: null,
      email: null,
      birthYear: 1985,
      departement: '84',
      communeInsee: '84007',
      housing: 'supported_housing',
      employment: 'training',
      structures: [{ type: 'cmp', name: 'Nom effacé' }],
      anonymisedAt: t.clock.now,
      anonymisationReason: 'Demande d’effacement (article 17) du 20 novembre',
      version: 2,
    });
    // Statistics: every row is still there with its date, type and duration.
    const kept = await db().select().from(interventions).where(eq(interventions.personId, person.id));
    expect(kept.map((intervention) => [intervention.type, intervention.durationMinutes, intervention.place]).sort()).toEqual([
      ['appointment_accompaniment', 120, null],
      ['phone', 45, null],
    ]);
    expect(await db().select().from(accompanimentNotes).where(eq(accompanimentNotes.personId, person.id))).toEqual([
      expect.objectContaining({ body: '[Contenu effacé lors de l’anonymisation]', confidentiality: 'private' }),
    ]);
    expect((await db().select().from(accompanimentGoals).where(eq(accompanimentGoals.accompanimentId, accompaniment.id)))[0]?.wording).toBe('[Contenu effacé lors de l’anonymisation]');
    expect((await db().select().from(appointments).where(eq(appointments.personId, person.id)))[0]).toMatchObject({ status: 'done', place: null });
    expect((await db().select().from(portalMessages).where(eq(portalMessages.personId, person.id)))[0]?.body).toBe('[Contenu effacé lors de l’anonymisation]');
    expect((await db().select().from(supportRequests).where(eq(supportRequests.personId, person.id)))[0]).toMatchObject({ hopes: null, source: 'public_form', urgency: 'standard' });
    expect((await db().select().from(personConsents).where(eq(personConsents.personId, person.id)))[0]).toMatchObject({ purpose: 'recontact', scope: null });
    expect((await db().select().from(outreachCases).where(eq(outreachCases.personId, person.id)))[0]).toMatchObject({ status: 'person_declined', outcomeNote: null, signal: 'no_contact' });
    expect(await db().select().from(recontactPreferences).where(eq(recontactPreferences.personId, person.id))).toEqual([]);
    expect((await db().select().from(rightsRequests).where(eq(rightsRequests.personId, person.id)))[0]).toMatchObject({ type: 'erasure', identityCheck: null });
    expect(await db().select().from(personReferents).where(eq(personReferents.personId, person.id))).toEqual([]);
    expect(await db().select().from(personAccounts).where(eq(personAccounts.personId, person.id))).toEqual([]);
    expect(await db().select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'leonie@exemple.test'))).toEqual([]);
    const [account] = await db().select().from(users).where(eq(users.id, personSession.user.id));
    expect(account).toMatchObject({ active: false, name: 'Personne anonymisée' });
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: personSession.headers })).statusCode).toBe(401);

    // Nothing left that names the person, anywhere in what Passerelle would give out.
    const exported = (await t.app.inject({ method: 'GET', url: `/api/persons/${person.id}/export.json`, headers: coordinator.headers })).body;
    for (const fragment of IDENTIFYING) expect(exported).not.toContain(fragment);
    const trail = await auditTrail(db(), organizationId);
    const entry = trail.find((event) => event.action === 'person.anonymised');
    expect(entry).toMatchObject({ actorUserId: coordinator.user.id, resourceId: person.id });
    for (const fragment of IDENTIFYING) expect(JSON.stringify(entry)).not.toContain(fragment);
  });

  it('takes the person out of search results by name; the record reads "Personne anonymisée"', async () => {
    const { person } = await fullRecord();
    const search = (text: string) => t.app.inject({ method: 'GET', url: `/api/persons?search=${encodeURIComponent(text)}`, headers: coordinator.headers }).then((response) => response.json());
    expect((await search('Effaçable')).items.map((item: { id: string }) => item.id)).toContain(person.id);
    await post(coordinator, `/api/persons/${person.id}/anonymise`, { reason: 'Fin de la durée de conservation' });
    expect((await search('Effaçable')).items.map((item: { id: string }) => item.id)).not.toContain(person.id);
    expect((await search('Léonie')).items.map((item: { id: string }) => item.id)).not.toContain(person.id);
    const detail = (await t.app.inject({ method: 'GET', url: `/api/persons/${person.id}`, headers: coordinator.headers })).json();
    expect(detail).toMatchObject({ displayName: 'Personne anonymisée', firstName: null, lastName: null, phone: null });
  });

  it('is refused while an accompaniment is open, and a second time', async () => {
    const person = await buildPerson(db(), { organizationId, firstName: 'Encore', lastName: 'Suivie' });
    const accompaniment = await buildAccompanimentRow(db(), person, { status: 'outreach_in_progress' });
    const refused = await post(coordinator, `/api/persons/${person.id}/anonymise`, { reason: 'Demande de la personne' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors.person).toEqual(['Cette personne a un accompagnement en cours : clôturez-le avant d’anonymiser sa fiche.']);
    expect((await db().select().from(persons).where(eq(persons.id, person.id)))[0]?.firstName).toBe('Encore');
    await db().update(accompaniments).set({ status: 'closed' }).where(eq(accompaniments.id, accompaniment.id));
    expect((await post(coordinator, `/api/persons/${person.id}/anonymise`, { reason: 'Demande de la personne' })).statusCode).toBe(200);
    const again = await post(coordinator, `/api/persons/${person.id}/anonymise`, { reason: 'Demande de la personne' });
    expect(again.statusCode).toBe(400);
    expect(again.json().errors.person).toEqual(['Cette fiche est déjà anonymisée.']);
  });

  it('is atomic: a failure at the last step leaves every table as it was', async () => {
    const { person, accompaniment } = await fullRecord();
    // The person row is written last: make that write fail, after every other erasure ran.
    await t.deps.database.exec(`
      create function refuse_anonymisation() returns trigger language plpgsql as $$
      begin raise exception 'injected failure'; end $$;
      create trigger refuse_anonymisation before update on persons
        for each row when (new.anonymised_at is not null and old.id = '${person.id}') execute function refuse_anonymisation();
    `);
    try {
      const failed = await post(coordinator, `/api/persons/${person.id}/anonymise`, { reason: 'Demande de la personne' });
      expect(failed.statusCode).toBe(500);
    } finally {
      await t.deps.database.exec('drop trigger refuse_anonymisation on persons; drop function refuse_anonymisation();');
    }
    expect((await db().select().from(persons).where(eq(persons.id, person.id)))[0]).toMatchObject({ firstName: 'Léonie', anonymisedAt: null, version: 1 });
    expect((await db().select().from(accompanimentNotes).where(eq(accompanimentNotes.personId, person.id)))[0]?.body).toBe('Léonie parle de sa sœur.');
    expect((await db().select().from(accompanimentGoals).where(eq(accompanimentGoals.accompanimentId, accompaniment.id)))[0]?.wording).toContain('mairie');
    expect(await db().select().from(personReferents).where(eq(personReferents.personId, person.id))).toHaveLength(1);
    expect(await db().select().from(personAccounts).where(eq(personAccounts.personId, person.id))).toHaveLength(1);
    expect(await db().select().from(recontactPreferences).where(eq(recontactPreferences.personId, person.id))).toHaveLength(1);
    expect((await auditTrail(db(), organizationId)).filter((event) => event.action === 'person.anonymised' && event.resourceId === person.id)).toEqual([]);
  });
});
