import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { signInAs, type TestSession } from '../../../../tests/support/sessions';
import { eq } from 'drizzle-orm';
import {
  auditTrail,
  buildAnonymisationProposalRow,
  buildOrganization,
  buildRecontactPreferencesRow,
  buildRightsRequestRow,
} from '../../../../tests/factories';
import { anonymisationProposals, recontactPreferences, rightsRequests } from '../../db/schema';
import { buildPerson, type PersonRow } from '../../../../tests/factories/persons';
import { oneMonthAfter } from './rights-requests';

let t: TestApp;
let organizationId: string;
let coordinator: TestSession;
let person: PersonRow;
const db = () => t.deps.database.db;
const DAY = 24 * 3600_000;

beforeAll(async () => {
  t = await createTestApp();
  organizationId = (await buildOrganization(db())).id;
  coordinator = await signInAs(t, ['coordinator'], { organizationId });
  person = await buildPerson(db(), { organizationId, firstName: 'Aurore', lastName: 'Droits' });
});
afterAll(async () => t.close());

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: Record<string, unknown>) =>
  t.app.inject({ method, url, headers: coordinator.headers, ...(payload ? { payload } : {}) });

describe('one month to answer', () => {
  it('is the same day next month, or the last day of a shorter month', () => {
    expect(oneMonthAfter(new Date('2026-03-15T10:00:00Z')).toISOString()).toBe('2026-04-15T10:00:00.000Z');
    expect(oneMonthAfter(new Date('2026-01-31T08:30:00Z')).toISOString()).toBe('2026-02-28T08:30:00.000Z');
    expect(oneMonthAfter(new Date('2028-01-31T08:30:00Z')).toISOString()).toBe('2028-02-29T08:30:00.000Z');
    expect(oneMonthAfter(new Date('2026-12-20T00:00:00Z')).toISOString()).toBe('2027-01-20T00:00:00.000Z');
    expect(oneMonthAfter(new Date('2026-05-31T12:00:00Z')).toISOString()).toBe('2026-06-30T12:00:00.000Z');
  });
});

describe('rights requests log', () => {
  it('records a request due one month after it was received, audited without personal data', async () => {
    const created = await call('POST', '/api/rights-requests', { personId: person.id, type: 'access', identityCheck: 'Rencontrée en personne par sa pair référente' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      person: { id: person.id, displayName: 'Aurore Droits' },
      type: 'access',
      receivedAt: t.clock.now.toISOString(),
      dueAt: '2026-12-23T09:00:00.000Z',
      answeredAt: null,
      overdue: false,
      recordedBy: { id: coordinator.user.id },
      version: 1,
    });
    const trail = await auditTrail(db(), organizationId);
    const recorded = trail.find((entry) => entry.action === 'rights_request.recorded');
    expect(recorded).toMatchObject({ resourceId: created.json().id, context: { personId: person.id, type: 'access' } });
    expect(JSON.stringify(recorded)).not.toContain('Rencontrée');

    const backdated = await call('POST', '/api/rights-requests', { personId: person.id, type: 'erasure', receivedAt: '2026-10-31T10:00:00Z' });
    expect(backdated.json()).toMatchObject({ dueAt: '2026-11-30T10:00:00.000Z', overdue: false });
    const future = await call('POST', '/api/rights-requests', { personId: person.id, type: 'erasure', receivedAt: '2027-01-01T10:00:00Z' });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors).toEqual({ receivedAt: ['La date de réception ne peut pas être dans le futur.'] });
    const badType = await call('POST', '/api/rights-requests', { personId: person.id, type: 'everything' });
    expect(badType.statusCode).toBe(400);
    expect(badType.json().errors.type).toBeDefined();
    const foreign = await buildPerson(db(), {});
    expect((await call('POST', '/api/rights-requests', { personId: foreign.id, type: 'access' })).statusCode).toBe(404);
  });

  it('flags requests past their due date until they are answered; the answer needs its outcome; stale version is 409', async () => {
    const late = await buildRightsRequestRow(db(), person, { type: 'rectification', receivedAt: new Date(t.clock.now.getTime() - 40 * DAY), dueAt: new Date(t.clock.now.getTime() - 9 * DAY) });
    const overdue = (await call('GET', '/api/rights-requests?overdue=true')).json();
    expect(overdue.items.map((item: { id: string }) => item.id)).toEqual([late.id]);
    expect(overdue.items[0]).toMatchObject({ overdue: true, type: 'rectification' });
    const open = (await call('GET', '/api/rights-requests?state=open')).json();
    expect(open.items[0].id).toBe(late.id);

    const noOutcome = await call('PATCH', `/api/rights-requests/${late.id}`, { version: 1, answeredAt: t.clock.now.toISOString() });
    expect(noOutcome.statusCode).toBe(400);
    expect(noOutcome.json().errors).toEqual({ outcome: ['Indiquez la réponse apportée avant de marquer la demande comme traitée.'] });
    const tooEarly = await call('PATCH', `/api/rights-requests/${late.id}`, { version: 1, answeredAt: new Date(t.clock.now.getTime() - 50 * DAY).toISOString(), outcome: 'Adresse corrigée.' });
    expect(tooEarly.json().errors.answeredAt).toEqual(['La date de réponse ne peut pas précéder la réception de la demande.']);
    const answered = await call('PATCH', `/api/rights-requests/${late.id}`, { version: 1, answeredAt: t.clock.now.toISOString(), outcome: 'Adresse corrigée sur la fiche.' });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ answeredAt: t.clock.now.toISOString(), outcome: 'Adresse corrigée sur la fiche.', overdue: false, version: 2 });
    expect((await call('PATCH', `/api/rights-requests/${late.id}`, { version: 1, outcome: 'Autre chose.' })).statusCode).toBe(409);
    expect((await call('GET', '/api/rights-requests?overdue=true')).json().total).toBe(0);
    expect((await call('GET', '/api/rights-requests?state=answered')).json().items.map((item: { id: string }) => item.id)).toEqual([late.id]);
    expect((await call('GET', `/api/rights-requests/${late.id}`)).json()).toMatchObject({ id: late.id, version: 2 });
  });
});

describe('merging two records', () => {
  it('moves rights requests, decided proposals and re-contact preferences to the kept record', async () => {
    const kept = await buildPerson(db(), { organizationId, firstName: 'Gardée' });
    const duplicate = await buildPerson(db(), { organizationId, firstName: 'Doublon' });
    const request = await buildRightsRequestRow(db(), duplicate, { type: 'portability' });
    const decided = await buildAnonymisationProposalRow(db(), duplicate, { status: 'rejected', decidedAt: t.clock.now });
    await buildAnonymisationProposalRow(db(), duplicate, { status: 'proposed' });
    await buildRecontactPreferencesRow(db(), duplicate, { allowedChannels: ['letter'] });
    const merged = await call('POST', `/api/persons/${kept.id}/merge`, { version: 1, duplicateId: duplicate.id, duplicateVersion: 1 });
    expect(merged.statusCode).toBe(200);
    expect((await db().select().from(rightsRequests).where(eq(rightsRequests.id, request.id)))[0]?.personId).toBe(kept.id);
    expect((await db().select().from(anonymisationProposals).where(eq(anonymisationProposals.personId, kept.id))).map((row) => row.id)).toEqual([decided.id]);
    expect((await db().select().from(recontactPreferences).where(eq(recontactPreferences.personId, kept.id)))[0]?.allowedChannels).toEqual(['letter']);
  });
});
