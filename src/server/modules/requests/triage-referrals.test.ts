import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { signInAs, type TestSession } from '../../../../tests/support/sessions';
import { auditTrail, buildOrganization } from '../../../../tests/factories';
import { buildPerson } from '../../../../tests/factories/persons';
import { buildRequest } from '../../../../tests/factories/requests';
import { requestStatusEvents, supportRequests } from '../../db/schema';
import type { Role } from '../../platform/access/actor';

let t: TestApp;
let organizationId: string;
let coordinator: TestSession;
let partner: TestSession;
let otherPartner: TestSession;
const db = () => t.deps.database.db;

beforeAll(async () => {
  t = await createTestApp();
  organizationId = (await buildOrganization(db())).id;
  coordinator = await signInAs(t, ['coordinator'], { organizationId });
  partner = await signInAs(t, ['partner_contact'], { organizationId });
  otherPartner = await signInAs(t, ['partner_contact'], { organizationId });
});
afterAll(async () => t.close());

const call = (session: TestSession, method: 'GET' | 'POST' | 'PUT', url: string, payload?: Record<string, unknown>) =>
  t.app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });
const referral = (overrides: Record<string, unknown> = {}) => ({
  firstName: 'Yanis',
  lastName: 'Fictif',
  birthYear: 1999,
  departement: '13',
  communeInsee: '13055',
  communeName: 'Marseille',
  referringStructure: 'CMP Marseille Centre (fictif)',
  reason: 'Souhaite rencontrer un pair après une hospitalisation.',
  urgency: 'standard',
  consentMethod: 'oral_recorded',
  consentTextVersion: 'orientation-v1',
  ...overrides,
});

describe('referrals', () => {
  it('a partner refers; a second referral of the same person attaches to their record; the partner sees statuses only', async () => {
    const first = await call(partner, 'POST', '/api/referrals', referral());
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ status: 'received', decision: null });
    expect(Object.keys(first.json())).not.toContain('person');
    const second = await call(partner, 'POST', '/api/referrals', referral({ firstName: 'YANIS', lastName: 'fictif', urgency: 'urgent' }));
    const rows = await db().select().from(supportRequests).where(eq(supportRequests.organizationId, organizationId));
    const [a, b] = [first.json().id, second.json().id].map((id) => rows.find((row) => row.id === id));
    expect(a?.personId).toBe(b?.personId);
    expect(b).toMatchObject({ source: 'partner_referral', referrerUserId: partner.user.id, urgency: 'urgent' });

    const mine = await call(partner, 'GET', '/api/referrals');
    expect(mine.json().total).toBe(2);
    expect((await call(otherPartner, 'GET', '/api/referrals')).json().total).toBe(0);
    expect((await call(otherPartner, 'GET', `/api/referrals/${first.json().id}`)).statusCode).toBe(404);
    expect((await call(partner, 'GET', `/api/requests/${first.json().id}`)).statusCode).toBe(403);
    expect((await call(partner, 'GET', `/api/persons/${a?.personId}`)).statusCode).toBe(404);
  });

  it('an emergency-department referral gets the organisation’s target (2 h by default) and is flagged overdue after it', async () => {
    const created = await call(partner, 'POST', '/api/referrals', referral({ firstName: 'Urgence', urgency: 'emergency_department', emergencySite: 'Urgences Hôpital Nord (fictif)' }));
    const id = created.json().id;
    const detail = (await call(coordinator, 'GET', `/api/requests/${id}`)).json();
    expect(new Date(detail.respondBy).getTime() - new Date(detail.receivedAt).getTime()).toBe(2 * 3600_000);
    expect(detail.overdue).toBe(false);
    t.clock.advance(2 * 3600_000 + 1000);
    const overdue = (await call(coordinator, 'GET', '/api/requests?overdue=true')).json();
    expect(overdue.items.map((item: { id: string }) => item.id)).toContain(id);
    expect(overdue.items[0]).toMatchObject({ urgency: 'emergency_department', overdue: true, ageMinutes: 120 });
    const missingSite = await call(partner, 'POST', '/api/referrals', referral({ firstName: 'Sans', urgency: 'emergency_department' }));
    expect(missingSite.json().errors).toEqual({ emergencySite: ['Indiquez le service d’urgences concerné.'] });
  });

  it('a decline offers a warm hand-off the partner sees; a second decision is 409', async () => {
    const created = (await call(partner, 'POST', '/api/referrals', referral({ firstName: 'Déclin' }))).json();
    const noHandoff = await call(coordinator, 'POST', `/api/requests/${created.id}/decision`, { version: 1, decision: 'declined', reason: 'Hors territoire' });
    expect(noHandoff.json().errors).toEqual({ handoffTo: ['Proposez vers qui se tourner à la place.'] });
    const declined = await call(coordinator, 'POST', `/api/requests/${created.id}/decision`, {
      version: 1,
      decision: 'declined',
      reason: 'Hors territoire',
      handoffTo: 'GEM de Toulon (fictif)',
      handoffStructure: 'GEM',
    });
    expect(declined.json()).toMatchObject({ status: 'redirected', decision: 'declined', version: 2 });
    expect((await call(partner, 'GET', `/api/referrals/${created.id}`)).json()).toMatchObject({ status: 'closed', handoffTo: 'GEM de Toulon (fictif)' });
    const again = await call(coordinator, 'POST', `/api/requests/${created.id}/decision`, { version: 2, decision: 'accepted', reason: 'Finalement oui' });
    expect(again.statusCode).toBe(409);
  });

  it('a coordinator refers on a partner’s behalf (the partner then follows it), or for the team itself', async () => {
    const onBehalf = await call(coordinator, 'POST', '/api/referrals', referral({ firstName: 'Pour', onBehalfOfUserId: partner.user.id }));
    expect((await call(partner, 'GET', `/api/referrals/${onBehalf.json().id}`)).statusCode).toBe(200);
    const team = await call(coordinator, 'POST', '/api/referrals', referral({ firstName: 'Équipe' }));
    const detail = (await call(coordinator, 'GET', `/api/requests/${team.json().id}`)).json();
    expect(detail).toMatchObject({ source: 'coordinator_entry', referrerUserId: null });
    const notPartner = await call(coordinator, 'POST', '/api/referrals', referral({ onBehalfOfUserId: coordinator.user.id }));
    expect(notPartner.statusCode).toBe(400);
  });
});

describe('triage', () => {
  it('walks new → contacted → accompaniment_opened with timestamped events; stale version 409; no way back', async () => {
    const request = await buildRequest(db(), { organizationId, receivedAt: t.clock.now });
    const person = request.personId;
    const contacted = await call(coordinator, 'POST', `/api/requests/${request.id}/status`, { version: 1, status: 'contacted' });
    expect(contacted.json()).toMatchObject({ status: 'contacted', version: 2, firstContactAt: t.clock.now.toISOString() });
    expect((await call(coordinator, 'POST', `/api/requests/${request.id}/status`, { version: 1, status: 'closed', closedReason: 'Doublon' })).statusCode).toBe(409);
    t.clock.advance(60_000);
    const opened = await call(coordinator, 'POST', `/api/requests/${request.id}/status`, { version: 2, status: 'accompaniment_opened' });
    expect(opened.json().events.map((event: { toStatus: string }) => event.toStatus)).toEqual(['new', 'contacted', 'accompaniment_opened']);
    const back = await call(coordinator, 'POST', `/api/requests/${request.id}/status`, { version: 3, status: 'contacted' });
    expect(back.statusCode).toBe(400);
    const events = await db().select().from(requestStatusEvents).where(eq(requestStatusEvents.requestId, request.id));
    expect(events).toHaveLength(3);
    const personRead = (await call(coordinator, 'GET', `/api/persons/${person}`)).json();
    expect(personRead.lastContactAt).not.toBeNull();
    const audit = (await auditTrail(db(), organizationId)).filter((row) => row.resourceId === request.id && row.action === 'request.status.changed');
    expect(audit.map((row) => row.context.to)).toEqual(['contacted', 'accompaniment_opened']);
  });

  it('redirect and close need to whom / why (French messages); settings change targets with a version', async () => {
    const request = await buildRequest(db(), { organizationId });
    const noTarget = await call(coordinator, 'POST', `/api/requests/${request.id}/status`, { version: 1, status: 'redirected' });
    expect(noTarget.json().errors).toEqual({ redirectedTo: ['Indiquez vers qui la personne est orientée.'] });
    expect((await call(coordinator, 'GET', '/api/requests/settings')).json()).toMatchObject({ emergencyTargetMinutes: 120, version: 0 });
    const saved = await call(coordinator, 'PUT', '/api/requests/settings', { emergencyTargetMinutes: 180, urgentTargetMinutes: 600, standardTargetMinutes: 2880, version: 0 });
    expect(saved.json()).toMatchObject({ emergencyTargetMinutes: 180, version: 1 });
    expect((await call(coordinator, 'PUT', '/api/requests/settings', { emergencyTargetMinutes: 60, urgentTargetMinutes: 600, standardTargetMinutes: 2880, version: 0 })).statusCode).toBe(409);
  });

  it('role matrix on the queue and requests; another organisation’s request is 404', async () => {
    const foreign = await buildRequest(db(), { person: await buildPerson(db()) });
    const own = await buildRequest(db(), { organizationId });
    expect((await call(coordinator, 'GET', `/api/requests/${foreign.id}`)).statusCode).toBe(404);
    expect((await call(coordinator, 'POST', `/api/requests/${foreign.id}/status`, { version: 1, status: 'contacted' })).statusCode).toBe(404);
    const roles: Role[] = ['peer_worker', 'volunteer', 'supervisor', 'trainer', 'partner_contact', 'person', 'funder_viewer', 'admin'];
    for (const role of roles) {
      const session = await signInAs(t, [role], { organizationId });
      expect((await call(session, 'GET', '/api/requests')).statusCode).toBe(403);
      expect((await call(session, 'GET', `/api/requests/${own.id}`)).statusCode).toBe(403);
      expect((await call(session, 'POST', `/api/requests/${own.id}/status`, { version: 1, status: 'contacted' })).statusCode).toBe(403);
      const canRefer = role === 'partner_contact';
      expect((await call(session, 'POST', '/api/referrals', referral({ firstName: `Rôle${role}` }))).statusCode).toBe(canRefer ? 201 : 403);
    }
    const queue = (await call(coordinator, 'GET', '/api/requests?status=new&pageSize=100')).json();
    expect(queue.items.every((item: { status: string }) => item.status === 'new')).toBe(true);
    expect(queue.items.map((item: { id: string }) => item.id)).not.toContain(foreign.id);
  });
});
