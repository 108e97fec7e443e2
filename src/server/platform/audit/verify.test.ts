import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { openTestDatabase } from '../../../../tests/support/test-database';
import { buildAuditEvents, buildOrganization, type AuditEventRow } from '../../../../tests/factories';
import type { Database, Transaction } from '../../db/client';
import { appendAuditEvent } from './append';
import { GENESIS_HASH, hashAuditEntryV1, hashAuditEntryV2, hashAuditEntryV3 } from './chain';
import { auditEvents, auditHeads } from './schema';
import { verifyAuditChains, verifyAuditChainsIn, type AuditVerification } from './verify';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let db: Database;
let organizationId: string;
let rows: AuditEventRow[];
let otherRows: AuditEventRow[];

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
  organizationId = (await buildOrganization(db)).id;
  rows = await buildAuditEvents(db, { organizationId, count: 5 });
  otherRows = await buildAuditEvents(db, { count: 2 });
});
afterAll(async () => database.dispose());

class Rollback extends Error {}

/**
 * What an attacker with database access would do — switch the append-only trigger off and edit —
 * then verify, all in one transaction that is rolled back: every test starts from intact chains.
 */
async function tamperAndVerify(work: (tx: Transaction) => Promise<unknown>): Promise<AuditVerification> {
  let result: AuditVerification | null = null;
  await db
    .transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await work(tx);
      result = await verifyAuditChainsIn(tx);
      throw new Rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
  if (!result) throw new Error('verification did not run');
  return result;
}

async function firstBreak(work: (tx: Transaction) => Promise<unknown>) {
  const result = await tamperAndVerify(work);
  if (result.ok) throw new Error('expected a broken chain');
  return result.firstBreak;
}

const entry = (seq: number) => {
  const row = rows.find((candidate) => candidate.seq === seq);
  if (!row) throw new Error(`no entry ${seq}`);
  return row;
};
const laneOf = (organization: string, chain: number) => and(eq(auditHeads.organizationId, organization), eq(auditHeads.chain, chain));
const atSeq = (seq: number) => and(eq(auditEvents.organizationId, organizationId), eq(auditEvents.seq, seq));

describe('verifyAuditChains', () => {
  it('accepts intact chains and counts each organisation’s entries, reading in batches', async () => {
    const empty = await buildOrganization(db);
    const result = await verifyAuditChains(db, { batchSize: 2 });
    expect(result).toMatchObject({ ok: true, entries: 7 });
    expect(result.organizations).toEqual(
      expect.arrayContaining([
        { organizationId, entries: 5 },
        { organizationId: otherRows[0]?.organizationId, entries: 2 },
        { organizationId: empty.id, entries: 0 },
      ]),
    );
  });

  it('names an altered entry', async () => {
    const broken = await firstBreak((tx) => tx.update(auditEvents).set({ action: 'nothing.happened' }).where(atSeq(2)));
    expect(broken).toMatchObject({ organizationId, seq: 2, id: entry(2).id, code: 'hash_mismatch' });
  });

  it('names the entry after one altered with a recomputed hash (broken link)', async () => {
    const forged = { ...entry(2), context: { index: 99 }, contextText: '{"index": 99}' };
    expect(entry(2).hashFormat).toBe(3);
    const broken = await firstBreak((tx) =>
      tx.update(auditEvents).set({ context: forged.context, hash: hashAuditEntryV3(forged) }).where(atSeq(2)),
    );
    expect(broken).toMatchObject({ organizationId, seq: 3, id: entry(3).id, code: 'prev_hash_mismatch' });
  });

  it('names a removed entry by its missing seq', async () => {
    const broken = await firstBreak((tx) => tx.delete(auditEvents).where(atSeq(3)));
    expect(broken).toMatchObject({ organizationId, seq: 3, id: null, code: 'seq_gap' });
    expect(broken.reason).toContain(`id ${entry(4).id}`);
  });

  it('names the first of two swapped entries', async () => {
    const broken = await firstBreak(async (tx) => {
      await tx.update(auditEvents).set({ seq: -1 }).where(atSeq(2));
      await tx.update(auditEvents).set({ seq: 2 }).where(atSeq(3));
      await tx.update(auditEvents).set({ seq: 3 }).where(atSeq(-1));
    });
    expect(broken).toMatchObject({ organizationId, seq: 2, id: entry(3).id, code: 'hash_mismatch' });
  });

  it('detects entries cut from the end through the chain head', async () => {
    const broken = await firstBreak((tx) =>
      tx.delete(auditEvents).where(and(eq(auditEvents.organizationId, organizationId), sql`${auditEvents.seq} > 3`)),
    );
    expect(broken).toMatchObject({ organizationId, seq: 4, id: null, code: 'tail_missing' });
    expect(broken.reason).toContain('4 à 5');
  });

  it('detects a head that no longer matches the last entry, or that is gone', async () => {
    const moved = await firstBreak((tx) =>
      tx.update(auditHeads).set({ lastHash: entry(4).hash }).where(eq(auditHeads.organizationId, organizationId)),
    );
    expect(moved).toMatchObject({ organizationId, seq: 5, id: entry(5).id, code: 'head_mismatch' });
    const gone = await firstBreak((tx) => tx.delete(auditHeads).where(eq(auditHeads.organizationId, organizationId)));
    expect(gone).toMatchObject({ organizationId, seq: 5, id: entry(5).id, code: 'head_missing' });
  });

  it('still verifies entries hashed in JavaScript (format 1, written before migration 0004)', async () => {
    const legacy = await buildOrganization(db);
    const first = {
      organizationId: legacy.id,
      chain: 0,
      seq: 1,
      occurredAt: new Date('2026-11-20T10:00:00.123Z'),
      actorUserId: null,
      action: 'user.read',
      resourceType: 'user',
      resourceId: 'u-1',
      context: { b: 1, a: 'x' },
      prevHash: GENESIS_HASH,
    };
    const firstHash = hashAuditEntryV1(first);
    const second = { ...first, seq: 2, action: 'user.updated', prevHash: firstHash };
    const secondHash = hashAuditEntryV1(second);
    const result = await tamperAndVerify(async (tx) => {
      await tx.insert(auditEvents).values([
        { ...first, hash: firstHash, hashFormat: 1 },
        { ...second, hash: secondHash, hashFormat: 1 },
      ]);
      await tx.update(auditHeads).set({ lastSeq: 2, lastHash: secondHash }).where(laneOf(legacy.id, 0));
    });
    expect(result).toMatchObject({ ok: true, entries: 9 });
    const altered = await firstBreak(async (tx) => {
      await tx.insert(auditEvents).values({ ...first, context: { b: 2, a: 'x' }, hash: firstHash, hashFormat: 1 });
      await tx.update(auditHeads).set({ lastSeq: 1, lastHash: firstHash }).where(laneOf(legacy.id, 0));
    });
    expect(altered).toMatchObject({ organizationId: legacy.id, seq: 1, code: 'hash_mismatch' });
  });

  it('verifies format 2 (before lanes) on lane 0, and refuses it moved to another lane', async () => {
    const legacy = await buildOrganization(db);
    const first = {
      organizationId: legacy.id,
      chain: 0,
      seq: 1,
      occurredAt: new Date('2026-11-21T10:00:00.456Z'),
      actorUserId: null,
      action: 'person.read',
      resourceType: 'person',
      resourceId: 'p-1',
      context: {},
      contextText: '{}',
      prevHash: GENESIS_HASH,
    };
    const hash = hashAuditEntryV2(first);
    const { contextText: _text, ...columns } = first;
    const onLane = (chain: number) => async (tx: Transaction) => {
      await tx.insert(auditEvents).values({ ...columns, chain, hash, hashFormat: 2 });
      await tx.update(auditHeads).set({ lastSeq: 1, lastHash: hash }).where(laneOf(legacy.id, chain));
    };
    expect(await tamperAndVerify(onLane(0))).toMatchObject({ ok: true, entries: 8 });
    expect(await firstBreak(onLane(1))).toMatchObject({ organizationId: legacy.id, chain: 1, seq: 1, code: 'hash_mismatch' });
  });

  it('walks every lane: an entry cut from the end of lane 1 is found', async () => {
    const broken = await firstBreak(async (tx) => {
      const origin = { organizationId, actorUserId: null, occurredAt: new Date() };
      // What a second concurrent request would have written: lane 0 out of the way, lane 1 is first.
      await tx.execute(sql`update audit_heads set chain = 99 where organization_id = ${organizationId} and chain = 0`);
      await appendAuditEvent(tx, origin, { action: 'lane.one', resourceType: 'test' });
      await appendAuditEvent(tx, origin, { action: 'lane.one', resourceType: 'test' });
      await tx.execute(sql`update audit_heads set chain = 0 where organization_id = ${organizationId} and chain = 99`);
      await tx.execute(sql`delete from audit_events where organization_id = ${organizationId} and chain = 1 and seq = 2`);
    });
    expect(broken).toMatchObject({ organizationId, chain: 1, seq: 2, id: null, code: 'tail_missing' });
  });

  // PGlite has one connection: two transactions cannot be open at once there.
  it.runIf(Boolean(process.env.TEST_DATABASE_URL))('lets a second transaction append on its own lane while the first holds lane 0', async () => {
    const lanes = await buildOrganization(db);
    const origin = { organizationId: lanes.id, actorUserId: null, occurredAt: new Date() };
    let releaseFirst: () => void = () => undefined;
    const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstAppended: () => void = () => undefined;
    const appended = new Promise<void>((resolve) => (firstAppended = resolve));
    const first = db.transaction(async (tx) => {
      await appendAuditEvent(tx, origin, { action: 'first', resourceType: 'test' });
      firstAppended();
      await firstHolds;
    });
    await appended;
    // Without lanes this would wait for the first transaction's commit.
    await appendAuditEvent(db, origin, { action: 'second', resourceType: 'test' });
    releaseFirst();
    await first;
    const written = await db.select().from(auditEvents).where(eq(auditEvents.organizationId, lanes.id));
    expect(written.map((row) => [row.action, row.chain, row.seq]).sort()).toEqual([
      ['first', 0, 1],
      ['second', 1, 1],
    ]);
    const result = await verifyAuditChains(db);
    expect(result.ok).toBe(true);
    expect(result.organizations).toContainEqual({ organizationId: lanes.id, entries: 2 });
  });

  it('is intact again after each rolled-back tampering', async () => {
    expect(await verifyAuditChains(db)).toMatchObject({ ok: true });
  });
});

describe('the database keeps audit_events append-only', () => {
  const refusal = (query: Promise<unknown>) => query.then(() => null, (error: unknown) => error);

  it.each([
    ['UPDATE', () => sql`update audit_events set action = 'x' where organization_id = ${organizationId}`],
    ['DELETE', () => sql`delete from audit_events where organization_id = ${organizationId}`],
    ['TRUNCATE', () => sql`truncate audit_events`],
  ])('refuses %s', async (_operation, statement) => {
    const error = await refusal(db.execute(statement()));
    expect(error).toHaveProperty('cause.message', expect.stringMatching(/ajout seul/));
    expect(await verifyAuditChains(db)).toMatchObject({ ok: true });
  });

  it('refuses them through Drizzle too', async () => {
    const scope = eq(auditEvents.organizationId, organizationId);
    expect(await refusal(db.update(auditEvents).set({ action: 'x' }).where(scope))).toBeInstanceOf(Error);
    expect(await refusal(db.delete(auditEvents).where(scope))).toBeInstanceOf(Error);
    expect(await db.select().from(auditEvents).where(scope)).toEqual(rows);
  });
});
