import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { organizations } from '../tenancy/schema';
import { ROLES_REQUIRING_TWO_FACTOR } from '../access/actor';
import type { TSessionView } from '../../../shared/auth';
import { notFound } from '../http/errors';
import { userRoles, users } from './schema';

/**
 * What the web app knows about the signed-in user: identity, roles, organisation and whether
 * 2FA enrolment is still owed (computed from the stored state, so it is right just after enrolment).
 */
export async function loadSessionView(db: Queryable, userId: string): Promise<TSessionView> {
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      locale: users.locale,
      isPlatformAdmin: users.isPlatformAdmin,
      twoFactorEnabled: users.twoFactorEnabled,
      organizationId: organizations.id,
      organizationName: organizations.name,
    })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.id, userId));
  if (!row) throw notFound();
  const roleRows = await db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId));
  const roles = roleRows.map((entry) => entry.role).sort();
  const needsTwoFactor = roles.some((role) => ROLES_REQUIRING_TWO_FACTOR.includes(role));
  return {
    user: {
      id: row.id,
      name: row.name,
      email: row.email,
      locale: row.locale === 'en' ? 'en' : 'fr',
      roles,
      isPlatformAdmin: row.isPlatformAdmin,
      twoFactorEnabled: row.twoFactorEnabled,
      mustEnrolTwoFactor: needsTwoFactor && !row.twoFactorEnabled,
    },
    organization: { id: row.organizationId, name: row.organizationName },
  };
}
