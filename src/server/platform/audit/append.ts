import { sql, type SQLWrapper } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import type { AuditContext } from './chain';

export type AuditEntry = {
  /** Verb in the past: "person.read", "user.roles.updated", "auth.login.succeeded". */
  action: string;
  resourceType: string;
  resourceId?: string | null;
  /** Why or where, never personal data: ids, counts, codes. */
  context?: AuditContext;
};

export type AuditOrigin = { organizationId: string; actorUserId: string | null; occurredAt: Date };

/**
 * Appends one entry to its organisation's chain, inside the caller's transaction (or as its own
 * statement on a bare connection): the entry exists if and only if the change it records does.
 * The database function audit_append locks the chain head, hashes and inserts in one round trip.
 */
export async function appendAuditEvent(tx: Queryable, origin: AuditOrigin, entry: AuditEntry): Promise<void> {
  await tx.execute(
    sql`select audit_append(${origin.organizationId}::uuid, ${origin.occurredAt.toISOString()}::timestamptz, ${origin.actorUserId}::uuid, ${entry.action}, ${entry.resourceType}, ${entry.resourceId ?? null}, ${JSON.stringify(entry.context ?? {})}::jsonb)`,
  );
}

/**
 * The audit of a read as a column of the query that reads: `select …, <this> from … where id = $1`
 * appends the entry for each row returned, in the same statement, so a row never comes back
 * without its entry (and a missing row writes none). The origin comes from placeholders, filled
 * by `auditedReadParameters`, so the statement can be prepared once.
 */
export function auditedReadColumn(action: string, resourceType: string, resourceId: SQLWrapper) {
  return sql<number>`audit_append(${sql.placeholder('auditOrganizationId')}::uuid, ${sql.placeholder('auditOccurredAt')}::timestamptz, ${sql.placeholder('auditActorUserId')}::uuid, ${action}, ${resourceType}, ${resourceId}::text, '{}'::jsonb)`;
}

export function auditedReadParameters(origin: AuditOrigin) {
  return {
    auditOrganizationId: origin.organizationId,
    auditOccurredAt: origin.occurredAt.toISOString(),
    auditActorUserId: origin.actorUserId,
  };
}
