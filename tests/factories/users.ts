import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../src/server/db/client';
import { userRoles, users } from '../../src/server/db/schema';
import type { Role } from '../../src/server/platform/access/actor';
import { createUserWithPassword } from '../../src/server/platform/auth/accounts';
import { buildOrganization } from './organizations';

export type BuiltUser = {
  id: string;
  organizationId: string;
  email: string;
  name: string;
  roles: Role[];
  active: boolean;
  /** Set only when a password was asked for (a credential row exists then). */
  password: string | null;
};

export type UserOverrides = {
  roles?: Role[];
  organizationId?: string;
  name?: string;
  email?: string;
  active?: boolean;
  isPlatformAdmin?: boolean;
  /** `true` for a generated password; a string to choose it. Hashing costs time: only when signing in. */
  password?: boolean | string;
  createdAt?: Date;
};

/**
 * A user of an organisation (created when none is given) with their roles. Without a password it
 * is a plain row, enough to be listed, updated or counted.
 */
export async function buildUser(db: Queryable, overrides: UserOverrides = {}): Promise<BuiltUser> {
  const organizationId = overrides.organizationId ?? (await buildOrganization(db)).id;
  const roles = overrides.roles ?? ['peer_worker'];
  const email = overrides.email ?? `user-${randomBytes(5).toString('hex')}@exemple.test`;
  const name = overrides.name ?? 'Dominique Exemple';
  const active = overrides.active ?? true;
  const createdAt = overrides.createdAt ?? new Date();
  const password =
    overrides.password === true ? `mot-de-passe-${randomBytes(6).toString('hex')}` : overrides.password || null;
  let id: string;
  if (password) {
    id = await createUserWithPassword(
      db,
      { organizationId, email, name, password, roles, isPlatformAdmin: overrides.isPlatformAdmin ?? false },
      createdAt,
    );
    if (!active) await db.update(users).set({ active }).where(eq(users.id, id));
  } else {
    const [row] = await db
      .insert(users)
      .values({
        organizationId,
        email,
        name,
        active,
        emailVerified: true,
        isPlatformAdmin: overrides.isPlatformAdmin ?? false,
        createdAt,
        updatedAt: createdAt,
      })
      .returning({ id: users.id });
    if (!row) throw new Error('user not created');
    id = row.id;
    if (roles.length > 0) {
      await db.insert(userRoles).values(roles.map((role) => ({ userId: id, organizationId, role, grantedAt: createdAt })));
    }
  }
  return { id, organizationId, email, name, roles, active, password };
}

export const buildAdmin = (db: Queryable, overrides: Omit<UserOverrides, 'roles'> = {}) =>
  buildUser(db, { ...overrides, roles: ['admin'] });
export const buildCoordinator = (db: Queryable, overrides: Omit<UserOverrides, 'roles'> = {}) =>
  buildUser(db, { ...overrides, roles: ['coordinator'] });
export const buildPeerWorker = (db: Queryable, overrides: Omit<UserOverrides, 'roles'> = {}) =>
  buildUser(db, { ...overrides, roles: ['peer_worker'] });
