import { and, asc, eq, ne } from 'drizzle-orm';
import type { Queryable } from '../../src/server/db/client';
import { accompanimentPeers, accompaniments } from '../../src/server/modules/accompaniments/schema';
import { persons } from '../../src/server/modules/persons/schema';
import { personAccounts } from '../../src/server/modules/portal/schema';
import { addMonths, dayOf } from '../../src/server/modules/recovery-documents/days';
import {
  documentTemplates,
  recoveryDocumentChanges,
  recoveryDocumentFacilitators,
  recoveryDocuments,
  recoveryDocumentVersions,
} from '../../src/server/modules/recovery-documents/schema';
import { BUILT_IN_TEMPLATES } from '../../src/server/modules/recovery-documents/templates';
import { users } from '../../src/server/platform/auth/schema';
import { DOCUMENT_KINDS, type TDocumentContent, type TDocumentKind } from '../../src/shared/recovery-documents';
import * as content from './recovery-documents-seed-content';
import { DEMO_STAFF_EMAILS } from './persons-seed';

const DAY = 24 * 3600 * 1000;

/** One version of a demo document: a draft, or validated so many days ago (superseded when a later one is validated). */
type VersionPlan = { content: TDocumentContent; validatedDaysAgo?: number; sections: string[] };
type DocumentPlan = { kind: TDocumentKind; title?: string; versions: VersionPlan[]; visibleToTeam?: boolean; reviewDueOn?: string };

type Owner = { personId: string; userId: string | null; facilitatorId: string | null };

/**
 * Recovery documents of three fictional demo persons (issue #5): Lucas Morel (the demo person
 * account) with a WRAP in two versions and a filled crisis plan, a PCC draft and a validated DAP;
 * two persons followed by the demo peer with a DAP, a recovery plan, a PCC (its review date passed)
 * and a WRAP draft. Written straight into the tables like the rest of the demo; skipped when the
 * organisation already has documents.
 */
export async function seedRecoveryDocuments(db: Queryable, organizationId: string, now: Date): Promise<{ documents: number }> {
  const existing = await db.select({ id: recoveryDocuments.id }).from(recoveryDocuments).where(eq(recoveryDocuments.organizationId, organizationId)).limit(1);
  if (existing.length > 0) return { documents: 0 };
  const templateIds = await seedTemplates(db, organizationId);
  const owners = await demoOwners(db, organizationId);
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);
  const plans: [Owner | undefined, DocumentPlan][] = [
    [
      owners[0],
      {
        kind: 'wrap',
        visibleToTeam: true,
        versions: [
          { content: content.LUCAS_WRAP_V1, validatedDaysAgo: 200, sections: ['well_description', 'wellness_toolbox', 'supporters', 'inactivation'] },
          { content: content.LUCAS_WRAP_V2, validatedDaysAgo: 20, sections: ['wellness_toolbox', 'post_crisis_plan'] },
        ],
      },
    ],
    [owners[0], { kind: 'pcc', versions: [{ content: content.LUCAS_PCC_DRAFT, sections: ['previous_crises', 'warning_signs'] }] }],
    [owners[0], { kind: 'dap', versions: [{ content: content.LUCAS_DAP, validatedDaysAgo: 60, sections: ['about_me', 'trusted_person'] }] }],
    [owners[1], { kind: 'dap', versions: [{ content: content.SECOND_PERSON_DAP, validatedDaysAgo: 90, sections: ['support_persons', 'trusted_person'] }] }],
    [owners[1], { kind: 'recovery_plan', versions: [{ content: content.SECOND_PERSON_RECOVERY_PLAN, sections: ['goals', 'steps'] }] }],
    // Validated more than six months ago: its review date has passed, the reminder job has something to do.
    [owners[2], { kind: 'pcc', visibleToTeam: true, versions: [{ content: content.THIRD_PERSON_PCC, validatedDaysAgo: 190, sections: ['triggers', 'signatures'] }] }],
    [owners[2], { kind: 'wrap', versions: [{ content: content.THIRD_PERSON_WRAP_DRAFT, sections: ['wellness_toolbox'] }] }],
  ];
  let documents = 0;
  for (const [owner, plan] of plans) {
    if (!owner) continue;
    await writeDocument(db, organizationId, templateIds, owner, plan, daysAgo);
    documents += 1;
  }
  return { documents };
}

async function seedTemplates(db: Queryable, organizationId: string): Promise<Map<TDocumentKind, string>> {
  await db
    .insert(documentTemplates)
    .values(DOCUMENT_KINDS.map((kind) => ({ organizationId, kind, version: 1, definition: BUILT_IN_TEMPLATES[kind] })))
    .onConflictDoNothing();
  const rows = await db
    .select({ id: documentTemplates.id, kind: documentTemplates.kind })
    .from(documentTemplates)
    .where(and(eq(documentTemplates.organizationId, organizationId), eq(documentTemplates.version, 1)));
  return new Map(rows.map((row) => [row.kind, row.id]));
}

/** Lucas (the demo person account), then two persons the demo peer worker accompanies, by name. */
async function demoOwners(db: Queryable, organizationId: string): Promise<Owner[]> {
  const [peer] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_STAFF_EMAILS.peerWorker));
  const [lucas] = await db
    .select({ personId: personAccounts.personId, userId: personAccounts.userId })
    .from(personAccounts)
    .innerJoin(users, eq(users.id, personAccounts.userId))
    .where(and(eq(personAccounts.organizationId, organizationId), eq(users.email, DEMO_STAFF_EMAILS.personAccount)));
  const owners: Owner[] = [];
  if (lucas) owners.push({ personId: lucas.personId, userId: lucas.userId, facilitatorId: peer?.id ?? null });
  if (!peer) return owners;
  const followed = await db
    .selectDistinct({ personId: persons.id, lastName: persons.lastName, firstName: persons.firstName })
    .from(accompanimentPeers)
    .innerJoin(accompaniments, eq(accompaniments.id, accompanimentPeers.accompanimentId))
    .innerJoin(persons, eq(persons.id, accompaniments.personId))
    .where(
      and(
        eq(accompanimentPeers.userId, peer.id),
        eq(accompaniments.organizationId, organizationId),
        ne(accompaniments.status, 'closed'),
        lucas ? ne(persons.id, lucas.personId) : undefined,
      ),
    )
    .orderBy(asc(persons.lastName), asc(persons.firstName), asc(persons.id))
    .limit(2);
  for (const person of followed) owners.push({ personId: person.personId, userId: null, facilitatorId: peer.id });
  return owners;
}

async function writeDocument(
  db: Queryable,
  organizationId: string,
  templateIds: Map<TDocumentKind, string>,
  owner: Owner,
  plan: DocumentPlan,
  daysAgo: (days: number) => Date,
): Promise<void> {
  const templateId = templateIds.get(plan.kind);
  if (!templateId) throw new Error(`no demo template ${plan.kind}`);
  const firstAt = daysAgo((plan.versions[0]?.validatedDaysAgo ?? 10) + 14);
  const [document] = await db
    .insert(recoveryDocuments)
    .values({ organizationId, personId: owner.personId, kind: plan.kind, title: plan.title ?? BUILT_IN_TEMPLATES[plan.kind].title, visibleToTeam: plan.visibleToTeam ?? false, createdAt: firstAt, updatedAt: firstAt })
    .returning({ id: recoveryDocuments.id });
  if (!document) throw new Error('demo document not created');
  if (owner.facilitatorId) {
    await db.insert(recoveryDocumentFacilitators).values({ documentId: document.id, userId: owner.facilitatorId, organizationId, grantedAt: firstAt });
  }
  let activeVersionId: string | null = null;
  let lastValidatedAt: Date | null = null;
  for (const [index, version] of plan.versions.entries()) {
    const validatedAt = version.validatedDaysAgo === undefined ? null : daysAgo(version.validatedDaysAgo);
    const writtenAt = validatedAt ? new Date(validatedAt.getTime() - 2 * DAY) : daysAgo(3);
    const superseded = validatedAt !== null && index < plan.versions.length - 1;
    const [row] = await db
      .insert(recoveryDocumentVersions)
      .values({
        organizationId,
        documentId: document.id,
        versionNo: index + 1,
        templateId,
        status: validatedAt === null ? 'draft' : superseded ? 'superseded' : 'validated',
        content: version.content,
        revision: version.sections.length + 1,
        createdAt: writtenAt,
        createdBy: owner.userId,
        updatedAt: writtenAt,
        updatedBy: owner.userId,
        validatedAt,
        validatedBy: validatedAt ? owner.userId : null,
      })
      .returning({ id: recoveryDocumentVersions.id });
    if (!row) throw new Error('demo version not created');
    // Each section saved once: by the person on their account, else by the peer with them (a meeting).
    await db.insert(recoveryDocumentChanges).values(
      version.sections.map((code, position) => ({
        organizationId,
        documentId: document.id,
        versionId: row.id,
        userId: owner.userId ?? owner.facilitatorId,
        asRole: owner.userId ? ('owner' as const) : ('facilitator' as const),
        inPresenceOfPerson: owner.userId === null,
        sectionCodes: [code],
        revision: position + 2,
        changedAt: new Date(writtenAt.getTime() + position * 60_000),
      })),
    );
    if (validatedAt && !superseded) {
      activeVersionId = row.id;
      lastValidatedAt = validatedAt;
    }
  }
  const reviewDueOn = plan.reviewDueOn ?? (lastValidatedAt ? addMonths(dayOf(lastValidatedAt), 6) : null);
  await db
    .update(recoveryDocuments)
    .set({ status: activeVersionId ? 'active' : 'draft', activeVersionId, reviewDueOn, updatedAt: daysAgo(1) })
    .where(eq(recoveryDocuments.id, document.id));
}
