import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../tests/support/test-database';
import { openDatabase, type Database } from '../../db/client';
import { enqueueJob } from './enqueue';
import type { JobHandler } from './handlers';
import { createJobRunner } from './runner';

const JOB_COUNT = 300;
const serverUrl = process.env.TEST_DATABASE_URL;
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const tsx = `${root}node_modules/.bin/tsx`;
const workerScript = fileURLToPath(new URL('./testing/worker-process.ts', import.meta.url));

const ZRunRow = z.object({ job_id: z.string(), worker: z.string() });
const ZCount = z.object({ count: z.coerce.number() });

async function createRunsTable(db: Database): Promise<void> {
  await db.execute(sql`CREATE TABLE job_test_runs (job_id uuid NOT NULL, worker text NOT NULL)`);
}

async function enqueueMany(db: Database, count: number): Promise<void> {
  await db.transaction(async (tx) => {
    for (let index = 0; index < count; index += 1) {
      await enqueueJob(tx, { name: 'test.record', payload: { index } }, new Date());
    }
  });
}

async function doneCount(db: Database): Promise<number> {
  const result = await db.execute(sql`SELECT count(*) AS count FROM jobs WHERE status = 'done'`);
  return ZCount.parse(z.object({ rows: z.array(z.unknown()) }).parse(result).rows[0]).count;
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Every job ran exactly once, and the work was shared (both runners took some). */
async function expectEachJobRanOnce(db: Database): Promise<void> {
  const result = await db.execute(sql`SELECT job_id, worker FROM job_test_runs`);
  const runs = z.object({ rows: z.array(ZRunRow) }).parse(result).rows;
  expect(runs).toHaveLength(JOB_COUNT);
  expect(new Set(runs.map((run) => run.job_id)).size).toBe(JOB_COUNT);
  const perWorker = new Map<string, number>();
  for (const run of runs) perWorker.set(run.worker, (perWorker.get(run.worker) ?? 0) + 1);
  expect([...perWorker.keys()].sort()).toEqual(['worker-1', 'worker-2']);
  for (const count of perWorker.values()) expect(count).toBeGreaterThan(0);
}

describe('a due job runs once when several runners poll one database', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => database.dispose());

  it(`two runners in one process share ${JOB_COUNT} jobs (${serverUrl ? 'PostgreSQL' : 'PGlite: one process by design'})`, async () => {
    await createRunsTable(database.db);
    const record =
      (worker: string): JobHandler =>
      async ({ job, db }) => {
        await db.transaction(async (tx) => {
          await tx.execute(sql`INSERT INTO job_test_runs (job_id, worker) VALUES (${job.id}, ${worker})`);
        });
      };
    const runners = ['worker-1', 'worker-2'].map((workerId) =>
      createJobRunner({
        db: database.db,
        workerId,
        handlers: new Map([['test.record', record(workerId)]]),
        clock: () => new Date(),
        pollMs: 5,
        batchSize: 3,
      }),
    );
    for (const runner of runners) runner.start();
    await enqueueMany(database.db, JOB_COUNT);
    await waitUntil(async () => (await doneCount(database.db)) === JOB_COUNT, 120_000);
    await Promise.all(runners.map((runner) => runner.stop()));
    await expectEachJobRanOnce(database.db);
  }, 180_000);
});

describe.runIf(serverUrl)('PostgreSQL only: two worker processes on one database', () => {
  const name = `passerelle_jobs_${randomBytes(6).toString('hex')}`;
  let url = '';
  let database: Awaited<ReturnType<typeof openDatabase>> | undefined;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    if (!serverUrl) return;
    await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
    const target = new URL(serverUrl);
    target.pathname = `/${name}`;
    url = target.toString();
    database = await openDatabase({ kind: 'postgresql', url, poolSize: 3 });
    await database.migrate();
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await database?.close();
    if (serverUrl) await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it(`${JOB_COUNT} due jobs each run exactly once, and both processes take some`, async () => {
    if (!database) throw new Error('database not opened');
    const db = database.db;
    await createRunsTable(db);
    const workers = ['worker-1', 'worker-2'].map((workerId) => startWorker(url, workerId));
    children.push(...workers.map((worker) => worker.child));
    await Promise.all(workers.map((worker) => worker.ready));

    await enqueueMany(db, JOB_COUNT);
    await waitUntil(async () => (await doneCount(db)) === JOB_COUNT, 120_000);
    for (const worker of workers) worker.child.kill('SIGTERM');
    const codes = await Promise.all(workers.map((worker) => worker.exited));
    expect(codes).toEqual([0, 0]);
    await expectEachJobRanOnce(db);
  }, 240_000);
});

function startWorker(url: string, workerId: string) {
  const child = spawn(process.execPath, [tsx, workerScript], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, WORKER_ID: workerId },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`${workerId} exited early (${code}): ${stderr}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, ready, exited };
}

async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
