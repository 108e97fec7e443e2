import { and, asc, eq, lt, lte, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import type { Job } from './handlers';
import { jobs } from './schema';

const BACKOFF_BASE_SECONDS = 30;
const BACKOFF_MAX_SECONDS = 3600;

/** 30 s, 1 min, 2 min… capped at one hour: a flaky dependency gets time to come back. */
export function jobBackoffSeconds(attempts: number): number {
  return Math.min(BACKOFF_BASE_SECONDS * 2 ** Math.max(0, attempts - 1), BACKOFF_MAX_SECONDS);
}

/**
 * Takes one due job: pending and due, or running with an expired lock (its process died).
 * SKIP LOCKED lets several processes claim side by side without ever taking the same row.
 * `attempts` counts tries started, so a job that kills its process each time still ends `failed`.
 */
export async function claimNextJob(db: Database, workerId: string, now: Date, lockSeconds: number): Promise<Job | null> {
  return db.transaction(async (tx) => {
    const [due] = await tx
      .select({ id: jobs.id })
      .from(jobs)
      .where(
        or(
          and(eq(jobs.status, 'pending'), lte(jobs.runAt, now)),
          and(eq(jobs.status, 'running'), lt(jobs.lockedUntil, now)),
        ),
      )
      .orderBy(asc(jobs.runAt))
      .limit(1)
      .for('update', { skipLocked: true });
    if (!due) return null;
    const [claimed] = await tx
      .update(jobs)
      .set({
        status: 'running',
        lockedBy: workerId,
        lockedUntil: new Date(now.getTime() + lockSeconds * 1000),
        attempts: sql`${jobs.attempts} + 1`,
      })
      .where(eq(jobs.id, due.id))
      .returning();
    return claimed ?? null;
  });
}

/** Only the holder of the lock may settle a job: a runner whose lock expired and was retaken writes nothing. */
const heldBy = (job: Job, workerId: string) =>
  and(eq(jobs.id, job.id), eq(jobs.status, 'running'), eq(jobs.lockedBy, workerId));

export async function markJobDone(db: Database, job: Job, workerId: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(jobs)
      .set({ status: 'done', finishedAt: now, lockedBy: null, lockedUntil: null })
      .where(heldBy(job, workerId));
  });
}

/** Retries later with backoff, or gives up once `maxAttempts` tries have started. */
export async function markJobFailed(
  db: Database,
  job: Job,
  workerId: string,
  now: Date,
  lastError: string,
): Promise<'pending' | 'failed'> {
  const outcome = job.attempts >= job.maxAttempts ? 'failed' : 'pending';
  await db.transaction(async (tx) => {
    await tx
      .update(jobs)
      .set(
        outcome === 'failed'
          ? { status: 'failed', finishedAt: now, lockedBy: null, lockedUntil: null, lastError }
          : {
              status: 'pending',
              runAt: new Date(now.getTime() + jobBackoffSeconds(job.attempts) * 1000),
              lockedBy: null,
              lockedUntil: null,
              lastError,
            },
      )
      .where(heldBy(job, workerId));
  });
  return outcome;
}
