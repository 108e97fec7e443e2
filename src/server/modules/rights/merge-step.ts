import { and, eq } from 'drizzle-orm';
import { registerPersonMergeStep } from '../persons/merge';
import { anonymisationProposals, rightsRequests } from './schema';

/**
 * When two person records are merged, rights requests and decided retention proposals follow the
 * kept one; an open proposal of the duplicate is dropped (the next retention review judges the
 * merged record on its own last contact).
 */
registerPersonMergeStep('rights', async (ctx, move) => {
  const requests = await ctx.tx
    .update(rightsRequests)
    .set({ personId: move.toId })
    .where(and(eq(rightsRequests.personId, move.fromId), eq(rightsRequests.organizationId, ctx.organizationId)))
    .returning({ id: rightsRequests.id });
  await ctx.tx.delete(anonymisationProposals).where(and(eq(anonymisationProposals.personId, move.fromId), eq(anonymisationProposals.status, 'proposed')));
  const proposals = await ctx.tx
    .update(anonymisationProposals)
    .set({ personId: move.toId })
    .where(and(eq(anonymisationProposals.personId, move.fromId), eq(anonymisationProposals.organizationId, ctx.organizationId)))
    .returning({ id: anonymisationProposals.id });
  return requests.length + proposals.length;
});
