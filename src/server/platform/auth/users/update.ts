import { and, count, eq, inArray, ne, sql } from 'drizzle-orm';
import type { TRole } from '../../../../shared/roles';
import type { AuditContext } from '../../audit/chain';
import type { ServiceContext } from '../../http/context';
import { badRequest, conflict } from '../../http/errors';
import { organizations } from '../../tenancy/schema';
import { sessions, userRoles, users } from '../schema';
import { loadUser, type LoadedUser } from './queries';

export type UserChange = { version: number; name?: string; roles?: TRole[]; active?: boolean };

/**
 * Renames, replaces the roles of, or (de)activates a user, if nobody changed them since `version`
 * was read. Deactivation ends the user's sessions in the same transaction, and the organisation
 * always keeps an active administrator.
 */
export async function updateUser(ctx: ServiceContext, user: LoadedUser, change: UserChange): Promise<LoadedUser> {
  if (change.version !== user.version) throw conflict();
  const nextRoles = change.roles ? [...new Set(change.roles)] : user.roles;
  const added = nextRoles.filter((role) => !user.roles.includes(role));
  const removed = user.roles.filter((role) => !nextRoles.includes(role));
  const nextActive = change.active ?? user.active;
  const renamed = change.name !== undefined && change.name !== user.name;
  const activeChanged = nextActive !== user.active;
  if (!renamed && added.length === 0 && removed.length === 0 && !activeChanged) return user;

  const losesAdmin = user.active && user.roles.includes('admin') && (!nextActive || !nextRoles.includes('admin'));
  if (losesAdmin) await ensureAnotherActiveAdmin(ctx, user.id);

  const [updated] = await ctx.tx
    .update(users)
    .set({ name: change.name ?? user.name, active: nextActive, version: sql`${users.version} + 1`, updatedAt: ctx.now })
    .where(and(eq(users.id, user.id), eq(users.organizationId, ctx.organizationId), eq(users.version, change.version)))
    .returning({ id: users.id });
  // Someone else saved between our read and this write.
  if (!updated) throw conflict();

  if (removed.length > 0) {
    await ctx.tx.delete(userRoles).where(and(eq(userRoles.userId, user.id), inArray(userRoles.role, removed)));
  }
  if (added.length > 0) {
    await ctx.tx
      .insert(userRoles)
      .values(added.map((role) => ({ userId: user.id, organizationId: ctx.organizationId, role, grantedAt: ctx.now })));
  }
  let sessionsEnded = 0;
  if (activeChanged && !nextActive) {
    const ended = await ctx.tx.delete(sessions).where(eq(sessions.userId, user.id)).returning({ id: sessions.id });
    sessionsEnded = ended.length;
  }

  const context: AuditContext = {
    fields: [renamed && 'name', (added.length > 0 || removed.length > 0) && 'roles', activeChanged && 'active']
      .filter((field) => typeof field === 'string')
      .join(','),
    version: user.version + 1,
  };
  if (added.length > 0) context.rolesAdded = added.join(',');
  if (removed.length > 0) context.rolesRemoved = removed.join(',');
  if (activeChanged) context.active = nextActive;
  if (sessionsEnded > 0) context.sessionsEnded = sessionsEnded;
  await ctx.audit({ action: 'user.updated', resourceType: 'user', resourceId: user.id, context });
  return loadUser(ctx, user.id);
}

/**
 * The organisation row is locked first, so two administrators removing each other's admin role
 * at the same moment are serialised and the second one sees that no other admin is left.
 */
async function ensureAnotherActiveAdmin(ctx: ServiceContext, userId: string): Promise<void> {
  await ctx.tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, ctx.organizationId)).for('update');
  const [others] = await ctx.tx
    .select({ total: count() })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'admin')))
    .where(and(eq(users.organizationId, ctx.organizationId), eq(users.active, true), ne(users.id, userId)));
  if ((others?.total ?? 0) === 0) throw badRequest('lastAdmin');
}
