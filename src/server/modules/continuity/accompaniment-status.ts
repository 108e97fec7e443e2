import { and, eq, sql } from 'drizzle-orm';
import type { TAccompanimentClosingReason, TAccompanimentStatus } from '../../../shared/accompaniments';
import type { ServiceContext } from '../../platform/http/context';
import { accompaniments, accompanimentStatusEvents } from '../accompaniments/schema';

export type AccompanimentMove = {
  to: TAccompanimentStatus;
  /** A code (the case outcome, the rupture signal), never free text: status events are kept after anonymisation. */
  reason: string;
  closingReason?: TAccompanimentClosingReason;
  /** Contact re-established: the accompaniment's last contact is now. */
  lastContactAt?: Date;
};

/**
 * Moves an accompaniment to another status if it is in one of `from`, with its row in
 * accompaniment_status_events and a new version (so an edit based on the old one gets 409).
 * Continuity writes the accompaniment tables directly (agreed with the accompaniments module, which
 * owns them): the status machine of §10.2 is driven from here. Returns the previous status, or null
 * when the accompaniment was not in one of `from` (nothing written).
 */
export async function moveAccompaniment(
  ctx: ServiceContext,
  accompanimentId: string,
  from: readonly TAccompanimentStatus[],
  move: AccompanimentMove,
): Promise<TAccompanimentStatus | null> {
  const [current] = await ctx.tx
    .select({ status: accompaniments.status })
    .from(accompaniments)
    .where(and(eq(accompaniments.id, accompanimentId), eq(accompaniments.organizationId, ctx.organizationId)))
    .for('update');
  if (!current || !from.includes(current.status)) return null;
  const closing = move.to === 'closed';
  await ctx.tx
    .update(accompaniments)
    .set({
      status: move.to,
      ...(closing ? { closedAt: ctx.now, closingReason: move.closingReason ?? 'other' } : {}),
      ...(move.lastContactAt ? { lastContactAt: move.lastContactAt } : {}),
      version: sql`${accompaniments.version} + 1`,
      updatedAt: ctx.now,
    })
    .where(eq(accompaniments.id, accompanimentId));
  await ctx.tx.insert(accompanimentStatusEvents).values({
    organizationId: ctx.organizationId,
    accompanimentId,
    fromStatus: current.status,
    toStatus: move.to,
    at: ctx.now,
    byUserId: ctx.actor?.userId ?? null,
    reason: move.reason,
  });
  return current.status;
}
