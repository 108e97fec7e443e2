import { and, count, eq, isNull, max } from 'drizzle-orm';
import type { TStaffUnreadList } from '../../../shared/portal';
import type { ServiceContext } from '../../platform/http/context';
import { actorOf } from '../../platform/tenancy/scope';
import { accompanimentPeers } from '../accompaniments/schema';
import { personAccounts, portalMessages } from './schema';

/**
 * The accompaniments the actor follows today (current peer) where the person wrote messages no
 * peer has opened yet: what a peer's menu counts. Ids and counts only, no names, no text.
 */
export async function unreadForPeer(ctx: ServiceContext): Promise<TStaffUnreadList> {
  const actor = actorOf(ctx);
  const rows = await ctx.tx
    .select({ accompanimentId: portalMessages.accompanimentId, unread: count(), lastSentAt: max(portalMessages.sentAt) })
    .from(portalMessages)
    .innerJoin(personAccounts, and(eq(personAccounts.personId, portalMessages.personId), eq(personAccounts.userId, portalMessages.authorId)))
    .innerJoin(
      accompanimentPeers,
      and(
        eq(accompanimentPeers.accompanimentId, portalMessages.accompanimentId),
        eq(accompanimentPeers.userId, actor.userId),
        isNull(accompanimentPeers.endedAt),
      ),
    )
    .where(and(eq(portalMessages.organizationId, ctx.organizationId), isNull(portalMessages.readAt)))
    .groupBy(portalMessages.accompanimentId);
  return {
    items: rows.flatMap((row) => (row.lastSentAt ? [{ accompanimentId: row.accompanimentId, unread: row.unread, lastSentAt: row.lastSentAt.toISOString() }] : [])),
  };
}
