import { and, desc, eq, gt, isNull, ne } from 'drizzle-orm';
import type { TSharedDocument, TSharedWithMeItem } from '../../../../shared/recovery-sharing';
import { can } from '../../../platform/access/policy';
import { actorOf } from '../../../platform/tenancy/scope';
import type { ServiceContext } from '../../../platform/http/context';
import { notFound } from '../../../platform/http/errors';
import { persons } from '../../persons/schema';
import type { LoadedVersion } from '../records';
import { documentShares, recoveryDocuments } from '../schema';
import { personDisplayName } from './access';
import { versionNumbersOf } from './present';
import { auditSharedRead, loadShareWithDocument, presentSharedDocument, shareInForce, versionOfShare, type ShareWithDocument } from './shared-content';

/** Documents shared with the signed-in user, shares in force only, newest first. */
export async function listSharedWithMe(ctx: ServiceContext): Promise<TSharedWithMeItem[]> {
  const actor = actorOf(ctx);
  const rows = await ctx.tx
    .select({ share: documentShares, document: recoveryDocuments, firstName: persons.firstName, pseudonym: persons.pseudonym, lastName: persons.lastName })
    .from(documentShares)
    .innerJoin(recoveryDocuments, eq(recoveryDocuments.id, documentShares.documentId))
    .innerJoin(persons, eq(persons.id, recoveryDocuments.personId))
    .where(
      and(
        eq(documentShares.organizationId, ctx.organizationId),
        eq(documentShares.recipientUserId, actor.userId),
        isNull(documentShares.revokedAt),
        gt(documentShares.expiresAt, ctx.now),
        ne(recoveryDocuments.status, 'withdrawn'),
      ),
    )
    .orderBy(desc(documentShares.grantedAt), desc(documentShares.id));
  const numbers = await versionNumbersOf(ctx, rows.map((row) => row.share));
  return rows.map(({ share, document, ...person }) => ({
    shareId: share.id,
    documentId: document.id,
    kind: document.kind,
    title: document.title,
    ownerName: personDisplayName(person),
    versionNo: share.versionId ? (numbers.get(share.versionId) ?? null) : null,
    scopeSections: share.scopeSections,
    purpose: share.purpose,
    channel: share.channel,
    grantedAt: share.grantedAt.toISOString(),
    expiresAt: share.expiresAt.toISOString(),
  }));
}

/**
 * A share given to the signed-in user, with the version it reads. Anyone else, or a share
 * revoked, expired or whose document was withdrawn: 404 (the recipient learns nothing more).
 */
export async function loadMyShare(ctx: ServiceContext, shareId: string): Promise<{ loaded: ShareWithDocument; version: LoadedVersion }> {
  const actor = actorOf(ctx);
  const loaded = await loadShareWithDocument(ctx, and(eq(documentShares.id, shareId), eq(documentShares.organizationId, ctx.organizationId)));
  if (!loaded) throw notFound();
  const record = { organizationId: loaded.share.organizationId, recipientUserId: loaded.share.recipientUserId, inForce: shareInForce(loaded, ctx.now) };
  if (!can(actor, 'recovery_document.share.read', record)) throw notFound();
  const version = await versionOfShare(ctx, loaded.share);
  if (!version) throw notFound();
  return { loaded, version };
}

/** The shared content (scope only), audited as a view through the share. */
export async function readMyShare(ctx: ServiceContext, shareId: string): Promise<TSharedDocument> {
  const { loaded, version } = await loadMyShare(ctx, shareId);
  await auditSharedRead(ctx, loaded.share, version.versionNo, 'share', 'viewed');
  return presentSharedDocument(loaded, version);
}
