import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../tests/support/test-database';
import { openDatabase, type Database } from '../../db/client';
import { jobBackoffSeconds } from './claim';
import { enqueueJob, type NewJob } from './enqueue';
import type { JobContext, JobHandler } from './handlers';
import { createJobRunner } from './runner';
import { jobs } from './schema';

type TestDatabase = Awaited<ReturnType<typeof openTestDatabase>>;
let database: TestDatabase;
const t0 = new Date('2026-11-23T09:00:00.000Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.dispose());
beforeEach(async () => {
  await database.exec('DELETE FROM jobs');
});

async function enqueue(db: Database, job: NewJob, now = t0): Promise<string> {
  const id = await db.transaction((tx) => enqueueJob(tx, job, now));
  if (!id) throw new Error('job not enqueued');
  return id;
}

async function load(id: string) {
  const [row] = await database.db.select().from(jobs).where(eq(jobs.id, id));
  if (!row) throw new Error('job row missing');
  return row;
}

function runnerAt(handlers: Record<string, JobHandler>, clock: { now: Date }, workerId = 'test-worker') {
  return createJobRunner({
    db: database.db,
    workerId,
    handlers: new Map(Object.entries(handlers)),
    clock: () => clock.now,
    lockSeconds: 60,
    pollMs: 10,
  });
}

describe('enqueueJob', () => {
  it('is idempotent on uniqueKey: the second enqueue returns null and keeps one row', async () => {
    const first = await database.db.transaction((tx) => enqueueJob(tx, { name: 'x', uniqueKey: 'k1' }, t0));
    const second = await database.db.transaction((tx) => enqueueJob(tx, { name: 'x', uniqueKey: 'k1' }, t0));
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
    expect(await database.db.select().from(jobs)).toHaveLength(1);
  });

  it('is part of the caller transaction: a rollback leaves no job', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await enqueueJob(tx, { name: 'x' }, t0);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await database.db.select().from(jobs)).toHaveLength(0);
  });
});

describe('runner', () => {
  it('runs a due job once with its payload, marks it done, and leaves future jobs alone', async () => {
    const seen: JobContext[] = [];
    const clock = { now: t0 };
    const runner = runnerAt({ greet: async (context) => void seen.push(context) }, clock);
    const due = await enqueue(database.db, { name: 'greet', payload: { count: 2 } });
    const later = await enqueue(database.db, { name: 'greet', runAt: at(3600) });

    expect(await runner.runDueJobs()).toBe(1);
    expect(await runner.runDueJobs()).toBe(0);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.job.payload).toEqual({ count: 2 });
    expect(seen[0]?.now).toEqual(t0);
    expect(await load(due)).toMatchObject({ status: 'done', attempts: 1, finishedAt: t0, lockedBy: null });
    expect(await load(later)).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('retries with exponential backoff, keeps a short error without personal data, then fails', async () => {
    const clock = { now: t0 };
    const runner = runnerAt(
      {
        flaky: async () => {
          throw new Error('relance impossible pour camille.martin@example.org');
        },
      },
      clock,
    );
    const id = await enqueue(database.db, { name: 'flaky', maxAttempts: 3 });

    expect(await runner.runDueJobs()).toBe(1);
    const afterFirst = await load(id);
    expect(afterFirst).toMatchObject({ status: 'pending', attempts: 1, lockedBy: null, runAt: at(30) });
    expect(afterFirst.lastError).toContain('relance impossible');
    expect(afterFirst.lastError).not.toContain('camille');

    clock.now = at(29);
    expect(await runner.runDueJobs()).toBe(0);
    clock.now = at(30);
    expect(await runner.runDueJobs()).toBe(1);
    expect(await load(id)).toMatchObject({ status: 'pending', attempts: 2, runAt: at(30 + 60) });

    clock.now = at(90);
    expect(await runner.runDueJobs()).toBe(1);
    expect(await load(id)).toMatchObject({ status: 'failed', attempts: 3, finishedAt: at(90) });
    clock.now = at(100_000);
    expect(await runner.runDueJobs()).toBe(0);
    expect(jobBackoffSeconds(20)).toBe(3600);
  });

  it('succeeds on a later attempt after a failure', async () => {
    let calls = 0;
    const clock = { now: t0 };
    const runner = runnerAt(
      {
        once: async () => {
          calls += 1;
          if (calls === 1) throw new Error('temporary');
        },
      },
      clock,
    );
    const id = await enqueue(database.db, { name: 'once' });
    await runner.runDueJobs();
    clock.now = at(30);
    await runner.runDueJobs();
    expect(await load(id)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('fails a job without a handler after its attempts instead of losing it silently', async () => {
    const clock = { now: t0 };
    const runner = runnerAt({}, clock);
    const id = await enqueue(database.db, { name: 'nobody', maxAttempts: 1 });
    await runner.runDueJobs();
    expect(await load(id)).toMatchObject({ status: 'failed', lastError: expect.stringContaining('nobody') });
  });

  it('retakes a running job whose lock expired (its process died), and the old holder cannot settle it', async () => {
    const id = await enqueue(database.db, { name: 'slow' });
    let releaseStuck: () => void = () => undefined;
    const stuckStarted = new Promise<void>((started) => {
      const clockA = { now: t0 };
      const stuck = runnerAt(
        {
          slow: () =>
            new Promise<void>((resolve) => {
              releaseStuck = resolve;
              started();
            }),
        },
        clockA,
        'worker-a',
      );
      void stuck.runDueJobs(1);
    });
    await stuckStarted;
    expect(await load(id)).toMatchObject({ status: 'running', lockedBy: 'worker-a', lockedUntil: at(60) });

    const ran: string[] = [];
    const clockB = { now: at(59) };
    const rescuer = runnerAt({ slow: async ({ job }) => void ran.push(job.id) }, clockB, 'worker-b');
    expect(await rescuer.runDueJobs()).toBe(0);
    clockB.now = at(61);
    expect(await rescuer.runDueJobs()).toBe(1);
    expect(ran).toEqual([id]);
    expect(await load(id)).toMatchObject({ status: 'done', attempts: 2, lockedBy: null });

    releaseStuck();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await load(id)).toMatchObject({ status: 'done', attempts: 2, finishedAt: at(61) });
  });

  it('a job whose process died during its last allowed attempt ends failed instead of running again', async () => {
    const ran: string[] = [];
    const id = await enqueue(database.db, { name: 'fatal', maxAttempts: 1 });
    await database.db.transaction(async (tx) => {
      await tx.update(jobs).set({ status: 'running', attempts: 1, lockedBy: 'dead', lockedUntil: at(-1) }).where(eq(jobs.id, id));
    });
    const runner = runnerAt({ fatal: async ({ job }) => void ran.push(job.id) }, { now: t0 });
    expect(await runner.runDueJobs()).toBe(1);
    expect(ran).toEqual([]);
    expect(await load(id)).toMatchObject({ status: 'failed', attempts: 2, lastError: expect.stringContaining('verrou expiré') });
  });

  it('stop() ends the loop after the job in progress, which is marked done', async () => {
    let started: () => void = () => undefined;
    const jobStarted = new Promise<void>((resolve) => (started = resolve));
    let finished = false;
    const clock = { now: t0 };
    const runner = runnerAt(
      {
        slow: async () => {
          started();
          await new Promise((resolve) => setTimeout(resolve, 300));
          finished = true;
        },
      },
      clock,
    );
    const first = await enqueue(database.db, { name: 'slow' });
    runner.start();
    await jobStarted;
    await runner.stop();
    expect(finished).toBe(true);
    expect(await load(first)).toMatchObject({ status: 'done' });

    const second = await enqueue(database.db, { name: 'slow' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await load(second)).toMatchObject({ status: 'pending' });
  });
});

describe('jobs survive a restart (PGlite in a folder)', () => {
  it('a job enqueued before closing the database runs after reopening it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-jobs-'));
    try {
      const before = await openDatabase({ kind: 'pglite', dataDir });
      await before.migrate();
      const id = await enqueue(before.db, { name: 'after-restart', payload: { n: 1 } });
      await before.close();

      const after = await openDatabase({ kind: 'pglite', dataDir });
      await after.migrate();
      const seen: unknown[] = [];
      let flushes = 0;
      const runner = createJobRunner({
        db: after.db,
        workerId: 'restarted',
        handlers: new Map([['after-restart', async ({ job }: JobContext) => void seen.push(job.payload)]]),
        clock: () => t0,
        flush: async () => {
          flushes += 1; // the settled job is fsynced to the folder before the runner moves on
          await after.flush();
        },
      });
      expect(await runner.runDueJobs()).toBe(1);
      expect(flushes).toBe(1);
      const [row] = await after.db.select().from(jobs).where(eq(jobs.id, id));
      expect(row).toMatchObject({ status: 'done' });
      expect(seen).toEqual([{ n: 1 }]);
      await after.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 240_000);
});
