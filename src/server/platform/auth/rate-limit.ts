import { createHmac } from 'node:crypto';
import { eq, lt, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { rateLimits } from './schema';

export type RateLimitResult = { allowed: boolean; retryAfterSeconds: number };

/** One fixed-window rule: at most `limit` counted events per `windowMs`. */
export type RateLimitRule = { limit: number; windowMs: number };

/**
 * Counts one event against `key` in a fixed window that starts at the first event and lasts
 * `windowMs`, in one statement so concurrent processes never lose a count. The event that goes
 * past the limit is refused, and so is every later one until the window ends.
 */
export async function hit(db: Queryable, key: string, limit: number, windowMs: number, now: Date): Promise<RateLimitResult> {
  const windowOver = sql`${rateLimits.windowStart} <= ${new Date(now.getTime() - windowMs).toISOString()}::timestamptz`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        windowStart: sql`case when ${windowOver} then ${now.toISOString()}::timestamptz else ${rateLimits.windowStart} end`,
        count: sql`case when ${windowOver} then 1 else ${rateLimits.count} + 1 end`,
      },
    })
    .returning({ windowStart: rateLimits.windowStart, count: rateLimits.count });
  if (!row) throw new Error('rate limit upsert returned nothing');
  const retryAfterSeconds = Math.max(1, Math.ceil((row.windowStart.getTime() + windowMs - now.getTime()) / 1000));
  return { allowed: row.count <= limit, retryAfterSeconds };
}

/**
 * Gives back one event counted by `hit`: callers count an attempt before checking it (so a burst
 * of parallel attempts cannot slip past the limit) and give it back when it turns out fine.
 */
export async function release(db: Queryable, key: string): Promise<void> {
  await db
    .update(rateLimits)
    .set({ count: sql`greatest(${rateLimits.count} - 1, 0)` })
    .where(eq(rateLimits.key, key));
}

/** Forgets every event of `key` (a successful sign-in ends the run of failures). */
export async function clear(db: Queryable, key: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}

/**
 * Deletes the counters whose window ended before `olderThan` (they no longer limit anything);
 * meant for a daily job, so the table stays as small as the set of recent attempts.
 */
export async function purgeRateLimits(db: Queryable, olderThan: Date): Promise<number> {
  const deleted = await db.delete(rateLimits).where(lt(rateLimits.windowStart, olderThan)).returning({ key: rateLimits.key });
  return deleted.length;
}

/**
 * The stored key: the subject (an email, an IP address) is keyed-hashed, so the table holds no
 * personal data in clear and nobody can test guesses against it without the server secret.
 */
export function rateLimitKey(secret: string, purpose: string, subject: string): string {
  const digest = createHmac('sha256', secret).update(`${purpose}\n${subject}`).digest('base64url');
  return `${purpose}:${digest}`;
}
