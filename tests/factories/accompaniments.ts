import type { Queryable } from '../../src/server/db/client';
import {
  accompanimentNotes,
  accompanimentPeers,
  accompanimentStatusEvents,
  accompaniments,
  appointments,
  interventionPeers,
  interventions,
  personReferents,
} from '../../src/server/db/schema';
import type { TInterventionType, TNoteConfidentiality } from '../../src/shared/accompaniments';
import { buildPerson, type PersonRow } from './persons';

export type AccompanimentRow = typeof accompaniments.$inferSelect;
export type InterventionRow = typeof interventions.$inferSelect;
export type AccompanimentNoteRow = typeof accompanimentNotes.$inferSelect;
export type AppointmentRow = typeof appointments.$inferSelect;

export type AccompanimentOverrides = {
  organizationId?: string;
  person?: PersonRow;
  /** Peers assigned at opening (also made referents of the person, as the service does). */
  peers?: { userId: string; asVolunteer?: boolean }[];
  status?: AccompanimentRow['status'];
  openedAt?: Date;
  lastContactAt?: Date | null;
};

/**
 * An accompaniment (its person built when none is given) with its peers, their access to the
 * person and its opening event, as `openAccompaniment` leaves it.
 */
export async function buildAccompaniment(db: Queryable, overrides: AccompanimentOverrides = {}): Promise<AccompanimentRow> {
  const person = overrides.person ?? (await buildPerson(db, { organizationId: overrides.organizationId }));
  const openedAt = overrides.openedAt ?? new Date();
  const [row] = await db
    .insert(accompaniments)
    .values({
      organizationId: person.organizationId,
      personId: person.id,
      status: overrides.status ?? 'active',
      openedAt,
      lastContactAt: overrides.lastContactAt ?? null,
      closedAt: overrides.status === 'closed' ? openedAt : null,
      closingReason: overrides.status === 'closed' ? 'goals_reached' : null,
      createdAt: openedAt,
      updatedAt: openedAt,
    })
    .returning();
  if (!row) throw new Error('accompaniment not created');
  const peers = overrides.peers ?? [];
  if (peers.length > 0) {
    await db.insert(accompanimentPeers).values(
      peers.map((peer) => ({
        accompanimentId: row.id,
        userId: peer.userId,
        organizationId: row.organizationId,
        asVolunteer: peer.asVolunteer ?? false,
        assignedAt: openedAt,
      })),
    );
    await db
      .insert(personReferents)
      .values(peers.map((peer) => ({ personId: person.id, userId: peer.userId, organizationId: row.organizationId, assignedAt: openedAt })))
      .onConflictDoNothing();
  }
  await db.insert(accompanimentStatusEvents).values({ organizationId: row.organizationId, accompanimentId: row.id, toStatus: 'active', at: openedAt });
  return row;
}

/** A logged intervention (one hour meeting by default) with the peers present. */
export async function buildIntervention(
  db: Queryable,
  accompaniment: AccompanimentRow,
  overrides: { occurredAt?: Date; durationMinutes?: number; type?: TInterventionType; place?: string | null; peerIds?: string[]; recordedBy?: string } = {},
): Promise<InterventionRow> {
  const occurredAt = overrides.occurredAt ?? new Date();
  const [row] = await db
    .insert(interventions)
    .values({
      organizationId: accompaniment.organizationId,
      accompanimentId: accompaniment.id,
      personId: accompaniment.personId,
      occurredAt,
      durationMinutes: overrides.durationMinutes ?? 60,
      type: overrides.type ?? 'meeting',
      place: overrides.place === undefined ? 'Local de la PTPR' : overrides.place,
      recordedBy: overrides.recordedBy ?? null,
      createdAt: occurredAt,
    })
    .returning();
  if (!row) throw new Error('intervention not created');
  const peerIds = overrides.peerIds ?? [];
  if (peerIds.length > 0) await db.insert(interventionPeers).values(peerIds.map((userId) => ({ interventionId: row.id, userId })));
  return row;
}

/** A note by `authorId` with the given confidentiality (team by default). */
export async function buildNote(
  db: Queryable,
  accompaniment: AccompanimentRow,
  authorId: string,
  overrides: { confidentiality?: TNoteConfidentiality; body?: string; writtenAt?: Date } = {},
): Promise<AccompanimentNoteRow> {
  const writtenAt = overrides.writtenAt ?? new Date();
  const [row] = await db
    .insert(accompanimentNotes)
    .values({
      organizationId: accompaniment.organizationId,
      accompanimentId: accompaniment.id,
      personId: accompaniment.personId,
      authorId,
      confidentiality: overrides.confidentiality ?? 'team',
      body: overrides.body ?? 'Rencontre au local, échange sur la semaine.',
      writtenAt,
      updatedAt: writtenAt,
    })
    .returning();
  if (!row) throw new Error('note not created');
  return row;
}

/** An appointment (planned, tomorrow by default). */
export async function buildAppointment(
  db: Queryable,
  accompaniment: AccompanimentRow,
  overrides: { startsAt?: Date; status?: AppointmentRow['status']; place?: string | null } = {},
): Promise<AppointmentRow> {
  const [row] = await db
    .insert(appointments)
    .values({
      organizationId: accompaniment.organizationId,
      accompanimentId: accompaniment.id,
      personId: accompaniment.personId,
      startsAt: overrides.startsAt ?? new Date(Date.now() + 24 * 3600_000),
      place: overrides.place === undefined ? 'Café associatif' : overrides.place,
      status: overrides.status ?? 'planned',
    })
    .returning();
  if (!row) throw new Error('appointment not created');
  return row;
}
