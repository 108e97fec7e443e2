import { eq } from 'drizzle-orm';
import { MAX_CODE_ATTEMPTS, type TSharedDocument } from '../../../../shared/recovery-sharing';
import type { ServiceContext } from '../../../platform/http/context';
import { enqueueMail } from '../../../platform/mail/outbox';
import { loadDocumentRecord } from '../records';
import { documentShares } from '../schema';
import { ownerAccount } from './access';
import { codeMatches, hashToken } from './secrets';
import { auditSharedRead, loadShareWithDocument, presentSharedDocument, shareInForce, versionOfShare, type ShareWithDocument } from './shared-content';

/** What opening an outside link gives; the route turns each into its answer (200, 400, 410). */
export type LinkOpening =
  | { outcome: 'opened'; document: TSharedDocument }
  | { outcome: 'wrongCode'; remainingAttempts: number }
  | { outcome: 'gone' };

/** The link still opens: in force and its version readable. */
export async function linkIsActive(ctx: ServiceContext, loaded: ShareWithDocument): Promise<boolean> {
  return shareInForce(loaded, ctx.now) && (await versionOfShare(ctx, loaded.share)) !== null;
}

/**
 * Opens an outside link with its access code, in the share's organisation. A right code gives the
 * sections in scope once (the link is then used) and is audited `via: 'link'`; a wrong one is
 * counted, and the 10th locks the link and tells the person by e-mail.
 */
export async function openLink(ctx: ServiceContext, token: string, code: string): Promise<LinkOpening> {
  const tokenHash = hashToken(token);
  const loaded = await loadShareWithDocument(ctx, eq(documentShares.linkTokenHash, tokenHash), { forUpdate: true });
  const storedCodeHash = loaded?.share.accessCodeHash;
  if (!loaded || loaded.share.organizationId !== ctx.organizationId || !storedCodeHash) return { outcome: 'gone' };
  const { share } = loaded;
  if (!shareInForce(loaded, ctx.now)) return { outcome: 'gone' };
  const version = await versionOfShare(ctx, share);
  if (!version) return { outcome: 'gone' };

  if (!codeMatches(tokenHash, storedCodeHash, code)) {
    const failedAttempts = share.failedAttempts + 1;
    const locks = failedAttempts >= MAX_CODE_ATTEMPTS;
    await ctx.tx
      .update(documentShares)
      .set({ failedAttempts, ...(locks ? { lockedAt: ctx.now } : {}) })
      .where(eq(documentShares.id, share.id));
    if (!locks) return { outcome: 'wrongCode', remainingAttempts: MAX_CODE_ATTEMPTS - failedAttempts };
    await ctx.audit({ action: 'document_share.locked', resourceType: 'recovery_document', resourceId: share.documentId, context: { shareId: share.id, failedAttempts } });
    await tellOwnerLinkLocked(ctx, loaded);
    return { outcome: 'gone' };
  }

  await ctx.tx.update(documentShares).set({ linkUsedAt: ctx.now }).where(eq(documentShares.id, share.id));
  await auditSharedRead(ctx, share, version.versionNo, 'link', 'viewed');
  return { outcome: 'opened', document: presentSharedDocument(loaded, version) };
}

async function tellOwnerLinkLocked(ctx: ServiceContext, loaded: ShareWithDocument): Promise<void> {
  const owner = await ownerAccount(ctx, await loadDocumentRecord(ctx, loaded.document.id));
  if (!owner) return;
  await enqueueMail(
    ctx.tx,
    {
      organizationId: ctx.organizationId,
      to: owner.email,
      subject: 'Un lien de partage de votre document a été bloqué',
      text: [
        'Bonjour,',
        '',
        `Le lien qui partageait votre document « ${loaded.document.title} » avec ${loaded.share.recipientLabel} a reçu ${MAX_CODE_ATTEMPTS} codes d’accès incorrects : il est maintenant bloqué.`,
        'Personne n’a pu lire votre document avec ces codes. Si vous le souhaitez, vous pouvez créer un nouveau partage depuis votre espace Passerelle (rubrique « Partages » du document).',
      ].join('\n'),
      template: 'document_share_locked',
    },
    ctx.now,
  );
}
