import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { userRoles, users } from '../../platform/auth/schema';
import type { ServiceContext } from '../../platform/http/context';
import { invalidField } from './field-errors';
import { grantPersonAccess, revokePersonAccess } from './person-access';
import type { PeerAssignment } from './records';
import { accompanimentPeers } from './schema';

/** A peer as assigned: a user holding the peer worker role counts as salaried even if also a volunteer. */
export type ValidatedPeer = { userId: string; asVolunteer: boolean };

/**
 * The peers of an accompaniment must be active users of the organisation holding the peer worker
 * or volunteer role, each once, and a volunteer is never alone: at least one salaried peer worker
 * is in the binôme. Any breach is a 400 on `field`.
 */
export async function validatePeers(ctx: ServiceContext, peerIds: readonly string[], field = 'peerIds'): Promise<ValidatedPeer[]> {
  if (new Set(peerIds).size !== peerIds.length) throw invalidField(ctx.locale, field, 'peerRepeated');
  const rows = await ctx.tx
    .select({ userId: userRoles.userId, role: userRoles.role })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(
      and(
        inArray(users.id, [...peerIds]),
        eq(users.organizationId, ctx.organizationId),
        eq(users.active, true),
        inArray(userRoles.role, ['peer_worker', 'volunteer']),
      ),
    );
  const salaried = new Set(rows.filter((row) => row.role === 'peer_worker').map((row) => row.userId));
  const peers = new Set(rows.map((row) => row.userId));
  if (peerIds.some((id) => !peers.has(id))) throw invalidField(ctx.locale, field, 'peerNotActive');
  const validated = peerIds.map((userId) => ({ userId, asVolunteer: !salaried.has(userId) }));
  if (!validated.some((peer) => !peer.asVolunteer)) throw invalidField(ctx.locale, field, 'volunteerAlone');
  return validated;
}

type Target = { id: string; personId: string };

/**
 * Makes `wanted` the current peers: those left out end their assignment (kept as history), new
 * ones start now (a former peer coming back is assigned again). Their access to the person's
 * record follows in the same transaction.
 */
export async function setPeers(
  ctx: ServiceContext,
  accompaniment: Target,
  current: readonly PeerAssignment[],
  wanted: readonly ValidatedPeer[],
): Promise<{ added: string[]; ended: string[] }> {
  const currentIds = current.filter((peer) => peer.endedAt === null).map((peer) => peer.userId);
  const wantedIds = wanted.map((peer) => peer.userId);
  const ended = currentIds.filter((id) => !wantedIds.includes(id));
  const added = wanted.filter((peer) => !currentIds.includes(peer.userId));
  if (ended.length > 0) {
    await ctx.tx
      .update(accompanimentPeers)
      .set({ endedAt: ctx.now })
      .where(and(eq(accompanimentPeers.accompanimentId, accompaniment.id), inArray(accompanimentPeers.userId, ended), isNull(accompanimentPeers.endedAt)));
  }
  if (added.length > 0) {
    await ctx.tx
      .insert(accompanimentPeers)
      .values(
        added.map((peer) => ({
          accompanimentId: accompaniment.id,
          userId: peer.userId,
          organizationId: ctx.organizationId,
          asVolunteer: peer.asVolunteer,
          assignedAt: ctx.now,
        })),
      )
      .onConflictDoUpdate({
        target: [accompanimentPeers.accompanimentId, accompanimentPeers.userId],
        set: { endedAt: null, assignedAt: ctx.now, asVolunteer: sql`excluded.as_volunteer` },
      });
  }
  const addedIds = added.map((peer) => peer.userId);
  await grantPersonAccess(ctx, accompaniment.personId, addedIds);
  await revokePersonAccess(ctx, accompaniment.personId, accompaniment.id, ended);
  return { added: addedIds, ended };
}
