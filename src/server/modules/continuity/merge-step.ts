import { and, eq } from 'drizzle-orm';
import { registerPersonMergeStep } from '../persons/merge';
import { outreachCases, recontactPreferences } from './schema';

/**
 * When two person records are merged, outreach cases follow the kept one; the kept record's own
 * re-contact preferences win, the duplicate's move over only when the kept record has none.
 */
registerPersonMergeStep('continuity', async (ctx, move) => {
  const cases = await ctx.tx
    .update(outreachCases)
    .set({ personId: move.toId })
    .where(and(eq(outreachCases.personId, move.fromId), eq(outreachCases.organizationId, ctx.organizationId)))
    .returning({ id: outreachCases.id });
  const [keptPreferences] = await ctx.tx
    .select({ personId: recontactPreferences.personId })
    .from(recontactPreferences)
    .where(eq(recontactPreferences.personId, move.toId));
  let preferences = 0;
  if (keptPreferences) {
    await ctx.tx.delete(recontactPreferences).where(eq(recontactPreferences.personId, move.fromId));
  } else {
    const moved = await ctx.tx
      .update(recontactPreferences)
      .set({ personId: move.toId })
      .where(and(eq(recontactPreferences.personId, move.fromId), eq(recontactPreferences.organizationId, ctx.organizationId)))
      .returning({ personId: recontactPreferences.personId });
    preferences = moved.length;
  }
  return cases.length + preferences;
});
