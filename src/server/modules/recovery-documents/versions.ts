import { isDeepStrictEqual } from 'node:util';
import { and, desc, eq } from 'drizzle-orm';
import type { TSectionContent, TTemplateSection } from '../../../shared/recovery-documents';
import type { TComparison, TVersionDetail } from '../../../shared/recovery-documents-api';
import { users } from '../../platform/auth/schema';
import type { ServiceContext } from '../../platform/http/context';
import { actorOf } from '../../platform/tenancy/scope';
import { sectionIsFilled } from './content-validation';
import { auditViewed } from './presenters';
import { loadDocumentFor, loadVersion, roleOn } from './records';
import { recoveryDocumentChanges, recoveryDocumentVersions } from './schema';
import { presentTemplate } from './templates-service';

/** One version, read-only (older ones stay readable), audited as a view of that version. */
export async function readVersion(ctx: ServiceContext, documentId: string, versionNo: number): Promise<TVersionDetail> {
  const actor = actorOf(ctx);
  const record = await loadDocumentFor(ctx, actor, 'recovery_document.read', documentId);
  const version = await loadVersion(ctx, documentId, versionNo);
  const myRole = roleOn(actor, record);
  await auditViewed(ctx, record, version, myRole);
  const [validator] = version.validatedBy ? await ctx.tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, version.validatedBy)) : [];
  return {
    documentId,
    kind: record.kind,
    title: record.title,
    versionNo: version.versionNo,
    status: version.status,
    template: presentTemplate(version.template),
    content: version.content,
    createdAt: version.createdAt.toISOString(),
    updatedAt: version.updatedAt.toISOString(),
    validatedAt: version.validatedAt?.toISOString() ?? null,
    validatedBy: validator ?? null,
    myRole,
  };
}

/**
 * Two versions side by side, section by section, in the order of the newer one's template (then
 * sections only the older one's template had). An empty section counts as absent.
 */
export async function compareVersions(ctx: ServiceContext, documentId: string, fromNo: number, toNo: number): Promise<TComparison> {
  const actor = actorOf(ctx);
  const record = await loadDocumentFor(ctx, actor, 'recovery_document.read', documentId);
  const [from, to] = [await loadVersion(ctx, documentId, fromNo), await loadVersion(ctx, documentId, toNo)];
  const myRole = roleOn(actor, record);
  await auditViewed(ctx, record, from, myRole);
  if (toNo !== fromNo) await auditViewed(ctx, record, to, myRole);
  const sections: TTemplateSection[] = [...to.template.definition.sections];
  for (const section of from.template.definition.sections) if (!sections.some((known) => known.code === section.code)) sections.push(section);
  return {
    from: fromNo,
    to: toNo,
    sections: sections.map((section) => {
      const before = filledOrNull(from.content[section.code]);
      const after = filledOrNull(to.content[section.code]);
      return { code: section.code, title: section.title, status: comparisonStatus(before, after), from: before, to: after };
    }),
  };
}

const filledOrNull = (content: TSectionContent | undefined): TSectionContent | null => (content && sectionIsFilled(content) ? content : null);

function comparisonStatus(before: TSectionContent | null, after: TSectionContent | null): 'unchanged' | 'changed' | 'added' | 'removed' {
  if (before === null) return after === null ? 'unchanged' : 'added';
  if (after === null) return 'removed';
  return isDeepStrictEqual(before, after) ? 'unchanged' : 'changed';
}

/** Every save of every version, attributed (owner or facilitator, with the person present or not), newest first. */
export async function listChanges(ctx: ServiceContext, documentId: string) {
  const actor = actorOf(ctx);
  await loadDocumentFor(ctx, actor, 'recovery_document.read', documentId);
  const rows = await ctx.tx
    .select({ change: recoveryDocumentChanges, versionNo: recoveryDocumentVersions.versionNo, userName: users.name })
    .from(recoveryDocumentChanges)
    .innerJoin(recoveryDocumentVersions, eq(recoveryDocumentVersions.id, recoveryDocumentChanges.versionId))
    .leftJoin(users, eq(users.id, recoveryDocumentChanges.userId))
    .where(and(eq(recoveryDocumentChanges.documentId, documentId), eq(recoveryDocumentChanges.organizationId, ctx.organizationId)))
    .orderBy(desc(recoveryDocumentChanges.changedAt), desc(recoveryDocumentChanges.id));
  await ctx.audit({ action: 'recovery_document.changes_read', resourceType: 'recovery_document', resourceId: documentId });
  return rows.map(({ change, versionNo, userName }) => ({
    id: change.id,
    versionNo,
    user: change.userId ? { id: change.userId, name: userName ?? '' } : null,
    asRole: change.asRole,
    inPresenceOfPerson: change.inPresenceOfPerson,
    sectionCodes: change.sectionCodes,
    revision: change.revision,
    changedAt: change.changedAt.toISOString(),
  }));
}
