import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../src/server/db/client';
import { personAccounts } from '../../src/server/modules/portal/schema';
import { documentCopyHolders, documentShares, recoveryDocuments } from '../../src/server/modules/recovery-documents/schema';
import { hashCode, hashToken, newCode, newToken } from '../../src/server/modules/recovery-documents/sharing/secrets';
import { BUILT_IN_TEMPLATES } from '../../src/server/modules/recovery-documents/templates';
import { users } from '../../src/server/platform/auth/schema';

const DAY = 24 * 3600 * 1000;
const DEMO_PERSON_EMAIL = 'person@demo.passerelle.test';
const DEMO_PARTNER_EMAIL = 'partner-contact@demo.passerelle.test';
const DEMO_COORDINATOR_EMAIL = 'coordinator@demo.passerelle.test';

/**
 * Shares of the demo person's documents (issue #5 demo data): the WRAP crisis plan shared with the
 * demo partner contact (a CMP) for three months, an outside link for the DAP that has expired, a
 * share withdrawn a month ago, and a paper copy. Fictional throughout; outside-link secrets are
 * random and not printed (nobody can open that link, as after a real expiry).
 */
export async function seedDemoShares(db: Queryable, organizationId: string, now: Date): Promise<{ shares: number }> {
  const people = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), inArray(users.email, [DEMO_PERSON_EMAIL, DEMO_PARTNER_EMAIL, DEMO_COORDINATOR_EMAIL])));
  const idOf = (email: string) => people.find((row) => row.email === email)?.id;
  const personUserId = idOf(DEMO_PERSON_EMAIL);
  const partnerId = idOf(DEMO_PARTNER_EMAIL);
  const coordinatorId = idOf(DEMO_COORDINATOR_EMAIL);
  if (!personUserId || !partnerId || !coordinatorId) return { shares: 0 };
  const [account] = await db.select({ personId: personAccounts.personId }).from(personAccounts).where(eq(personAccounts.userId, personUserId));
  if (!account) return { shares: 0 };
  const documents = await db
    .select({ id: recoveryDocuments.id, kind: recoveryDocuments.kind, activeVersionId: recoveryDocuments.activeVersionId })
    .from(recoveryDocuments)
    .where(and(eq(recoveryDocuments.organizationId, organizationId), eq(recoveryDocuments.personId, account.personId)));
  const wrap = documents.find((document) => document.kind === 'wrap' && document.activeVersionId);
  const dap = documents.find((document) => document.kind === 'dap' && document.activeVersionId);
  if (!wrap || !dap) return { shares: 0 };
  const daysFromNow = (days: number) => new Date(now.getTime() + days * DAY);
  const crisisSections = BUILT_IN_TEMPLATES.wrap.sections.filter((section) => section.emergencyEligible).map((section) => section.code);
  const outsideToken = hashToken(newToken());
  const common = { organizationId, grantedBy: personUserId };
  const rows: (typeof documentShares.$inferInsert)[] = [
    {
      ...common,
      documentId: wrap.id,
      versionId: null,
      recipientKind: 'user',
      recipientUserId: partnerId,
      recipientLabel: 'Dr Claire Martin, CMP de Gap',
      purpose: 'Préparer mon suivi au CMP',
      scopeSections: crisisSections.slice(0, 4),
      channel: 'portal',
      grantedAt: daysFromNow(-12),
      expiresAt: daysFromNow(78),
    },
    {
      ...common,
      documentId: dap.id,
      versionId: dap.activeVersionId,
      recipientKind: 'external',
      recipientEmail: 'accueil.urgences@exemple.test',
      recipientLabel: 'Accueil des urgences (fictif)',
      purpose: 'En cas d’hospitalisation cet été',
      scopeSections: null,
      channel: 'link',
      grantedAt: daysFromNow(-120),
      expiresAt: daysFromNow(-30),
      linkTokenHash: outsideToken,
      accessCodeHash: hashCode(outsideToken, newCode()),
    },
    {
      ...common,
      documentId: wrap.id,
      versionId: null,
      recipientKind: 'user',
      recipientUserId: coordinatorId,
      recipientLabel: 'La coordinatrice de la plateforme',
      purpose: 'Organiser mon accompagnement',
      scopeSections: null,
      channel: 'portal',
      grantedAt: daysFromNow(-90),
      expiresAt: daysFromNow(90),
      revokedAt: daysFromNow(-30),
      revokedBy: personUserId,
    },
  ];
  await db.insert(documentShares).values(rows);
  await db.insert(documentCopyHolders).values({
    organizationId,
    documentId: wrap.id,
    versionId: wrap.activeVersionId,
    holder: 'Ma sœur Inès',
    kind: 'paper',
    givenOn: daysFromNow(-18).toISOString().slice(0, 10),
    createdBy: personUserId,
  });
  return { shares: rows.length };
}
