import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { TAccompanimentDetail, TAccompanimentListQuery, TAccompanimentPage, TAccompanimentSummary } from '../../../shared/accompaniments';
import type { Actor } from '../../platform/access/actor';
import { can, canDo } from '../../platform/access/policy';
import type { ServiceContext } from '../../platform/http/context';
import { displayNameOf } from '../persons/folding';
import { loadPerson } from '../persons/queries';
import { persons } from '../persons/schema';
import { upcomingAppointmentsOf } from './appointments';
import { goalsOf } from './goals';
import { interventionPage } from './interventions';
import { ensurePersonReadable } from './person-interventions';
import { asAccompanimentRecord, peersOf, visibleAccompanimentIds, type AccompanimentRow, type LoadedAccompaniment, type PeerAssignment } from './records';
import { accompanimentPeers, accompanimentStatusEvents, accompaniments, interventions } from './schema';

/** How many of the latest interventions the accompaniment page shows (the rest is paginated). */
const LAST_INTERVENTIONS = 5;

type SummaryRow = { accompaniment: AccompanimentRow; person: { id: string; firstName: string | null; pseudonym: string | null; lastName: string | null } };

function presentPeers(peers: readonly PeerAssignment[]) {
  return peers.map((peer) => ({
    id: peer.userId,
    name: peer.name,
    asVolunteer: peer.asVolunteer,
    assignedAt: peer.assignedAt.toISOString(),
    endedAt: peer.endedAt?.toISOString() ?? null,
  }));
}

function presentSummary(row: SummaryRow, peers: readonly PeerAssignment[]): TAccompanimentSummary {
  const { accompaniment } = row;
  return {
    id: accompaniment.id,
    status: accompaniment.status,
    person: { id: row.person.id, displayName: displayNameOf(row.person) },
    peers: presentPeers(peers),
    openedAt: accompaniment.openedAt.toISOString(),
    lastContactAt: accompaniment.lastContactAt?.toISOString() ?? null,
    closedAt: accompaniment.closedAt?.toISOString() ?? null,
    version: accompaniment.version,
  };
}

/** Latest activity first: the last contact, or the opening when nothing happened yet. */
const latestActivity = sql`coalesce(${accompaniments.lastContactAt}, ${accompaniments.openedAt})`;

async function summaries(ctx: ServiceContext, where: SQL | undefined, page?: { page: number; pageSize: number }) {
  const query = ctx.tx
    .select({
      accompaniment: accompaniments,
      person: { id: persons.id, firstName: persons.firstName, pseudonym: persons.pseudonym, lastName: persons.lastName },
    })
    .from(accompaniments)
    .innerJoin(persons, eq(persons.id, accompaniments.personId))
    .where(where)
    .orderBy(desc(latestActivity), desc(accompaniments.id));
  const rows = page ? await query.limit(page.pageSize).offset((page.page - 1) * page.pageSize) : await query;
  const peers = await peersOf(ctx, rows.map((row) => row.accompaniment.id));
  return rows.map((row) => presentSummary(row, peers.get(row.accompaniment.id) ?? []));
}

/**
 * A page of accompaniments, latest activity first: coordinators see the organisation's, peers
 * those they are currently assigned to; `peerId` narrows to one peer's current accompaniments.
 */
export async function listAccompaniments(ctx: ServiceContext, actor: Actor, filter: TAccompanimentListQuery): Promise<TAccompanimentPage> {
  const conditions: SQL[] = [eq(accompaniments.organizationId, ctx.organizationId)];
  if (filter.status) conditions.push(eq(accompaniments.status, filter.status));
  if (filter.peerId) {
    const ofPeer = ctx.tx
      .select({ id: accompanimentPeers.accompanimentId })
      .from(accompanimentPeers)
      .where(and(eq(accompanimentPeers.userId, filter.peerId), eq(accompanimentPeers.organizationId, ctx.organizationId), isNull(accompanimentPeers.endedAt)));
    conditions.push(inArray(accompaniments.id, ofPeer));
  }
  if (!canDo(actor, 'accompaniments.viewAll')) conditions.push(inArray(accompaniments.id, visibleAccompanimentIds(ctx, actor)));
  const where = and(...conditions);
  const items = await summaries(ctx, where, filter);
  const [totals] = await ctx.tx.select({ total: count() }).from(accompaniments).where(where);
  const total = totals?.total ?? 0;
  await ctx.audit({ action: 'accompaniment.listed', resourceType: 'accompaniment', context: { results: items.length, total, status: filter.status ?? null } });
  return { items, total, page: filter.page, pageSize: filter.pageSize };
}

/**
 * The accompaniments of a person, for their record page: readable by whoever may open the record
 * (`person.read`), narrowed for peers to those they are assigned to. Audited.
 */
export async function listAccompanimentsOfPerson(ctx: ServiceContext, actor: Actor, personId: string): Promise<TAccompanimentSummary[]> {
  await ensurePersonReadable(ctx, actor, personId);
  const conditions: SQL[] = [eq(accompaniments.personId, personId), eq(accompaniments.organizationId, ctx.organizationId)];
  if (!canDo(actor, 'accompaniments.viewAll')) conditions.push(inArray(accompaniments.id, visibleAccompanimentIds(ctx, actor)));
  const items = await summaries(ctx, and(...conditions));
  await ctx.audit({ action: 'person.accompaniments.read', resourceType: 'person', resourceId: personId, context: { results: items.length } });
  return items;
}

/**
 * Every accompaniment of a person, for the person's own portal: no actor rule here (the caller
 * has established that the reader is the person). Audited.
 */
export async function listAccompanimentsForPerson(ctx: ServiceContext, personId: string): Promise<TAccompanimentSummary[]> {
  const items = await summaries(ctx, and(eq(accompaniments.personId, personId), eq(accompaniments.organizationId, ctx.organizationId)));
  await ctx.audit({ action: 'person.accompaniments.read', resourceType: 'person', resourceId: personId, context: { results: items.length, portal: true } });
  return items;
}

/** The accompaniment page: person, peers, goals, next appointment, latest interventions, history, permissions. */
export async function presentAccompanimentDetail(ctx: ServiceContext, actor: Actor, accompaniment: LoadedAccompaniment): Promise<TAccompanimentDetail> {
  const person = await loadPerson(ctx, accompaniment.personId);
  const goals = await goalsOf(ctx, accompaniment.id);
  const upcoming = await upcomingAppointmentsOf(ctx, accompaniment.id, 1);
  const latest = await interventionPage(
    ctx,
    and(eq(interventions.accompanimentId, accompaniment.id), eq(interventions.organizationId, ctx.organizationId)),
    { page: 1, pageSize: LAST_INTERVENTIONS },
  );
  const events = await ctx.tx
    .select()
    .from(accompanimentStatusEvents)
    .where(eq(accompanimentStatusEvents.accompanimentId, accompaniment.id))
    // The opening (no previous status) first, even when a change shares its instant.
    .orderBy(asc(accompanimentStatusEvents.at), sql`${accompanimentStatusEvents.fromStatus} is not null`, asc(accompanimentStatusEvents.id));
  const record = asAccompanimentRecord(accompaniment);
  const open = accompaniment.status !== 'closed';
  return {
    ...presentSummary({ accompaniment, person }, accompaniment.peers),
    person: {
      id: person.id,
      displayName: displayNameOf(person),
      communeName: person.communeName,
      departement: person.departement,
      lastContactAt: person.lastContactAt?.toISOString() ?? null,
    },
    requestId: accompaniment.requestId,
    closingReason: accompaniment.closingReason,
    closingNote: accompaniment.closingNote,
    goals,
    nextAppointment: upcoming[0] ?? null,
    lastInterventions: latest.items,
    statusEvents: events.map((event) => ({
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      at: event.at.toISOString(),
      byUserId: event.byUserId,
      reason: event.reason,
    })),
    policies: {
      work: open && can(actor, 'accompaniment.work', record),
      assignPeers: open && can(actor, 'accompaniment.assignPeers', record),
      close: open && can(actor, 'accompaniment.close', record),
    },
  };
}
