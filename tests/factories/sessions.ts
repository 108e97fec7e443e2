import type { Role } from '../../src/server/platform/access/actor';
import { createTestUser, signIn, type TestSession } from '../support/sessions';
import type { TestApp } from '../support/test-app';

/** The roles every admin route is tried with: one that may, four that may not. */
export const MATRIX_ROLES = ['admin', 'coordinator', 'peer_worker', 'person', 'funder_viewer'] as const satisfies readonly Role[];
export type MatrixRole = (typeof MATRIX_ROLES)[number];

/** One signed-in user per matrix role, all in the same organisation (real sessions, 2FA when due). */
export async function buildRoleSessions(t: TestApp, organizationId: string): Promise<Record<MatrixRole, TestSession>> {
  const signedIn = async (role: MatrixRole) =>
    signIn(t, await createTestUser(t, { roles: [role], organizationId, name: `Compte ${role}` }));
  return {
    admin: await signedIn('admin'),
    coordinator: await signedIn('coordinator'),
    peer_worker: await signedIn('peer_worker'),
    person: await signedIn('person'),
    funder_viewer: await signedIn('funder_viewer'),
  };
}

/** A platform administrator (they also administer their own organisation). */
export async function buildPlatformAdminSession(t: TestApp, organizationId: string): Promise<TestSession> {
  return signIn(t, await createTestUser(t, { roles: ['admin'], organizationId, isPlatformAdmin: true, name: 'Plateforme Admin' }));
}
