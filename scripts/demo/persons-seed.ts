import { and, eq, inArray } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../src/server/db/client';
import {
  accompanimentGoals,
  accompanimentNotes,
  accompanimentPeers,
  accompanimentStatusEvents,
  accompaniments,
  appointments,
  interventionPeers,
  interventions,
} from '../../src/server/modules/accompaniments/schema';
import { outreachAttempts, outreachCases, recontactPreferences } from '../../src/server/modules/continuity/schema';
import { personConsents, personReferents, persons } from '../../src/server/modules/persons/schema';
import { personAccounts, portalMessages } from '../../src/server/modules/portal/schema';
import { requestReferenceCounters, requestStatusEvents, supportRequests } from '../../src/server/modules/requests/schema';
import { rightsRequests } from '../../src/server/modules/rights/schema';
import { users } from '../../src/server/platform/auth/schema';
import { planAccompaniments, planStories, type AccompanimentRows } from './persons-seed-accompaniments';
import { planContinuity, type ContinuityRows } from './persons-seed-continuity';
import { planPersons, type ConsentInsert, type DemoStaff, type PersonInsert } from './persons-seed-people';
import { SeededRandom } from './persons-seed-random';
import { planRequests, type RequestPlan } from './persons-seed-requests';
import { latest, Timeline } from './persons-seed-timeline';

/** Fixed seed: the same demo data on every install and in every test run. */
const DEMO_SEED = 20_260_401;

export const DEMO_STAFF_EMAILS: Record<keyof DemoStaff, string> = {
  coordinator: 'coordinator@demo.passerelle.test',
  peerWorker: 'peer-worker@demo.passerelle.test',
  volunteer: 'volunteer@demo.passerelle.test',
  partner: 'partner-contact@demo.passerelle.test',
  personAccount: 'person@demo.passerelle.test',
};

export type DemoPersonsPlan = Omit<RequestPlan, 'consents'> &
  AccompanimentRows &
  Omit<ContinuityRows, 'consents'> & { persons: PersonInsert[]; consents: ConsentInsert[] };

/**
 * The whole demo case load as rows, computed without touching the database: ~200 persons over
 * PACA, their requests in every status, accompaniments followed by the demo peers, continuity
 * and portal data. Pure and deterministic for a given organisation, staff and clock.
 */
export function buildDemoPersonsPlan(input: { organizationId: string; now: Date; staff: DemoStaff }): DemoPersonsPlan {
  const rng = new SeededRandom(DEMO_SEED);
  const time = new Timeline(input.now);
  const slots = planPersons(rng, input.organizationId);
  const requestPlan = planRequests(rng, time, slots, input.staff);
  const requestOf = new Map(requestPlan.requests.map((request) => [request.personId, request]));
  const stories = planStories(rng, time, slots, requestOf, input.staff);
  const accompanimentRows = planAccompaniments(rng, time, stories, input.staff);
  const continuity = planContinuity(rng, time, stories, accompanimentRows, input.staff);
  for (const story of stories) {
    // The person's last contact mirrors the accompaniment's, as every intervention keeps it.
    const person = story.slot.person;
    person.lastContactAt = latest([person.lastContactAt, story.row.lastContactAt]);
    person.updatedAt = latest([person.updatedAt, story.row.lastContactAt]) ?? person.updatedAt;
  }
  return {
    persons: slots.map((slot) => slot.person),
    ...requestPlan,
    ...accompanimentRows,
    ...continuity,
    consents: [...requestPlan.consents, ...continuity.consents],
  };
}

/** Rows per INSERT: few statements, far below PostgreSQL's 65,535 bind parameters. */
const BATCH = 500;

async function insertAll<T extends PgTable>(db: Queryable, table: T, rows: readonly T['$inferInsert'][]): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) {
    await db.insert(table).values(rows.slice(start, start + BATCH));
  }
}

/** The demo accounts the case load refers to; the seed cannot go on without them. */
async function demoStaff(db: Queryable, organizationId: string): Promise<DemoStaff> {
  const rows = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), inArray(users.email, Object.values(DEMO_STAFF_EMAILS))));
  const idOf = (email: string) => {
    const id = rows.find((row) => row.email === email)?.id;
    if (!id) throw new Error(`demo account missing: ${email}`);
    return id;
  };
  return {
    coordinator: idOf(DEMO_STAFF_EMAILS.coordinator),
    peerWorker: idOf(DEMO_STAFF_EMAILS.peerWorker),
    volunteer: idOf(DEMO_STAFF_EMAILS.volunteer),
    partner: idOf(DEMO_STAFF_EMAILS.partner),
    personAccount: idOf(DEMO_STAFF_EMAILS.personAccount),
  };
}

/**
 * Writes the demo case load into the demo organisation, in the caller's transaction, with batch
 * inserts (a few dozen statements in all). Written straight into the tables, like a restore:
 * the story happened before the demo existed, so no audit entry claims someone did it today.
 */
export async function seedDemoPersons(db: Queryable, organizationId: string, now: Date): Promise<{ persons: number }> {
  const plan = buildDemoPersonsPlan({ organizationId, now, staff: await demoStaff(db, organizationId) });
  await insertAll(db, persons, plan.persons);
  await insertAll(db, personReferents, plan.referents);
  await insertAll(db, personConsents, plan.consents);
  await insertAll(db, supportRequests, plan.requests);
  await insertAll(db, requestStatusEvents, plan.events);
  await insertAll(db, requestReferenceCounters, plan.counters);
  await insertAll(db, accompaniments, plan.accompaniments);
  await insertAll(db, accompanimentPeers, plan.peers);
  await insertAll(db, accompanimentGoals, plan.goals);
  await insertAll(db, accompanimentStatusEvents, plan.statusEvents);
  await insertAll(db, interventions, plan.interventions);
  await insertAll(db, interventionPeers, plan.interventionPeers);
  await insertAll(db, accompanimentNotes, plan.notes);
  await insertAll(db, appointments, plan.appointments);
  await insertAll(db, recontactPreferences, plan.recontactPreferences);
  await insertAll(db, outreachCases, plan.outreachCases);
  await insertAll(db, outreachAttempts, plan.outreachAttempts);
  await insertAll(db, personAccounts, plan.personAccounts);
  await insertAll(db, portalMessages, plan.portalMessages);
  await insertAll(db, rightsRequests, plan.rightsRequests);
  return { persons: plan.persons.length };
}
