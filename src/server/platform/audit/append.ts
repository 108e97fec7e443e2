import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { auditEvents, auditHeads } from './schema';
import { GENESIS_HASH, hashAuditEntry, type AuditContext } from './chain';

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
 * Appends one entry to its organisation's chain, inside the caller's transaction: the entry
 * exists if and only if the change it records does. The head row's lock orders concurrent appends.
 */
export async function appendAuditEvent(tx: Queryable, origin: AuditOrigin, entry: AuditEntry): Promise<void> {
  const [head] = await tx
    .insert(auditHeads)
    .values({ organizationId: origin.organizationId, lastSeq: 1, lastHash: GENESIS_HASH })
    .onConflictDoUpdate({ target: auditHeads.organizationId, set: { lastSeq: sql`${auditHeads.lastSeq} + 1` } })
    .returning({ seq: auditHeads.lastSeq, prevHash: auditHeads.lastHash });
  if (!head) throw new Error('audit head not returned');
  const fields = {
    organizationId: origin.organizationId,
    seq: head.seq,
    occurredAt: origin.occurredAt,
    actorUserId: origin.actorUserId,
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId ?? null,
    context: entry.context ?? {},
    prevHash: head.prevHash,
  };
  const hash = hashAuditEntry(fields);
  await tx.insert(auditEvents).values({ ...fields, hash });
  await tx.update(auditHeads).set({ lastHash: hash }).where(eq(auditHeads.organizationId, origin.organizationId));
}
