import { and, eq, or, sql } from 'drizzle-orm';
import type { TRuptureSignal } from '../../../shared/accompaniments';
import type { Database } from '../../db/client';
import { runInContext, type ServiceContext } from '../../platform/http/context';
import { registerJobHandler } from '../../platform/jobs/handlers';
import { registerSchedule } from '../../platform/jobs/schedules';
import { accompaniments } from '../accompaniments/schema';
import { moveAccompaniment } from './accompaniment-status';
import { outreachCases } from './schema';
import { loadContinuitySettings } from './settings';

export const RUPTURE_DETECTION_JOB = 'continuity.rupture-detection';

/**
 * Flags the active accompaniments of one organisation that show a rupture signal (DOMAIN §10.2):
 * - no contact for N days (the accompaniment's own `rupture_after_days`, else the organisation's
 *   setting) since its last contact, or since it opened when there was none;
 * - K missed appointments in a row "without news": missed appointments after the last one that
 *   took place and after the last contact (a phone call after two no-shows is news).
 * Each gets an open outreach case and the status rupture_suspected with its status event. Only
 * `active` accompaniments are read and the move re-checks the status under a row lock, so a second
 * run (or two processes) flags nothing twice; the partial unique index keeps one open case anyway.
 */
export async function flagRuptures(ctx: ServiceContext): Promise<number> {
  const settings = await loadContinuitySettings(ctx.tx, ctx.organizationId);
  const now = sql`${ctx.now.toISOString()}::timestamptz`;
  // Plain column names: inside the select list Drizzle may print a column without its table, which a
  // correlated subquery would then resolve against its own table.
  const newsSince = sql`coalesce(greatest(accompaniments.last_contact_at, (select max(done.starts_at) from appointments done where done.accompaniment_id = accompaniments.id and done.status = 'done')), '-infinity'::timestamptz)`;
  const missedInARow = sql<number>`(select count(*)::int from appointments missed where missed.accompaniment_id = accompaniments.id and missed.status = 'missed' and missed.starts_at <= ${now} and missed.starts_at > ${newsSince})`;
  const silentTooLong = sql<boolean>`coalesce(accompaniments.last_contact_at, accompaniments.opened_at) <= ${now} - make_interval(days => coalesce(accompaniments.rupture_after_days, ${settings.noContactDays}::int))`;
  const candidates = await ctx.tx
    .select({ id: accompaniments.id, personId: accompaniments.personId, missedInARow, silentTooLong })
    .from(accompaniments)
    .where(
      and(
        eq(accompaniments.organizationId, ctx.organizationId),
        eq(accompaniments.status, 'active'),
        or(sql`${missedInARow} >= ${settings.missedAppointmentsInARow}::int`, silentTooLong),
      ),
    );
  let flagged = 0;
  for (const candidate of candidates) {
    // Missed appointments are the more specific signal when both apply.
    const signal: TRuptureSignal = candidate.missedInARow >= settings.missedAppointmentsInARow ? 'missed_appointments' : 'no_contact';
    const previous = await moveAccompaniment(ctx, candidate.id, ['active'], { to: 'rupture_suspected', reason: signal });
    if (!previous) continue;
    const [opened] = await ctx.tx
      .insert(outreachCases)
      .values({ organizationId: ctx.organizationId, accompanimentId: candidate.id, personId: candidate.personId, signal, flaggedAt: ctx.now })
      .onConflictDoNothing({ target: outreachCases.accompanimentId, where: sql`status = 'open'` })
      .returning({ id: outreachCases.id });
    await ctx.audit({
      action: 'outreach.case.flagged',
      resourceType: 'outreach_case',
      resourceId: opened?.id ?? null,
      context: { accompanimentId: candidate.id, signal, alreadyOpen: !opened },
    });
    flagged += 1;
  }
  return flagged;
}

/** The daily run: each organisation in its own transaction, with its own audit chain and no actor. */
export async function detectRuptures(db: Database, now: Date): Promise<{ flagged: number }> {
  const organizations = await db.selectDistinct({ id: accompaniments.organizationId }).from(accompaniments).where(eq(accompaniments.status, 'active'));
  let flagged = 0;
  for (const organization of organizations) {
    flagged += await runInContext({ db, actor: null, organizationId: organization.id, now, locale: 'fr' }, flagRuptures);
  }
  return { flagged };
}

registerJobHandler(RUPTURE_DETECTION_JOB, async ({ db, now }) => {
  await detectRuptures(db, now);
});

/** Daily, at night (02:00 UTC, 3 or 4 a.m. in Paris), so coordinators find the queue ready in the morning. */
export function scheduleRuptureDetection(db: Database, now: Date): Promise<void> {
  return registerSchedule(db, RUPTURE_DETECTION_JOB, 24 * 3600, nextNightlyRun(now, 2));
}

/** The next `hourUtc`:00 strictly after `now`. */
export function nextNightlyRun(now: Date, hourUtc: number): Date {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hourUtc));
  if (next.getTime() <= now.getTime()) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}
