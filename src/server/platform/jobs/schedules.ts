import { eq, lte, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { enqueueJob } from './enqueue';
import { jobSchedules } from './schema';

/**
 * Declares a recurring job (its handler has the same name). Every process calls this at start:
 * a restart keeps the planned next run and only updates the interval.
 */
export async function registerSchedule(
  db: Database,
  name: string,
  intervalSeconds: number,
  firstRunAt: Date,
): Promise<void> {
  if (!Number.isInteger(intervalSeconds) || intervalSeconds < 1) {
    throw new Error(`schedule ${name}: interval must be a positive number of seconds`);
  }
  await db.transaction(async (tx) => {
    await tx
      .insert(jobSchedules)
      .values({ name, intervalSeconds, nextRunAt: firstRunAt })
      .onConflictDoUpdate({ target: jobSchedules.name, set: { intervalSeconds: sql`excluded.interval_seconds` } });
  });
}

/**
 * Enqueues one job per due schedule and moves its next run forward. SKIP LOCKED means two
 * processes ticking together split the schedules instead of both firing them, and the job's
 * unique key (name + due instant) makes a second firing of the same run a no-op anyway.
 * After downtime a schedule fires once, not once per missed interval.
 */
export async function tickSchedules(db: Database, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(jobSchedules)
      .where(lte(jobSchedules.nextRunAt, now))
      .for('update', { skipLocked: true });
    for (const schedule of due) {
      await enqueueJob(
        tx,
        {
          name: schedule.name,
          runAt: schedule.nextRunAt,
          uniqueKey: `${schedule.name}:${schedule.nextRunAt.toISOString()}`,
        },
        now,
      );
      await tx
        .update(jobSchedules)
        .set({ nextRunAt: nextRunAfter(schedule.nextRunAt, schedule.intervalSeconds, now) })
        .where(eq(jobSchedules.name, schedule.name));
    }
    return due.length;
  });
}

/** The first slot of the schedule's grid strictly after `now`: runs stay aligned on the first one. */
export function nextRunAfter(previous: Date, intervalSeconds: number, now: Date): Date {
  const interval = intervalSeconds * 1000;
  const missed = Math.floor((now.getTime() - previous.getTime()) / interval) + 1;
  return new Date(previous.getTime() + Math.max(1, missed) * interval);
}
