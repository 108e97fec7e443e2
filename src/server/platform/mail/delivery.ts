import { and, asc, eq, lt, lte, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { mailOutbox } from './schema';

export type OutboxRow = typeof mailOutbox.$inferSelect;

/** After this many tries a message is `failed` and stays in the outbox for an admin to read. */
export const MAX_MAIL_ATTEMPTS = 8;

/** 1, 2, 4… minutes, capped at 6 hours: eight tries span about four hours of mail-server outage. */
export function mailBackoffSeconds(attempts: number): number {
  return Math.min(60 * 2 ** Math.max(0, attempts - 1), 6 * 3600);
}

/**
 * Takes one message to send: pending and due, or `sending` with an expired lock (its sender died
 * mid-delivery). SKIP LOCKED: two senders never take the same row. `attempts` counts tries started,
 * so a message that crashes the sender each time still ends `failed`.
 */
export async function claimNextMail(db: Database, now: Date, lockSeconds: number): Promise<OutboxRow | null> {
  return db.transaction(async (tx) => {
    const [due] = await tx
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(
        or(
          and(eq(mailOutbox.status, 'pending'), lte(mailOutbox.nextAttemptAt, now)),
          and(eq(mailOutbox.status, 'sending'), lt(mailOutbox.lockedUntil, now)),
        ),
      )
      .orderBy(asc(mailOutbox.nextAttemptAt))
      .limit(1)
      .for('update', { skipLocked: true });
    if (!due) return null;
    const [claimed] = await tx
      .update(mailOutbox)
      .set({
        status: 'sending',
        lockedUntil: new Date(now.getTime() + lockSeconds * 1000),
        attempts: sql`${mailOutbox.attempts} + 1`,
      })
      .where(eq(mailOutbox.id, due.id))
      .returning();
    return claimed ?? null;
  });
}

/** The lock instant is a fencing token: a sender whose lock expired and was retaken writes nothing. */
function stillOurs(mail: OutboxRow) {
  const lock = mail.lockedUntil ? eq(mailOutbox.lockedUntil, mail.lockedUntil) : sql`false`;
  return and(eq(mailOutbox.id, mail.id), eq(mailOutbox.status, 'sending'), lock);
}

export async function markMailSent(db: Database, mail: OutboxRow, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(mailOutbox)
      .set({ status: 'sent', sentAt: now, lockedUntil: null, lastError: null })
      .where(stillOurs(mail));
  });
}

/** Retries later with backoff, or gives up after MAX_MAIL_ATTEMPTS tries. */
export async function markMailFailed(
  db: Database,
  mail: OutboxRow,
  now: Date,
  lastError: string,
): Promise<'pending' | 'failed'> {
  const outcome = mail.attempts >= MAX_MAIL_ATTEMPTS ? 'failed' : 'pending';
  await db.transaction(async (tx) => {
    await tx
      .update(mailOutbox)
      .set({
        status: outcome,
        lockedUntil: null,
        lastError,
        nextAttemptAt:
          outcome === 'pending' ? new Date(now.getTime() + mailBackoffSeconds(mail.attempts) * 1000) : mail.nextAttemptAt,
      })
      .where(stillOurs(mail));
  });
  return outcome;
}
