import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../src/server/db/client';
import {
  crisisCards,
  documentCopyHolders,
  documentShares,
  documentTemplates,
  recoveryDocumentChanges,
  recoveryDocumentFacilitators,
  recoveryDocuments,
  recoveryDocumentVersions,
} from '../../src/server/db/schema';
import { BUILT_IN_TEMPLATES } from '../../src/server/modules/recovery-documents/templates';
import type { TDocumentContent, TDocumentKind } from '../../src/shared/recovery-documents';
import type { PersonRow } from './persons';

export type RecoveryDocumentRow = typeof recoveryDocuments.$inferSelect;
export type RecoveryVersionRow = typeof recoveryDocumentVersions.$inferSelect;

/** The organisation's template of this kind (version 1, the built-in one), created when absent. */
export async function buildTemplate(db: Queryable, organizationId: string, kind: TDocumentKind = 'wrap') {
  await db.insert(documentTemplates).values({ organizationId, kind, version: 1, definition: BUILT_IN_TEMPLATES[kind] }).onConflictDoNothing();
  const [row] = await db
    .select()
    .from(documentTemplates)
    .where(and(eq(documentTemplates.organizationId, organizationId), eq(documentTemplates.kind, kind), eq(documentTemplates.version, 1)));
  if (!row) throw new Error('template not created');
  return row;
}

export type RecoveryDocumentOverrides = {
  kind?: TDocumentKind;
  title?: string;
  /** `validated`: one validated version (active document); `draft`: one draft. */
  state?: 'draft' | 'validated';
  content?: TDocumentContent;
  visibleToTeam?: boolean;
  reviewDueOn?: string | null;
  validatedAt?: Date;
  authorId?: string | null;
  facilitatorIds?: string[];
};

/**
 * A document of a person written directly in the tables (for tests that do not go through the
 * API: backups, jobs, sharing): one version, draft or validated, optionally with facilitators.
 */
export async function buildRecoveryDocument(db: Queryable, person: PersonRow, overrides: RecoveryDocumentOverrides = {}) {
  const kind = overrides.kind ?? 'wrap';
  const template = await buildTemplate(db, person.organizationId, kind);
  const validated = (overrides.state ?? 'validated') === 'validated';
  const at = overrides.validatedAt ?? new Date('2026-10-01T09:00:00Z');
  const [document] = await db
    .insert(recoveryDocuments)
    .values({
      organizationId: person.organizationId,
      personId: person.id,
      kind,
      title: overrides.title ?? BUILT_IN_TEMPLATES[kind].title,
      status: validated ? 'active' : 'draft',
      visibleToTeam: overrides.visibleToTeam ?? false,
      reviewDueOn: overrides.reviewDueOn === undefined ? (validated ? '2027-04-01' : null) : overrides.reviewDueOn,
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  if (!document) throw new Error('document not created');
  const [version] = await db
    .insert(recoveryDocumentVersions)
    .values({
      organizationId: person.organizationId,
      documentId: document.id,
      versionNo: 1,
      templateId: template.id,
      status: validated ? 'validated' : 'draft',
      content: overrides.content ?? { wellness_toolbox: { tools: ['Marcher le long de la mer'] } },
      createdAt: at,
      createdBy: overrides.authorId ?? null,
      updatedAt: at,
      updatedBy: overrides.authorId ?? null,
      validatedAt: validated ? at : null,
      validatedBy: validated ? (overrides.authorId ?? null) : null,
    })
    .returning();
  if (!version) throw new Error('version not created');
  if (validated) {
    await db.update(recoveryDocuments).set({ activeVersionId: version.id }).where(eq(recoveryDocuments.id, document.id));
  }
  if (overrides.facilitatorIds && overrides.facilitatorIds.length > 0) {
    await db
      .insert(recoveryDocumentFacilitators)
      .values(overrides.facilitatorIds.map((userId) => ({ documentId: document.id, userId, organizationId: person.organizationId, grantedAt: at })));
  }
  return { document: { ...document, activeVersionId: validated ? version.id : null }, version };
}

/** One row in each of the satellite tables of a document (backup tests want every table filled). */
export async function buildRecoveryDocumentSatellites(db: Queryable, built: { document: RecoveryDocumentRow; version: RecoveryVersionRow }, userId: string) {
  const { document, version } = built;
  const base = { organizationId: document.organizationId, documentId: document.id };
  await db.insert(recoveryDocumentChanges).values({ ...base, versionId: version.id, userId, asRole: 'owner', sectionCodes: ['wellness_toolbox'], revision: 2, changedAt: version.updatedAt });
  await db.insert(recoveryDocumentFacilitators).values({ ...base, userId, grantedAt: version.createdAt }).onConflictDoNothing();
  await db.insert(documentShares).values({
    ...base,
    versionId: version.id,
    recipientKind: 'external',
    recipientEmail: 'cmp.exemple@exemple.test',
    recipientLabel: 'CMP (exemple)',
    purpose: 'Suivi',
    channel: 'link',
    expiresAt: new Date('2027-01-01T00:00:00Z'),
    grantedAt: version.createdAt,
    linkTokenHash: `hash-${document.id}`,
    accessCodeHash: 'code-hash',
  });
  await db.insert(documentCopyHolders).values({ ...base, versionId: version.id, holder: 'Ma sœur', kind: 'paper', givenOn: '2026-10-02' });
  await db.insert(crisisCards).values({ ...base, sectionCodes: ['supporters'], tokenHash: `card-${document.id}`, codeHash: 'card-code-hash', createdAt: version.createdAt });
}
