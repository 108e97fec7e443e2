import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { signInAs } from '../../../../tests/support/sessions';
import { buildOrganization, buildUser } from '../../../../tests/factories';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('GET /api/accompaniments/peer-choices', () => {
  it('lists the active peers of the organisation by name, volunteers marked, for coordinators only', async () => {
    const db = t.deps.database.db;
    const { id: organizationId } = await buildOrganization(db);
    const coordinator = await signInAs(t, ['coordinator'], { organizationId });
    const salaried = await buildUser(db, { organizationId, name: 'Bérénice Pair', roles: ['peer_worker'] });
    const volunteer = await buildUser(db, { organizationId, name: 'Armand Bénévole', roles: ['volunteer'] });
    const both = await buildUser(db, { organizationId, name: 'Chloé Deux Rôles', roles: ['volunteer', 'peer_worker'] });
    await buildUser(db, { organizationId, name: 'Désactivé Pair', roles: ['peer_worker'], active: false });
    await buildUser(db, { organizationId, name: 'Formatrice Seule', roles: ['trainer'] });
    await buildUser(db, { name: 'Autre Région', roles: ['peer_worker'] });

    const response = await t.app.inject({ method: 'GET', url: '/api/accompaniments/peer-choices', headers: coordinator.headers });
    expect(response.statusCode).toBe(200);
    expect(response.json().items).toEqual([
      { id: volunteer.id, name: 'Armand Bénévole', asVolunteer: true },
      { id: salaried.id, name: 'Bérénice Pair', asVolunteer: false },
      { id: both.id, name: 'Chloé Deux Rôles', asVolunteer: false },
    ]);

    for (const role of ['peer_worker', 'volunteer', 'admin', 'trainer', 'person'] as const) {
      const other = await signInAs(t, [role], { organizationId });
      const refused = await t.app.inject({ method: 'GET', url: '/api/accompaniments/peer-choices', headers: other.headers });
      expect(refused.statusCode).toBe(403);
    }
  });
});
