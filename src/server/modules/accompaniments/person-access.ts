import { and, eq, inArray, isNull, ne, notExists, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../platform/http/context';
import { personReferents } from '../persons/schema';
import { accompanimentPeers, accompaniments } from './schema';

/**
 * The persons module gives a peer access to a person's record through `person_referents`: a peer
 * assigned to an accompaniment becomes a referent of its person (if not one already), in the same
 * transaction, so the person rules apply unchanged. The persons module exports no function for
 * this one-row upsert, hence the write here (the lead may move it into persons).
 */
export async function grantPersonAccess(ctx: ServiceContext, personId: string, userIds: readonly string[]): Promise<void> {
  if (userIds.length === 0) return;
  await ctx.tx
    .insert(personReferents)
    .values(userIds.map((userId) => ({ personId, userId, organizationId: ctx.organizationId, assignedAt: ctx.now })))
    .onConflictDoNothing();
}

/**
 * A peer taken off an accompaniment stops being a referent of its person (least privilege),
 * unless they still accompany that person in another accompaniment that is not closed. A
 * coordinator may make them referent again from the person's record.
 */
export async function revokePersonAccess(ctx: ServiceContext, personId: string, accompanimentId: string, userIds: readonly string[]): Promise<void> {
  if (userIds.length === 0) return;
  await ctx.tx.delete(personReferents).where(
    and(
      eq(personReferents.personId, personId),
      eq(personReferents.organizationId, ctx.organizationId),
      inArray(personReferents.userId, [...userIds]),
      notExists(
        ctx.tx
          .select({ one: sql`1` })
          .from(accompanimentPeers)
          .innerJoin(accompaniments, eq(accompaniments.id, accompanimentPeers.accompanimentId))
          .where(
            and(
              eq(accompanimentPeers.userId, personReferents.userId),
              isNull(accompanimentPeers.endedAt),
              eq(accompaniments.personId, personId),
              ne(accompaniments.id, accompanimentId),
              ne(accompaniments.status, 'closed'),
            ),
          ),
      ),
    ),
  );
}
