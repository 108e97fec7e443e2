import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { signInAs, type TestSession } from '../../../../tests/support/sessions';
import {
  buildAccompanimentRow,
  buildOrganization,
  buildOutreachCaseRow,
  buildRecontactConsentRow,
  buildRecontactPreferencesRow,
} from '../../../../tests/factories';
import { buildPerson, type PersonRow } from '../../../../tests/factories/persons';
import type { Role } from '../../platform/access/actor';

// Role × route × (followed / not followed / another organisation's). Default deny: a role without
// a rule gets 403 before anything is read; a record the actor cannot see, or another
// organisation's, is 404.
let t: TestApp;
const db = () => t.deps.database.db;
const sessions: Record<string, TestSession> = {};
let followedCaseId: string;
let foreignCaseId: string;
let followedPerson: PersonRow;
let foreignPerson: PersonRow;

const ROLES = ['coordinator', 'peer_worker', 'other_peer', 'volunteer', 'supervisor', 'trainer', 'partner_contact', 'person', 'funder_viewer', 'admin'] as const;
type Who = (typeof ROLES)[number];

async function openCase(person: PersonRow, peerIds: string[], volunteerIds: string[] = []) {
  await buildRecontactConsentRow(db(), person);
  await buildRecontactPreferencesRow(db(), person, { allowedChannels: ['phone'] });
  const accompaniment = await buildAccompanimentRow(db(), person, { status: 'rupture_suspected', peerIds, volunteerIds });
  return (await buildOutreachCaseRow(db(), accompaniment)).id;
}

beforeAll(async () => {
  t = await createTestApp();
  const organizationId = (await buildOrganization(db())).id;
  for (const who of ROLES) {
    const role: Role = who === 'other_peer' ? 'peer_worker' : who;
    sessions[who] = await signInAs(t, [role], { organizationId });
  }
  const peerId = session('peer_worker').user.id;
  followedPerson = await buildPerson(db(), { organizationId, referentIds: [peerId] });
  followedCaseId = await openCase(followedPerson, [peerId], [session('volunteer').user.id]);
  foreignPerson = await buildPerson(db(), {});
  foreignCaseId = await openCase(foreignPerson, []);
});
afterAll(async () => t.close());

function session(who: Who): TestSession {
  const found = sessions[who];
  if (!found) throw new Error(`no session for ${who}`);
  return found;
}
const call = async (who: Who, method: 'GET' | 'POST' | 'PUT', url: string, payload?: Record<string, unknown>) =>
  (await t.app.inject({ method, url, headers: session(who).headers, ...(payload ? { payload } : {}) })).statusCode;

const allowedOrForbidden = (who: Who, allowed: readonly Who[], status: number, hidden: number = 403) => (allowed.includes(who) ? status : hidden);
const WORKERS: readonly Who[] = ['coordinator', 'peer_worker', 'other_peer'];

describe('continuity access matrix', () => {
  for (const who of ROLES) {
    it(`${who}`, async () => {
      // Role-level: the queue and the preferences routes exist for coordinators and peer workers only.
      expect(await call(who, 'GET', '/api/outreach/cases')).toBe(allowedOrForbidden(who, WORKERS, 200));
      expect(await call(who, 'GET', '/api/continuity/settings')).toBe(allowedOrForbidden(who, ['coordinator', 'admin'], 200));
      expect(await call(who, 'POST', '/api/outreach/detection')).toBe(allowedOrForbidden(who, ['coordinator'], 200));
      expect(await call(who, 'PUT', '/api/continuity/settings', { noContactDays: 30, missedAppointmentsInARow: 2, maxOutreachAttempts: 5, version: 99 })).toBe(
        allowedOrForbidden(who, ['coordinator', 'admin'], 409),
      );

      // Record-level: a peer worker who does not follow the accompaniment or the person sees nothing (404).
      const onFollowed = (status: number) => (who === 'other_peer' ? 404 : allowedOrForbidden(who, WORKERS, status));
      expect(await call(who, 'GET', `/api/outreach/cases/${followedCaseId}`)).toBe(onFollowed(200));
      expect(await call(who, 'POST', `/api/outreach/cases/${followedCaseId}/attempts`, { channel: 'phone', result: 'no_answer' })).toBe(onFollowed(201));
      expect(await call(who, 'POST', `/api/outreach/cases/${followedCaseId}/close`, { outcome: 'contact_reestablished', version: 99 })).toBe(onFollowed(409));
      expect(await call(who, 'GET', `/api/persons/${followedPerson.id}/recontact-preferences`)).toBe(onFollowed(200));
      expect(await call(who, 'PUT', `/api/persons/${followedPerson.id}/recontact-preferences`, { allowedChannels: ['phone'], doNotContact: false, version: 99 })).toBe(
        onFollowed(409),
      );

      // Another organisation's records do not exist for anyone who may use the routes.
      const foreign = allowedOrForbidden(who, WORKERS, 404);
      expect(await call(who, 'GET', `/api/outreach/cases/${foreignCaseId}`)).toBe(foreign);
      expect(await call(who, 'POST', `/api/outreach/cases/${foreignCaseId}/attempts`, { channel: 'phone', result: 'no_answer' })).toBe(foreign);
      expect(await call(who, 'POST', `/api/outreach/cases/${foreignCaseId}/close`, { outcome: 'contact_reestablished', version: 1 })).toBe(foreign);
      expect(await call(who, 'GET', `/api/persons/${foreignPerson.id}/recontact-preferences`)).toBe(foreign);
      expect(await call(who, 'PUT', `/api/persons/${foreignPerson.id}/recontact-preferences`, { allowedChannels: [], doNotContact: false, version: 0 })).toBe(foreign);
    });
  }
});
