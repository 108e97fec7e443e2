import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { ServiceContext } from '../http/context';
import { users } from '../auth/schema';
import { auditEvents } from './schema';

export type AuditFilter = {
  page: number;
  pageSize: number;
  actorUserId?: string;
  resourceType?: string;
  resourceId?: string;
  action?: string;
  from?: string;
  to?: string;
};

/**
 * One page of the organisation's audit log, newest first (highest id: insertion order across lanes),
 * with the actor's name joined in the same query.
 */
export async function browseAuditLog(ctx: ServiceContext, filter: AuditFilter) {
  const conditions: SQL[] = [eq(auditEvents.organizationId, ctx.organizationId)];
  if (filter.actorUserId) conditions.push(eq(auditEvents.actorUserId, filter.actorUserId));
  if (filter.resourceType) conditions.push(eq(auditEvents.resourceType, filter.resourceType));
  if (filter.resourceId) conditions.push(eq(auditEvents.resourceId, filter.resourceId));
  if (filter.action) conditions.push(eq(auditEvents.action, filter.action));
  if (filter.from) conditions.push(gte(auditEvents.occurredAt, new Date(filter.from)));
  if (filter.to) conditions.push(lte(auditEvents.occurredAt, new Date(filter.to)));
  const where = and(...conditions);
  const rows = await ctx.tx
    .select({ event: auditEvents, actorName: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(where)
    .orderBy(desc(auditEvents.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const [totals] = await ctx.tx.select({ total: count() }).from(auditEvents).where(where);
  const items = rows.map(({ event, actorName }) => ({
    id: event.id,
    seq: event.seq,
    occurredAt: event.occurredAt.toISOString(),
    // An actor whose account row is gone is shown as unknown rather than hiding the entry.
    actor: event.actorUserId && actorName !== null ? { id: event.actorUserId, name: actorName } : null,
    action: event.action,
    resourceType: event.resourceType,
    resourceId: event.resourceId,
    context: event.context,
  }));
  return { items, total: totals?.total ?? 0 };
}
