import { PassThrough, Readable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import { asc, sql } from 'drizzle-orm';
import { z } from 'zod';
import { afterAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../../tests/support/test-database';
import { openDatabase, type Database, type DatabaseHandle } from '../../../db/client';
import { appendAuditEvent } from '../../audit/append';
import { auditEvents } from '../../audit/schema';
import { verifyAuditChains } from '../../audit/verify';
import { accounts, invitations, sessions, twoFactors, userRoles, users, verifications } from '../../auth/schema';
import { enqueueJob } from '../../jobs/enqueue';
import { registerSchedule } from '../../jobs/schedules';
import { enqueueMail } from '../../mail/outbox';
import { organizations } from '../../tenancy/schema';
import {
  personConsents,
  personReferents,
  persons,
  requestReferenceCounters,
  requestSettings,
  requestStatusEvents,
  supportRequests,
} from '../../../db/schema';
import {
  accompanimentGoals,
  accompanimentNotes,
  accompanimentPeers,
  accompaniments,
  accompanimentStatusEvents,
  appointments,
  interventionPeers,
  interventions,
} from '../../../modules/accompaniments/schema';
import { continuitySettings, outreachAttempts, outreachCases, recontactPreferences } from '../../../modules/continuity/schema';
import { personAccounts, personInvitations, portalMessages } from '../../../modules/portal/schema';
import { anonymisationProposals, rightsRequests } from '../../../modules/rights/schema';
import { buildRecoveryDocument, buildRecoveryDocumentSatellites } from '../../../../../tests/factories/recovery-documents';
import { backupDatabase } from './backup';
import { readCatalog } from './catalog';
import { BackupRefusedError, useCanonicalTextFormats } from './format';
import { restoreDatabase } from './restore';
import { queryRows, quoteIdentifier } from './sql-rows';

type Kind = 'pglite' | 'postgresql';
type Disposable = DatabaseHandle & { dispose: () => Promise<void> };
const serverUrl = process.env.TEST_DATABASE_URL;
const kinds: Kind[] = serverUrl ? ['pglite', 'postgresql'] : ['pglite'];
const opened: Disposable[] = [];
afterAll(async () => {
  for (const handle of opened) await handle.dispose();
});

/** PGlite is opened empty and NOT migrated, so a restore has to migrate it itself. */
async function openEmpty(kind: Kind): Promise<Disposable> {
  const handle: Disposable =
    kind === 'pglite'
      ? await openDatabase({ kind: 'pglite', dataDir: undefined }).then((h) => ({ ...h, dispose: h.close }))
      : await openTestDatabase();
  opened.push(handle);
  return handle;
}

const t0 = new Date('2026-11-23T09:00:00.000Z');
const BEYOND_DOUBLE = '9007199254740993'; // 2^53 + 1: a JavaScript number would round it

/** A row in every table of the schema, with the values that break naive dumps. */
async function seedEveryTable(handle: DatabaseHandle): Promise<void> {
  const { db } = handle;
  // Audit ids beyond 2^53: only an exact (text) copy keeps them.
  await handle.exec(`ALTER SEQUENCE audit_events_id_seq RESTART WITH ${BEYOND_DOUBLE}`);
  await db.transaction(async (tx) => {
    const [paca, occitanie] = await tx
      .insert(organizations)
      .values([
        { slug: 'ptpr-paca', name: "PTPR Provence-Alpes-Côte d'Azur", region: 'PACA', createdAt: t0 },
        { slug: 'ptpr-occ', name: 'PTPR « Occitanie »', region: 'Occitanie', createdAt: t0 },
      ])
      .returning();
    if (!paca || !occitanie) throw new Error('organisations not created');
    const [admin, peer] = await tx
      .insert(users)
      .values([
        { name: 'Camille Admin', email: 'camille@example.org', organizationId: paca.id, twoFactorEnabled: true },
        { name: 'Noé "Pair" \\ Aidant', email: 'noe@example.org', organizationId: paca.id, active: false, locale: 'en' },
      ])
      .returning();
    if (!admin || !peer) throw new Error('users not created');
    await tx.insert(userRoles).values([
      { userId: admin.id, organizationId: paca.id, role: 'admin' },
      { userId: peer.id, organizationId: paca.id, role: 'peer_worker' },
      { userId: peer.id, organizationId: paca.id, role: 'volunteer' },
    ]);
    await tx.insert(sessions).values({ token: 'tok-1', userId: admin.id, expiresAt: t0, ipAddress: '127.0.0.1' });
    await tx.insert(accounts).values({ accountId: admin.id, providerId: 'credential', userId: admin.id, password: '$argon2id$x' });
    await tx.insert(verifications).values({ identifier: 'reset:camille', value: 'v', expiresAt: t0 });
    await tx.insert(twoFactors).values({ secret: 's3cr3t', backupCodes: '["a","b"]', userId: admin.id });
    const [invitation] = await tx
      .insert(invitations)
      .values({
        organizationId: paca.id,
        email: 'lou@example.org',
        name: 'Lou',
        roles: ['coordinator', 'peer_worker', 'funder_viewer'],
        tokenHash: 'hash-1',
        invitedBy: admin.id,
        expiresAt: t0,
      })
      .returning();
    if (!invitation) throw new Error('invitation not created');
    await tx.execute(
      sql`INSERT INTO rate_limits (key, window_start, count) VALUES ('login:x', '2026-01-02 03:04:05.123456+00', 3)`,
    );
    await enqueueMail(
      tx,
      {
        organizationId: paca.id,
        to: 'lou@example.org',
        subject: 'Invitation — « Passerelle » 🌉',
        text: 'Ligne 1\nLigne 2\t"tab" \\ backslash\r\nÉté',
        template: 'invitation',
      },
      t0,
    );
    await enqueueJob(tx, { name: 'digest', organizationId: paca.id, payload: { list: [1, 2.5, 'é'], nested: { ok: true } } }, t0);
    // persons and requests (issue #4): fictional values
    const [person] = await tx
      .insert(persons)
      .values({
        organizationId: paca.id,
        firstName: 'Zoé',
        departement: '04',
        communeInsee: '04070',
        communeName: 'Digne-les-Bains',
        searchText: 'zoe digne les bains',
        identityKey: 'zoe||1990|04070',
        structures: [{ type: 'gem', name: 'GEM « L’Envol »' }],
      })
      .returning();
    if (!person) throw new Error('person not created');
    await tx.insert(personReferents).values({ personId: person.id, userId: peer.id, organizationId: paca.id });
    await tx
      .insert(personConsents)
      .values({ organizationId: paca.id, personId: person.id, purpose: 'contact', method: 'oral_recorded', textVersion: 'v1', collectedAt: t0 });
    const [request] = await tx
      .insert(supportRequests)
      .values({
        organizationId: paca.id,
        reference: 'DEM-2026-000001',
        personId: person.id,
        source: 'public_form',
        departement: '04',
        communeInsee: '04070',
        receivedAt: t0,
        respondBy: t0,
      })
      .returning();
    if (!request) throw new Error('request not created');
    await tx.insert(requestStatusEvents).values({ organizationId: paca.id, requestId: request.id, toStatus: 'new', at: t0 });
    await tx.insert(requestReferenceCounters).values({ organizationId: paca.id, year: 2026, lastNumber: 1 });
    await tx
      .insert(requestSettings)
      .values({ organizationId: paca.id, emergencyTargetMinutes: 120, urgentTargetMinutes: 1440, standardTargetMinutes: 2880 });
    // accompaniments, continuity, portal and rights (issue #4)
    const [accompaniment] = await tx
      .insert(accompaniments)
      .values({ organizationId: paca.id, personId: person.id, requestId: request.id, openedAt: t0, lastContactAt: t0 })
      .returning();
    if (!accompaniment) throw new Error('accompaniment not created');
    const inAccompaniment = { organizationId: paca.id, accompanimentId: accompaniment.id };
    await tx.insert(accompanimentPeers).values({ ...inAccompaniment, userId: peer.id, assignedAt: t0 });
    await tx.insert(accompanimentGoals).values({ ...inAccompaniment, wording: 'Reprendre « mes » marches' });
    const [intervention] = await tx
      .insert(interventions)
      .values({ ...inAccompaniment, personId: person.id, occurredAt: t0, durationMinutes: 45, type: 'phone', place: 'Téléphone' })
      .returning();
    if (!intervention) throw new Error('intervention not created');
    await tx.insert(interventionPeers).values({ interventionId: intervention.id, userId: peer.id });
    await tx
      .insert(accompanimentNotes)
      .values({ ...inAccompaniment, personId: person.id, authorId: peer.id, confidentiality: 'team', body: 'Appel\nfactuel', writtenAt: t0 });
    await tx.insert(appointments).values({ ...inAccompaniment, personId: person.id, startsAt: t0, place: 'GEM' });
    await tx.insert(accompanimentStatusEvents).values({ ...inAccompaniment, toStatus: 'active', at: t0 });
    await tx.insert(continuitySettings).values({ organizationId: paca.id, noContactDays: 30, missedAppointmentsInARow: 2, maxOutreachAttempts: 5 });
    await tx
      .insert(recontactPreferences)
      .values({ organizationId: paca.id, personId: person.id, allowedChannels: ['phone', 'sms'], wishes: 'Plutôt le matin', recordedAt: t0 });
    const [outreach] = await tx
      .insert(outreachCases)
      .values({ ...inAccompaniment, personId: person.id, signal: 'no_contact', flaggedAt: t0 })
      .returning();
    if (!outreach) throw new Error('outreach case not created');
    await tx.insert(outreachAttempts).values({ organizationId: paca.id, caseId: outreach.id, at: t0, channel: 'phone', result: 'no_answer', byUserId: peer.id });
    await tx.insert(personInvitations).values({ invitationId: invitation.id, personId: person.id, organizationId: paca.id });
    await tx.insert(personAccounts).values({ organizationId: paca.id, personId: person.id, userId: admin.id, invitedAt: t0 });
    await tx.insert(portalMessages).values({ ...inAccompaniment, personId: person.id, authorId: peer.id, body: 'Bonjour 👋', sentAt: t0 });
    await tx.insert(rightsRequests).values({ organizationId: paca.id, personId: person.id, type: 'access', receivedAt: t0, dueAt: t0 });
    await tx.insert(anonymisationProposals).values({ organizationId: paca.id, personId: person.id, proposedAt: t0, lastContactAt: t0 });
    // recovery documents (issue #5): template, document, version, change, facilitator, share, copy holder, crisis card
    const recoveryDocument = await buildRecoveryDocument(tx, person, { authorId: admin.id, content: { supporters: { supporters: [{ name: 'Inès « sœur »', do_not_involve: false, reason: null }] } } });
    await buildRecoveryDocumentSatellites(tx, recoveryDocument, peer.id);
    await tx.execute(
      sql`INSERT INTO jobs (name, payload, run_at) VALUES ('big', '{"big": 12345678901234567890123, "f": 0.1}', '2026-11-23 09:00:00.000001+00')`,
    );
    for (let index = 0; index < 5; index += 1) {
      const organization = index % 2 === 0 ? paca : occitanie;
      await appendAuditEvent(
        tx,
        { organizationId: organization.id, actorUserId: index === 0 ? null : admin.id, occurredAt: new Date(t0.getTime() + index) },
        { action: 'user.updated', resourceType: 'user', resourceId: peer.id, context: { index, note: 'é', flag: true } },
      );
    }
  });
  await registerSchedule(db, 'digest', 3600, t0);
}

/** Every table's rows in PostgreSQL's text form, sorted: equal snapshots mean an exact copy. */
async function snapshot(db: Database): Promise<Map<string, string[]>> {
  return db.transaction(async (tx) => {
    await useCanonicalTextFormats(tx);
    const result = new Map<string, string[]>();
    for (const table of await readCatalog(tx)) {
      const rows = await queryRows(
        tx,
        sql.raw(`SELECT row_to_json(t)::text AS row FROM ${quoteIdentifier(table.name)} t`),
        z.object({ row: z.string() }),
      );
      result.set(table.name, rows.map((row) => row.row).sort());
    }
    return result;
  });
}

async function backupToBuffer(handle: DatabaseHandle): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  await backupDatabase(handle, sink, t0);
  return Buffer.concat(chunks);
}

/** Every lane of every organisation walked and recomputed (as audit:verify does); the links, in order. */
async function expectIntactChain(db: Database): Promise<string[]> {
  expect(await verifyAuditChains(db)).toMatchObject({ ok: true });
  const rows = await db
    .select({ prevHash: auditEvents.prevHash, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(asc(auditEvents.organizationId), asc(auditEvents.chain), asc(auditEvents.seq));
  return rows.map((row) => `${row.prevHash}>${row.hash}`);
}

const pairs = kinds.flatMap((source) => kinds.map((target) => [source, target] as const));

describe.each(pairs)('backup of %s restored into an empty %s', (sourceKind, targetKind) => {
  it('copies every row of every table exactly, keeps the audit chain, and the app goes on', async () => {
    const source = await openEmpty(sourceKind);
    await source.migrate();
    await seedEveryTable(source);
    const file = await backupToBuffer(source);

    const target = await openEmpty(targetKind);
    const summary = await restoreDatabase(target, Readable.from([file]));

    const before = await snapshot(source.db);
    const after = await snapshot(target.db);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [table, rows] of before) {
      expect(rows.length, `${table} has rows`).toBeGreaterThan(0);
      expect(after.get(table), table).toEqual(rows);
    }
    expect(summary.tables.find((table) => table.name === 'audit_events')?.rows).toBe(5);
    expect(await expectIntactChain(target.db)).toEqual(await expectIntactChain(source.db));

    // Sequences moved past restored ids: the next audit entry gets a new id and continues the chain.
    const [organization] = await target.db.select().from(organizations).limit(1);
    if (!organization) throw new Error('no organisation restored');
    await target.db.transaction((tx) =>
      appendAuditEvent(tx, { organizationId: organization.id, actorUserId: null, occurredAt: t0 }, { action: 'after', resourceType: 'x' }),
    );
    const ids = await queryRows(target.db, sql`SELECT max(id)::text AS id FROM audit_events`, z.object({ id: z.string() }));
    expect(ids[0]?.id).toBe((BigInt(BEYOND_DOUBLE) + 5n).toString());
    await expectIntactChain(target.db);
  }, 240_000);
});

describe('restore refuses what it must not do', () => {
  it('refuses a database that is not empty, and changes nothing', async () => {
    const source = await openEmpty('pglite');
    await source.migrate();
    await seedEveryTable(source);
    const file = await backupToBuffer(source);
    const target = await openEmpty(kinds[kinds.length - 1] ?? 'pglite');
    await restoreDatabase(target, Readable.from([file]));
    const before = await snapshot(target.db);

    const refusal = restoreDatabase(target, Readable.from([file]));
    await expect(refusal).rejects.toBeInstanceOf(BackupRefusedError);
    await expect(refusal).rejects.toThrow(/n’est pas vide/);
    expect(await snapshot(target.db)).toEqual(before);
  }, 240_000);

  it('refuses a truncated file or another file, leaving the target empty', async () => {
    const source = await openEmpty('pglite');
    await source.migrate();
    await seedEveryTable(source);
    const file = await backupToBuffer(source);
    const target = await openEmpty('pglite');

    await expect(restoreDatabase(target, Readable.from([file.subarray(0, file.length - 40)]))).rejects.toThrow();
    await expect(restoreDatabase(target, Readable.from([gzipSync('{"hello":1}\n')]))).rejects.toThrow(/pas une sauvegarde/);
    const lines = gunzipSync(file).toString('utf8').split('\n');
    const withoutLastRow = gzipSync(lines.slice(0, -2).join('\n'));
    await expect(restoreDatabase(target, Readable.from([withoutLastRow]))).rejects.toThrow(/incomplète/);
    for (const rows of (await snapshot(target.db)).values()) expect(rows).toEqual([]);
  }, 240_000);

  it('refuses a backup made by a newer schema (unknown migration)', async () => {
    const source = await openEmpty('pglite');
    await source.migrate();
    const lines = gunzipSync(await backupToBuffer(source)).toString('utf8').split('\n');
    const header = z.object({ migrations: z.array(z.unknown()) }).passthrough().parse(JSON.parse(lines[0] ?? ''));
    header.migrations.push({ tag: '9999_future', hash: 'f'.repeat(64), createdAt: '9999' });
    const newer = gzipSync([JSON.stringify(header), ...lines.slice(1)].join('\n'));
    await expect(restoreDatabase(await openEmpty('pglite'), Readable.from([newer]))).rejects.toThrow(/9999_future/);
  }, 240_000);
});
