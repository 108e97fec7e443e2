import { and, eq, max } from 'drizzle-orm';
import type { TSectionContent } from '../../../shared/recovery-documents';
import type { ServiceContext } from '../../platform/http/context';
import { actorOf } from '../../platform/tenancy/scope';
import { assertSectionContent, progressOf, sectionOf } from './content-validation';
import { addMonths, dayOf } from './days';
import { conflictOn, invalidField } from './field-errors';
import { findVersion, loadDocumentFor, roleOn, type DocumentRecord, type LoadedVersion } from './records';
import { recoveryDocumentChanges, recoveryDocuments, recoveryDocumentVersions } from './schema';
import { StaleRevisionError } from './stale-revision';

/** Months between a validation and the review the person is reminded of, unless they choose a date. */
export const DEFAULT_REVIEW_MONTHS = 6;

function ensureNotWithdrawn(ctx: ServiceContext, record: DocumentRecord): void {
  if (record.status === 'withdrawn') throw conflictOn(ctx.locale, 'status', 'withdrawn');
}

/** A facilitator writes only with the person there (DOMAIN §1 Model): the edit is logged so. */
function ensurePresenceWhenFacilitating(ctx: ServiceContext, role: 'owner' | 'facilitator', inPresenceOfPerson: boolean | undefined): void {
  if (role === 'facilitator' && inPresenceOfPerson !== true) throw invalidField(ctx.locale, 'inPresenceOfPerson', 'presenceRequired');
}

async function lockedDraft(ctx: ServiceContext, documentId: string): Promise<LoadedVersion> {
  const draft = await findVersion(ctx, documentId, 'draft', { forUpdate: true });
  if (!draft) throw conflictOn(ctx.locale, 'draft', 'noDraft');
  return draft;
}

export type SectionSave = { revision: number; content: TSectionContent; inPresenceOfPerson?: boolean | undefined };

/**
 * Autosave of one section of the draft: the content is checked against the draft's template
 * (400, nothing saved), the revision must be the draft's (else 409 with the newer save's date),
 * then the section is replaced, the revision goes up and the save is attributed.
 */
export async function saveSection(ctx: ServiceContext, documentId: string, sectionCode: string, input: SectionSave): Promise<{ revision: number; updatedAt: string }> {
  const actor = actorOf(ctx);
  const record = await loadDocumentFor(ctx, actor, 'recovery_document.edit', documentId, { forUpdate: true });
  ensureNotWithdrawn(ctx, record);
  const role = roleOn(actor, record);
  ensurePresenceWhenFacilitating(ctx, role, input.inPresenceOfPerson);
  const draft = await lockedDraft(ctx, documentId);
  assertSectionContent(sectionOf(draft.template.definition, sectionCode, ctx.locale), input.content, ctx.locale);
  if (input.revision !== draft.revision) throw new StaleRevisionError(draft.updatedAt, draft.revision);
  const revision = draft.revision + 1;
  await ctx.tx
    .update(recoveryDocumentVersions)
    .set({ content: { ...draft.content, [sectionCode]: input.content }, revision, updatedAt: ctx.now, updatedBy: actor.userId })
    .where(eq(recoveryDocumentVersions.id, draft.id));
  const inPresenceOfPerson = role === 'facilitator' ? true : input.inPresenceOfPerson === true;
  await ctx.tx.insert(recoveryDocumentChanges).values({
    organizationId: ctx.organizationId,
    documentId,
    versionId: draft.id,
    userId: actor.userId,
    asRole: role,
    inPresenceOfPerson,
    sectionCodes: [sectionCode],
    revision,
    changedAt: ctx.now,
  });
  await ctx.tx.update(recoveryDocuments).set({ updatedAt: ctx.now }).where(eq(recoveryDocuments.id, documentId));
  await ctx.audit({
    action: 'recovery_document.section_saved',
    resourceType: 'recovery_document',
    resourceId: documentId,
    context: { versionNo: draft.versionNo, sectionCode, revision, asRole: role, inPresenceOfPerson },
  });
  return { revision, updatedAt: ctx.now.toISOString() };
}

/**
 * The owner signs and dates the draft: it becomes the active version, the previous active one is
 * superseded, the document is active and its review date set (the person's, else six months on).
 */
export async function validateDraft(ctx: ServiceContext, documentId: string, input: { revision: number; reviewDueOn?: string | undefined }): Promise<void> {
  const actor = actorOf(ctx);
  const record = await loadDocumentFor(ctx, actor, 'recovery_document.validate', documentId, { forUpdate: true });
  ensureNotWithdrawn(ctx, record);
  const draft = await lockedDraft(ctx, documentId);
  if (input.revision !== draft.revision) throw new StaleRevisionError(draft.updatedAt, draft.revision);
  if (progressOf(draft.template.definition, draft.content).filled === 0) throw invalidField(ctx.locale, 'draft', 'emptyDraft');
  const today = dayOf(ctx.now);
  if (input.reviewDueOn !== undefined && input.reviewDueOn <= today) throw invalidField(ctx.locale, 'reviewDueOn', 'reviewDateInPast');
  const reviewDueOn = input.reviewDueOn ?? addMonths(today, DEFAULT_REVIEW_MONTHS);
  await ctx.tx
    .update(recoveryDocumentVersions)
    .set({ status: 'superseded' })
    .where(and(eq(recoveryDocumentVersions.documentId, documentId), eq(recoveryDocumentVersions.status, 'validated')));
  await ctx.tx
    .update(recoveryDocumentVersions)
    .set({ status: 'validated', validatedAt: ctx.now, validatedBy: actor.userId })
    .where(eq(recoveryDocumentVersions.id, draft.id));
  await ctx.tx
    .update(recoveryDocuments)
    .set({ status: 'active', activeVersionId: draft.id, reviewDueOn, reviewRemindedAt: null, updatedAt: ctx.now })
    .where(eq(recoveryDocuments.id, documentId));
  await ctx.audit({ action: 'recovery_document.validated', resourceType: 'recovery_document', resourceId: documentId, context: { versionNo: draft.versionNo, reviewDueOn } });
}

/**
 * A review: a new draft copied from the active version, on the same template (its content is keyed
 * by that template's codes). The owner, or a facilitator with the person there.
 */
export async function startReview(ctx: ServiceContext, documentId: string, input: { inPresenceOfPerson?: boolean | undefined }): Promise<void> {
  const actor = actorOf(ctx);
  const record = await loadDocumentFor(ctx, actor, 'recovery_document.review', documentId, { forUpdate: true });
  ensureNotWithdrawn(ctx, record);
  const role = roleOn(actor, record);
  ensurePresenceWhenFacilitating(ctx, role, input.inPresenceOfPerson);
  const active = await findVersion(ctx, documentId, 'active');
  if (!active) throw conflictOn(ctx.locale, 'status', 'notActive');
  if (await findVersion(ctx, documentId, 'draft')) throw conflictOn(ctx.locale, 'draft', 'draftExists');
  const [last] = await ctx.tx
    .select({ versionNo: max(recoveryDocumentVersions.versionNo) })
    .from(recoveryDocumentVersions)
    .where(eq(recoveryDocumentVersions.documentId, documentId));
  const versionNo = (last?.versionNo ?? 0) + 1;
  await ctx.tx.insert(recoveryDocumentVersions).values({
    organizationId: ctx.organizationId,
    documentId,
    versionNo,
    templateId: active.templateId,
    content: active.content,
    createdAt: ctx.now,
    createdBy: actor.userId,
    updatedAt: ctx.now,
    updatedBy: actor.userId,
  });
  await ctx.tx.update(recoveryDocuments).set({ updatedAt: ctx.now }).where(eq(recoveryDocuments.id, documentId));
  await ctx.audit({
    action: 'recovery_document.review_started',
    resourceType: 'recovery_document',
    resourceId: documentId,
    context: { versionNo, fromVersionNo: active.versionNo, asRole: role, inPresenceOfPerson: role === 'facilitator' || input.inPresenceOfPerson === true },
  });
}

