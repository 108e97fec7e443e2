import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { TDocumentKind } from '../../../shared/recovery-documents';
import type { TDocumentSummary } from '../../../shared/recovery-documents-api';
import { hasRole, type Actor } from '../../platform/access/actor';
import { can } from '../../platform/access/policy';
import type { ServiceContext } from '../../platform/http/context';
import { notFound } from '../../platform/http/errors';
import { actorOf } from '../../platform/tenancy/scope';
import { ownPersonId } from '../portal/accounts';
import { personAccounts } from '../portal/schema';
import { asRecord as asPersonRecord, loadPerson } from '../persons/queries';
import { summariesOf } from './presenters';
import { asDocumentRecord, type DocumentRecord } from './records';
import { recoveryDocumentFacilitators, recoveryDocuments, recoveryDocumentVersions } from './schema';
import { latestTemplate } from './templates-service';

/**
 * A new document of the signed-in person, on the latest template of its kind, with its first
 * draft (version 1). Only the person creates their documents (DOMAIN §0.1).
 */
export async function createDocument(ctx: ServiceContext, input: { kind: TDocumentKind; title?: string | undefined }): Promise<string> {
  const actor = actorOf(ctx);
  const personId = await ownPersonId(ctx);
  const template = await latestTemplate(ctx, input.kind);
  const [document] = await ctx.tx
    .insert(recoveryDocuments)
    .values({
      organizationId: ctx.organizationId,
      personId,
      kind: input.kind,
      title: input.title ?? template.definition.title,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning({ id: recoveryDocuments.id });
  if (!document) throw new Error('document insert returned nothing');
  await ctx.tx.insert(recoveryDocumentVersions).values({
    organizationId: ctx.organizationId,
    documentId: document.id,
    versionNo: 1,
    templateId: template.id,
    createdAt: ctx.now,
    createdBy: actor.userId,
    updatedAt: ctx.now,
    updatedBy: actor.userId,
  });
  await ctx.audit({ action: 'recovery_document.created', resourceType: 'recovery_document', resourceId: document.id, context: { kind: input.kind, templateVersion: template.version } });
  return document.id;
}

/** The signed-in person's own documents, withdrawn ones included (they stay theirs), newest activity first. */
export async function listOwnDocuments(ctx: ServiceContext): Promise<TDocumentSummary[]> {
  const personId = await ownPersonId(ctx);
  const rows = await ctx.tx
    .select()
    .from(recoveryDocuments)
    .where(and(eq(recoveryDocuments.organizationId, ctx.organizationId), eq(recoveryDocuments.personId, personId)))
    .orderBy(desc(recoveryDocuments.updatedAt), desc(recoveryDocuments.id));
  return summariesOf(ctx, rows);
}

/**
 * One person's documents as a staff member sees them: those the reader facilitates (they may open
 * them), and for a coordinator those the person made visible to the team (existence only). A
 * reader who may neither read the person's record nor facilitates any of their documents: 404.
 */
export async function listPersonDocuments(ctx: ServiceContext, personId: string) {
  const actor = actorOf(ctx);
  if (!hasRole(actor, 'coordinator', 'peer_worker', 'volunteer')) throw notFound();
  const person = await loadPerson(ctx, personId);
  const records = await personDocumentRecords(ctx, personId);
  const visible = records.filter(({ record }) => can(actor, 'recovery_document.seeExistence', record));
  if (visible.length === 0 && !can(actor, 'person.read', asPersonRecord(person))) throw notFound();
  const summaries = await summariesOf(
    ctx,
    visible.map(({ row }) => row),
  );
  return summaries.map((summary) => {
    const record = visible.find(({ row }) => row.id === summary.id)?.record;
    return { ...summary, access: record && mayRead(actor, record) ? ('facilitator' as const) : ('existence' as const) };
  });
}

const mayRead = (actor: Actor, record: DocumentRecord) => can(actor, 'recovery_document.read', record);

async function personDocumentRecords(ctx: ServiceContext, personId: string) {
  const rows = await ctx.tx
    .select({ document: recoveryDocuments, ownerUserId: personAccounts.userId })
    .from(recoveryDocuments)
    .leftJoin(personAccounts, eq(personAccounts.personId, recoveryDocuments.personId))
    .where(and(eq(recoveryDocuments.organizationId, ctx.organizationId), eq(recoveryDocuments.personId, personId)))
    .orderBy(desc(recoveryDocuments.updatedAt), desc(recoveryDocuments.id));
  if (rows.length === 0) return [];
  const facilitators = await ctx.tx
    .select({ documentId: recoveryDocumentFacilitators.documentId, userId: recoveryDocumentFacilitators.userId })
    .from(recoveryDocumentFacilitators)
    .where(
      and(
        inArray(
          recoveryDocumentFacilitators.documentId,
          rows.map((row) => row.document.id),
        ),
        isNull(recoveryDocumentFacilitators.revokedAt),
      ),
    );
  return rows.map(({ document, ownerUserId }) => ({
    row: document,
    record: asDocumentRecord(
      document,
      ownerUserId,
      facilitators.filter((facilitator) => facilitator.documentId === document.id).map((facilitator) => facilitator.userId),
    ),
  }));
}
