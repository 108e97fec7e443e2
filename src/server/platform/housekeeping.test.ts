import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../tests/support/test-database';
import { jobs, mailOutbox, organizations, rateLimits } from '../db/schema';
import { runHousekeeping } from './housekeeping';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.dispose());

describe('housekeeping', () => {
  it('deletes old rate-limit windows, sent mails after 30 days and finished jobs after 30 days, and nothing else', async () => {
    const db = database.db;
    const now = new Date('2026-11-23T03:00:00Z');
    const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 3600 * 1000);
    const [organization] = await db.insert(organizations).values({ slug: 'hk', name: 'HK', region: 'PACA' }).returning();
    if (!organization) throw new Error('no organization');
    await db.insert(rateLimits).values([
      { key: 'old', windowStart: daysAgo(2), count: 3 },
      { key: 'current', windowStart: now, count: 1 },
    ]);
    const mail = { organizationId: organization.id, toAddress: 'x@exemple.test', subject: 's', textBody: 'b', template: 't' };
    await db.insert(mailOutbox).values([
      { ...mail, status: 'sent', createdAt: daysAgo(31) },
      { ...mail, status: 'sent', createdAt: daysAgo(5) },
      { ...mail, status: 'failed', createdAt: daysAgo(60) },
    ]);
    await db.insert(jobs).values([
      { name: 'a', status: 'done', finishedAt: daysAgo(40) },
      { name: 'b', status: 'done', finishedAt: daysAgo(1) },
      { name: 'c', status: 'failed', finishedAt: daysAgo(40) },
    ]);
    expect(await runHousekeeping(db, now)).toEqual({ rateLimits: 1, mails: 1, jobs: 1 });
    expect((await db.select().from(rateLimits)).map((row) => row.key)).toEqual(['current']);
    expect(await db.select().from(mailOutbox)).toHaveLength(2);
    expect((await db.select().from(jobs)).map((row) => row.name).sort()).toEqual(['b', 'c']);
  });
});
