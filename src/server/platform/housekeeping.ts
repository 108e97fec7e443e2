import { and, eq, lt } from 'drizzle-orm';
import type { Database } from '../db/client';
import { jobs, mailOutbox } from '../db/schema';
import { purgeRateLimits } from './auth/rate-limit';
import { registerJobHandler } from './jobs/handlers';
import { registerSchedule } from './jobs/schedules';

export const HOUSEKEEPING_JOB = 'platform.housekeeping';
const DAY_MS = 24 * 3600 * 1000;
/** Sent mails hold names and one-time links: kept 30 days for support, then deleted. */
const SENT_MAIL_RETENTION_MS = 30 * DAY_MS;
const FINISHED_JOB_RETENTION_MS = 30 * DAY_MS;

/** Deletes what has served its purpose; idempotent, so a rerun after a crash is harmless. */
export async function runHousekeeping(db: Database, now: Date): Promise<{ rateLimits: number; mails: number; jobs: number }> {
  return db.transaction(async (tx) => {
    const rateLimits = await purgeRateLimits(tx, new Date(now.getTime() - DAY_MS));
    const mails = await tx
      .delete(mailOutbox)
      .where(and(eq(mailOutbox.status, 'sent'), lt(mailOutbox.createdAt, new Date(now.getTime() - SENT_MAIL_RETENTION_MS))))
      .returning({ id: mailOutbox.id });
    const finished = await tx
      .delete(jobs)
      .where(and(eq(jobs.status, 'done'), lt(jobs.finishedAt, new Date(now.getTime() - FINISHED_JOB_RETENTION_MS))))
      .returning({ id: jobs.id });
    return { rateLimits, mails: mails.length, jobs: finished.length };
  });
}

registerJobHandler(HOUSEKEEPING_JOB, async ({ db, now }) => {
  await runHousekeeping(db, now);
});

/** Once a day, in every deployment; the schedule row makes it fire once across processes. */
export function scheduleHousekeeping(db: Database, now: Date): Promise<void> {
  return registerSchedule(db, HOUSEKEEPING_JOB, 24 * 3600, now);
}
