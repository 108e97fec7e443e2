import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditContext = Record<string, string | number | boolean | null>;

export type ChainedFields = {
  organizationId: string;
  chain: number;
  seq: number;
  occurredAt: Date;
  actorUserId: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  context: AuditContext;
  prevHash: string;
};

/**
 * What an entry's hash covers, in each format the chain has known. Format 1 was computed in
 * JavaScript; format 2 is computed by the database function audit_append (migration 0004) in the
 * same round trip as the insert, and recomputed here from the row, the context being read back as
 * its jsonb text (`context::text`, deterministic for a given value). Format 3 adds the lane.
 */
export type StoredEntry = ChainedFields & { hashFormat: number; contextText: string };

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Format 1: the hash of every column and the previous hash: change one, the chain breaks. */
export function hashAuditEntryV1(entry: ChainedFields): string {
  const context = Object.fromEntries(Object.entries(entry.context).sort(([a], [b]) => a.localeCompare(b)));
  return sha256(
    JSON.stringify([
      entry.organizationId,
      entry.seq,
      entry.occurredAt.toISOString(),
      entry.actorUserId,
      entry.action,
      entry.resourceType,
      entry.resourceId,
      context,
      entry.prevHash,
    ]),
  );
}

/** Format 2: the same fields as a JSON array whose context is the database's own jsonb text. */
export function hashAuditEntryV2(entry: ChainedFields & { contextText: string }): string {
  const quoted = (value: string | null) => JSON.stringify(value);
  return sha256(
    `[${quoted(entry.organizationId)},${entry.seq},${quoted(entry.occurredAt.toISOString())},${quoted(entry.actorUserId)},` +
      `${quoted(entry.action)},${quoted(entry.resourceType)},${quoted(entry.resourceId)},${entry.contextText},${quoted(entry.prevHash)}]`,
  );
}

/** Format 3 (migration 0009): format 2 with the lane after the organisation. */
export function hashAuditEntryV3(entry: ChainedFields & { contextText: string }): string {
  const quoted = (value: string | null) => JSON.stringify(value);
  return sha256(
    `[${quoted(entry.organizationId)},${entry.chain},${entry.seq},${quoted(entry.occurredAt.toISOString())},${quoted(entry.actorUserId)},` +
      `${quoted(entry.action)},${quoted(entry.resourceType)},${quoted(entry.resourceId)},${entry.contextText},${quoted(entry.prevHash)}]`,
  );
}

/**
 * The hash an entry should carry, computed the way its format says; null for an unknown format.
 * Formats 1 and 2 predate lanes: they are valid on lane 0 only.
 */
export function hashAuditEntry(entry: StoredEntry): string | null {
  if (entry.hashFormat === 3) return hashAuditEntryV3(entry);
  if (entry.chain !== 0) return null;
  if (entry.hashFormat === 1) return hashAuditEntryV1(entry);
  if (entry.hashFormat === 2) return hashAuditEntryV2(entry);
  return null;
}
