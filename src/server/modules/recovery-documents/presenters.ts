import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { TDocumentDetail, TDocumentSummary } from '../../../shared/recovery-documents-api';
import type { Actor } from '../../platform/access/actor';
import { can } from '../../platform/access/policy';
import { users } from '../../platform/auth/schema';
import type { ServiceContext } from '../../platform/http/context';
import { progressOf } from './content-validation';
import { findVersion, loadDocumentRow, roleOn, type DocumentRecord, type DocumentRow, type LoadedVersion } from './records';
import { documentTemplates, recoveryDocumentFacilitators, recoveryDocumentVersions } from './schema';
import { presentTemplate } from './templates-service';

type VersionFacts = { documentId: string; versionNo: number; status: 'draft' | 'validated' | 'superseded'; validatedAt: Date | null };

/** Summaries of these documents (no content): the active version's number and date, whether a draft is open. */
export async function summariesOf(ctx: ServiceContext, documents: DocumentRow[]): Promise<TDocumentSummary[]> {
  if (documents.length === 0) return [];
  const versions: VersionFacts[] = await ctx.tx
    .select({
      documentId: recoveryDocumentVersions.documentId,
      versionNo: recoveryDocumentVersions.versionNo,
      status: recoveryDocumentVersions.status,
      validatedAt: recoveryDocumentVersions.validatedAt,
    })
    .from(recoveryDocumentVersions)
    .where(
      and(
        eq(recoveryDocumentVersions.organizationId, ctx.organizationId),
        inArray(
          recoveryDocumentVersions.documentId,
          documents.map((document) => document.id),
        ),
        inArray(recoveryDocumentVersions.status, ['draft', 'validated']),
      ),
    );
  return documents.map((document) => presentSummary(document, versions.filter((version) => version.documentId === document.id)));
}

function presentSummary(document: DocumentRow, versions: VersionFacts[]): TDocumentSummary {
  const active = versions.find((version) => version.status === 'validated');
  return {
    id: document.id,
    personId: document.personId,
    kind: document.kind,
    title: document.title,
    status: document.status,
    visibleToTeam: document.visibleToTeam,
    reviewDueOn: document.reviewDueOn,
    activeVersionNo: active?.versionNo ?? null,
    activeValidatedAt: active?.validatedAt?.toISOString() ?? null,
    hasDraft: versions.some((version) => version.status === 'draft'),
    createdAt: document.createdAt.toISOString(),
    updatedAt: document.updatedAt.toISOString(),
  };
}

async function namesOf(ctx: ServiceContext, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await ctx.tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((row) => [row.id, row.name]));
}

const userRef = (names: Map<string, string>, id: string | null) => (id && names.has(id) ? { id, name: names.get(id) ?? '' } : null);

/** The peers the owner invited on this document, still invited, by name. */
export async function facilitatorsOf(ctx: ServiceContext, documentId: string) {
  const rows = await ctx.tx
    .select({ userId: recoveryDocumentFacilitators.userId, name: users.name, grantedAt: recoveryDocumentFacilitators.grantedAt })
    .from(recoveryDocumentFacilitators)
    .innerJoin(users, eq(users.id, recoveryDocumentFacilitators.userId))
    .where(
      and(
        eq(recoveryDocumentFacilitators.documentId, documentId),
        eq(recoveryDocumentFacilitators.organizationId, ctx.organizationId),
        isNull(recoveryDocumentFacilitators.revokedAt),
      ),
    )
    .orderBy(asc(users.name));
  return rows.map((row) => ({ userId: row.userId, name: row.name, grantedAt: row.grantedAt.toISOString() }));
}

/** Every version of the document, newest first, with the version of the template it was written on. */
async function versionList(ctx: ServiceContext, documentId: string) {
  const rows = await ctx.tx
    .select({ version: recoveryDocumentVersions, templateVersion: documentTemplates.version })
    .from(recoveryDocumentVersions)
    .innerJoin(documentTemplates, eq(documentTemplates.id, recoveryDocumentVersions.templateId))
    .where(and(eq(recoveryDocumentVersions.documentId, documentId), eq(recoveryDocumentVersions.organizationId, ctx.organizationId)))
    .orderBy(desc(recoveryDocumentVersions.versionNo));
  return rows.map(({ version, templateVersion }) => ({
    versionNo: version.versionNo,
    status: version.status,
    templateVersion,
    createdAt: version.createdAt.toISOString(),
    updatedAt: version.updatedAt.toISOString(),
    validatedAt: version.validatedAt?.toISOString() ?? null,
  }));
}

/**
 * The document as its owner or facilitator sees it. `audited`: a read (each version whose content
 * is shown gets its 'recovery_document.viewed' entry); the page sent back after a write is not.
 */
export async function presentDetail(ctx: ServiceContext, actor: Actor, record: DocumentRecord, options: { audited: boolean }): Promise<TDocumentDetail> {
  const document = await loadDocumentRow(ctx, record.id);
  const [draft, active] = [await findVersion(ctx, record.id, 'draft'), await findVersion(ctx, record.id, 'active')];
  const template = (draft ?? active)?.template;
  if (!template) throw new Error('a document without any version');
  const myRole = roleOn(actor, record);
  if (options.audited) {
    for (const version of [draft, active]) if (version) await auditViewed(ctx, record, version, myRole);
  }
  const names = await namesOf(ctx, [draft?.updatedBy ?? null, active?.validatedBy ?? null]);
  const [summary] = await summariesOf(ctx, [document]);
  if (!summary) throw new Error('summary of a loaded document');
  const open = record.status !== 'withdrawn';
  return {
    document: summary,
    template: presentTemplate(template),
    draft: draft
      ? { versionNo: draft.versionNo, revision: draft.revision, content: draft.content, updatedAt: draft.updatedAt.toISOString(), updatedBy: userRef(names, draft.updatedBy) }
      : null,
    active:
      active && active.validatedAt
        ? { versionNo: active.versionNo, validatedAt: active.validatedAt.toISOString(), validatedBy: userRef(names, active.validatedBy), content: active.content }
        : null,
    versions: await versionList(ctx, record.id),
    facilitators: await facilitatorsOf(ctx, record.id),
    myRole,
    progress: progressOf(template.definition, (draft ?? active)?.content ?? {}),
    policies: {
      edit: open && draft !== undefined && can(actor, 'recovery_document.edit', record),
      validate: open && draft !== undefined && can(actor, 'recovery_document.validate', record),
      review: open && draft === undefined && active !== undefined && can(actor, 'recovery_document.review', record),
      manage: can(actor, 'recovery_document.manage', record),
    },
  };
}

/** The entry "who saw my plan" is built from (brief: exactly this action and these context keys). */
export function auditViewed(ctx: ServiceContext, record: DocumentRecord, version: Pick<LoadedVersion, 'versionNo'>, via: 'owner' | 'facilitator'): Promise<void> {
  return ctx.audit({ action: 'recovery_document.viewed', resourceType: 'recovery_document', resourceId: record.id, context: { versionNo: version.versionNo, via } });
}
