import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openTestDatabase } from '../../../../tests/support/test-database';
import { clear, hit, purgeRateLimits, rateLimitKey, release } from './rate-limit';
import { rateLimits } from './schema';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.dispose());

const WINDOW = 15 * 60 * 1000;
const start = new Date('2026-11-23T09:00:00.000Z');
const at = (ms: number) => new Date(start.getTime() + ms);

describe('fixed-window rate limit in the database', () => {
  it('allows `limit` events, refuses the next one with the time left, and starts over after the window', async () => {
    const db = database.db;
    for (let count = 1; count <= 5; count += 1) {
      expect(await hit(db, 'k1', 5, WINDOW, at(count * 1000))).toEqual({ allowed: true, retryAfterSeconds: expect.any(Number) });
    }
    // The window opened with the first event, at +1 s.
    expect(await hit(db, 'k1', 5, WINDOW, at(61_000))).toEqual({ allowed: false, retryAfterSeconds: 14 * 60 });
    expect((await hit(db, 'k1', 5, WINDOW, at(WINDOW + 999))).allowed).toBe(false);
    expect(await hit(db, 'k1', 5, WINDOW, at(WINDOW + 1000))).toEqual({ allowed: true, retryAfterSeconds: 15 * 60 });
  });

  it('gives one event back with release, and forgets them all with clear', async () => {
    const db = database.db;
    for (let count = 1; count <= 3; count += 1) await hit(db, 'k2', 3, WINDOW, start);
    await release(db, 'k2');
    expect((await hit(db, 'k2', 3, WINDOW, start)).allowed).toBe(true);
    expect((await hit(db, 'k2', 3, WINDOW, start)).allowed).toBe(false);
    await clear(db, 'k2');
    expect(await db.select().from(rateLimits).where(eq(rateLimits.key, 'k2'))).toHaveLength(0);
    await release(db, 'k2'); // nothing to give back: no error, no row
    expect((await hit(db, 'k2', 3, WINDOW, start)).allowed).toBe(true);
  });

  it('loses no count when many processes hit the same key at once', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => hit(database.db, 'k3', 10, WINDOW, start)));
    expect(results.filter((result) => result.allowed)).toHaveLength(10);
    const [row] = await database.db.select().from(rateLimits).where(eq(rateLimits.key, 'k3'));
    expect(row?.count).toBe(12);
  });

  it('purges the counters of windows long over', async () => {
    const db = database.db;
    await hit(db, 'old', 5, WINDOW, new Date('2020-01-01T00:00:00Z'));
    await hit(db, 'recent', 5, WINDOW, start);
    expect(await purgeRateLimits(db, new Date('2021-01-01T00:00:00Z'))).toBe(1);
    expect(await db.select().from(rateLimits).where(eq(rateLimits.key, 'old'))).toHaveLength(0);
    expect(await db.select().from(rateLimits).where(eq(rateLimits.key, 'recent'))).toHaveLength(1);
  });

  it('stores keyed hashes, not emails or IP addresses', () => {
    const key = rateLimitKey('secret', 'login-account', 'camille@exemple.test');
    expect(key).toMatch(/^login-account:[\w-]{43}$/);
    expect(key).not.toContain('camille');
    expect(rateLimitKey('other-secret', 'login-account', 'camille@exemple.test')).not.toBe(key);
  });
});
