import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../tests/support/test-database';
import { createJobRunner } from './runner';
import { nextRunAfter, registerSchedule } from './schedules';
import { jobSchedules, jobs } from './schema';

type TestDatabase = Awaited<ReturnType<typeof openTestDatabase>>;
let database: TestDatabase;
const t0 = new Date('2026-11-23T02:00:00.000Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const HOUR = 3600;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.dispose());
beforeEach(async () => {
  await database.exec('DELETE FROM jobs; DELETE FROM job_schedules;');
});

function runnerAt(clock: { now: Date }, workerId: string) {
  return createJobRunner({ db: database.db, workerId, handlers: new Map(), clock: () => clock.now });
}

const enqueuedKeys = async () =>
  (await database.db.select({ key: jobs.uniqueKey }).from(jobs).orderBy(asc(jobs.runAt))).map((row) => row.key);

const nextRunOf = async (name: string) =>
  (await database.db.select().from(jobSchedules).where(eq(jobSchedules.name, name)))[0]?.nextRunAt;

describe('schedules', () => {
  it('fires once per interval even when two runners tick at the same moment', async () => {
    await registerSchedule(database.db, 'digest', HOUR, t0);
    const clock = { now: t0 };
    const a = runnerAt(clock, 'a');
    const b = runnerAt(clock, 'b');

    const fired = await Promise.all([a.tickSchedules(), b.tickSchedules(), a.tickSchedules()]);
    expect(fired.reduce((sum, count) => sum + count, 0)).toBe(1);
    expect(await enqueuedKeys()).toEqual([`digest:${t0.toISOString()}`]);

    clock.now = at(HOUR - 1);
    expect(await Promise.all([a.tickSchedules(), b.tickSchedules()])).toEqual([0, 0]);
    clock.now = at(HOUR);
    await Promise.all([a.tickSchedules(), b.tickSchedules()]);
    expect(await enqueuedKeys()).toEqual([`digest:${t0.toISOString()}`, `digest:${at(HOUR).toISOString()}`]);
    expect(await nextRunOf('digest')).toEqual(at(2 * HOUR));
  });

  it('the enqueued job carries the schedule name and runs through the runner', async () => {
    await registerSchedule(database.db, 'cleanup', HOUR, t0);
    const ran: string[] = [];
    const runner = createJobRunner({
      db: database.db,
      workerId: 'w',
      handlers: new Map([['cleanup', async ({ job }) => void ran.push(job.name)]]),
      clock: () => t0,
    });
    await runner.tickSchedules();
    expect(await runner.runDueJobs()).toBe(1);
    expect(ran).toEqual(['cleanup']);
  });

  it('after downtime fires once, not once per missed interval, and stays on its grid', async () => {
    await registerSchedule(database.db, 'digest', HOUR, t0);
    const clock = { now: at(5 * HOUR + 120) };
    await runnerAt(clock, 'a').tickSchedules();
    expect(await enqueuedKeys()).toHaveLength(1);
    expect(await nextRunOf('digest')).toEqual(at(6 * HOUR));
    expect(nextRunAfter(t0, HOUR, at(HOUR))).toEqual(at(2 * HOUR));
  });

  it('registering again (a restart) keeps the planned run and updates the interval', async () => {
    await registerSchedule(database.db, 'digest', HOUR, t0);
    await registerSchedule(database.db, 'digest', 2 * HOUR, at(10 * HOUR));
    const [row] = await database.db.select().from(jobSchedules);
    expect(row).toEqual({ name: 'digest', intervalSeconds: 2 * HOUR, nextRunAt: t0 });
    await expect(registerSchedule(database.db, 'bad', 0, t0)).rejects.toThrow('positive');
  });
});
