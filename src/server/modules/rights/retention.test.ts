import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { signInAs, type TestSession } from '../../../../tests/support/sessions';
import { auditTrail, buildAccompanimentRow, buildOrganization } from '../../../../tests/factories';
import { buildPerson, type PersonRow } from '../../../../tests/factories/persons';
import { anonymisationProposals, jobs, persons } from '../../db/schema';
import { jobHandlers } from '../../platform/jobs/handlers';
import { createJobRunner } from '../../platform/jobs/runner';
import { NO_LONGER_DUE_REASON, RETENTION_REVIEW_JOB, runRetentionReview, scheduleRetentionReview } from './retention';

let t: TestApp;
let organizationId: string;
let coordinator: TestSession;
const db = () => t.deps.database.db;
const DAY = 24 * 3600_000;

beforeAll(async () => {
  t = await createTestApp();
  organizationId = (await buildOrganization(db())).id;
  coordinator = await signInAs(t, ['coordinator'], { organizationId });
});
afterAll(async () => t.close());

/** Two calendar years before `now`, moved by `days`. */
function twoYearsBefore(now: Date, days: number): Date {
  const date = new Date(now);
  date.setUTCFullYear(date.getUTCFullYear() - 2);
  return new Date(date.getTime() + days * DAY);
}

async function personLastSeen(lastContactAt: Date | null, options: { createdAt?: Date; firstName?: string } = {}): Promise<PersonRow> {
  const person = await buildPerson(db(), { organizationId, firstName: options.firstName ?? 'Ancienne', createdAt: options.createdAt ?? twoYearsBefore(t.clock.now, -400) });
  await db().update(persons).set({ lastContactAt }).where(eq(persons.id, person.id));
  return { ...person, lastContactAt };
}

const proposalsOf = (personId: string) => db().select().from(anonymisationProposals).where(eq(anonymisationProposals.personId, personId));
const call = (method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) =>
  t.app.inject({ method, url, headers: coordinator.headers, ...(payload ? { payload } : {}) });
/** The review of a later day, run without moving the test clock (sessions have an absolute lifetime). */
const reviewOn = (daysLater: number) => runRetentionReview(db(), new Date(t.clock.now.getTime() + daysLater * DAY));

describe('retention review (daily job)', () => {
  it('proposes records whose last contact is more than 2 years old and that have no open accompaniment, once', async () => {
    const now = t.clock.now;
    const past = await personLastSeen(twoYearsBefore(now, -1));
    const notYet = await personLastSeen(twoYearsBefore(now, 1));
    const neverContacted = await personLastSeen(null, { createdAt: twoYearsBefore(now, -10) });
    const recentlyCreated = await personLastSeen(null, { createdAt: twoYearsBefore(now, 10) });
    const stillAccompanied = await personLastSeen(twoYearsBefore(now, -300));
    await buildAccompanimentRow(db(), stillAccompanied, { status: 'rupture_suspected', openedAt: twoYearsBefore(now, -400) });
    const closedLongAgo = await personLastSeen(twoYearsBefore(now, -200));
    await buildAccompanimentRow(db(), closedLongAgo, { status: 'closed', openedAt: twoYearsBefore(now, -400), closedAt: twoYearsBefore(now, -200) });
    const anonymised = await personLastSeen(twoYearsBefore(now, -500));
    await db().update(persons).set({ anonymisedAt: now }).where(eq(persons.id, anonymised.id));

    const first = await runRetentionReview(db(), now);
    expect(first.proposed).toBe(3);
    for (const due of [past, neverContacted, closedLongAgo]) {
      expect(await proposalsOf(due.id)).toEqual([expect.objectContaining({ status: 'proposed', proposedAt: now, lastContactAt: due.lastContactAt })]);
    }
    for (const kept of [notYet, recentlyCreated, stillAccompanied, anonymised]) expect(await proposalsOf(kept.id)).toEqual([]);

    const second = await runRetentionReview(db(), now);
    expect(second).toEqual({ proposed: 0, withdrawn: 0 });
    expect(await proposalsOf(past.id)).toHaveLength(1);
    const trail = await auditTrail(db(), organizationId);
    expect(trail.filter((entry) => entry.action === 'anonymisation.proposed')).toHaveLength(3);

    // The one that was not due yet becomes due two days later.
    expect((await reviewOn(2)).proposed).toBe(1);
    expect(await proposalsOf(notYet.id)).toHaveLength(1);
  });

  it('coordinators list proposals, confirm (the record is anonymised) or reject with a reason that stands for a year', async () => {
    const confirmed = await personLastSeen(twoYearsBefore(t.clock.now, -30), { firstName: 'Confirmée' });
    const rejected = await personLastSeen(twoYearsBefore(t.clock.now, -30), { firstName: 'Gardée' });
    await runRetentionReview(db(), t.clock.now);
    const list = (await call('GET', '/api/anonymisation-proposals?pageSize=100')).json();
    const byPerson = (id: string) => list.items.find((item: { person: { id: string } }) => item.person.id === id);
    expect(byPerson(confirmed.id)).toMatchObject({ status: 'proposed', person: { displayName: 'Confirmée Exemple', departement: '13' } });

    const confirm = await call('POST', `/api/anonymisation-proposals/${byPerson(confirmed.id).id}/confirm`, {});
    expect(confirm.statusCode).toBe(200);
    expect((await db().select().from(persons).where(eq(persons.id, confirmed.id)))[0]).toMatchObject({
      firstName: null,
      pseudonym: 'Personne anonymisée',
      anonymisationReason: 'Durée de conservation échue : plus de 2 ans sans contact.',
    });
    expect((await proposalsOf(confirmed.id))[0]).toMatchObject({ status: 'confirmed', decidedBy: coordinator.user.id, decidedAt: t.clock.now });
    expect((await call('POST', `/api/anonymisation-proposals/${byPerson(confirmed.id).id}/confirm`, {})).statusCode).toBe(400);

    const noReason = await call('POST', `/api/anonymisation-proposals/${byPerson(rejected.id).id}/reject`, {});
    expect(noReason.statusCode).toBe(400);
    const reject = await call('POST', `/api/anonymisation-proposals/${byPerson(rejected.id).id}/reject`, { reason: 'Archivage intermédiaire : contentieux en cours' });
    expect(reject.json()).toMatchObject({ status: 'rejected', reason: 'Archivage intermédiaire : contentieux en cours', decidedBy: { id: coordinator.user.id } });

    await reviewOn(1);
    expect(await proposalsOf(rejected.id)).toHaveLength(1);
    await reviewOn(366);
    expect((await proposalsOf(rejected.id)).map((proposal) => proposal.status).sort()).toEqual(['proposed', 'rejected']);
    const rejectedList = (await call('GET', '/api/anonymisation-proposals?status=rejected&pageSize=100')).json();
    expect(rejectedList.items.map((item: { person: { id: string } }) => item.person.id)).toContain(rejected.id);
  });

  it('withdraws a proposal when the person came back, and refuses to confirm it', async () => {
    const back = await personLastSeen(twoYearsBefore(t.clock.now, -5), { firstName: 'Revenue' });
    await runRetentionReview(db(), t.clock.now);
    const [proposal] = await proposalsOf(back.id);
    await db().update(persons).set({ lastContactAt: t.clock.now }).where(eq(persons.id, back.id));
    const refused = await call('POST', `/api/anonymisation-proposals/${proposal?.id}/confirm`, {});
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors.proposal[0]).toContain('n’est plus échue');
    expect((await db().select().from(persons).where(eq(persons.id, back.id)))[0]?.firstName).toBe('Revenue');
    const review = await runRetentionReview(db(), t.clock.now);
    expect(review.withdrawn).toBe(1);
    expect((await proposalsOf(back.id))[0]).toMatchObject({ status: 'rejected', reason: NO_LONGER_DUE_REASON, decidedBy: null });
  });

  it('runs as a scheduled job through the runner, at night', async () => {
    const due = await personLastSeen(twoYearsBefore(t.clock.now, -3), { firstName: 'Programmée' });
    await scheduleRetentionReview(db(), t.clock.now);
    const runner = createJobRunner({ db: db(), workerId: 'test', handlers: jobHandlers, clock: () => t.clock.now });
    t.clock.advance(DAY);
    expect(await runner.tickSchedules()).toBe(1);
    await runner.runDueJobs();
    const [job] = await db().select().from(jobs).where(eq(jobs.name, RETENTION_REVIEW_JOB));
    expect(job).toMatchObject({ status: 'done' });
    expect(job?.runAt.getUTCHours()).toBe(3);
    expect(await proposalsOf(due.id)).toHaveLength(1);
  });
});
