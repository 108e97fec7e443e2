import { sql } from 'drizzle-orm';
import type { TRequestUrgency } from '../../../shared/requests';
import type { ServiceContext } from '../../platform/http/context';
import { requestReferenceCounters, requestStatusEvents, supportRequests } from './schema';
import { loadTargets, targetMinutes } from './settings';

export type RequestRow = typeof supportRequests.$inferSelect;
export type NewRequest = Omit<
  typeof supportRequests.$inferInsert,
  'id' | 'organizationId' | 'reference' | 'status' | 'receivedAt' | 'respondBy' | 'createdAt' | 'updatedAt' | 'version'
> & { urgency: TRequestUrgency };

/**
 * The next human reference of the organisation for this year, DEM-2026-000123: one upsert on a
 * counter row, so concurrent requests get distinct numbers (the row lock orders them).
 */
export async function nextReference(ctx: ServiceContext): Promise<string> {
  const year = ctx.now.getUTCFullYear();
  const [row] = await ctx.tx
    .insert(requestReferenceCounters)
    .values({ organizationId: ctx.organizationId, year, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [requestReferenceCounters.organizationId, requestReferenceCounters.year],
      set: { lastNumber: sql`${requestReferenceCounters.lastNumber} + 1` },
    })
    .returning({ lastNumber: requestReferenceCounters.lastNumber });
  if (!row) throw new Error('reference counter returned nothing');
  return `DEM-${year}-${String(row.lastNumber).padStart(6, '0')}`;
}

/**
 * Stores a new request with its reference and its response target (fixed now, from the
 * organisation's settings: the promise made when it arrived), and its first status event.
 */
export async function insertRequest(ctx: ServiceContext, values: NewRequest): Promise<RequestRow> {
  const targets = await loadTargets(ctx);
  const respondBy = new Date(ctx.now.getTime() + targetMinutes(targets, values.urgency) * 60_000);
  const reference = await nextReference(ctx);
  const [row] = await ctx.tx
    .insert(supportRequests)
    .values({
      ...values,
      organizationId: ctx.organizationId,
      reference,
      status: 'new',
      receivedAt: ctx.now,
      respondBy,
      createdBy: ctx.actor?.userId ?? null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  if (!row) throw new Error('request insert returned nothing');
  await ctx.tx.insert(requestStatusEvents).values({
    organizationId: ctx.organizationId,
    requestId: row.id,
    fromStatus: null,
    toStatus: 'new',
    at: ctx.now,
    byUserId: ctx.actor?.userId ?? null,
  });
  await ctx.audit({
    action: 'request.received',
    resourceType: 'request',
    resourceId: row.id,
    context: { reference, source: row.source, urgency: row.urgency, departement: row.departement, personId: row.personId },
  });
  return row;
}
