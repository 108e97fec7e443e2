import { and, desc, eq } from 'drizzle-orm';
import type { TShare } from '../../../../shared/recovery-sharing';
import { actorOf } from '../../../platform/tenancy/scope';
import type { ServiceContext } from '../../../platform/http/context';
import { notFound } from '../../../platform/http/errors';
import type { DocumentRecord } from '../policy';
import { documentShares } from '../schema';
import { presentShare, presentShares, versionNumbersOf, type ShareRow } from './present';

/** Every share of the document, newest first, each with its status (active, expired, revoked, locked, used). */
export async function listShares(ctx: ServiceContext, record: DocumentRecord): Promise<TShare[]> {
  const rows = await ctx.tx
    .select()
    .from(documentShares)
    .where(and(eq(documentShares.documentId, record.id), eq(documentShares.organizationId, ctx.organizationId)))
    .orderBy(desc(documentShares.grantedAt), desc(documentShares.id));
  return presentShares(ctx, rows);
}

export async function loadShareOf(ctx: ServiceContext, record: DocumentRecord, shareId: string, options: { forUpdate?: boolean } = {}): Promise<ShareRow> {
  const query = ctx.tx
    .select()
    .from(documentShares)
    .where(and(eq(documentShares.id, shareId), eq(documentShares.documentId, record.id), eq(documentShares.organizationId, ctx.organizationId)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound();
  return row;
}

/** Revocation takes effect at once (the next read is refused); revoking twice changes nothing. */
export async function revokeShare(ctx: ServiceContext, record: DocumentRecord, shareId: string): Promise<TShare> {
  const share = await loadShareOf(ctx, record, shareId, { forUpdate: true });
  let current = share;
  if (!share.revokedAt) {
    const [updated] = await ctx.tx
      .update(documentShares)
      .set({ revokedAt: ctx.now, revokedBy: actorOf(ctx).userId })
      .where(eq(documentShares.id, share.id))
      .returning();
    if (!updated) throw new Error('share revocation returned nothing');
    current = updated;
    await ctx.audit({ action: 'document_share.revoked', resourceType: 'recovery_document', resourceId: record.id, context: { shareId: share.id } });
  }
  return presentShare(current, await versionNumbersOf(ctx, [current]), ctx.now);
}
