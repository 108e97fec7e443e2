import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/support/test-app';
import { organizations, personAccounts, users } from '../../src/server/db/schema';
import { assertSectionContent, sectionOf } from '../../src/server/modules/recovery-documents/content-validation';
import {
  documentCopyHolders,
  documentShares,
  documentTemplates,
  recoveryDocumentChanges,
  recoveryDocuments,
  recoveryDocumentVersions,
} from '../../src/server/modules/recovery-documents/schema';
import { seedRecoveryDocuments } from './recovery-documents-seed';
import { DEMO_STAFF_EMAILS } from './persons-seed';
import { seedDemoIfEmpty } from './seed';

let t: TestApp;
let organizationId: string;
const db = () => t.deps.database.db;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoIfEmpty(t.app, { print: false });
  const [organization] = await db().select({ id: organizations.id }).from(organizations).limit(1);
  if (!organization) throw new Error('no demo organisation');
  organizationId = organization.id;
});
afterAll(async () => t.close());

describe('demo recovery documents', () => {
  it('gives Lucas Morel (person@demo) a WRAP in two versions with a filled crisis plan, a PCC draft and a DAP; two other persons theirs; once', async () => {
    const first = await seedRecoveryDocuments(db(), organizationId, t.clock.now);
    const again = await seedRecoveryDocuments(db(), organizationId, t.clock.now);
    // The demo seed may already call it (once the lead wires it): then the first call skips too.
    const documents = await db().select().from(recoveryDocuments).where(eq(recoveryDocuments.organizationId, organizationId));
    expect(documents).toHaveLength(7);
    expect([0, 7]).toContain(first.documents);
    expect(again.documents).toBe(0);

    const [lucas] = await db()
      .select({ personId: personAccounts.personId })
      .from(personAccounts)
      .innerJoin(users, eq(users.id, personAccounts.userId))
      .where(eq(users.email, DEMO_STAFF_EMAILS.personAccount));
    const his = documents.filter((document) => document.personId === lucas?.personId);
    expect(his.map((document) => [document.kind, document.status]).sort()).toEqual([
      ['dap', 'active'],
      ['pcc', 'draft'],
      ['wrap', 'active'],
    ]);
    const wrap = his.find((document) => document.kind === 'wrap');
    const versions = await db().select().from(recoveryDocumentVersions).where(eq(recoveryDocumentVersions.documentId, wrap?.id ?? ''));
    expect(versions.map((version) => [version.versionNo, version.status]).sort()).toEqual([
      [1, 'superseded'],
      [2, 'validated'],
    ]);
    expect(wrap?.activeVersionId).toBe(versions.find((version) => version.status === 'validated')?.id);
    const crisisSections = ['when_well', 'symptoms_others_take_over', 'supporters', 'medications', 'treatments', 'home_community_care', 'treatment_facilities', 'help_from_others', 'inactivation'];
    for (const code of crisisSections) expect(Object.keys(versions[0]?.content ?? {})).toContain(code);
    expect(new Set(documents.map((document) => document.personId)).size).toBe(3);
    expect(await db().select().from(recoveryDocumentChanges).where(eq(recoveryDocumentChanges.organizationId, organizationId))).not.toHaveLength(0);
  });

  it('every demo content is valid against its template', async () => {
    const rows = await db()
      .select({ content: recoveryDocumentVersions.content, definition: documentTemplates.definition })
      .from(recoveryDocumentVersions)
      .innerJoin(documentTemplates, eq(documentTemplates.id, recoveryDocumentVersions.templateId))
      .where(eq(recoveryDocumentVersions.organizationId, organizationId));
    expect(rows.length).toBeGreaterThan(7);
    for (const row of rows) {
      for (const [code, section] of Object.entries(row.content)) assertSectionContent(sectionOf(row.definition, code, 'fr'), section, 'fr');
    }
  });

  it('shares Lucas’s documents: one active (crisis plan, to the demo CMP contact), one expired outside link, one withdrawn; a paper copy', async () => {
    const shares = await db().select().from(documentShares).where(eq(documentShares.organizationId, organizationId));
    const now = t.clock.now.getTime();
    const state = (share: (typeof shares)[number]) =>
      share.revokedAt ? 'revoked' : share.expiresAt.getTime() < now ? 'expired' : 'active';
    expect(shares.map((share) => [share.recipientKind, state(share)]).sort()).toEqual([
      ['external', 'expired'],
      ['user', 'active'],
      ['user', 'revoked'],
    ]);
    const active = shares.find((share) => state(share) === 'active');
    expect(active?.scopeSections?.length).toBeGreaterThan(0);
    expect(await db().select().from(documentCopyHolders).where(eq(documentCopyHolders.organizationId, organizationId))).toHaveLength(1);
  });
});
