import { and, asc, count, eq, exists, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { ZRole, type TRole } from '../../../../shared/roles';
import type { TUserSummary } from '../../../../shared/admin';
import type { ReadContext, ServiceContext } from '../../http/context';
import { notFound } from '../../http/errors';
import { preparedPerDatabase } from '../../../db/prepared';
import { auditedReadColumn, auditedReadParameters } from '../../audit/append';
import { userRoles, users } from '../schema';
import { containsPattern, folded } from './search';

export type UserListFilter = { page: number; pageSize: number; search?: string; role?: TRole; active?: 'true' | 'false' };

/** One row of the users table with its roles, as the admin pages need it. */
export type LoadedUser = {
  id: string;
  organizationId: string;
  name: string;
  email: string;
  roles: TRole[];
  active: boolean;
  twoFactorEnabled: boolean;
  createdAt: Date;
  version: number;
};

const ZRoleList = z.array(ZRole);

/**
 * Each user's roles as one JSON array, joined to the page: the page is one query, not one per
 * user. A join rather than a correlated subquery in the select list, where Drizzle would drop the
 * table names and `user_id = id` would compare user_roles with itself.
 */
function roleLists(ctx: ServiceContext) {
  return ctx.tx
    .select({
      userId: userRoles.userId,
      roles: sql<unknown>`json_agg(${userRoles.role} order by ${userRoles.role})`.as('roles'),
    })
    .from(userRoles)
    .where(eq(userRoles.organizationId, ctx.organizationId))
    .groupBy(userRoles.userId)
    .as('role_lists');
}

function userColumns(roles: ReturnType<typeof roleLists>) {
  return {
    id: users.id,
    organizationId: users.organizationId,
    name: users.name,
    email: users.email,
    roles: roles.roles,
    active: users.active,
    twoFactorEnabled: users.twoFactorEnabled,
    createdAt: users.createdAt,
    version: users.version,
  };
}

function toLoadedUser(row: Omit<LoadedUser, 'roles'> & { roles: unknown }): LoadedUser {
  return { ...row, roles: ZRoleList.parse(row.roles ?? []) };
}

// Folded and compared byte-wise: "Élodie" sorts with the E's, and the order is the same on PGlite
// (C locale) and on a PostgreSQL server whatever its collation.
const byName = sql`${folded(users.name)} collate "C"`;

/** A page of the organisation's users, by name, with the total for the pager. */
export async function listUsers(ctx: ServiceContext, filter: UserListFilter): Promise<{ items: LoadedUser[]; total: number }> {
  const conditions: SQL[] = [eq(users.organizationId, ctx.organizationId)];
  if (filter.search) {
    const pattern = containsPattern(filter.search);
    const matches = or(sql`${folded(users.name)} like ${pattern}`, sql`${folded(users.email)} like ${pattern}`);
    if (matches) conditions.push(matches);
  }
  if (filter.role) {
    const role = filter.role;
    conditions.push(
      exists(
        ctx.tx
          .select({ one: sql`1` })
          .from(userRoles)
          .where(and(eq(userRoles.userId, users.id), eq(userRoles.role, role))),
      ),
    );
  }
  if (filter.active) conditions.push(eq(users.active, filter.active === 'true'));
  const where = and(...conditions);
  const roles = roleLists(ctx);
  const rows = await ctx.tx
    .select(userColumns(roles))
    .from(users)
    .leftJoin(roles, eq(roles.userId, users.id))
    .where(where)
    .orderBy(asc(byName), asc(users.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const [totals] = await ctx.tx.select({ total: count() }).from(users).where(where);
  return { items: rows.map(toLoadedUser), total: totals?.total ?? 0 };
}

/** A user of the actor's organisation; another organisation's user does not exist here (404). */
export async function loadUser(ctx: ServiceContext, id: string): Promise<LoadedUser> {
  const roles = roleLists(ctx);
  const [row] = await ctx.tx
    .select(userColumns(roles))
    .from(users)
    .leftJoin(roles, eq(roles.userId, users.id))
    .where(and(eq(users.id, id), eq(users.organizationId, ctx.organizationId)));
  if (!row) throw notFound();
  return toLoadedUser(row);
}

const userReadAudited = preparedPerDatabase((db) =>
  db
    .select({
      id: users.id,
      organizationId: users.organizationId,
      name: users.name,
      email: users.email,
      // Table named in full: in a one-table select Drizzle writes bare column names.
      roles: sql<unknown>`(select json_agg(ur.role order by ur.role) from user_roles ur where ur.user_id = "users"."id")`,
      active: users.active,
      twoFactorEnabled: users.twoFactorEnabled,
      createdAt: users.createdAt,
      version: users.version,
      auditSeq: auditedReadColumn('user.read', 'user', users.id),
    })
    .from(users)
    .where(and(eq(users.id, sql.placeholder('id')), eq(users.organizationId, sql.placeholder('organizationId'))))
    .prepare('user_read_audited'),
);

/**
 * `loadUser` for a read whose result is shown: the record and its `user.read` audit entry in one
 * prepared statement (one round trip, see auditedReadColumn). Outside a transaction only.
 */
export async function readUserAudited(ctx: ReadContext, id: string): Promise<LoadedUser> {
  const [row] = await userReadAudited(ctx.db).execute({
    id,
    organizationId: ctx.organizationId,
    ...auditedReadParameters({ organizationId: ctx.organizationId, actorUserId: ctx.actor?.userId ?? null, occurredAt: ctx.now }),
  });
  if (!row) throw notFound();
  const { auditSeq: _recorded, ...user } = row;
  return toLoadedUser(user);
}

export function presentUser(user: LoadedUser): TUserSummary {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    roles: user.roles,
    active: user.active,
    twoFactorEnabled: user.twoFactorEnabled,
    createdAt: user.createdAt.toISOString(),
    version: user.version,
  };
}
