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

/** The first entry where a lane stops being intact; `id` is null when the entry is missing. */
export type BrokenEntry = { organizationId: string; chain: number; seq: number; id: number | null; code: BreakCode; reason: string };

/** `entries` counts the intact entries read, over every organisation checked. */
export type AuditVerification =
  | { ok: true; entries: number; organizations: ChainCount[] }
  | { ok: false; entries: number; organizations: ChainCount[]; firstBreak: BrokenEntry };

/** Entries read per query: memory stays flat however long the chain. */
const DEFAULT_BATCH = 1000;

/**
 * Re-walks every lane of every organisation's audit log: seq continuous from 1, each entry's hash
 * recomputed, each prev_hash equal to the previous hash, and the lane's head (last_seq, last_hash)
 * equal to its last entry — the only way to notice entries cut from the end. One repeatable-read
 * snapshot, so a running server appending meanwhile does not look like a break. Stops at the
 * first break.
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
    let entries = 0;
    for (const chain of await lanesOf(tx, id)) {
      const result = await verifyChain(tx, id, chain, batchSize);
      if ('broken' in result) return { ok: false, entries: total(counted) + entries, organizations: counted, firstBreak: result.broken };
      entries += result.entries;
    }
    counted.push({ organizationId: id, entries });
  }
  return { ok: true, entries: total(counted), organizations: counted };
}

/** Lanes named by a head or by an entry: a lane whose head was removed is still walked (and fails). */
async function lanesOf(tx: Queryable, organizationId: string): Promise<number[]> {
  const heads = await tx.select({ chain: auditHeads.chain }).from(auditHeads).where(eq(auditHeads.organizationId, organizationId));
  const withEntries = await tx
    .selectDistinct({ chain: auditEvents.chain })
    .from(auditEvents)
    .where(eq(auditEvents.organizationId, organizationId));
  return [...new Set([...heads, ...withEntries].map((lane) => lane.chain))].sort((a, b) => a - b);
}

const total = (counts: ChainCount[]) => counts.reduce((sum, count) => sum + count.entries, 0);

async function verifyChain(
  tx: Queryable,
  organizationId: string,
  chain: number,
  batchSize: number,
): Promise<{ entries: number } | { broken: BrokenEntry }> {
  const broken = (seq: number, id: number | null, code: BreakCode, reason: string) => ({
    broken: { organizationId, chain, seq, id, code, reason },
  });
  const [head] = await tx
    .select()
    .from(auditHeads)
    .where(and(eq(auditHeads.organizationId, organizationId), eq(auditHeads.chain, chain)));
  let expectedSeq = 1;
  let previousHash = GENESIS_HASH;
  let last: { id: number; seq: number; hash: string } | null = null;
  let readUpTo = 0;
  for (;;) {
    const rows = await tx
      .select({ ...getTableColumns(auditEvents), contextText: sql<string>`${auditEvents.context}::text` })
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, organizationId), eq(auditEvents.chain, chain), gt(auditEvents.seq, readUpTo)))
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
  if (!last && head.lastSeq === 0 && head.lastHash === GENESIS_HASH) return { entries: 0 }; // a lane never used
  const lastSeq = last?.seq ?? 0;
  if (head.lastSeq > lastSeq) {
    return broken(lastSeq + 1, null, 'tail_missing', `entrées n° ${lastSeq + 1} à ${head.lastSeq} supprimées (la tête de chaîne pointe sur n° ${head.lastSeq})`);
  }
  if (!last || head.lastSeq !== last.seq || head.lastHash !== last.hash) {
    return broken(last?.seq ?? 1, last?.id ?? null, 'head_mismatch', 'la tête de chaîne ne correspond pas à la dernière entrée');
  }
  return { entries: lastSeq };
}
