import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { signInAs } from '../../../../tests/support/sessions';
import { auditTrail, buildAccompanimentRow, buildAppointmentRow, buildOrganization, type AccompanimentTableRow } from '../../../../tests/factories';
import { buildPerson } from '../../../../tests/factories/persons';
import { accompaniments, accompanimentStatusEvents, continuitySettings, jobs, outreachCases } from '../../db/schema';
import { jobHandlers } from '../../platform/jobs/handlers';
import { createJobRunner } from '../../platform/jobs/runner';
import { detectRuptures, RUPTURE_DETECTION_JOB, scheduleRuptureDetection } from './rupture-detection';

let t: TestApp;
const db = () => t.deps.database.db;
const DAY = 24 * 3600_000;
const daysAgo = (days: number) => new Date(t.clock.now.getTime() - days * DAY);

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function accompanimentIn(organizationId: string, overrides: Parameters<typeof buildAccompanimentRow>[2] = {}) {
  const person = await buildPerson(db(), { organizationId });
  return buildAccompanimentRow(db(), person, { openedAt: daysAgo(200), ...overrides });
}

const stateOf = async (accompaniment: AccompanimentTableRow) => {
  const [row] = await db().select().from(accompaniments).where(eq(accompaniments.id, accompaniment.id));
  const cases = await db().select().from(outreachCases).where(eq(outreachCases.accompanimentId, accompaniment.id));
  const events = await db().select().from(accompanimentStatusEvents).where(eq(accompanimentStatusEvents.accompanimentId, accompaniment.id));
  return { status: row?.status, version: row?.version, cases, events };
};

describe('daily rupture detection', () => {
  it('flags no contact for 30 days by default (not 29), from the opening date when there was never a contact', async () => {
    const { id: organizationId } = await buildOrganization(db());
    const silent = await accompanimentIn(organizationId, { lastContactAt: daysAgo(31) });
    const recent = await accompanimentIn(organizationId, { lastContactAt: daysAgo(29) });
    const neverSeen = await accompanimentIn(organizationId, { openedAt: daysAgo(40), lastContactAt: null });
    const justOpened = await accompanimentIn(organizationId, { openedAt: daysAgo(3), lastContactAt: null });
    const closed = await accompanimentIn(organizationId, { status: 'closed', lastContactAt: daysAgo(100) });

    await detectRuptures(db(), t.clock.now);

    const flagged = await stateOf(silent);
    expect(flagged.status).toBe('rupture_suspected');
    expect(flagged.version).toBe(2);
    expect(flagged.cases).toHaveLength(1);
    expect(flagged.cases[0]).toMatchObject({ signal: 'no_contact', status: 'open', flaggedAt: t.clock.now, personId: silent.personId });
    expect(flagged.events.map((event) => [event.fromStatus, event.toStatus, event.reason])).toContainEqual(['active', 'rupture_suspected', 'no_contact']);
    expect((await stateOf(neverSeen)).status).toBe('rupture_suspected');
    for (const untouched of [recent, justOpened]) expect(await stateOf(untouched)).toMatchObject({ status: 'active', cases: [] });
    expect(await stateOf(closed)).toMatchObject({ status: 'closed', cases: [] });

    const trail = await auditTrail(db(), organizationId);
    const flags = trail.filter((entry) => entry.action === 'outreach.case.flagged');
    expect(flags).toHaveLength(2);
    expect(flags.every((entry) => entry.actorUserId === null && entry.context.signal === 'no_contact')).toBe(true);
  });

  it('uses the organisation’s setting, and an accompaniment’s own threshold over it', async () => {
    const { id: organizationId } = await buildOrganization(db());
    await db().insert(continuitySettings).values({ organizationId, noContactDays: 60, missedAppointmentsInARow: 3, maxOutreachAttempts: 4 });
    const monthly = await accompanimentIn(organizationId, { lastContactAt: daysAgo(45) });
    const weekly = await accompanimentIn(organizationId, { lastContactAt: daysAgo(45), ruptureAfterDays: 14 });
    const longSilence = await accompanimentIn(organizationId, { lastContactAt: daysAgo(61) });

    await detectRuptures(db(), t.clock.now);

    expect((await stateOf(monthly)).status).toBe('active');
    expect((await stateOf(weekly)).status).toBe('rupture_suspected');
    expect((await stateOf(longSilence)).status).toBe('rupture_suspected');
  });

  it('flags 2 missed appointments in a row without news; a kept appointment or a contact after them resets the count', async () => {
    const { id: organizationId } = await buildOrganization(db());
    const twoMissed = await accompanimentIn(organizationId, { lastContactAt: daysAgo(12) });
    await buildAppointmentRow(db(), twoMissed, { startsAt: daysAgo(10), status: 'done' });
    await buildAppointmentRow(db(), twoMissed, { startsAt: daysAgo(7), status: 'missed' });
    await buildAppointmentRow(db(), twoMissed, { startsAt: daysAgo(3), status: 'missed' });
    await buildAppointmentRow(db(), twoMissed, { startsAt: daysAgo(2), status: 'cancelled' });
    await buildAppointmentRow(db(), twoMissed, { startsAt: new Date(t.clock.now.getTime() + 2 * DAY), status: 'planned' });

    const keptAfter = await accompanimentIn(organizationId, { lastContactAt: daysAgo(12) });
    await buildAppointmentRow(db(), keptAfter, { startsAt: daysAgo(9), status: 'missed' });
    await buildAppointmentRow(db(), keptAfter, { startsAt: daysAgo(7), status: 'missed' });
    await buildAppointmentRow(db(), keptAfter, { startsAt: daysAgo(3), status: 'done' });

    const newsAfter = await accompanimentIn(organizationId, { lastContactAt: daysAgo(1) });
    await buildAppointmentRow(db(), newsAfter, { startsAt: daysAgo(9), status: 'missed' });
    await buildAppointmentRow(db(), newsAfter, { startsAt: daysAgo(5), status: 'missed' });

    const oneMissed = await accompanimentIn(organizationId, { lastContactAt: daysAgo(12) });
    await buildAppointmentRow(db(), oneMissed, { startsAt: daysAgo(3), status: 'missed' });

    await detectRuptures(db(), t.clock.now);

    const flagged = await stateOf(twoMissed);
    expect(flagged.status).toBe('rupture_suspected');
    expect(flagged.cases[0]?.signal).toBe('missed_appointments');
    for (const untouched of [keptAfter, newsAfter, oneMissed]) expect((await stateOf(untouched)).status).toBe('active');
  });

  it('is idempotent: a second run (or the same day twice) flags nothing more', async () => {
    const { id: organizationId } = await buildOrganization(db());
    const silent = await accompanimentIn(organizationId, { lastContactAt: daysAgo(50) });
    const first = await detectRuptures(db(), t.clock.now);
    expect(first.flagged).toBeGreaterThanOrEqual(1);
    const before = await stateOf(silent);
    const second = await detectRuptures(db(), t.clock.now);
    expect(second.flagged).toBe(0);
    t.clock.advance(DAY);
    await detectRuptures(db(), t.clock.now);
    const after = await stateOf(silent);
    expect(after.cases).toHaveLength(1);
    expect(after.events).toHaveLength(before.events.length);
    expect(after.version).toBe(before.version);
  });

  it('never opens a second case while one is open, even if the accompaniment was resumed elsewhere and goes silent again', async () => {
    const { id: organizationId } = await buildOrganization(db());
    const silent = await accompanimentIn(organizationId, { lastContactAt: daysAgo(40) });
    await detectRuptures(db(), t.clock.now);
    // Set back to active by another path (e.g. the accompaniments API) while its case stays open.
    await db().update(accompaniments).set({ status: 'active' }).where(eq(accompaniments.id, silent.id));
    await detectRuptures(db(), t.clock.now);
    const state = await stateOf(silent);
    expect(state.status).toBe('rupture_suspected');
    expect(state.cases.filter((row) => row.status === 'open')).toHaveLength(1);
  });

  it('runs on demand for the coordinator’s own organisation only (POST /api/outreach/detection)', async () => {
    t.clock.set(new Date()); // sessions are stamped with the real clock; earlier tests moved the app's
    const { id: organizationId } = await buildOrganization(db());
    const coordinator = await signInAs(t, ['coordinator'], { organizationId });
    const silent = await accompanimentIn(organizationId, { lastContactAt: daysAgo(45) });
    const elsewhere = await accompanimentIn((await buildOrganization(db())).id, { lastContactAt: daysAgo(45) });

    const response = await t.app.inject({ method: 'POST', url: '/api/outreach/detection', headers: coordinator.headers });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ flagged: 1 });
    expect((await stateOf(silent)).status).toBe('rupture_suspected');
    expect((await stateOf(elsewhere)).status).toBe('active');
    const again = await t.app.inject({ method: 'POST', url: '/api/outreach/detection', headers: coordinator.headers });
    expect(again.json()).toEqual({ flagged: 0 });
    const flag = (await auditTrail(db(), organizationId)).find((entry) => entry.action === 'outreach.case.flagged');
    expect(flag?.actorUserId).toBe(coordinator.user.id);
  });

  it('runs as a scheduled job through the runner, at night', async () => {
    const { id: organizationId } = await buildOrganization(db());
    const silent = await accompanimentIn(organizationId, { lastContactAt: daysAgo(45) });
    await scheduleRuptureDetection(db(), t.clock.now);
    const runner = createJobRunner({ db: db(), workerId: 'test', handlers: jobHandlers, clock: () => t.clock.now });
    expect(await runner.tickSchedules()).toBe(0);
    t.clock.advance(DAY);
    expect(await runner.tickSchedules()).toBe(1);
    await runner.runDueJobs();
    const [job] = await db().select().from(jobs).where(and(eq(jobs.name, RUPTURE_DETECTION_JOB)));
    expect(job?.status).toBe('done');
    expect(job?.runAt.getUTCHours()).toBe(2);
    expect((await stateOf(silent)).status).toBe('rupture_suspected');
  });
});
