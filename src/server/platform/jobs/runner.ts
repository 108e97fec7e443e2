import type { Database } from '../../db/client';
import { claimNextJob, markJobDone, markJobFailed } from './claim';
import { summarizeError } from './error-summary';
import type { Job, JobHandler } from './handlers';
import { createPollingLoop, type BackgroundLogger } from './loop';
import { tickSchedules } from './schedules';

export type JobRunnerOptions = {
  db: Database;
  /** Written in `locked_by`: which process holds a running job (host:pid in production). */
  workerId: string;
  /** Usually `jobHandlers`; read at each job, so handlers registered later are found. */
  handlers: ReadonlyMap<string, JobHandler>;
  clock: () => Date;
  /** How long a claimed job is ours; past it, another process retakes it. Longer than any job. */
  lockSeconds?: number;
  /** Pause between two polls when there was nothing to do. */
  pollMs?: number;
  /** Jobs run per poll before the loop looks at schedules again. */
  batchSize?: number;
  log?: BackgroundLogger;
  /** PGlite: fsync the WAL once a job is settled, as HTTP writes are (DatabaseHandle.flush). */
  flush?: () => Promise<void>;
};

export type JobRunner = {
  /** Runs due jobs one after the other, at most `limit`; returns how many ran. */
  runDueJobs: (limit?: number) => Promise<number>;
  /** Enqueues the jobs of due schedules; returns how many schedules fired. */
  tickSchedules: () => Promise<number>;
  start: () => void;
  /** Ends the loop; resolves once the job in progress (if any) has finished. */
  stop: () => Promise<void>;
};

/** The database-backed job runner: every process runs one, they share the work through row locks. */
export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { db, workerId, handlers, clock, log } = options;
  const lockSeconds = options.lockSeconds ?? 300;
  let stopping = false;

  const runOne = async (job: Job, now: Date) => {
    const handler = handlers.get(job.name);
    try {
      if (!handler) throw new Error(`aucun gestionnaire pour le travail « ${job.name} »`);
      if (job.attempts > job.maxAttempts) throw new Error('verrou expiré pendant la dernière tentative');
      await handler({ job, db, now });
      await markJobDone(db, job, workerId, clock());
    } catch (error) {
      const lastError = summarizeError(error);
      const outcome = await markJobFailed(db, job, workerId, clock(), lastError);
      log?.error({ job: job.name, jobId: job.id, attempts: job.attempts, outcome, error: lastError }, 'travail en échec');
    }
    await options.flush?.();
  };

  const runDueJobs = async (limit = 10) => {
    let ran = 0;
    while (ran < limit && !stopping) {
      const now = clock();
      const job = await claimNextJob(db, workerId, now, lockSeconds);
      if (!job) break;
      await runOne(job, now);
      ran += 1;
      // PGlite runs queries without leaving the microtask queue: without this pause a backlog of
      // jobs would hold timers and HTTP requests back until it is drained.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return ran;
  };

  const runSchedules = () => tickSchedules(db, clock());

  const loop = createPollingLoop(
    'jobs',
    async () => {
      await runSchedules();
      return runDueJobs(options.batchSize ?? 10);
    },
    { intervalMs: options.pollMs ?? 1000, log },
  );

  return {
    runDueJobs,
    tickSchedules: runSchedules,
    start: () => {
      stopping = false;
      loop.start();
    },
    stop: async () => {
      stopping = true;
      await loop.stop();
    },
  };
}
