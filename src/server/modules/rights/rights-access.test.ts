import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { signInAs, type TestSession } from '../../../../tests/support/sessions';
import { buildAccompanimentRow, buildAnonymisationProposalRow, buildOrganization, buildRightsRequestRow } from '../../../../tests/factories';
import { buildPerson, type PersonRow } from '../../../../tests/factories/persons';
import type { Role } from '../../platform/access/actor';

// Rights and retention are for coordinators of the organisation only: every other role, even the
// person's referent peer, gets 403 before anything is read; another organisation's record is 404.
let t: TestApp;
const db = () => t.deps.database.db;
const sessions: Partial<Record<Role, TestSession>> = {};
let own: PersonRow;
let foreign: PersonRow;
let ownRequestId: string;
let foreignRequestId: string;
let ownDecidedProposalId: string;
let foreignProposalId: string;

const ROLES: Role[] = ['coordinator', 'peer_worker', 'volunteer', 'supervisor', 'trainer', 'partner_contact', 'person', 'funder_viewer', 'admin'];

beforeAll(async () => {
  t = await createTestApp();
  const organizationId = (await buildOrganization(db())).id;
  for (const role of ROLES) sessions[role] = await signInAs(t, [role], { organizationId });
  own = await buildPerson(db(), { organizationId, referentIds: [session('peer_worker').user.id] });
  // An open accompaniment: an allowed anonymisation attempt answers 400 and destroys nothing.
  await buildAccompanimentRow(db(), own, { status: 'active' });
  foreign = await buildPerson(db(), {});
  ownRequestId = (await buildRightsRequestRow(db(), own)).id;
  foreignRequestId = (await buildRightsRequestRow(db(), foreign)).id;
  ownDecidedProposalId = (await buildAnonymisationProposalRow(db(), own, { status: 'rejected', decidedAt: new Date() })).id;
  foreignProposalId = (await buildAnonymisationProposalRow(db(), foreign)).id;
});
afterAll(async () => t.close());

function session(role: Role): TestSession {
  const found = sessions[role];
  if (!found) throw new Error(`no session for ${role}`);
  return found;
}
const status = async (role: Role, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: Record<string, unknown>) =>
  (await t.app.inject({ method, url, headers: session(role).headers, ...(payload ? { payload } : {}) })).statusCode;

describe('rights access matrix', () => {
  for (const role of ROLES) {
    it(`${role}`, async () => {
      const expect403 = (allowed: number) => (role === 'coordinator' ? allowed : 403);
      const expect404 = expect403(404);
      expect(await status(role, 'GET', `/api/persons/${own.id}/export.json`)).toBe(expect403(200));
      expect(await status(role, 'GET', `/api/persons/${own.id}/export.pdf`)).toBe(expect403(200));
      expect(await status(role, 'GET', `/api/persons/${own.id}/readers`)).toBe(expect403(200));
      expect(await status(role, 'POST', `/api/persons/${own.id}/anonymise`, { reason: 'Demande de la personne' })).toBe(expect403(400));
      expect(await status(role, 'GET', '/api/rights-requests')).toBe(expect403(200));
      expect(await status(role, 'POST', '/api/rights-requests', { personId: own.id, type: 'objection' })).toBe(expect403(201));
      expect(await status(role, 'GET', `/api/rights-requests/${ownRequestId}`)).toBe(expect403(200));
      expect(await status(role, 'PATCH', `/api/rights-requests/${ownRequestId}`, { version: 99, outcome: 'Réponse envoyée.' })).toBe(expect403(409));
      expect(await status(role, 'GET', '/api/anonymisation-proposals')).toBe(expect403(200));
      expect(await status(role, 'POST', `/api/anonymisation-proposals/${ownDecidedProposalId}/confirm`, {})).toBe(expect403(400));
      expect(await status(role, 'POST', `/api/anonymisation-proposals/${ownDecidedProposalId}/reject`, { reason: 'Contentieux en cours' })).toBe(expect403(400));

      // Another organisation's records do not exist.
      expect(await status(role, 'GET', `/api/persons/${foreign.id}/export.json`)).toBe(expect404);
      expect(await status(role, 'GET', `/api/persons/${foreign.id}/export.pdf`)).toBe(expect404);
      expect(await status(role, 'GET', `/api/persons/${foreign.id}/readers`)).toBe(expect404);
      expect(await status(role, 'POST', `/api/persons/${foreign.id}/anonymise`, { reason: 'Demande de la personne' })).toBe(expect404);
      expect(await status(role, 'POST', '/api/rights-requests', { personId: foreign.id, type: 'access' })).toBe(expect404);
      expect(await status(role, 'GET', `/api/rights-requests/${foreignRequestId}`)).toBe(expect404);
      expect(await status(role, 'PATCH', `/api/rights-requests/${foreignRequestId}`, { version: 1, outcome: 'Réponse envoyée.' })).toBe(expect404);
      expect(await status(role, 'POST', `/api/anonymisation-proposals/${foreignProposalId}/confirm`, {})).toBe(expect404);
      expect(await status(role, 'POST', `/api/anonymisation-proposals/${foreignProposalId}/reject`, { reason: 'Contentieux en cours' })).toBe(expect404);
    });
  }
});

describe('route declarations', () => {
  it('every rights and continuity route declares its access and is documented in OpenAPI', async () => {
    const ours = t.app.routeCatalogue.filter(
      (route) =>
        route.method !== 'HEAD' &&
        (/^\/api\/(rights-requests|anonymisation-proposals|outreach|continuity)/.test(route.url) ||
          /^\/api\/persons\/:id\/(export\.json|export\.pdf|readers|anonymise|recontact-preferences)$/.test(route.url)),
    );
    expect(ours.length).toBe(20);
    expect(ours.filter((route) => !route.access || route.access.kind === 'public')).toEqual([]);
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const route of ours) {
      const path = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
      expect(document.paths[path]?.[route.method.toLowerCase()], `${route.method} ${path}`).toBeDefined();
    }
  });
});
