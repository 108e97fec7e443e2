import type { Queryable } from '../../db/client';
import { jobs } from './schema';

export type NewJob = {
  /** The handler's name, e.g. "mail.digest"; see registerJobHandler. */
  name: string;
  /** Ids and codes only: a payload is stored in clear and may outlive the data it points to. */
  payload?: Record<string, unknown>;
  /** Not before this instant; defaults to `now`. */
  runAt?: Date;
  /** Enqueueing twice with one key keeps the first job: retries of the caller cannot double the work. */
  uniqueKey?: string;
  organizationId?: string | null;
  maxAttempts?: number;
};

/**
 * Queues a job in the caller's transaction, so it exists only if the change that asked for it is
 * committed. Returns the new job's id, or null when a job with the same `uniqueKey` already exists.
 * `now` comes from the caller (ctx.now) so that tests and the runner share one clock.
 */
export async function enqueueJob(tx: Queryable, job: NewJob, now: Date): Promise<string | null> {
  const [row] = await tx
    .insert(jobs)
    .values({
      name: job.name,
      payload: job.payload ?? {},
      runAt: job.runAt ?? now,
      uniqueKey: job.uniqueKey ?? null,
      organizationId: job.organizationId ?? null,
      maxAttempts: job.maxAttempts ?? 5,
      createdAt: now,
    })
    .onConflictDoNothing({ target: jobs.uniqueKey })
    .returning({ id: jobs.id });
  return row?.id ?? null;
}
