import { and, asc, eq, getTableColumns, gt, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client';
import { organizations } from '../tenancy/schema';
import { GENESIS_HASH, hashAuditEntry } from './chain';
import { auditEvents, auditHeads } from './schema';

export type ChainCount = { organizationId: string; entries: number };

export type BreakCode =
  | 'seq_gap'
  | 'hash_mismatch'
  | 'prev_hash_mismatch'
  | 'tail_missing'
  | 'head_mismatch'
  | 'head_missing';

/** The first entry where a chain stops being intact; `id` is null when the entry is missing. */
export type BrokenEntry = { organizationId: string; seq: number; id: number | null; code: BreakCode; reason: string };

/** `entries` counts the intact entries read, over every organisation checked. */
export type AuditVerification =
  | { ok: true; entries: number; organizations: ChainCount[] }
  | { ok: false; entries: number; organizations: ChainCount[]; firstBreak: BrokenEntry };

/** Entries read per query: memory stays flat however long the chain. */
const DEFAULT_BATCH = 1000;

/**
 * Re-walks every organisation's audit chain: seq continuous from 1, each entry's hash recomputed,
 * each prev_hash equal to the previous hash, and the head (last_seq, last_hash) equal to the last
 * entry — the only way to notice entries cut from the end. One repeatable-read snapshot, so a
 * running server appending meanwhile does not look like a break. Stops at the first break.
 */
export function verifyAuditChains(db: Database, options: { batchSize?: number } = {}): Promise<AuditVerification> {
  return db.transaction((tx) => verifyAuditChainsIn(tx, options), {
    isolationLevel: 'repeatable read',
    accessMode: 'read only',
  });
}

/** The same walk on a connection the caller holds (tests tamper, verify and roll back in one transaction). */
export async function verifyAuditChainsIn(tx: Queryable, options: { batchSize?: number } = {}): Promise<AuditVerification> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const counted: ChainCount[] = [];
  const orgs = await tx.select({ id: organizations.id }).from(organizations).orderBy(asc(organizations.id));
  for (const { id } of orgs) {
    const result = await verifyChain(tx, id, batchSize);
    if ('broken' in result) return { ok: false, entries: total(counted), organizations: counted, firstBreak: result.broken };
    counted.push({ organizationId: id, entries: result.entries });
  }
  return { ok: true, entries: total(counted), organizations: counted };
}

const total = (counts: ChainCount[]) => counts.reduce((sum, count) => sum + count.entries, 0);

async function verifyChain(
  tx: Queryable,
  organizationId: string,
  batchSize: number,
): Promise<{ entries: number } | { broken: BrokenEntry }> {
  const broken = (seq: number, id: number | null, code: BreakCode, reason: string) => ({
    broken: { organizationId, seq, id, code, reason },
  });
  const [head] = await tx.select().from(auditHeads).where(eq(auditHeads.organizationId, organizationId));
  let expectedSeq = 1;
  let previousHash = GENESIS_HASH;
  let last: { id: number; seq: number; hash: string } | null = null;
  let readUpTo = 0;
  for (;;) {
    const rows = await tx
      .select({ ...getTableColumns(auditEvents), contextText: sql<string>`${auditEvents.context}::text` })
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, organizationId), gt(auditEvents.seq, readUpTo)))
      .orderBy(asc(auditEvents.seq))
      .limit(batchSize);
    for (const row of rows) {
      if (row.seq !== expectedSeq) {
        return broken(expectedSeq, null, 'seq_gap', `entrée n° ${expectedSeq} absente (la suivante présente est n° ${row.seq}, id ${row.id})`);
      }
      if (hashAuditEntry(row) !== row.hash) {
        return broken(row.seq, row.id, 'hash_mismatch', 'contenu modifié : l’empreinte recalculée diffère de celle enregistrée');
      }
      if (row.prevHash !== previousHash) {
        return broken(row.seq, row.id, 'prev_hash_mismatch', 'chaînage rompu : prev_hash ne correspond pas à l’entrée précédente');
      }
      expectedSeq += 1;
      previousHash = row.hash;
      last = { id: row.id, seq: row.seq, hash: row.hash };
      readUpTo = row.seq;
    }
    if (rows.length < batchSize) break;
  }
  if (!head) {
    return last ? broken(last.seq, last.id, 'head_missing', 'tête de chaîne absente alors que des entrées existent') : { entries: 0 };
  }
  const lastSeq = last?.seq ?? 0;
  if (head.lastSeq > lastSeq) {
    return broken(lastSeq + 1, null, 'tail_missing', `entrées n° ${lastSeq + 1} à ${head.lastSeq} supprimées (la tête de chaîne pointe sur n° ${head.lastSeq})`);
  }
  if (!last || head.lastSeq !== last.seq || head.lastHash !== last.hash) {
    return broken(last?.seq ?? 1, last?.id ?? null, 'head_mismatch', 'la tête de chaîne ne correspond pas à la dernière entrée');
  }
  return { entries: lastSeq };
}
