import { and, desc, eq, sql } from 'drizzle-orm';
import { DOCUMENT_KINDS, type TDocumentKind, type TTemplateDefinition } from '../../../shared/recovery-documents';
import type { TTemplate } from '../../../shared/recovery-documents-api';
import { actorOf } from '../../platform/tenancy/scope';
import type { ServiceContext } from '../../platform/http/context';
import { invalidField } from './field-errors';
import type { TemplateRow } from './records';
import { documentTemplates } from './schema';
import { BUILT_IN_TEMPLATES } from './templates';

/**
 * Seeds version 1 of each built-in template for the organisation the first time it is needed.
 * Two requests racing insert the same rows: the unique index keeps one, the other does nothing.
 */
export async function ensureTemplates(ctx: ServiceContext): Promise<void> {
  const present = await ctx.tx
    .selectDistinct({ kind: documentTemplates.kind })
    .from(documentTemplates)
    .where(eq(documentTemplates.organizationId, ctx.organizationId));
  const missing = DOCUMENT_KINDS.filter((kind) => !present.some((row) => row.kind === kind));
  if (missing.length === 0) return;
  await ctx.tx
    .insert(documentTemplates)
    .values(missing.map((kind) => ({ organizationId: ctx.organizationId, kind, version: 1, definition: BUILT_IN_TEMPLATES[kind], createdAt: ctx.now })))
    .onConflictDoNothing();
}

/** The newest template of one kind (what a new document is written on). */
export async function latestTemplate(ctx: ServiceContext, kind: TDocumentKind): Promise<TemplateRow> {
  await ensureTemplates(ctx);
  const [row] = await ctx.tx
    .select()
    .from(documentTemplates)
    .where(and(eq(documentTemplates.organizationId, ctx.organizationId), eq(documentTemplates.kind, kind)))
    .orderBy(desc(documentTemplates.version))
    .limit(1);
  if (!row) throw new Error(`no template of kind ${kind} after seeding`);
  return row;
}

/** The newest template of each kind, in the order of DOCUMENT_KINDS. */
export async function latestTemplates(ctx: ServiceContext): Promise<TemplateRow[]> {
  await ensureTemplates(ctx);
  const rows = await ctx.tx
    .selectDistinctOn([documentTemplates.kind])
    .from(documentTemplates)
    .where(eq(documentTemplates.organizationId, ctx.organizationId))
    .orderBy(documentTemplates.kind, desc(documentTemplates.version));
  return DOCUMENT_KINDS.flatMap((kind) => rows.filter((row) => row.kind === kind));
}

/**
 * A newer version of a template: new documents are written on it, existing versions keep the
 * template they were written on. The kind of the definition must be the kind of the address.
 */
export async function addTemplateVersion(ctx: ServiceContext, kind: TDocumentKind, definition: TTemplateDefinition): Promise<TemplateRow> {
  if (definition.kind !== kind) throw invalidField(ctx.locale, 'definition.kind', 'templateKindMismatch');
  await ensureTemplates(ctx);
  // Serialises two administrators adding a version of the same kind at once.
  await ctx.tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`document_templates:${ctx.organizationId}:${kind}`}))`);
  const [latest] = await ctx.tx
    .select({ version: documentTemplates.version })
    .from(documentTemplates)
    .where(and(eq(documentTemplates.organizationId, ctx.organizationId), eq(documentTemplates.kind, kind)))
    .orderBy(desc(documentTemplates.version))
    .limit(1);
  const [row] = await ctx.tx
    .insert(documentTemplates)
    .values({ organizationId: ctx.organizationId, kind, version: (latest?.version ?? 0) + 1, definition, createdAt: ctx.now, createdBy: actorOf(ctx).userId })
    .returning();
  if (!row) throw new Error('template insert returned nothing');
  await ctx.audit({ action: 'document_template.created', resourceType: 'document_template', resourceId: row.id, context: { kind, version: row.version } });
  return row;
}

export const presentTemplate = (row: TemplateRow): TTemplate => ({
  id: row.id,
  kind: row.kind,
  version: row.version,
  definition: row.definition,
  createdAt: row.createdAt.toISOString(),
});
