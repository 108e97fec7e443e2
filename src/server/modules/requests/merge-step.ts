import { and, eq } from 'drizzle-orm';
import { registerPersonMergeStep } from '../persons/merge';
import { supportRequests } from './schema';

// When two person records are merged, their requests follow the kept one (persons never reads this table).
registerPersonMergeStep('requests', async (ctx, move) => {
  const moved = await ctx.tx
    .update(supportRequests)
    .set({ personId: move.toId, updatedAt: ctx.now })
    .where(and(eq(supportRequests.personId, move.fromId), eq(supportRequests.organizationId, ctx.organizationId)))
    .returning({ id: supportRequests.id });
  return moved.length;
});
