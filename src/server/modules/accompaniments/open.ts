import { and, eq, ne } from 'drizzle-orm';
import type { TAccompanimentOpenInput } from '../../../shared/accompaniments';
import { can } from '../../platform/access/policy';
import type { ServiceContext } from '../../platform/http/context';
import { conflict, notFound } from '../../platform/http/errors';
import { actorOf } from '../../platform/tenancy/scope';
import { loadPerson } from '../persons/queries';
import { asRequestRecord, loadRequest, type RequestWithPerson } from '../requests/queries';
import { changeStatus } from '../requests/status';
import { conflictOn, invalidField } from './field-errors';
import { setPeers, validatePeers } from './peers';
import { accompanimentGoals, accompaniments } from './schema';
import { recordOpening } from './status';

/**
 * Opens an accompaniment of a person with one or two peers and the person's first goals, in the
 * caller's transaction. From a request, the request moves to `accompaniment_opened` through the
 * requests module's own status change (its event and audit included); if that step is refused
 * (the request was never contacted, or changed since read) nothing of the opening remains.
 */
export async function openAccompaniment(ctx: ServiceContext, input: TAccompanimentOpenInput): Promise<string> {
  // Locking the person serialises two openings for the same person (one ongoing accompaniment at a time).
  const person = await loadPerson(ctx, input.personId, { forUpdate: true });
  await ensureNoneOngoing(ctx, person.id);
  const peers = await validatePeers(ctx, input.peerIds);
  const request = input.requestId ? await requestToOpen(ctx, input.requestId, person.id, input.requestVersion) : null;

  const [row] = await ctx.tx
    .insert(accompaniments)
    .values({
      organizationId: ctx.organizationId,
      personId: person.id,
      requestId: request?.id ?? null,
      status: 'active',
      openedAt: ctx.now,
      openedBy: ctx.actor?.userId ?? null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning({ id: accompaniments.id });
  if (!row) throw new Error('accompaniment insert returned nothing');
  await setPeers(ctx, { id: row.id, personId: person.id }, [], peers);
  const goals = input.goals ?? [];
  if (goals.length > 0) {
    await ctx.tx
      .insert(accompanimentGoals)
      // One millisecond apart: goals are listed by creation time, in the order the person said them.
      .values(
        goals.map((wording, index) => {
          const at = new Date(ctx.now.getTime() + index);
          return { organizationId: ctx.organizationId, accompanimentId: row.id, wording, createdAt: at, updatedAt: at };
        }),
      );
  }
  await recordOpening(ctx, row.id);
  await ctx.audit({
    action: 'accompaniment.opened',
    resourceType: 'accompaniment',
    resourceId: row.id,
    context: {
      personId: person.id,
      requestId: request?.id ?? null,
      peers: peers.length,
      volunteers: peers.filter((peer) => peer.asVolunteer).length,
      goals: goals.length,
    },
  });
  if (request) await changeStatus(ctx, request, { version: request.version, status: 'accompaniment_opened' });
  return row.id;
}

async function ensureNoneOngoing(ctx: ServiceContext, personId: string): Promise<void> {
  const [ongoing] = await ctx.tx
    .select({ id: accompaniments.id })
    .from(accompaniments)
    .where(and(eq(accompaniments.personId, personId), eq(accompaniments.organizationId, ctx.organizationId), ne(accompaniments.status, 'closed')))
    .limit(1);
  if (ongoing) throw conflictOn(ctx.locale, 'personId', 'alreadyOpen');
}

/** The request the accompaniment answers: one the actor may manage, about the same person, as read. */
async function requestToOpen(ctx: ServiceContext, requestId: string, personId: string, versionRead: number | undefined): Promise<RequestWithPerson> {
  const request = await loadRequest(ctx, requestId, { forUpdate: true });
  if (!can(actorOf(ctx), 'request.manage', asRequestRecord(request))) throw notFound();
  if (request.personId !== personId) throw invalidField(ctx.locale, 'requestId', 'requestOtherPerson');
  if (versionRead !== undefined && versionRead !== request.version) throw conflict();
  return request;
}
