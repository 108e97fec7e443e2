import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { signInAs, type TestSession } from '../../../../tests/support/sessions';
import { auditTrail, buildOrganization, buildPeerWorker, buildUser } from '../../../../tests/factories';
import { buildConsent, buildPerson } from '../../../../tests/factories/persons';
import { buildRequest } from '../../../../tests/factories/requests';
import { persons, supportRequests } from '../../db/schema';

let t: TestApp;
let organizationId: string;
let coordinator: TestSession;
beforeAll(async () => {
  t = await createTestApp();
  organizationId = (await buildOrganization(db())).id;
  coordinator = await signInAs(t, ['coordinator'], { organizationId });
});
afterAll(async () => t.close());

const db = () => t.deps.database.db;
const send = (session: TestSession, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: Record<string, unknown>) =>
  t.app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });
const valid = { firstName: 'Noémie', lastName: 'Fictive', birthYear: 1985, departement: '84', communeInsee: '84007', communeName: 'Avignon' };

describe('POST /api/persons', () => {
  it('creates a record, audits it without personal data, and answers 409 with candidates for a look-alike', async () => {
    const created = await send(coordinator, 'POST', '/api/persons', { ...valid, phone: '06 00 00 00 01', structures: [{ type: 'cmp', name: 'CMP Avignon Nord' }] });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({ displayName: 'Noémie Fictive', departement: '84', version: 1, consents: [], policies: { update: true } });

    const lookAlike = await send(coordinator, 'POST', '/api/persons', { ...valid, firstName: 'NOEMIE', lastName: 'fictive' });
    expect(lookAlike.statusCode).toBe(409);
    expect(lookAlike.headers['content-type']).toContain('application/problem+json');
    expect(lookAlike.json()).toMatchObject({ type: 'about:blank#possibleDuplicate', duplicates: [{ id: body.id, displayName: 'Noémie Fictive' }] });

    const duplicates = await send(coordinator, 'GET', '/api/persons/duplicates?firstName=noemie&lastName=FICTIVE&birthYear=1985&communeInsee=84007');
    expect(duplicates.json().duplicates.map((row: { id: string }) => row.id)).toEqual([body.id]);

    const confirmed = await send(coordinator, 'POST', '/api/persons', { ...valid, firstName: 'Noemie', ignoreDuplicates: true });
    expect(confirmed.statusCode).toBe(201);

    const trail = await auditTrail(db(), organizationId);
    expect(trail.filter((row) => row.action === 'person.created')).toHaveLength(2);
    expect(JSON.stringify(trail.map((row) => row.context))).not.toMatch(/No[eé]mie|Fictive|06 00/i);
  });

  it('answers 400 with French field messages and stores nothing', async () => {
    const before = await db().select().from(persons).where(eq(persons.organizationId, organizationId));
    const response = await send(coordinator, 'POST', '/api/persons', { lastName: 'Sans Prénom', departement: '75', communeInsee: '123', communeName: '' });
    expect(response.statusCode).toBe(400);
    const errors = response.json().errors;
    expect(Object.keys(errors).sort()).toEqual(['communeInsee', 'communeName', 'departement']);
    expect(errors.communeInsee).toHaveLength(1);
    // The "first name or pseudonym" rule is checked once the fields themselves are valid.
    const nameless = await send(coordinator, 'POST', '/api/persons', { ...valid, firstName: undefined, lastName: 'Sans Prénom' });
    expect(nameless.statusCode).toBe(400);
    expect(nameless.json().errors).toEqual({ firstName: ['Indiquez un prénom ou un pseudonyme.'] });
    expect(await db().select().from(persons).where(eq(persons.organizationId, organizationId))).toHaveLength(before.length);
  });

  it('refuses a referent who is not an active peer of the organisation (400)', async () => {
    const inactive = await buildPeerWorker(db(), { organizationId, active: false });
    const trainer = await buildUser(db(), { organizationId, roles: ['trainer'] });
    for (const id of [inactive.id, trainer.id]) {
      const response = await send(coordinator, 'POST', '/api/persons', { ...valid, firstName: 'Refus', referentIds: [id] });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors.referentIds).toBeDefined();
    }
  });
});

describe('GET and PATCH /api/persons/:id', () => {
  it('audits every read; updates with the version read; a stale version is 409 and changes nothing', async () => {
    const person = await buildPerson(db(), { organizationId });
    const peer = await buildPeerWorker(db(), { organizationId });
    const read = await send(coordinator, 'GET', `/api/persons/${person.id}`);
    expect(read.statusCode).toBe(200);
    const reads = (await auditTrail(db(), organizationId)).filter((row) => row.action === 'person.read' && row.resourceId === person.id);
    expect(reads).toHaveLength(1);
    expect(reads[0]?.actorUserId).toBe(coordinator.user.id);

    const updated = await send(coordinator, 'PATCH', `/api/persons/${person.id}`, { version: 1, communeName: 'Aix-en-Provence', communeInsee: '13001', referentIds: [peer.id] });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ version: 2, communeName: 'Aix-en-Provence', referents: [{ id: peer.id }] });
    const entry = (await auditTrail(db(), organizationId)).find((row) => row.action === 'person.updated' && row.resourceId === person.id);
    expect(entry?.context).toMatchObject({ fields: 'communeInsee,communeName,referents', version: 2, referentsAdded: peer.id });

    const stale = await send(coordinator, 'PATCH', `/api/persons/${person.id}`, { version: 1, communeName: 'Gap' });
    expect(stale.statusCode).toBe(409);
    expect((await send(coordinator, 'GET', `/api/persons/${person.id}`)).json()).toMatchObject({ communeName: 'Aix-en-Provence', version: 2 });
  });

  it('two saves of the same version at the same moment: one 200, one 409', async () => {
    const person = await buildPerson(db(), { organizationId });
    const answers = await Promise.all([
      send(coordinator, 'PATCH', `/api/persons/${person.id}`, { version: 1, communeName: 'Arles' }),
      send(coordinator, 'PATCH', `/api/persons/${person.id}`, { version: 1, communeName: 'Apt' }),
    ]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409]);
  });
});

describe('consents', () => {
  it('records a consent as an entity and withdraws it, keeping when and how', async () => {
    const person = await buildPerson(db(), { organizationId });
    const recorded = await send(coordinator, 'POST', `/api/persons/${person.id}/consents`, {
      purpose: 'exchange_with_partner',
      scope: 'orientation et suivi',
      recipients: 'CMP Avignon Nord',
      method: 'oral_recorded',
      textVersion: 'v1',
    });
    expect(recorded.statusCode).toBe(201);
    const [consent] = recorded.json().consents;
    expect(consent).toMatchObject({ purpose: 'exchange_with_partner', method: 'oral_recorded', collectedBy: coordinator.user.id, withdrawnAt: null });
    const withdrawn = await send(coordinator, 'POST', `/api/persons/${person.id}/consents/${consent.id}/withdraw`, { withdrawnHow: 'par téléphone' });
    expect(withdrawn.json().consents[0]).toMatchObject({ withdrawnHow: 'par téléphone', withdrawnAt: t.clock.now.toISOString() });
    const again = await send(coordinator, 'POST', `/api/persons/${person.id}/consents/${consent.id}/withdraw`, { withdrawnHow: 'encore' });
    expect(again.statusCode).toBe(409);
  });
});

describe('POST /api/persons/:id/merge', () => {
  it('moves consents, referents and requests onto the kept record, deletes the duplicate, audits the merge', async () => {
    const peer = await buildPeerWorker(db(), { organizationId });
    const kept = await buildPerson(db(), { organizationId, firstName: 'Élise', phone: null });
    const duplicate = await buildPerson(db(), { organizationId, firstName: 'Elise', phone: '0600000002', referentIds: [peer.id] });
    await buildConsent(db(), duplicate, 'recontact');
    const request = await buildRequest(db(), { person: duplicate });

    const stale = await send(coordinator, 'POST', `/api/persons/${kept.id}/merge`, { version: 1, duplicateId: duplicate.id, duplicateVersion: 2 });
    expect(stale.statusCode).toBe(409);
    const merged = await send(coordinator, 'POST', `/api/persons/${kept.id}/merge`, { version: 1, duplicateId: duplicate.id, duplicateVersion: 1 });
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({ version: 2, phone: '0600000002', referents: [{ id: peer.id }], consents: [{ purpose: 'recontact' }] });
    const [movedRequest] = await db().select().from(supportRequests).where(eq(supportRequests.id, request.id));
    expect(movedRequest?.personId).toBe(kept.id);
    expect((await send(coordinator, 'GET', `/api/persons/${duplicate.id}`)).statusCode).toBe(404);
    const entry = (await auditTrail(db(), organizationId)).find((row) => row.action === 'person.merged');
    expect(entry).toMatchObject({ resourceId: kept.id, context: { mergedId: duplicate.id, consents: 1, referents: 1, requests: 1 } });
    expect((await send(coordinator, 'POST', `/api/persons/${kept.id}/merge`, { version: 2, duplicateId: kept.id, duplicateVersion: 2 })).statusCode).toBe(400);
  });
});
