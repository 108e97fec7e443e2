import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { runInContext, type ServiceContext } from '../../platform/http/context';
import { registerJobHandler } from '../../platform/jobs/handlers';
import { registerSchedule } from '../../platform/jobs/schedules';
import { organizations } from '../../platform/tenancy/schema';
import { nextNightlyRun } from '../continuity/rupture-detection';
import { persons } from '../persons/schema';
import { anonymisationProposals } from './schema';

export const RETENTION_REVIEW_JOB = 'rights.retention-review';

/**
 * Active base of a support record: 2 years from the last contact with the person (CNIL retention
 * referential for the social and medico-social sector, délibération 2023-095, DOMAIN §9.2).
 */
export const ACTIVE_BASE_YEARS = 2;
/** A coordinator's rejection (e.g. a litigation hold) stands for a year before the record is proposed again. */
export const REJECTION_STANDS_MONTHS = 12;
export const NO_LONGER_DUE_REASON = 'Plus à échéance : contact ou accompagnement repris depuis la proposition.';

/**
 * Conditions that make a record due for anonymisation, on `persons`: not anonymised, last contact
 * (or creation, if never contacted) older than the active base, and no accompaniment still open or
 * with a more recent contact.
 */
function dueForAnonymisation(now: Date) {
  const threshold = sql`${now.toISOString()}::timestamptz - make_interval(years => ${ACTIVE_BASE_YEARS}::int)`;
  return sql`persons.anonymised_at is null
    and coalesce(persons.last_contact_at, persons.created_at) <= ${threshold}
    and not exists (
      select 1 from accompaniments a
      where a.person_id = persons.id and (a.status <> 'closed' or a.last_contact_at > ${threshold})
    )`;
}

/**
 * Proposes anonymisation for the organisation's records past their active base (one open proposal
 * per person: the partial unique index makes a rerun harmless); withdraws open proposals whose
 * person came back in the meantime. Coordinators decide; nothing is anonymised here.
 */
export async function reviewRetention(ctx: ServiceContext): Promise<{ proposed: number; withdrawn: number }> {
  const rejectionStands = sql`${ctx.now.toISOString()}::timestamptz - make_interval(months => ${REJECTION_STANDS_MONTHS}::int)`;
  const due = await ctx.tx
    .select({ id: persons.id, lastContactAt: persons.lastContactAt })
    .from(persons)
    .where(
      and(
        eq(persons.organizationId, ctx.organizationId),
        dueForAnonymisation(ctx.now),
        sql`not exists (
          select 1 from anonymisation_proposals p
          where p.person_id = persons.id and (p.status = 'proposed' or (p.status = 'rejected' and p.decided_at > ${rejectionStands}))
        )`,
      ),
    );
  let proposed = 0;
  for (const person of due) {
    const [created] = await ctx.tx
      .insert(anonymisationProposals)
      .values({ organizationId: ctx.organizationId, personId: person.id, proposedAt: ctx.now, lastContactAt: person.lastContactAt })
      .onConflictDoNothing({ target: anonymisationProposals.personId, where: sql`status = 'proposed'` })
      .returning({ id: anonymisationProposals.id });
    if (!created) continue;
    proposed += 1;
    await ctx.audit({ action: 'anonymisation.proposed', resourceType: 'anonymisation_proposal', resourceId: created.id, context: { personId: person.id } });
  }

  const stillDue = ctx.tx.select({ id: persons.id }).from(persons).where(and(eq(persons.organizationId, ctx.organizationId), dueForAnonymisation(ctx.now)));
  const withdrawn = await ctx.tx
    .update(anonymisationProposals)
    .set({ status: 'rejected', decidedAt: ctx.now, reason: NO_LONGER_DUE_REASON })
    .where(
      and(
        eq(anonymisationProposals.organizationId, ctx.organizationId),
        eq(anonymisationProposals.status, 'proposed'),
        notInArray(anonymisationProposals.personId, stillDue),
      ),
    )
    .returning({ id: anonymisationProposals.id, personId: anonymisationProposals.personId });
  for (const proposal of withdrawn) {
    await ctx.audit({ action: 'anonymisation.proposal.withdrawn', resourceType: 'anonymisation_proposal', resourceId: proposal.id, context: { personId: proposal.personId } });
  }
  return { proposed, withdrawn: withdrawn.length };
}

/** Whether the person is still due, at decision time (a coordinator confirming a proposal). */
export async function isDueForAnonymisation(ctx: ServiceContext, personId: string): Promise<boolean> {
  const [row] = await ctx.tx
    .select({ id: persons.id })
    .from(persons)
    .where(and(eq(persons.id, personId), eq(persons.organizationId, ctx.organizationId), dueForAnonymisation(ctx.now)));
  return Boolean(row);
}

/** The daily run: each organisation in its own transaction and audit chain, without an actor. */
export async function runRetentionReview(db: Database, now: Date): Promise<{ proposed: number; withdrawn: number }> {
  const all = await db.select({ id: organizations.id }).from(organizations);
  const total = { proposed: 0, withdrawn: 0 };
  for (const organization of all) {
    const result = await runInContext({ db, actor: null, organizationId: organization.id, now, locale: 'fr' }, reviewRetention);
    total.proposed += result.proposed;
    total.withdrawn += result.withdrawn;
  }
  return total;
}

registerJobHandler(RETENTION_REVIEW_JOB, async ({ db, now }) => {
  await runRetentionReview(db, now);
});

/** Daily at night (03:00 UTC), after the rupture detection. */
export function scheduleRetentionReview(db: Database, now: Date): Promise<void> {
  return registerSchedule(db, RETENTION_REVIEW_JOB, 24 * 3600, nextNightlyRun(now, 3));
}
