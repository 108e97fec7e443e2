import { randomBytes } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { TestApp } from '../../../../../tests/support/test-app';
import { createTestUser, signIn, signInAs, type TestSession } from '../../../../../tests/support/sessions';
import { buildOrganization } from '../../../../../tests/factories';
import { buildPerson, type PersonRow } from '../../../../../tests/factories/persons';
import type { Queryable } from '../../../db/client';
import type { Role } from '../../../platform/access/actor';
import { mailOutbox } from '../../../platform/mail/schema';
import { InjectClient } from '../../../platform/auth/testing/inject-client';
import { accompanimentGoals, accompanimentNotes, accompanimentPeers, accompaniments, appointments } from '../../accompaniments/schema';
import type { TNoteConfidentiality } from '../../../../shared/accompaniments';
import { personAccounts } from '../schema';

// Builders of the accompaniment rows the portal reads (written directly: the portal only reads them).

export type AccompanimentRow = typeof accompaniments.$inferSelect;

export async function buildAccompaniment(
  db: Queryable,
  person: PersonRow,
  options: { peerIds?: string[]; status?: AccompanimentRow['status']; openedAt?: Date; endedPeerIds?: string[] } = {},
): Promise<AccompanimentRow> {
  const openedAt = options.openedAt ?? new Date('2026-09-01T08:00:00Z');
  const status = options.status ?? 'active';
  const [row] = await db
    .insert(accompaniments)
    .values({ organizationId: person.organizationId, personId: person.id, status, openedAt, closedAt: status === 'closed' ? new Date('2026-10-01T08:00:00Z') : null })
    .returning();
  if (!row) throw new Error('accompaniment not created');
  const peers = [
    ...(options.peerIds ?? []).map((userId) => ({ userId, endedAt: null })),
    ...(options.endedPeerIds ?? []).map((userId) => ({ userId, endedAt: new Date('2026-10-01T08:00:00Z') })),
  ];
  if (peers.length > 0) {
    await db
      .insert(accompanimentPeers)
      .values(peers.map((peer) => ({ accompanimentId: row.id, organizationId: person.organizationId, userId: peer.userId, assignedAt: openedAt, endedAt: peer.endedAt })));
  }
  return row;
}

export async function buildGoal(db: Queryable, accompaniment: AccompanimentRow, wording: string) {
  await db.insert(accompanimentGoals).values({ organizationId: accompaniment.organizationId, accompanimentId: accompaniment.id, wording });
}

export async function buildNote(
  db: Queryable,
  accompaniment: AccompanimentRow,
  options: { authorId: string; confidentiality: TNoteConfidentiality; body: string; writtenAt?: Date },
) {
  const [row] = await db
    .insert(accompanimentNotes)
    .values({
      organizationId: accompaniment.organizationId,
      accompanimentId: accompaniment.id,
      personId: accompaniment.personId,
      authorId: options.authorId,
      confidentiality: options.confidentiality,
      body: options.body,
      writtenAt: options.writtenAt ?? new Date('2026-11-01T10:00:00Z'),
    })
    .returning();
  if (!row) throw new Error('note not created');
  return row;
}

export async function buildAppointment(db: Queryable, accompaniment: AccompanimentRow, options: { startsAt: Date; status?: 'planned' | 'done' | 'missed' | 'cancelled'; place?: string }) {
  const [row] = await db
    .insert(appointments)
    .values({
      organizationId: accompaniment.organizationId,
      accompanimentId: accompaniment.id,
      personId: accompaniment.personId,
      startsAt: options.startsAt,
      status: options.status ?? 'planned',
      place: options.place ?? null,
    })
    .returning();
  if (!row) throw new Error('appointment not created');
  return row;
}

/** A person with a portal account linked directly (what an accepted invitation leaves), signed in. */
export async function signInAsPerson(t: TestApp, person: PersonRow): Promise<TestSession> {
  const user = await createTestUser(t, { roles: ['person'], organizationId: person.organizationId, name: `${person.firstName ?? 'Personne'} ${person.lastName ?? ''}`.trim() });
  await t.deps.database.db
    .insert(personAccounts)
    .values({ personId: person.id, userId: user.id, organizationId: person.organizationId, invitedAt: t.clock.now });
  return signIn(t, user);
}

/** The token of the newest invitation mailed to this address, read from the link in the queued mail. */
export async function invitationTokenSentTo(db: Queryable, organizationId: string, email: string): Promise<string> {
  const [mail] = await db
    .select({ text: mailOutbox.textBody })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.organizationId, organizationId), eq(mailOutbox.toAddress, email)))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(1);
  const token = mail?.text.match(/invitation\?token=([^\s]+)/)?.[1];
  if (!token) throw new Error(`no invitation mailed to ${email}`);
  return decodeURIComponent(token);
}

/** Accepts an invitation through the public route, as the invitee's browser does. */
export function acceptInvitation(t: TestApp, token: string, password = 'une-phrase-de-passe-solide') {
  return new InjectClient(t.app, { ip: `198.51.100.${1 + (randomBytes(1)[0] ?? 0) % 250}` }).request('POST', '/api/auth/invitations/accept', { token, password });
}

export async function signInNamed(t: TestApp, roles: Role[], name: string, organizationId: string): Promise<TestSession> {
  return signIn(t, await createTestUser(t, { roles, name, organizationId }));
}

/**
 * One organisation with its team (coordinator, a peer worker referent of the person, another peer
 * worker, a volunteer, a trainer), a person with an e-mail, and another organisation's coordinator.
 */
export async function portalWorld(t: TestApp) {
  const db = t.deps.database.db;
  const organizationId = (await buildOrganization(db)).id;
  const coordinator = await signInNamed(t, ['coordinator'], 'Karim Belkacem', organizationId);
  const referent = await signInNamed(t, ['peer_worker'], 'Sophie Aubert', organizationId);
  const otherPeer = await signInNamed(t, ['peer_worker'], 'Marc Leroy', organizationId);
  const volunteer = await signInNamed(t, ['volunteer'], 'Julien Rossi', organizationId);
  const trainer = await signInAs(t, ['trainer'], { organizationId });
  const foreignCoordinator = await signInAs(t, ['coordinator']);
  const email = `lucas-${randomBytes(4).toString('hex')}@exemple.test`;
  const person = await buildPerson(db, { organizationId, firstName: 'Lucas', lastName: 'Morel', email, referentIds: [referent.user.id] });
  return { db, organizationId, coordinator, referent, otherPeer, volunteer, trainer, foreignCoordinator, person };
}
