import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor';
import { can } from '../../platform/access/policy';
import { users } from '../../platform/auth/schema';
import type { ServiceContext } from '../../platform/http/context';
import { forbidden, notFound } from '../../platform/http/errors';
import { conflictOn } from './field-errors';
import type { AccompanimentRecord } from './policy';
import { accompanimentPeers, accompaniments } from './schema';

export type AccompanimentRow = typeof accompaniments.$inferSelect;
export type PeerAssignment = { userId: string; name: string; asVolunteer: boolean; assignedAt: Date; endedAt: Date | null };
/** An accompaniment with every peer it ever had (current ones have no `endedAt`). */
export type LoadedAccompaniment = AccompanimentRow & { peers: PeerAssignment[] };

export type AccompanimentAction = 'accompaniment.read' | 'accompaniment.work' | 'accompaniment.assignPeers' | 'accompaniment.close';

export const currentPeers = (accompaniment: LoadedAccompaniment): PeerAssignment[] => accompaniment.peers.filter((peer) => peer.endedAt === null);

export const asAccompanimentRecord = (accompaniment: LoadedAccompaniment): AccompanimentRecord => ({
  organizationId: accompaniment.organizationId,
  id: accompaniment.id,
  currentPeerIds: currentPeers(accompaniment).map((peer) => peer.userId),
});

/** Peers of these accompaniments (one query for a whole page), current ones first, then by name. */
export async function peersOf(ctx: ServiceContext, accompanimentIds: readonly string[]): Promise<Map<string, PeerAssignment[]>> {
  const byAccompaniment = new Map<string, PeerAssignment[]>();
  if (accompanimentIds.length === 0) return byAccompaniment;
  const rows = await ctx.tx
    .select({
      accompanimentId: accompanimentPeers.accompanimentId,
      userId: accompanimentPeers.userId,
      name: users.name,
      asVolunteer: accompanimentPeers.asVolunteer,
      assignedAt: accompanimentPeers.assignedAt,
      endedAt: accompanimentPeers.endedAt,
    })
    .from(accompanimentPeers)
    .innerJoin(users, eq(users.id, accompanimentPeers.userId))
    .where(and(eq(accompanimentPeers.organizationId, ctx.organizationId), inArray(accompanimentPeers.accompanimentId, [...accompanimentIds])))
    .orderBy(sql`${accompanimentPeers.endedAt} asc nulls first`, asc(users.name), asc(users.id));
  for (const { accompanimentId, ...peer } of rows) {
    const list = byAccompaniment.get(accompanimentId) ?? [];
    list.push(peer);
    byAccompaniment.set(accompanimentId, list);
  }
  return byAccompaniment;
}

/** An accompaniment of the actor's organisation with its peers; another organisation's: 404. */
export async function loadAccompaniment(ctx: ServiceContext, id: string, options: { forUpdate?: boolean } = {}): Promise<LoadedAccompaniment> {
  const query = ctx.tx
    .select()
    .from(accompaniments)
    .where(and(eq(accompaniments.id, id), eq(accompaniments.organizationId, ctx.organizationId)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound();
  return { ...row, peers: (await peersOf(ctx, [id])).get(id) ?? [] };
}

/**
 * Loads and authorizes in one step. Someone who may not read the accompaniment learns nothing
 * (404); a reader who may not do this action gets 403.
 */
export async function loadAccompanimentFor(
  ctx: ServiceContext,
  actor: Actor,
  action: AccompanimentAction,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<LoadedAccompaniment> {
  const accompaniment = await loadAccompaniment(ctx, id, options);
  const record = asAccompanimentRecord(accompaniment);
  if (!can(actor, 'accompaniment.read', record)) throw notFound();
  if (!can(actor, action, record)) throw forbidden();
  return accompaniment;
}

/** A closed accompaniment is history: nothing is added to it or changed in it any more (409). */
export function ensureOpen(ctx: ServiceContext, accompaniment: AccompanimentRow): void {
  if (accompaniment.status === 'closed') throw conflictOn(ctx.locale, 'status', 'accompanimentClosed');
}

/** Accompaniments whose content a peer sees: those they are a current peer of (coordinators see all). */
export function visibleAccompanimentIds(ctx: ServiceContext, actor: Actor) {
  return ctx.tx
    .select({ id: accompanimentPeers.accompanimentId })
    .from(accompanimentPeers)
    .where(and(eq(accompanimentPeers.userId, actor.userId), eq(accompanimentPeers.organizationId, ctx.organizationId), isNull(accompanimentPeers.endedAt)));
}
