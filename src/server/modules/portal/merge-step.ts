import { and, eq } from 'drizzle-orm';
import { registerPersonMergeStep } from '../persons/merge';
import { accountOfPerson } from './accounts';
import { conflictOn } from './field-errors';
import { personAccounts, personInvitations, portalMessages } from './schema';

/**
 * When two person records become one, the portal follows the kept record: its messages, pending
 * invitations, and the
 * duplicate's account if the kept record has none. Two accounts cannot become one person (one
 * account per person): the merge is refused (409) until one of them is closed.
 */
registerPersonMergeStep('portal', async (ctx, move) => {
  const duplicateAccount = await accountOfPerson(ctx, move.fromId);
  let moved = 0;
  if (duplicateAccount) {
    if (await accountOfPerson(ctx, move.toId)) throw conflictOn(ctx.locale, 'duplicateId', 'bothPersonsHaveAccounts');
    await ctx.tx
      .update(personAccounts)
      .set({ personId: move.toId })
      .where(and(eq(personAccounts.personId, move.fromId), eq(personAccounts.organizationId, ctx.organizationId)));
    moved += 1;
  }
  const messages = await ctx.tx
    .update(portalMessages)
    .set({ personId: move.toId })
    .where(and(eq(portalMessages.personId, move.fromId), eq(portalMessages.organizationId, ctx.organizationId)))
    .returning({ id: portalMessages.id });
  // A pending invitation of the duplicate now opens the kept record (its address is checked on acceptance).
  const invitationsMoved = await ctx.tx
    .update(personInvitations)
    .set({ personId: move.toId })
    .where(and(eq(personInvitations.personId, move.fromId), eq(personInvitations.organizationId, ctx.organizationId)))
    .returning({ id: personInvitations.invitationId });
  return moved + messages.length + invitationsMoved.length;
});
