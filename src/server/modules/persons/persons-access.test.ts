import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { signInAs, type TestSession } from '../../../../tests/support/sessions';
import { auditTrail, buildOrganization } from '../../../../tests/factories';
import { buildPerson, type PersonRow } from '../../../../tests/factories/persons';
import type { Role } from '../../platform/access/actor';

// Role × action × (followed / other person of the organisation / another organisation's person).
let t: TestApp;
let organizationId: string;
let sessions: Record<string, TestSession>;
let followed: PersonRow;
let other: PersonRow;
let foreign: PersonRow;
const db = () => t.deps.database.db;

const ROLES: Role[] = ['coordinator', 'peer_worker', 'volunteer', 'supervisor', 'trainer', 'partner_contact', 'person', 'funder_viewer', 'admin'];

beforeAll(async () => {
  t = await createTestApp();
  organizationId = (await buildOrganization(db())).id;
  sessions = {};
  for (const role of ROLES) sessions[role] = await signInAs(t, [role], { organizationId });
  const peerId = sessions.peer_worker?.user.id ?? '';
  followed = await buildPerson(db(), { organizationId, firstName: 'Suivie', referentIds: [peerId] });
  other = await buildPerson(db(), { organizationId, firstName: 'Autre' });
  foreign = await buildPerson(db(), { firstName: 'Ailleurs' });
});
afterAll(async () => t.close());

const session = (role: Role) => {
  const found = sessions[role];
  if (!found) throw new Error(`no session for ${role}`);
  return found;
};
const read = (role: Role, id: string) => t.app.inject({ method: 'GET', url: `/api/persons/${id}`, headers: session(role).headers });
const patch = (role: Role, id: string) =>
  t.app.inject({ method: 'PATCH', url: `/api/persons/${id}`, headers: session(role).headers, payload: { version: 99, communeName: 'Digne-les-Bains' } });
const consent = (role: Role, id: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/persons/${id}/consents`,
    headers: session(role).headers,
    payload: { purpose: 'recontact', method: 'oral_recorded', textVersion: 'v1' },
  });

// Expected status per role for: [read followed, read other, update other (stale version → 409 when allowed), consent followed]
const MATRIX: Record<Role, [number, number, number, number]> = {
  coordinator: [200, 200, 409, 201],
  peer_worker: [200, 404, 404, 201],
  volunteer: [404, 404, 404, 404],
  supervisor: [404, 404, 404, 404],
  trainer: [404, 404, 404, 404],
  partner_contact: [404, 404, 404, 404],
  person: [404, 404, 404, 404],
  funder_viewer: [404, 404, 404, 404],
  admin: [404, 404, 404, 404],
};

describe('person record access matrix', () => {
  for (const role of ROLES) {
    it(`${role}: read, update, consent as expected; another organisation's person is 404`, async () => {
      const [readFollowed, readOther, updateOther, consentFollowed] = MATRIX[role];
      expect((await read(role, followed.id)).statusCode).toBe(readFollowed);
      expect((await read(role, other.id)).statusCode).toBe(readOther);
      expect((await patch(role, other.id)).statusCode).toBe(updateOther);
      expect((await consent(role, followed.id)).statusCode).toBe(consentFollowed);
      expect((await read(role, foreign.id)).statusCode).toBe(404);
      expect((await patch(role, foreign.id)).statusCode).toBe(404);
      expect((await consent(role, foreign.id)).statusCode).toBe(404);
    });
  }

  it('a referent peer may read but not rectify (403), and every read is audited with its reader', async () => {
    const peer = session('peer_worker');
    expect((await patch('peer_worker', followed.id)).statusCode).toBe(403);
    const reads = (await auditTrail(db(), organizationId)).filter((row) => row.action === 'person.read' && row.actorUserId === peer.user.id);
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((row) => row.resourceId === followed.id)).toBe(true);
  });

  it('lists: coordinators see all, peers only those they follow, others are refused', async () => {
    const list = async (role: Role) => t.app.inject({ method: 'GET', url: '/api/persons', headers: session(role).headers });
    expect((await list('coordinator')).json().total).toBe(2);
    expect((await list('peer_worker')).json().items.map((item: { id: string }) => item.id)).toEqual([followed.id]);
    for (const role of ['volunteer', 'supervisor', 'trainer', 'partner_contact', 'person', 'funder_viewer', 'admin'] as const) {
      expect((await list(role)).statusCode).toBe(403);
    }
    const create = await t.app.inject({ method: 'POST', url: '/api/persons', headers: session('peer_worker').headers, payload: {} });
    expect(create.statusCode).toBe(403);
  });

  it('merge: coordinators only; another organisation’s record cannot be merged in (404)', async () => {
    const merge = (role: Role, duplicateId: string) =>
      t.app.inject({ method: 'POST', url: `/api/persons/${other.id}/merge`, headers: session(role).headers, payload: { version: 1, duplicateId, duplicateVersion: 1 } });
    expect((await merge('coordinator', foreign.id)).statusCode).toBe(404);
    // A referent peer may read the followed record: refused with 403 or, on the record they cannot see, 404.
    expect([403, 404]).toContain((await merge('peer_worker', followed.id)).statusCode);
    expect((await merge('partner_contact', followed.id)).statusCode).toBe(404);
  });
});
