import { and, eq } from 'drizzle-orm';
import { MAX_CODE_ATTEMPTS, type TCrisisContent } from '../../../../shared/recovery-sharing';
import type { ServiceContext } from '../../../platform/http/context';
import { enqueueMail } from '../../../platform/mail/outbox';
import { loadDocumentRecord, type LoadedVersion } from '../records';
import { crisisCards } from '../schema';
import { ownerAccount, personNameOf } from '../sharing/access';
import { sectionsInScope } from '../sharing/sections';
import { codeMatches, hashToken } from '../sharing/secrets';
import type { DocumentRecord } from '../policy';
import { cardVersion } from './eligibility';
import { notifyCardOpened } from './notify';
import type { CardRow } from './cards';

export type CardOpening =
  | { outcome: 'opened'; content: TCrisisContent }
  | { outcome: 'wrongCode'; remainingAttempts: number }
  | { outcome: 'gone' };

type LiveCard = { card: CardRow; record: DocumentRecord; version: LoadedVersion };

/** The card behind a token in this organisation, if it still opens (not withdrawn or locked, document active). */
export async function liveCard(ctx: ServiceContext, token: string, options: { forUpdate?: boolean } = {}): Promise<LiveCard | null> {
  const tokenHash = hashToken(token);
  const query = ctx.tx
    .select()
    .from(crisisCards)
    .where(and(eq(crisisCards.tokenHash, tokenHash), eq(crisisCards.organizationId, ctx.organizationId)));
  const [card] = options.forUpdate ? await query.for('update') : await query;
  if (!card || card.withdrawnAt || card.lockedAt) return null;
  const record = await loadDocumentRecord(ctx, card.documentId);
  const version = await cardVersion(ctx, record);
  return version ? { card, record, version } : null;
}

/**
 * Opens the card with the emergency code: the chosen sections of the CURRENT active version,
 * audited (no actor, `via: 'crisis_card'`) and notified to the person, their peers and supporters.
 * A wrong code is counted; the 10th locks the card and tells the person.
 */
export async function openCard(ctx: ServiceContext, token: string, code: string): Promise<CardOpening> {
  const live = await liveCard(ctx, token, { forUpdate: true });
  if (!live) return { outcome: 'gone' };
  const { card, record, version } = live;

  if (!codeMatches(card.tokenHash, card.codeHash, code)) {
    const failedAttempts = card.failedAttempts + 1;
    const locks = failedAttempts >= MAX_CODE_ATTEMPTS;
    await ctx.tx
      .update(crisisCards)
      .set({ failedAttempts, ...(locks ? { lockedAt: ctx.now } : {}) })
      .where(eq(crisisCards.id, card.id));
    if (!locks) return { outcome: 'wrongCode', remainingAttempts: MAX_CODE_ATTEMPTS - failedAttempts };
    await ctx.audit({ action: 'crisis_card.locked', resourceType: 'recovery_document', resourceId: record.id, context: { cardId: card.id, failedAttempts } });
    await tellOwnerCardLocked(ctx, record);
    return { outcome: 'gone' };
  }

  // A right code starts the count of wrong ones again: a card carried for years may be mistyped now and then.
  if (card.failedAttempts > 0) await ctx.tx.update(crisisCards).set({ failedAttempts: 0 }).where(eq(crisisCards.id, card.id));
  await ctx.audit({
    action: 'recovery_document.viewed',
    resourceType: 'recovery_document',
    resourceId: record.id,
    context: { versionNo: version.versionNo, via: 'crisis_card', cardId: card.id },
  });
  const ownerName = await personNameOf(ctx, record.personId);
  await notifyCardOpened(ctx, record, version, ownerName);
  const definition = version.template.definition;
  return {
    outcome: 'opened',
    content: {
      ownerName,
      kind: record.kind,
      title: record.title,
      versionNo: version.versionNo,
      validatedAt: version.validatedAt?.toISOString() ?? null,
      notice: definition.notice,
      sections: sectionsInScope(definition, version.content, card.sectionCodes),
    },
  };
}

async function tellOwnerCardLocked(ctx: ServiceContext, record: DocumentRecord): Promise<void> {
  const owner = await ownerAccount(ctx, record);
  if (!owner) return;
  await enqueueMail(
    ctx.tx,
    {
      organizationId: ctx.organizationId,
      to: owner.email,
      subject: 'Votre carte de crise a été bloquée',
      text: [
        'Bonjour,',
        '',
        `Le lien de votre carte de crise a reçu ${MAX_CODE_ATTEMPTS} codes d’urgence incorrects : il est maintenant bloqué, personne n’a pu lire votre plan avec ces codes.`,
        'Vous pouvez faire une nouvelle carte depuis votre espace Passerelle.',
      ].join('\n'),
      template: 'crisis_card_locked',
    },
    ctx.now,
  );
}
