import { and, count, desc, eq, isNull, ne } from 'drizzle-orm';
import type { TAccompanimentStatus } from '../../../shared/accompaniments';
import type { TPortalMessage, TStaffMessage } from '../../../shared/portal';
import type { Actor } from '../../platform/access/actor';
import { can } from '../../platform/access/policy';
import { users } from '../../platform/auth/schema';
import type { ServiceContext } from '../../platform/http/context';
import { forbidden, notFound } from '../../platform/http/errors';
import { actorOf } from '../../platform/tenancy/scope';
import { accompanimentPeers, accompaniments } from '../accompaniments/schema';
import type { AccompanimentRecord } from '../accompaniments/policy';
import { conflictOn } from './field-errors';
import { personAccounts, portalMessages } from './schema';
import { firstNameOf } from './views';

/** The conversation of one accompaniment between the person and the peers who follow them. */
export type Thread = {
  id: string;
  organizationId: string;
  personId: string;
  status: TAccompanimentStatus;
  currentPeerIds: string[];
  /** The person's portal account; without one, every message is the team's. */
  personUserId: string | null;
};

export type Side = 'person' | 'staff';

async function loadThread(ctx: ServiceContext, accompanimentId: string, personId?: string): Promise<Thread> {
  const [row] = await ctx.tx
    .select({ id: accompaniments.id, organizationId: accompaniments.organizationId, personId: accompaniments.personId, status: accompaniments.status, personUserId: personAccounts.userId })
    .from(accompaniments)
    .leftJoin(personAccounts, eq(personAccounts.personId, accompaniments.personId))
    .where(
      and(
        eq(accompaniments.id, accompanimentId),
        eq(accompaniments.organizationId, ctx.organizationId),
        personId ? eq(accompaniments.personId, personId) : undefined,
      ),
    );
  if (!row) throw notFound();
  const peers = await ctx.tx
    .select({ userId: accompanimentPeers.userId })
    .from(accompanimentPeers)
    .where(and(eq(accompanimentPeers.accompanimentId, accompanimentId), isNull(accompanimentPeers.endedAt)));
  return { ...row, currentPeerIds: peers.map((peer) => peer.userId) };
}

/** One of the person's own accompaniments; anyone else's does not exist for them (404). */
export function loadOwnThread(ctx: ServiceContext, personId: string, accompanimentId: string): Promise<Thread> {
  return loadThread(ctx, accompanimentId, personId);
}

/**
 * An accompaniment as the staff reach it, judged by the accompaniment's own rules: who may not
 * read it learns nothing (404); a reader who may not work on it gets 403.
 */
export async function loadStaffThread(
  ctx: ServiceContext,
  actor: Actor,
  action: 'accompaniment.read' | 'accompaniment.work',
  accompanimentId: string,
): Promise<Thread> {
  const thread = await loadThread(ctx, accompanimentId);
  const record: AccompanimentRecord = { organizationId: thread.organizationId, id: thread.id, currentPeerIds: thread.currentPeerIds };
  if (!can(actor, 'accompaniment.read', record)) throw notFound();
  if (!can(actor, action, record)) throw forbidden();
  return thread;
}

export const mayAnswer = (actor: Actor, thread: Thread): boolean =>
  thread.status !== 'closed' && can(actor, 'accompaniment.work', { organizationId: thread.organizationId, id: thread.id, currentPeerIds: thread.currentPeerIds });

/**
 * Marks what the reader's side receives as read: the person opens the peers' messages; a peer of
 * the accompaniment opens the person's (a coordinator looking in does not, so the peer still sees
 * them as new).
 */
async function markRead(ctx: ServiceContext, thread: Thread, side: Side): Promise<number> {
  const actor = actorOf(ctx);
  let fromOtherSide;
  if (side === 'person') fromOtherSide = ne(portalMessages.authorId, actor.userId);
  else if (thread.personUserId && thread.currentPeerIds.includes(actor.userId)) fromOtherSide = eq(portalMessages.authorId, thread.personUserId);
  else return 0;
  const marked = await ctx.tx
    .update(portalMessages)
    .set({ readAt: ctx.now })
    .where(and(eq(portalMessages.accompanimentId, thread.id), fromOtherSide, isNull(portalMessages.readAt)))
    .returning({ id: portalMessages.id });
  return marked.length;
}

type MessageRow = { id: string; body: string; sentAt: Date; readAt: Date | null; authorId: string; authorName: string };

/** One page of the thread, newest first, after marking what the reader receives as read; audited. */
async function readThread(ctx: ServiceContext, thread: Thread, side: Side, page: { page: number; pageSize: number }) {
  const markedRead = await markRead(ctx, thread, side);
  const where = and(eq(portalMessages.accompanimentId, thread.id), eq(portalMessages.organizationId, ctx.organizationId));
  const rows: MessageRow[] = await ctx.tx
    .select({
      id: portalMessages.id,
      body: portalMessages.body,
      sentAt: portalMessages.sentAt,
      readAt: portalMessages.readAt,
      authorId: portalMessages.authorId,
      authorName: users.name,
    })
    .from(portalMessages)
    .innerJoin(users, eq(users.id, portalMessages.authorId))
    .where(where)
    .orderBy(desc(portalMessages.sentAt), desc(portalMessages.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [totals] = await ctx.tx.select({ total: count() }).from(portalMessages).where(where);
  await ctx.audit({
    action: 'portal.messages.read',
    resourceType: 'accompaniment',
    resourceId: thread.id,
    context: { side, results: rows.length, markedRead },
  });
  return { rows, total: totals?.total ?? 0 };
}

export async function readThreadAsPerson(ctx: ServiceContext, thread: Thread, page: { page: number; pageSize: number }) {
  const actor = actorOf(ctx);
  const { rows, total } = await readThread(ctx, thread, 'person', page);
  const items: TPortalMessage[] = rows.map((row) => ({
    id: row.id,
    body: row.body,
    sentAt: row.sentAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
    fromMe: row.authorId === actor.userId,
    authorFirstName: firstNameOf(row.authorName),
  }));
  return { items, total };
}

export async function readThreadAsStaff(ctx: ServiceContext, thread: Thread, page: { page: number; pageSize: number }) {
  const { rows, total } = await readThread(ctx, thread, 'staff', page);
  const items: TStaffMessage[] = rows.map((row) => presentStaffMessage(thread, row));
  return { items, total };
}

export function presentStaffMessage(thread: Thread, row: MessageRow): TStaffMessage {
  return {
    id: row.id,
    body: row.body,
    sentAt: row.sentAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
    fromPerson: row.authorId === thread.personUserId,
    author: { id: row.authorId, name: row.authorName },
  };
}

/** Writes one message in the thread; a closed accompaniment takes none (409). */
export async function postMessage(ctx: ServiceContext, thread: Thread, side: Side, body: string): Promise<MessageRow> {
  const actor = actorOf(ctx);
  if (thread.status === 'closed') throw conflictOn(ctx.locale, 'accompaniment', 'accompanimentClosed');
  const [row] = await ctx.tx
    .insert(portalMessages)
    .values({ organizationId: ctx.organizationId, accompanimentId: thread.id, personId: thread.personId, authorId: actor.userId, body, sentAt: ctx.now })
    .returning();
  if (!row) throw new Error('message insert returned nothing');
  const [author] = await ctx.tx.select({ name: users.name }).from(users).where(eq(users.id, actor.userId));
  await ctx.audit({ action: 'portal.message.sent', resourceType: 'accompaniment', resourceId: thread.id, context: { messageId: row.id, side } });
  return { id: row.id, body: row.body, sentAt: row.sentAt, readAt: row.readAt, authorId: row.authorId, authorName: author?.name ?? '' };
}
