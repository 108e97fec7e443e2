import { and, count, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { TRecordReader } from '../../../shared/rights';
import { auditEvents } from '../../platform/audit/schema';
import { userRoles, users } from '../../platform/auth/schema';
import type { ServiceContext } from '../../platform/http/context';

export type ReaderPaging = { page: number; pageSize: number };

/** How an audited action touched the record, in the words the person reads. */
export function accessKindOf(action: string): TRecordReader['kind'] {
  if (action === 'person.exported') return 'export';
  if (action.endsWith('.read')) return 'read';
  return 'change';
}

/**
 * Who accessed the person's record, newest first (DOMAIN §9.6: every read is audited, and the
 * person may see who read their record): each audited access to the record by someone, with their
 * name and current roles. Entries of the system (jobs, no actor) are not readers. Neither
 * authorizes nor audits: the caller (coordinator route, person portal) does both.
 */
export async function listRecordReaders(
  ctx: ServiceContext,
  personId: string,
  paging?: ReaderPaging,
): Promise<{ items: TRecordReader[]; total: number }> {
  const where = and(
    eq(auditEvents.organizationId, ctx.organizationId),
    eq(auditEvents.resourceType, 'person'),
    eq(auditEvents.resourceId, personId),
    isNotNull(auditEvents.actorUserId),
  );
  const query = ctx.tx
    .select({ at: auditEvents.occurredAt, action: auditEvents.action, readerId: users.id, readerName: users.name })
    .from(auditEvents)
    .innerJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(where)
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id));
  const rows = paging ? await query.limit(paging.pageSize).offset((paging.page - 1) * paging.pageSize) : await query;
  const [totals] = await ctx.tx.select({ total: count() }).from(auditEvents).innerJoin(users, eq(users.id, auditEvents.actorUserId)).where(where);
  const readerIds = [...new Set(rows.map((row) => row.readerId))];
  const roles = readerIds.length > 0 ? await ctx.tx.select().from(userRoles).where(inArray(userRoles.userId, readerIds)) : [];
  return {
    items: rows.map((row) => ({
      at: row.at.toISOString(),
      reader: { id: row.readerId, name: row.readerName },
      roles: roles.filter((role) => role.userId === row.readerId).map((role) => role.role),
      action: row.action,
      kind: accessKindOf(row.action),
    })),
    total: totals?.total ?? 0,
  };
}
