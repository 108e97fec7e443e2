// A job-runner process for the multi-process test (jobs/concurrency.test.ts): it records each job
// it runs in `job_test_runs`, with no unique constraint, so a job run twice shows as two rows.
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../../db/client';
import type { JobHandler } from '../handlers';
import { createJobRunner } from '../runner';

const url = process.env.DATABASE_URL;
const workerId = process.env.WORKER_ID ?? `worker-${process.pid}`;
if (!url) throw new Error('DATABASE_URL is required');

const database = await openDatabase({ kind: 'postgresql', url, poolSize: 3 });
const record: JobHandler = async ({ job, db }) => {
  await db.transaction(async (tx) => {
    await tx.execute(sql`INSERT INTO job_test_runs (job_id, worker) VALUES (${job.id}, ${workerId})`);
  });
  await new Promise((resolve) => setTimeout(resolve, 2)); // some work, so both workers get a share
};
const runner = createJobRunner({
  db: database.db,
  workerId,
  handlers: new Map([['test.record', record]]),
  clock: () => new Date(),
  pollMs: 20,
  batchSize: 5,
});
runner.start();
process.stdout.write('ready\n');

process.on('SIGTERM', () => {
  void runner
    .stop()
    .then(() => database.close())
    .then(() => process.exit(0));
});
