import { and, asc, count, desc, eq, gte, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { TPortalAccompaniment, TPortalAppointment, TPortalNote } from '../../../shared/portal';
import { users } from '../../platform/auth/schema';
import type { ServiceContext } from '../../platform/http/context';
import { accompanimentGoals, accompanimentNotes, accompanimentPeers, accompaniments, appointments } from '../accompaniments/schema';
import { portalMessages } from './schema';

// Read-only queries of the portal: every one is scoped to the person's own id and organisation.

/**
 * A peer is shown to the person by first name only: the first word of the account's name
 * (accounts hold one name field). Compound first names with a hyphen stay whole.
 */
export function firstNameOf(fullName: string): string {
  return fullName.trim().split(/\s+/)[0] ?? '';
}

/** The person's accompaniments, ongoing ones first, with their peers, goals and unread messages. */
export async function accompanimentsOfPerson(ctx: ServiceContext, personId: string): Promise<TPortalAccompaniment[]> {
  const rows = await ctx.tx
    .select()
    .from(accompaniments)
    .where(and(eq(accompaniments.personId, personId), eq(accompaniments.organizationId, ctx.organizationId)))
    .orderBy(sql`${accompaniments.status} = 'closed'`, desc(accompaniments.openedAt), asc(accompaniments.id));
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [peers, goals, unread] = [await peersOf(ctx, ids), await goalsOf(ctx, ids), await unreadFromPeers(ctx, ids)];
  return rows.map((row) => {
    const assigned = peers.filter((peer) => peer.accompanimentId === row.id);
    // A closed accompaniment keeps the names of the peers it had; an open one shows today's.
    const shown = row.status === 'closed' ? assigned : assigned.filter((peer) => peer.endedAt === null);
    return {
      id: row.id,
      status: row.status,
      openedAt: row.openedAt.toISOString(),
      closedAt: row.closedAt?.toISOString() ?? null,
      peers: [...new Set(shown.map((peer) => firstNameOf(peer.name)))].map((firstName) => ({ firstName })),
      goals: goals.filter((goal) => goal.accompanimentId === row.id).map(({ id, wording, status }) => ({ id, wording, status })),
      unreadMessages: unread.get(row.id) ?? 0,
      canWrite: row.status !== 'closed',
    };
  });
}

function peersOf(ctx: ServiceContext, accompanimentIds: string[]) {
  return ctx.tx
    .select({ accompanimentId: accompanimentPeers.accompanimentId, name: users.name, endedAt: accompanimentPeers.endedAt })
    .from(accompanimentPeers)
    .innerJoin(users, eq(users.id, accompanimentPeers.userId))
    .where(and(inArray(accompanimentPeers.accompanimentId, accompanimentIds), eq(accompanimentPeers.organizationId, ctx.organizationId)))
    .orderBy(asc(accompanimentPeers.assignedAt), asc(users.name));
}

function goalsOf(ctx: ServiceContext, accompanimentIds: string[]) {
  return ctx.tx
    .select({ id: accompanimentGoals.id, accompanimentId: accompanimentGoals.accompanimentId, wording: accompanimentGoals.wording, status: accompanimentGoals.status })
    .from(accompanimentGoals)
    .where(and(inArray(accompanimentGoals.accompanimentId, accompanimentIds), eq(accompanimentGoals.organizationId, ctx.organizationId)))
    .orderBy(asc(accompanimentGoals.createdAt), asc(accompanimentGoals.id));
}

/** Messages the person has not opened, per accompaniment: those written by someone else. */
async function unreadFromPeers(ctx: ServiceContext, accompanimentIds: string[]): Promise<Map<string, number>> {
  const actorId = ctx.actor?.userId ?? null;
  if (!actorId) return new Map();
  const rows = await ctx.tx
    .select({ accompanimentId: portalMessages.accompanimentId, unread: count() })
    .from(portalMessages)
    .where(
      and(
        inArray(portalMessages.accompanimentId, accompanimentIds),
        eq(portalMessages.organizationId, ctx.organizationId),
        ne(portalMessages.authorId, actorId),
        isNull(portalMessages.readAt),
      ),
    )
    .groupBy(portalMessages.accompanimentId);
  return new Map(rows.map((row) => [row.accompanimentId, row.unread]));
}

/** How many upcoming appointments the home shows. */
const NEXT_APPOINTMENTS = 10;

/** Planned appointments from now on, soonest first. */
export async function nextAppointmentsOfPerson(ctx: ServiceContext, personId: string): Promise<TPortalAppointment[]> {
  const rows = await ctx.tx
    .select({ id: appointments.id, accompanimentId: appointments.accompanimentId, startsAt: appointments.startsAt, place: appointments.place })
    .from(appointments)
    .innerJoin(accompaniments, eq(accompaniments.id, appointments.accompanimentId))
    .where(
      and(
        eq(accompaniments.personId, personId),
        eq(appointments.personId, personId),
        eq(appointments.organizationId, ctx.organizationId),
        eq(appointments.status, 'planned'),
        gte(appointments.startsAt, ctx.now),
      ),
    )
    .orderBy(asc(appointments.startsAt), asc(appointments.id))
    .limit(NEXT_APPOINTMENTS);
  return rows.map((row) => ({ ...row, startsAt: row.startsAt.toISOString() }));
}

/**
 * The notes written to be shared with the person, newest first. Only `shared_with_person`: team
 * and private notes never leave the staff side, whoever wrote them.
 */
export async function sharedNotesOfPerson(
  ctx: ServiceContext,
  personId: string,
  page: { page: number; pageSize: number },
): Promise<{ items: TPortalNote[]; total: number }> {
  const where = and(
    eq(accompaniments.personId, personId),
    eq(accompanimentNotes.personId, personId),
    eq(accompanimentNotes.organizationId, ctx.organizationId),
    eq(accompanimentNotes.confidentiality, 'shared_with_person'),
  );
  const rows = await ctx.tx
    .select({
      id: accompanimentNotes.id,
      accompanimentId: accompanimentNotes.accompanimentId,
      authorName: users.name,
      body: accompanimentNotes.body,
      writtenAt: accompanimentNotes.writtenAt,
    })
    .from(accompanimentNotes)
    .innerJoin(accompaniments, eq(accompaniments.id, accompanimentNotes.accompanimentId))
    .innerJoin(users, eq(users.id, accompanimentNotes.authorId))
    .where(where)
    .orderBy(desc(accompanimentNotes.writtenAt), desc(accompanimentNotes.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [totals] = await ctx.tx
    .select({ total: count() })
    .from(accompanimentNotes)
    .innerJoin(accompaniments, eq(accompaniments.id, accompanimentNotes.accompanimentId))
    .where(where);
  return {
    items: rows.map((row) => ({
      id: row.id,
      accompanimentId: row.accompanimentId,
      authorFirstName: firstNameOf(row.authorName),
      body: row.body,
      writtenAt: row.writtenAt.toISOString(),
    })),
    total: totals?.total ?? 0,
  };
}
