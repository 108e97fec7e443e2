import { and, eq, isNull } from 'drizzle-orm';
import type { ServiceContext } from '../../platform/http/context';
import { actorOf } from '../../platform/tenancy/scope';
import { dayOf } from './days';
import { conflictOn, invalidField } from './field-errors';
import { loadDocumentFor } from './records';
import { crisisCards, documentShares, recoveryDocuments } from './schema';

export type DocumentPatch = { title?: string | undefined; visibleToTeam?: boolean | undefined; reviewDueOn?: string | null | undefined };

/** The owner renames the document, shows or hides its existence to coordinators, moves its review date. */
export async function patchDocument(ctx: ServiceContext, documentId: string, patch: DocumentPatch): Promise<void> {
  const actor = actorOf(ctx);
  const record = await loadDocumentFor(ctx, actor, 'recovery_document.manage', documentId, { forUpdate: true });
  if (record.status === 'withdrawn') throw conflictOn(ctx.locale, 'status', 'withdrawn');
  const fields = (Object.keys(patch) as (keyof DocumentPatch)[]).filter((field) => patch[field] !== undefined);
  if (fields.length === 0) throw invalidField(ctx.locale, '_', 'nothingToChange');
  if (typeof patch.reviewDueOn === 'string' && patch.reviewDueOn <= dayOf(ctx.now)) throw invalidField(ctx.locale, 'reviewDueOn', 'reviewDateInPast');
  await ctx.tx
    .update(recoveryDocuments)
    .set({
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.visibleToTeam !== undefined ? { visibleToTeam: patch.visibleToTeam } : {}),
      // A new review date deserves its own reminder.
      ...(patch.reviewDueOn !== undefined ? { reviewDueOn: patch.reviewDueOn, reviewRemindedAt: null } : {}),
      updatedAt: ctx.now,
    })
    .where(eq(recoveryDocuments.id, documentId));
  await ctx.audit({ action: 'recovery_document.updated', resourceType: 'recovery_document', resourceId: documentId, context: { fields: fields.join(',') } });
}

/**
 * The owner withdraws the document: it stays theirs (readable by them alone), every share is
 * revoked in the same transaction, and so is the crisis card, since both would otherwise keep
 * showing what the person took back. Paper copies cannot be recalled (they stay listed).
 */
export async function withdrawDocument(ctx: ServiceContext, documentId: string): Promise<void> {
  const actor = actorOf(ctx);
  const record = await loadDocumentFor(ctx, actor, 'recovery_document.manage', documentId, { forUpdate: true });
  if (record.status === 'withdrawn') throw conflictOn(ctx.locale, 'status', 'withdrawn');
  await ctx.tx.update(recoveryDocuments).set({ status: 'withdrawn', withdrawnAt: ctx.now, updatedAt: ctx.now }).where(eq(recoveryDocuments.id, documentId));
  const revoked = await ctx.tx
    .update(documentShares)
    .set({ revokedAt: ctx.now, revokedBy: actor.userId })
    .where(and(eq(documentShares.documentId, documentId), isNull(documentShares.revokedAt)))
    .returning({ id: documentShares.id });
  const cards = await ctx.tx
    .update(crisisCards)
    .set({ withdrawnAt: ctx.now })
    .where(and(eq(crisisCards.documentId, documentId), isNull(crisisCards.withdrawnAt)))
    .returning({ id: crisisCards.id });
  await ctx.audit({
    action: 'recovery_document.withdrawn',
    resourceType: 'recovery_document',
    resourceId: documentId,
    context: { revokedShares: revoked.length, withdrawnCrisisCards: cards.length },
  });
}
