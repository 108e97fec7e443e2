import { and, eq, isNull } from 'drizzle-orm';
import type { TCrisisCardStatus } from '../../../../shared/recovery-sharing';
import { actorOf } from '../../../platform/tenancy/scope';
import type { ServiceContext } from '../../../platform/http/context';
import type { DocumentRecord } from '../policy';
import { crisisCards } from '../schema';
import { personNameOf } from '../sharing/access';
import { sharingConflict } from '../sharing/field-errors';
import { hashCode, hashToken, newCode, newToken } from '../sharing/secrets';
import { cardVersion, checkCardChoice, eligibleSections } from './eligibility';

export type CardRow = typeof crisisCards.$inferSelect;

/** The card in force of the document (one at most), if any. */
export async function currentCard(ctx: ServiceContext, documentId: string, options: { forUpdate?: boolean } = {}): Promise<CardRow | null> {
  const query = ctx.tx
    .select()
    .from(crisisCards)
    .where(and(eq(crisisCards.documentId, documentId), eq(crisisCards.organizationId, ctx.organizationId), isNull(crisisCards.withdrawnAt)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** What the card screen shows: the sections the person may choose, and the card in force. */
export async function cardStatus(ctx: ServiceContext, record: DocumentRecord): Promise<TCrisisCardStatus> {
  const version = await cardVersion(ctx, record);
  const eligible = version ? eligibleSections(version.template.definition) : [];
  const card = await currentCard(ctx, record.id);
  const titles = new Map((version?.template.definition.sections ?? []).map((section) => [section.code, section.title]));
  return {
    eligibleSections: eligible,
    card: card
      ? {
          id: card.id,
          sections: card.sectionCodes.map((code) => ({ code, title: titles.get(code) ?? code })),
          createdAt: card.createdAt.toISOString(),
          failedAttempts: card.failedAttempts,
          lockedAt: card.lockedAt?.toISOString() ?? null,
          status: card.lockedAt ? 'locked' : 'active',
        }
      : null,
  };
}

/** What the card prints: only here, once, are the token and the code in clear. */
export type IssuedCard = { cardId: string; url: string; code: string; ownerName: string; documentTitle: string; sectionTitles: string[] };

/**
 * Makes the card (or a new one): the previous card stops working in the same transaction. Only
 * hashes are kept, so downloading the card again means making a new one.
 */
export async function issueCard(ctx: ServiceContext, record: DocumentRecord, sectionCodes: readonly string[], appUrl: string): Promise<IssuedCard> {
  const { version, codes } = await checkCardChoice(ctx, record, sectionCodes);
  const previous = await currentCard(ctx, record.id, { forUpdate: true });
  if (previous) await ctx.tx.update(crisisCards).set({ withdrawnAt: ctx.now }).where(eq(crisisCards.id, previous.id));
  const token = newToken();
  const code = newCode();
  const tokenHash = hashToken(token);
  const [card] = await ctx.tx
    .insert(crisisCards)
    .values({
      organizationId: ctx.organizationId,
      documentId: record.id,
      sectionCodes: codes,
      tokenHash,
      codeHash: hashCode(tokenHash, code),
      createdAt: ctx.now,
      createdBy: actorOf(ctx).userId,
    })
    .returning();
  if (!card) throw new Error('crisis card insert returned nothing');
  await ctx.audit({
    action: 'crisis_card.created',
    resourceType: 'recovery_document',
    resourceId: record.id,
    context: { cardId: card.id, replacedCardId: previous?.id ?? null, sections: codes.length },
  });
  const titles = new Map(version.template.definition.sections.map((section) => [section.code, section.title]));
  return {
    cardId: card.id,
    url: `${appUrl.replace(/\/$/, '')}/urgence/${token}`,
    code,
    ownerName: await personNameOf(ctx, record.personId),
    documentTitle: record.title,
    sectionTitles: codes.map((sectionCode) => titles.get(sectionCode) ?? sectionCode),
  };
}

/** Withdraws the card in force: its QR code no longer opens anything (409 when there is none). */
export async function withdrawCard(ctx: ServiceContext, record: DocumentRecord): Promise<void> {
  const card = await currentCard(ctx, record.id, { forUpdate: true });
  if (!card) throw sharingConflict(ctx.locale, 'card', 'noCard');
  await ctx.tx.update(crisisCards).set({ withdrawnAt: ctx.now }).where(eq(crisisCards.id, card.id));
  await ctx.audit({ action: 'crisis_card.withdrawn', resourceType: 'recovery_document', resourceId: record.id, context: { cardId: card.id } });
}
