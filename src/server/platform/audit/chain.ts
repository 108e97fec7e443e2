import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditContext = Record<string, string | number | boolean | null>;

export type ChainedFields = {
  organizationId: string;
  seq: number;
  occurredAt: Date;
  actorUserId: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  context: AuditContext;
  prevHash: string;
};

/** The hash of one entry covers every column and the previous hash: change one, the chain breaks. */
export function hashAuditEntry(entry: ChainedFields): string {
  const context = Object.fromEntries(Object.entries(entry.context).sort(([a], [b]) => a.localeCompare(b)));
  const canonical = JSON.stringify([
    entry.organizationId,
    entry.seq,
    entry.occurredAt.toISOString(),
    entry.actorUserId,
    entry.action,
    entry.resourceType,
    entry.resourceId,
    context,
    entry.prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
