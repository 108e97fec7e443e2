import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { TOTP } from 'otpauth';
import { createTestApp, type TestApp } from '../../tests/support/test-app';
import {
  accompanimentGoals,
  accompanimentNotes,
  accompanimentPeers,
  accompaniments,
  appointments,
  interventionPeers,
  interventions,
  organizations,
  outreachAttempts,
  outreachCases,
  personAccounts,
  personReferents,
  persons,
  recontactPreferences,
  requestReferenceCounters,
  requestStatusEvents,
  supportRequests,
  users,
} from '../../src/server/db/schema';
import { identityKeyOf, searchTextOf } from '../../src/server/modules/persons/folding';
import { InjectClient } from '../../src/server/platform/auth/testing/inject-client';
import { DEPARTEMENTS } from '../../src/shared/persons';
import { REQUEST_SOURCES, REQUEST_STATUSES, REQUEST_URGENCIES } from '../../src/shared/requests';
import { INTERVENTION_TYPES, NOTE_CONFIDENTIALITY } from '../../src/shared/accompaniments';
import { DEMO_ACCOUNTS, findDemoAccount } from './accounts';
import { buildDemoPersonsPlan, DEMO_STAFF_EMAILS } from './persons-seed';
import { COMMUNES } from './persons-seed-vocabulary';
import { seedDemoIfEmpty } from './seed';

const DAY = 24 * 60 * 60 * 1000;
let t: TestApp;
let seededAt: Date;
let seedMs: number;
const db = () => t.deps.database.db;

beforeAll(async () => {
  t = await createTestApp();
  // Real time: the demo accounts sign in below with TOTP codes of the real clock.
  seededAt = new Date();
  t.clock.set(seededAt);
  const started = performance.now();
  await seedDemoIfEmpty(t.app, { print: false });
  seedMs = performance.now() - started;
});
afterAll(async () => t.close());

const userId = async (email: string) => {
  const [row] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!row) throw new Error(`no user ${email}`);
  return row.id;
};

async function signIn(email: string): Promise<InjectClient> {
  const account = findDemoAccount(email);
  if (!account) throw new Error(`not a demo account: ${email}`);
  const client = new InjectClient(t.app);
  await client.request('POST', '/api/auth/login', { email, password: account.password });
  if (account.totpSecret) {
    const code = new TOTP({ secret: account.totpSecret, digits: 6, period: 30 }).generate();
    expect((await client.request('POST', '/api/auth/login/totp', { code })).statusCode).toBe(200);
  }
  return client;
}

describe('demo persons seed', () => {
  it('runs with the demo accounts in one seed, fast enough for every start on PGlite', async () => {
    expect(await db().select().from(users)).toHaveLength(DEMO_ACCOUNTS.length);
    // The whole seed (ten accounts with password hashing + the case load) stays within a few seconds.
    expect(seedMs).toBeLessThan(15_000);
  });

  it('spreads about 200 persons over the six départements of PACA, most in 13 and 06, in real communes', async () => {
    const rows = await db().select().from(persons);
    expect(rows.length).toBeGreaterThanOrEqual(190);
    expect(rows.length).toBeLessThanOrEqual(210);
    const perDepartement = new Map(DEPARTEMENTS.map((code) => [code, rows.filter((row) => row.departement === code).length]));
    for (const code of DEPARTEMENTS) expect(perDepartement.get(code)).toBeGreaterThan(0);
    const ranked = [...perDepartement].sort((a, b) => b[1] - a[1]).map(([code]) => code);
    expect(ranked.slice(0, 2)).toEqual(['13', '06']);
    for (const row of rows) {
      expect(row.communeInsee.startsWith(row.departement)).toBe(true);
      expect(COMMUNES[row.departement].find((commune) => commune.insee === row.communeInsee)?.name).toBe(row.communeName);
    }
  });

  it('folds search text and identity keys as the persons module does, never twice the same identity', async () => {
    const rows = await db().select().from(persons);
    for (const row of rows) {
      expect(row.searchText).toBe(searchTextOf(row));
      expect(row.identityKey).toBe(identityKeyOf(row));
      expect(row.firstName || row.pseudonym).toBeTruthy();
    }
    expect(new Set(rows.map((row) => row.identityKey)).size).toBe(rows.length);
  });

  it('has requests in every status, source and urgency, some overdue, with references and their counter', async () => {
    const rows = await db().select().from(supportRequests);
    expect(new Set(rows.map((row) => row.status))).toEqual(new Set(REQUEST_STATUSES));
    expect(new Set(rows.map((row) => row.source))).toEqual(new Set(REQUEST_SOURCES));
    expect(new Set(rows.map((row) => row.urgency))).toEqual(new Set(REQUEST_URGENCIES));
    const waiting = rows.filter((row) => row.status === 'new');
    expect(waiting.filter((row) => row.respondBy <= seededAt).length).toBeGreaterThanOrEqual(5);
    expect(waiting.filter((row) => row.respondBy > seededAt).length).toBeGreaterThanOrEqual(5);
    expect(rows.every((row) => /^DEM-\d{4}-\d{6}$/.test(row.reference) && row.reference.slice(4, 8) === String(row.receivedAt.getUTCFullYear()))).toBe(true);
    expect(new Set(rows.map((row) => row.reference)).size).toBe(rows.length);
    const counters = await db().select().from(requestReferenceCounters);
    for (const counter of counters) {
      const numbers = rows.filter((row) => row.reference.startsWith(`DEM-${counter.year}-`)).map((row) => Number(row.reference.slice(9)));
      expect(Math.max(...numbers)).toBe(counter.lastNumber);
      expect(numbers.length).toBe(counter.lastNumber);
    }
    expect(counters.reduce((sum, counter) => sum + counter.lastNumber, 0)).toBe(rows.length);
    const events = await db().select().from(requestStatusEvents);
    for (const row of rows) {
      const own = events.filter((event) => event.requestId === row.id).sort((a, b) => a.at.getTime() - b.at.getTime());
      expect(own[0]?.fromStatus).toBeNull();
      expect(own[own.length - 1]?.toStatus).toBe(row.status);
      expect(own.every((event) => event.at <= seededAt)).toBe(true);
    }
  });

  it('has exactly two accompaniments in rupture: no contact for over 30 days, an open outreach case, one attempt', async () => {
    const all = await db().select().from(accompaniments);
    const inRupture = all.filter((row) => row.status === 'rupture_suspected' || row.status === 'outreach_in_progress');
    expect(inRupture).toHaveLength(2);
    const cases = await db().select().from(outreachCases);
    const attempts = await db().select().from(outreachAttempts);
    for (const row of inRupture) {
      expect(seededAt.getTime() - (row.lastContactAt?.getTime() ?? 0)).toBeGreaterThan(30 * DAY);
      const open = cases.filter((entry) => entry.accompanimentId === row.id && entry.status === 'open');
      expect(open).toHaveLength(1);
      expect(attempts.filter((attempt) => attempt.caseId === open[0]?.id)).toHaveLength(1);
    }
    expect(cases.filter((entry) => entry.status === 'open')).toHaveLength(2);
    // Every other accompaniment still open had a contact within 30 days: the rupture job finds nothing new.
    for (const row of all.filter((entry) => entry.status === 'active')) {
      expect(seededAt.getTime() - (row.lastContactAt?.getTime() ?? 0)).toBeLessThan(30 * DAY);
    }
  });

  it('gives the demo peer worker a dozen persons to follow, and the volunteer only binômes', async () => {
    const peerWorker = await userId(DEMO_STAFF_EMAILS.peerWorker);
    const volunteer = await userId(DEMO_STAFF_EMAILS.volunteer);
    const referents = await db().select().from(personReferents);
    expect(referents.filter((row) => row.userId === peerWorker)).toHaveLength(12);
    const peers = await db().select().from(accompanimentPeers);
    expect(peers.filter((row) => row.userId === peerWorker && row.endedAt === null)).toHaveLength(12);
    const volunteering = peers.filter((row) => row.userId === volunteer);
    expect(volunteering.length).toBeGreaterThan(0);
    for (const row of volunteering) {
      expect(row.asVolunteer).toBe(true);
      expect(peers.some((other) => other.accompanimentId === row.accompanimentId && other.userId === peerWorker)).toBe(true);
    }
    const present = await db().select().from(interventionPeers);
    for (const row of present.filter((entry) => entry.userId === volunteer)) {
      expect(present.some((other) => other.interventionId === row.interventionId && other.userId === peerWorker)).toBe(true);
    }
  });

  it('logs interventions of every type, notes of each confidentiality, goals, and planned, missed and done appointments', async () => {
    const interventionRows = await db().select().from(interventions);
    expect(new Set(interventionRows.map((row) => row.type))).toEqual(new Set(INTERVENTION_TYPES));
    expect(interventionRows.every((row) => row.occurredAt < seededAt)).toBe(true);
    const oldest = Math.min(...interventionRows.map((row) => row.occurredAt.getTime()));
    expect(seededAt.getTime() - oldest).toBeGreaterThan(180 * DAY);
    const notes = await db().select().from(accompanimentNotes);
    expect(new Set(notes.map((row) => row.confidentiality))).toEqual(new Set(NOTE_CONFIDENTIALITY));
    const accompanimentRows = await db().select().from(accompaniments);
    const goals = await db().select().from(accompanimentGoals);
    for (const row of accompanimentRows) expect(goals.some((goal) => goal.accompanimentId === row.id)).toBe(true);
    const appointmentRows = await db().select().from(appointments);
    for (const status of ['planned', 'missed', 'done'] as const) expect(appointmentRows.some((row) => row.status === status)).toBe(true);
    for (const row of appointmentRows) expect(row.status === 'planned').toBe(row.startsAt > seededAt);
    // Two missed appointments in a row is a rupture signal: no accompaniment still active shows one.
    for (const row of accompanimentRows.filter((entry) => entry.status === 'active')) {
      const statuses = appointmentRows
        .filter((entry) => entry.accompanimentId === row.id && entry.startsAt < seededAt)
        .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
        .map((entry) => entry.status);
      expect(statuses.join(',')).not.toMatch(/missed,missed/);
    }
  });

  it('records re-contact preferences for some persons, one of whom asked not to be contacted', async () => {
    const rows = await db().select().from(recontactPreferences);
    expect(rows.length).toBeGreaterThanOrEqual(14);
    expect(rows.filter((row) => row.doNotContact)).toHaveLength(1);
  });

  it('links the demo person account to a record followed by the demo peer worker, with a shared note and an upcoming appointment', async () => {
    const personUser = await userId(DEMO_STAFF_EMAILS.personAccount);
    const peerWorker = await userId(DEMO_STAFF_EMAILS.peerWorker);
    const [link] = await db().select().from(personAccounts).where(eq(personAccounts.userId, personUser));
    if (!link) throw new Error('person account not linked');
    const [person] = await db().select().from(persons).where(eq(persons.id, link.personId));
    expect(person).toMatchObject({ firstName: 'Lucas', lastName: 'Morel' });
    const [accompaniment] = await db().select().from(accompaniments).where(eq(accompaniments.personId, link.personId));
    expect(accompaniment?.status).toBe('active');
    const peers = await db().select().from(accompanimentPeers).where(eq(accompanimentPeers.accompanimentId, accompaniment?.id ?? ''));
    expect(peers.some((row) => row.userId === peerWorker && row.endedAt === null)).toBe(true);
    const notes = await db().select().from(accompanimentNotes).where(eq(accompanimentNotes.personId, link.personId));
    expect(notes.some((row) => row.confidentiality === 'shared_with_person')).toBe(true);
    const upcoming = await db().select().from(appointments).where(eq(appointments.personId, link.personId));
    expect(upcoming.some((row) => row.status === 'planned' && row.startsAt > seededAt)).toBe(true);
  });

  it('shows through the API: the coordinator lists every person, the peer worker their dozen, accent-insensitive search', async () => {
    const total = (await db().select().from(persons)).length;
    const coordinator = await signIn(DEMO_STAFF_EMAILS.coordinator);
    expect((await coordinator.request('GET', '/api/persons?pageSize=1')).json().total).toBe(total);
    const named = (await db().select().from(persons)).filter((row) => row.searchText.includes('helene')).length;
    expect(named).toBeGreaterThan(0);
    expect((await coordinator.request('GET', '/api/persons?search=H%C3%89L%C3%88NE')).json().total).toBe(named);

    const peer = await signIn(DEMO_STAFF_EMAILS.peerWorker);
    const page = (await peer.request('GET', '/api/persons?pageSize=50')).json();
    expect(page.total).toBe(12);
    const [link] = await db().select().from(personAccounts);
    expect(page.items.some((item: { id: string }) => item.id === link?.personId)).toBe(true);
    expect((await peer.request('GET', `/api/persons/${link?.personId}`)).statusCode).toBe(200);
  });

  it('is deterministic: the same organisation, staff and clock give the same rows', async () => {
    const [organization] = await db().select().from(organizations);
    const staff = { coordinator: 'c', peerWorker: 'p', volunteer: 'v', partner: 'r', personAccount: 'a' };
    const input = { organizationId: organization?.id ?? '', now: new Date('2026-03-10T10:00:00Z'), staff };
    expect(buildDemoPersonsPlan(input)).toEqual(buildDemoPersonsPlan(input));
  });
});
