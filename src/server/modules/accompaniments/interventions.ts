import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { TIntervention, TInterventionInput, TInterventionPage } from '../../../shared/accompaniments';
import type { TPageQuery } from '../../../shared/pagination';
import type { ServiceContext } from '../../platform/http/context';
import { touchLastContact } from '../persons/update';
import { invalidField } from './field-errors';
import { ensureOpen, type LoadedAccompaniment } from './records';
import { accompaniments, interventionPeers, interventions } from './schema';

/** A device clock slightly ahead of the server's must not refuse "now". */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * Logs one intervention and keeps "last contact" current on the accompaniment and on the person
 * (never moved back by a late entry), all in the caller's transaction. The peers present must be
 * peers of this accompaniment (current or former: an entry may be written after a change of peers).
 */
export async function recordIntervention(ctx: ServiceContext, accompaniment: LoadedAccompaniment, input: TInterventionInput): Promise<TIntervention> {
  ensureOpen(ctx, accompaniment);
  const occurredAt = new Date(input.occurredAt);
  if (occurredAt.getTime() > ctx.now.getTime() + FUTURE_TOLERANCE_MS) throw invalidField(ctx.locale, 'occurredAt', 'dateInFuture');
  if (new Set(input.peerIds).size !== input.peerIds.length) throw invalidField(ctx.locale, 'peerIds', 'peerRepeated');
  const names = new Map(accompaniment.peers.map((peer) => [peer.userId, peer.name]));
  if (input.peerIds.some((id) => !names.has(id))) throw invalidField(ctx.locale, 'peerIds', 'presentNotPeer');

  const [row] = await ctx.tx
    .insert(interventions)
    .values({
      organizationId: ctx.organizationId,
      accompanimentId: accompaniment.id,
      personId: accompaniment.personId,
      occurredAt,
      durationMinutes: input.durationMinutes,
      type: input.type,
      place: input.place ?? null,
      recordedBy: ctx.actor?.userId ?? null,
      createdAt: ctx.now,
    })
    .returning();
  if (!row) throw new Error('intervention insert returned nothing');
  await ctx.tx.insert(interventionPeers).values(input.peerIds.map((userId) => ({ interventionId: row.id, userId })));
  await ctx.tx
    .update(accompaniments)
    .set({ lastContactAt: sql`greatest(${accompaniments.lastContactAt}, ${occurredAt.toISOString()}::timestamptz)` })
    .where(and(eq(accompaniments.id, accompaniment.id), eq(accompaniments.organizationId, ctx.organizationId)));
  await touchLastContact(ctx, accompaniment.personId, occurredAt);
  await ctx.audit({
    action: 'intervention.recorded',
    resourceType: 'accompaniment',
    resourceId: accompaniment.id,
    context: { interventionId: row.id, type: row.type, durationMinutes: row.durationMinutes, peers: input.peerIds.length },
  });
  const peers = input.peerIds.map((id) => ({ id, name: names.get(id) ?? '' })).sort((a, b) => a.name.localeCompare(b.name));
  return presentIntervention({ ...row, peers });
}

type InterventionWithPeers = Pick<
  typeof interventions.$inferSelect,
  'id' | 'accompanimentId' | 'occurredAt' | 'durationMinutes' | 'type' | 'place' | 'recordedBy'
> & { peers: { id: string; name: string }[] };

function presentIntervention(row: InterventionWithPeers): TIntervention {
  return {
    id: row.id,
    accompanimentId: row.accompanimentId,
    occurredAt: row.occurredAt.toISOString(),
    durationMinutes: row.durationMinutes,
    type: row.type,
    place: row.place,
    recordedBy: row.recordedBy,
    peers: row.peers,
  };
}

const ZPeersJson = z.array(z.object({ id: z.string(), name: z.string() }));

/**
 * One page of interventions, newest first, in one statement: the peers present are aggregated per
 * row (no query per intervention) and the total comes with the page. The table is named in full in
 * the peers subquery because a one-table select renders bare column names.
 */
export async function interventionPage(ctx: ServiceContext, where: SQL | undefined, page: TPageQuery): Promise<TInterventionPage> {
  const rows = await ctx.tx
    .select({
      id: interventions.id,
      accompanimentId: interventions.accompanimentId,
      occurredAt: interventions.occurredAt,
      durationMinutes: interventions.durationMinutes,
      type: interventions.type,
      place: interventions.place,
      recordedBy: interventions.recordedBy,
      peers: sql<unknown>`coalesce((select json_agg(json_build_object('id', u.id, 'name', u.name) order by u.name, u.id) from intervention_peers ip join users u on u.id = ip.user_id where ip.intervention_id = "interventions"."id"), '[]'::json)`,
      // Uncorrelated, so computed once (an InitPlan) while the page itself stops after `limit` rows; inside it
      // the same conditions bind to the inner `interventions`, which shadows the outer one.
      total: sql<number>`(select cast(count(*) as integer) from ${interventions} where ${where ?? sql`true`})`,
    })
    .from(interventions)
    .where(where)
    .orderBy(desc(interventions.occurredAt), desc(interventions.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [first] = rows;
  // A page past the end has no row to carry the total: count apart (rare).
  const total = first ? first.total : page.page === 1 ? 0 : ((await ctx.tx.select({ total: count() }).from(interventions).where(where))[0]?.total ?? 0);
  return {
    items: rows.map(({ total: _total, peers, ...row }) => presentIntervention({ ...row, peers: ZPeersJson.parse(peers) })),
    total,
    page: page.page,
    pageSize: page.pageSize,
  };
}

/** The interventions of one accompaniment, newest first; the read is audited (they describe a person's life). */
export async function listInterventions(ctx: ServiceContext, accompanimentId: string, page: TPageQuery): Promise<TInterventionPage> {
  const result = await interventionPage(
    ctx,
    and(eq(interventions.accompanimentId, accompanimentId), eq(interventions.organizationId, ctx.organizationId)),
    page,
  );
  await ctx.audit({
    action: 'accompaniment.interventions.read',
    resourceType: 'accompaniment',
    resourceId: accompanimentId,
    context: { results: result.items.length, total: result.total, page: page.page },
  });
  return result;
}
