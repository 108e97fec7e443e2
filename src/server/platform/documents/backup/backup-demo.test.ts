import { PassThrough, Readable } from 'node:stream';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoIfEmpty } from '../../../../../scripts/demo/seed';
import { createTestApp, type TestApp } from '../../../../../tests/support/test-app';
import { signInAs } from '../../../../../tests/support/sessions';
import { openDatabase, type DatabaseHandle } from '../../../db/client';
import { auditEvents } from '../../audit/schema';
import { organizations } from '../../tenancy/schema';
import { verifyAuditChains } from '../../audit/verify';
import { backupDatabase } from './backup';
import { restoreDatabase } from './restore';

let t: TestApp;
let restored: DatabaseHandle;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date());
  await seedDemoIfEmpty(t.app);
  // audited activity on top of the demo: an administrator of the demo organisation reads a record
  const [demo] = await t.deps.database.db.select().from(organizations).where(eq(organizations.slug, 'ptpr-paca'));
  if (!demo) throw new Error('demo organisation missing');
  const admin = await signInAs(t, ['admin'], { organizationId: demo.id });
  const list = await t.app.inject({ method: 'GET', url: '/api/admin/users?pageSize=1', headers: admin.headers });
  const read = await t.app.inject({ method: 'GET', url: `/api/admin/users/${list.json().items[0].id}`, headers: admin.headers });
  expect(read.statusCode).toBe(200);
  restored = await openDatabase({ kind: 'pglite', dataDir: undefined });
});
afterAll(async () => {
  await restored.close();
  await t.close();
});

describe('backup and restore of the demo data', () => {
  it('restores into an empty database with the same rows in every table and the same audit chain', async () => {
    const chunks: Buffer[] = [];
    const sink = new PassThrough();
    sink.on('data', (chunk: Buffer) => chunks.push(chunk));
    const written = await backupDatabase(t.deps.database, sink);
    const summary = await restoreDatabase(restored, Readable.from([Buffer.concat(chunks)]));

    const counts = (tables: { name: string; rows: number }[]) => Object.fromEntries(tables.map((entry) => [entry.name, entry.rows]));
    expect(counts(summary.tables)).toEqual(counts(written.tables));
    expect(counts(written.tables).users).toBeGreaterThanOrEqual(10);
    expect(counts(written.tables).audit_events).toBeGreaterThan(0);

    const chain = (handle: DatabaseHandle) =>
      handle.db
        .select({ id: auditEvents.id, seq: auditEvents.seq, hash: auditEvents.hash, prevHash: auditEvents.prevHash })
        .from(auditEvents)
        .orderBy(asc(auditEvents.id));
    expect(await chain(restored)).toEqual(await chain(t.deps.database));
    expect((await verifyAuditChains(restored.db)).ok).toBe(true);
  });
});
