import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor';
import { can } from '../../platform/access/policy';
import type { ServiceContext } from '../../platform/http/context';
import { forbidden, notFound } from '../../platform/http/errors';
import { personAccounts } from '../portal/schema';
import { isFacilitator, isOwner, type DocumentRecord } from './policy';
import { documentTemplates, recoveryDocumentFacilitators, recoveryDocuments, recoveryDocumentVersions } from './schema';

export { isFacilitator, isOwner, type DocumentRecord };

export type DocumentRow = typeof recoveryDocuments.$inferSelect;
export type VersionRow = typeof recoveryDocumentVersions.$inferSelect;
export type TemplateRow = typeof documentTemplates.$inferSelect;
/** A version with the template it was written on (its codes are the content's keys). */
export type LoadedVersion = VersionRow & { template: TemplateRow };

export type DocumentAction =
  | 'recovery_document.read'
  | 'recovery_document.edit'
  | 'recovery_document.review'
  | 'recovery_document.validate'
  | 'recovery_document.manage';

/**
 * The document as the access rules judge it: its owner's account and its current facilitators.
 * Absent, or of another organisation: 404.
 */
export async function loadDocumentRecord(ctx: ServiceContext, documentId: string, options: { forUpdate?: boolean } = {}): Promise<DocumentRecord> {
  const query = ctx.tx
    .select({ document: recoveryDocuments, ownerUserId: personAccounts.userId })
    .from(recoveryDocuments)
    .leftJoin(personAccounts, and(eq(personAccounts.personId, recoveryDocuments.personId), eq(personAccounts.organizationId, recoveryDocuments.organizationId)))
    .where(and(eq(recoveryDocuments.id, documentId), eq(recoveryDocuments.organizationId, ctx.organizationId)));
  const [row] = options.forUpdate ? await query.for('update', { of: recoveryDocuments }) : await query;
  if (!row) throw notFound();
  const facilitators = await ctx.tx
    .select({ userId: recoveryDocumentFacilitators.userId })
    .from(recoveryDocumentFacilitators)
    .where(and(eq(recoveryDocumentFacilitators.documentId, documentId), isNull(recoveryDocumentFacilitators.revokedAt)));
  return asDocumentRecord(row.document, row.ownerUserId, facilitators.map((facilitator) => facilitator.userId));
}

export function asDocumentRecord(document: DocumentRow, ownerUserId: string | null, facilitatorIds: string[]): DocumentRecord {
  return {
    id: document.id,
    organizationId: document.organizationId,
    personId: document.personId,
    ownerUserId,
    kind: document.kind,
    title: document.title,
    status: document.status,
    activeVersionId: document.activeVersionId,
    facilitatorIds,
    visibleToTeam: document.visibleToTeam,
  };
}

/**
 * Loads and authorises in one step: whoever may not read the content learns nothing (404, even a
 * coordinator who may know the document exists); a reader who may not do this action gets 403.
 */
export async function loadDocumentFor(
  ctx: ServiceContext,
  actor: Actor,
  action: DocumentAction,
  documentId: string,
  options: { forUpdate?: boolean } = {},
): Promise<DocumentRecord> {
  const record = await loadDocumentRecord(ctx, documentId, options);
  if (!can(actor, 'recovery_document.read', record)) throw notFound();
  if (!can(actor, action, record)) throw forbidden();
  return record;
}

/** How the actor reads the document, for the audit and the screen. */
export const roleOn = (actor: Actor, record: DocumentRecord): 'owner' | 'facilitator' => (isOwner(actor, record) ? 'owner' : 'facilitator');

export async function loadDocumentRow(ctx: ServiceContext, documentId: string): Promise<DocumentRow> {
  const [row] = await ctx.tx
    .select()
    .from(recoveryDocuments)
    .where(and(eq(recoveryDocuments.id, documentId), eq(recoveryDocuments.organizationId, ctx.organizationId)));
  if (!row) throw notFound();
  return row;
}

/**
 * One version of a document with its template: by number, the active one, or the draft.
 * Absent (or no active version / no draft): 404.
 */
export async function loadVersion(
  ctx: ServiceContext,
  documentId: string,
  which: number | 'active' | 'draft',
  options: { forUpdate?: boolean } = {},
): Promise<LoadedVersion> {
  const version = await findVersion(ctx, documentId, which, options);
  if (!version) throw notFound();
  return version;
}

/** Like loadVersion, without the 404: the draft or active version may simply not exist (yet). */
export async function findVersion(
  ctx: ServiceContext,
  documentId: string,
  which: number | 'active' | 'draft',
  options: { forUpdate?: boolean } = {},
): Promise<LoadedVersion | undefined> {
  const selected =
    which === 'active'
      ? eq(recoveryDocumentVersions.status, 'validated')
      : which === 'draft'
        ? eq(recoveryDocumentVersions.status, 'draft')
        : eq(recoveryDocumentVersions.versionNo, which);
  const query = ctx.tx
    .select({ version: recoveryDocumentVersions, template: documentTemplates })
    .from(recoveryDocumentVersions)
    .innerJoin(documentTemplates, eq(documentTemplates.id, recoveryDocumentVersions.templateId))
    .where(and(eq(recoveryDocumentVersions.documentId, documentId), eq(recoveryDocumentVersions.organizationId, ctx.organizationId), selected))
    .orderBy(desc(recoveryDocumentVersions.versionNo))
    .limit(1);
  const [row] = options.forUpdate ? await query.for('update', { of: recoveryDocumentVersions }) : await query;
  return row ? { ...row.version, template: row.template } : undefined;
}
