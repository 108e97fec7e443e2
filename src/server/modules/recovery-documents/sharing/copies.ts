import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TCopyHolder, ZCopyHolderInput } from '../../../../shared/recovery-sharing';
import { actorOf } from '../../../platform/tenancy/scope';
import type { ServiceContext } from '../../../platform/http/context';
import { notFound } from '../../../platform/http/errors';
import { dayOf } from '../days';
import type { DocumentRecord } from '../policy';
import { findVersion } from '../records';
import { documentCopyHolders, recoveryDocumentVersions } from '../schema';
import { invalidSharingField } from './field-errors';

type CopyRow = typeof documentCopyHolders.$inferSelect;

const present = (row: CopyRow, versionNo: number | null): TCopyHolder => ({
  id: row.id,
  holder: row.holder,
  kind: row.kind,
  givenOn: row.givenOn,
  versionNo,
  note: row.note,
  createdAt: row.createdAt.toISOString(),
});

/** "Who keeps a copy": paper copies and the like, recorded apart since they cannot be recalled. */
export async function listCopies(ctx: ServiceContext, record: DocumentRecord): Promise<TCopyHolder[]> {
  const rows = await ctx.tx
    .select({ copy: documentCopyHolders, versionNo: recoveryDocumentVersions.versionNo })
    .from(documentCopyHolders)
    .leftJoin(recoveryDocumentVersions, eq(recoveryDocumentVersions.id, documentCopyHolders.versionId))
    .where(and(eq(documentCopyHolders.documentId, record.id), eq(documentCopyHolders.organizationId, ctx.organizationId)))
    .orderBy(desc(documentCopyHolders.givenOn), desc(documentCopyHolders.createdAt));
  return rows.map((row) => present(row.copy, row.versionNo));
}

export async function addCopy(ctx: ServiceContext, record: DocumentRecord, input: z.infer<typeof ZCopyHolderInput>): Promise<TCopyHolder> {
  if (input.givenOn > dayOf(ctx.now)) throw invalidSharingField(ctx.locale, 'givenOn', 'givenOnFuture');
  let versionId: string | null = null;
  if (input.versionNo !== undefined && input.versionNo !== null) {
    const version = await findVersion(ctx, record.id, input.versionNo);
    if (!version) throw invalidSharingField(ctx.locale, 'versionNo', 'unknownVersion');
    versionId = version.id;
  }
  const [row] = await ctx.tx
    .insert(documentCopyHolders)
    .values({
      organizationId: ctx.organizationId,
      documentId: record.id,
      versionId,
      holder: input.holder,
      kind: input.kind,
      givenOn: input.givenOn,
      note: input.note ?? null,
      createdAt: ctx.now,
      createdBy: actorOf(ctx).userId,
    })
    .returning();
  if (!row) throw new Error('copy insert returned nothing');
  await ctx.audit({ action: 'document_copy.recorded', resourceType: 'recovery_document', resourceId: record.id, context: { copyId: row.id, kind: row.kind } });
  return present(row, input.versionNo ?? null);
}

export async function deleteCopy(ctx: ServiceContext, record: DocumentRecord, copyId: string): Promise<void> {
  const deleted = await ctx.tx
    .delete(documentCopyHolders)
    .where(and(eq(documentCopyHolders.id, copyId), eq(documentCopyHolders.documentId, record.id), eq(documentCopyHolders.organizationId, ctx.organizationId)))
    .returning({ id: documentCopyHolders.id });
  if (deleted.length === 0) throw notFound();
  await ctx.audit({ action: 'document_copy.deleted', resourceType: 'recovery_document', resourceId: record.id, context: { copyId } });
}
