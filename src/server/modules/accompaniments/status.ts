import { and, eq, sql } from 'drizzle-orm';
import type { TAccompanimentClosingReason, TAccompanimentStatus } from '../../../shared/accompaniments';
import type { ServiceContext } from '../../platform/http/context';
import { badRequest, conflict } from '../../platform/http/errors';
import type { AccompanimentRow } from './records';
import { accompanimentStatusEvents, accompaniments } from './schema';

/**
 * The accompaniment's life: active, a rupture suspected by the daily job, an outreach under way,
 * back to active when contact is re-established, closed from any of them. Closed is final.
 */
const NEXT: Record<TAccompanimentStatus, readonly TAccompanimentStatus[]> = {
  active: ['rupture_suspected', 'outreach_in_progress', 'closed'],
  rupture_suspected: ['active', 'outreach_in_progress', 'closed'],
  outreach_in_progress: ['active', 'rupture_suspected', 'closed'],
  closed: [],
};

type Closing = { reason: TAccompanimentClosingReason; note: string | null };
const UNSPECIFIED_CLOSING: Closing = { reason: 'other', note: null };

export type StatusChange = {
  to: TAccompanimentStatus;
  /** The version the caller read; omitted by jobs, which hold the row lock instead. */
  version?: number;
  /** Why (a code or a short text, no personal data): kept on the event. */
  reason?: string | null;
  closing?: Closing;
};

/**
 * Moves an accompaniment to another status if it is still at the version read (else 409), writes
 * the change with its time in accompaniment_status_events and audits it, in the caller's
 * transaction. Exported for the continuity module (rupture suspected, outreach, resumed).
 */
export async function changeAccompanimentStatus(ctx: ServiceContext, accompaniment: AccompanimentRow, change: StatusChange): Promise<AccompanimentRow> {
  const version = change.version ?? accompaniment.version;
  if (version !== accompaniment.version) throw conflict();
  if (!NEXT[accompaniment.status].includes(change.to)) throw badRequest('invalidStatusChange');
  const closing = change.to === 'closed' ? (change.closing ?? UNSPECIFIED_CLOSING) : null;
  const [updated] = await ctx.tx
    .update(accompaniments)
    .set({
      status: change.to,
      ...(closing ? { closedAt: ctx.now, closingReason: closing.reason, closingNote: closing.note } : {}),
      version: sql`${accompaniments.version} + 1`,
      updatedAt: ctx.now,
    })
    .where(and(eq(accompaniments.id, accompaniment.id), eq(accompaniments.organizationId, ctx.organizationId), eq(accompaniments.version, version)))
    .returning();
  // Someone else saved between our read and this write.
  if (!updated) throw conflict();
  await ctx.tx.insert(accompanimentStatusEvents).values({
    organizationId: ctx.organizationId,
    accompanimentId: accompaniment.id,
    fromStatus: accompaniment.status,
    toStatus: change.to,
    at: ctx.now,
    byUserId: ctx.actor?.userId ?? null,
    reason: change.reason ?? closing?.reason ?? null,
  });
  await ctx.audit({
    action: 'accompaniment.status.changed',
    resourceType: 'accompaniment',
    resourceId: accompaniment.id,
    context: { from: accompaniment.status, to: change.to, reason: closing?.reason ?? null, version: version + 1 },
  });
  return updated;
}

/** The first event of every accompaniment: opened, from no status. */
export async function recordOpening(ctx: ServiceContext, accompanimentId: string): Promise<void> {
  await ctx.tx.insert(accompanimentStatusEvents).values({
    organizationId: ctx.organizationId,
    accompanimentId,
    fromStatus: null,
    toStatus: 'active',
    at: ctx.now,
    byUserId: ctx.actor?.userId ?? null,
  });
}
