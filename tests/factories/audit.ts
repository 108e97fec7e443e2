import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../src/server/db/client';
import { auditEvents } from '../../src/server/db/schema';
import { appendAuditEvent } from '../../src/server/platform/audit/append';
import { buildOrganization } from './organizations';

export type AuditEventRow = typeof auditEvents.$inferSelect;

/**
 * `count` entries appended through the real chain code (so hashes are right), one second apart;
 * returns the organisation's whole chain in order.
 */
export async function buildAuditEvents(
  db: Queryable,
  overrides: {
    organizationId?: string;
    count?: number;
    actorUserId?: string | null;
    action?: string;
    resourceType?: string;
    start?: Date;
  } = {},
): Promise<AuditEventRow[]> {
  const organizationId = overrides.organizationId ?? (await buildOrganization(db)).id;
  const start = overrides.start ?? new Date();
  const count = overrides.count ?? 3;
  for (let index = 0; index < count; index += 1) {
    await appendAuditEvent(
      db,
      { organizationId, actorUserId: overrides.actorUserId ?? null, occurredAt: new Date(start.getTime() + index * 1000) },
      {
        action: overrides.action ?? 'test.recorded',
        resourceType: overrides.resourceType ?? 'test',
        resourceId: `resource-${index + 1}`,
        context: { index: index + 1 },
      },
    );
  }
  return auditTrail(db, organizationId);
}

/** The organisation's chain, oldest first: what a test reads to check that a write was audited. */
export function auditTrail(db: Queryable, organizationId: string): Promise<AuditEventRow[]> {
  return db.select().from(auditEvents).where(eq(auditEvents.organizationId, organizationId)).orderBy(asc(auditEvents.seq));
}
