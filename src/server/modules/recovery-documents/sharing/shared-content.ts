import { and, eq } from 'drizzle-orm';
import type { TSharedDocument } from '../../../../shared/recovery-sharing';
import type { ServiceContext } from '../../../platform/http/context';
import { persons } from '../../persons/schema';
import { findVersion, type DocumentRow, type LoadedVersion } from '../records';
import { documentShares, recoveryDocuments, recoveryDocumentVersions } from '../schema';
import { personDisplayName } from './access';
import { shareStatus, type ShareRow } from './present';
import { sectionsInScope } from './sections';

/** A share with its document and its owner's name, as a recipient's reads need them. */
export type ShareWithDocument = { share: ShareRow; document: DocumentRow; ownerName: string };

export async function loadShareWithDocument(ctx: ServiceContext, where: ReturnType<typeof and>, options: { forUpdate?: boolean } = {}): Promise<ShareWithDocument | null> {
  const query = ctx.tx
    .select({ share: documentShares, document: recoveryDocuments, firstName: persons.firstName, pseudonym: persons.pseudonym, lastName: persons.lastName })
    .from(documentShares)
    .innerJoin(recoveryDocuments, eq(recoveryDocuments.id, documentShares.documentId))
    .innerJoin(persons, eq(persons.id, recoveryDocuments.personId))
    .where(where);
  const [row] = options.forUpdate ? await query.for('update', { of: documentShares }) : await query;
  if (!row) return null;
  return { share: row.share, document: row.document, ownerName: personDisplayName(row) };
}

/** Still opens: not revoked, expired, locked or used, and its document not withdrawn. */
export const shareInForce = (loaded: ShareWithDocument, now: Date): boolean =>
  shareStatus(loaded.share, now) === 'active' && loaded.document.status !== 'withdrawn';

/** The version a share reads: the fixed one, or the document's active one today (null if none is readable). */
export async function versionOfShare(ctx: ServiceContext, share: ShareRow): Promise<LoadedVersion | null> {
  if (share.versionId === null) return (await findVersion(ctx, share.documentId, 'active')) ?? null;
  const [fixed] = await ctx.tx
    .select({ versionNo: recoveryDocumentVersions.versionNo })
    .from(recoveryDocumentVersions)
    .where(and(eq(recoveryDocumentVersions.id, share.versionId), eq(recoveryDocumentVersions.documentId, share.documentId)));
  if (!fixed) return null;
  const version = await findVersion(ctx, share.documentId, fixed.versionNo);
  return version && version.status !== 'draft' ? version : null;
}

/** What the recipient reads: the sections in scope of that version, with the template's wording. */
export function presentSharedDocument(loaded: ShareWithDocument, version: LoadedVersion): TSharedDocument {
  const { share, document } = loaded;
  const definition = version.template.definition;
  return {
    shareId: share.id,
    documentId: document.id,
    kind: document.kind,
    title: document.title,
    ownerName: loaded.ownerName,
    versionNo: version.versionNo,
    validatedAt: version.validatedAt?.toISOString() ?? null,
    notice: definition.notice,
    purpose: share.purpose,
    expiresAt: share.expiresAt.toISOString(),
    wholeDocument: share.scopeSections === null,
    sections: sectionsInScope(definition, version.content, share.scopeSections),
  };
}

/** The audit entry of a recipient's read: "who saw my plan" is built from it. */
export function auditSharedRead(ctx: ServiceContext, share: ShareRow, versionNo: number, via: 'share' | 'link', kind: 'viewed' | 'downloaded'): Promise<void> {
  return ctx.audit({
    action: kind === 'viewed' ? 'recovery_document.viewed' : 'recovery_document.downloaded',
    resourceType: 'recovery_document',
    resourceId: share.documentId,
    context: { versionNo, via, shareId: share.id },
  });
}
