import type { Queryable } from '../../src/server/db/client';
import {
  accompanimentGoals,
  accompanimentNotes,
  accompanimentPeers,
  accompaniments,
  accompanimentStatusEvents,
  anonymisationProposals,
  appointments,
  interventionPeers,
  interventions,
  outreachCases,
  personAccounts,
  personConsents,
  portalMessages,
  recontactPreferences,
  rightsRequests,
} from '../../src/server/db/schema';
import type { PersonRow } from './persons';

// Rows of the accompaniment, continuity, portal and rights tables, inserted directly: the suites of
// continuity and rights need them while the accompaniments API is built beside them. Names end in
// "Row" so they never clash with the builders of the accompaniments module.

export type AccompanimentTableRow = typeof accompaniments.$inferSelect;

function required<T>(row: T | undefined, what: string): T {
  if (!row) throw new Error(`${what} not created`);
  return row;
}

export type AccompanimentTableRowOverrides = Partial<
  Pick<AccompanimentTableRow, 'status' | 'openedAt' | 'lastContactAt' | 'ruptureAfterDays' | 'closedAt' | 'closingReason' | 'closingNote'>
> & { peerIds?: string[]; volunteerIds?: string[] };

/** An accompaniment of `person` (active, opened now by default) with its opening status event and peers. */
export async function buildAccompanimentRow(db: Queryable, person: PersonRow, overrides: AccompanimentTableRowOverrides = {}): Promise<AccompanimentTableRow> {
  const openedAt = overrides.openedAt ?? new Date();
  const row = required(
    (
      await db
        .insert(accompaniments)
        .values({
          organizationId: person.organizationId,
          personId: person.id,
          status: overrides.status ?? 'active',
          openedAt,
          lastContactAt: overrides.lastContactAt ?? null,
          ruptureAfterDays: overrides.ruptureAfterDays ?? null,
          closedAt: overrides.closedAt ?? null,
          closingReason: overrides.closingReason ?? null,
          closingNote: overrides.closingNote ?? null,
          createdAt: openedAt,
          updatedAt: openedAt,
        })
        .returning()
    )[0],
    'accompaniment',
  );
  await db.insert(accompanimentStatusEvents).values({ organizationId: row.organizationId, accompanimentId: row.id, toStatus: 'active', at: openedAt });
  const peers = [...(overrides.peerIds ?? []).map((userId) => ({ userId, asVolunteer: false })), ...(overrides.volunteerIds ?? []).map((userId) => ({ userId, asVolunteer: true }))];
  if (peers.length > 0) {
    await db
      .insert(accompanimentPeers)
      .values(peers.map((peer) => ({ accompanimentId: row.id, organizationId: row.organizationId, userId: peer.userId, asVolunteer: peer.asVolunteer, assignedAt: openedAt })));
  }
  return row;
}

export async function buildAppointmentRow(
  db: Queryable,
  accompaniment: AccompanimentTableRow,
  values: { startsAt: Date; status?: typeof appointments.$inferInsert.status; place?: string | null },
) {
  return required(
    (
      await db
        .insert(appointments)
        .values({
          organizationId: accompaniment.organizationId,
          accompanimentId: accompaniment.id,
          personId: accompaniment.personId,
          startsAt: values.startsAt,
          status: values.status ?? 'planned',
          place: values.place ?? null,
        })
        .returning()
    )[0],
    'appointment',
  );
}

/** The person's consent to be re-contacted (DOMAIN §10.2: no outreach without it). */
export async function buildRecontactConsentRow(db: Queryable, person: PersonRow, values: { collectedAt?: Date; withdrawnAt?: Date | null; scope?: string | null } = {}) {
  return required(
    (
      await db
        .insert(personConsents)
        .values({
          organizationId: person.organizationId,
          personId: person.id,
          purpose: 'recontact',
          scope: values.scope ?? null,
          method: 'oral_recorded',
          textVersion: 'recontact-test-1',
          collectedAt: values.collectedAt ?? new Date(),
          withdrawnAt: values.withdrawnAt ?? null,
        })
        .returning()
    )[0],
    'consent',
  );
}

export async function buildRecontactPreferencesRow(
  db: Queryable,
  person: PersonRow,
  values: { allowedChannels: string[]; preferredContactName?: string | null; wishes?: string | null; doNotContact?: boolean; recordedAt?: Date },
) {
  return required(
    (
      await db
        .insert(recontactPreferences)
        .values({
          personId: person.id,
          organizationId: person.organizationId,
          allowedChannels: values.allowedChannels,
          preferredContactName: values.preferredContactName ?? null,
          wishes: values.wishes ?? null,
          doNotContact: values.doNotContact ?? false,
          recordedAt: values.recordedAt ?? new Date(),
        })
        .returning()
    )[0],
    'recontact preferences',
  );
}

export async function buildOutreachCaseRow(
  db: Queryable,
  accompaniment: AccompanimentTableRow,
  values: { signal?: typeof outreachCases.$inferInsert.signal; flaggedAt?: Date; status?: typeof outreachCases.$inferInsert.status; outcomeNote?: string | null } = {},
) {
  return required(
    (
      await db
        .insert(outreachCases)
        .values({
          organizationId: accompaniment.organizationId,
          accompanimentId: accompaniment.id,
          personId: accompaniment.personId,
          signal: values.signal ?? 'no_contact',
          flaggedAt: values.flaggedAt ?? new Date(),
          status: values.status ?? 'open',
          outcomeNote: values.outcomeNote ?? null,
        })
        .returning()
    )[0],
    'outreach case',
  );
}

export async function buildNoteRow(
  db: Queryable,
  accompaniment: AccompanimentTableRow,
  values: { authorId: string; body: string; confidentiality?: typeof accompanimentNotes.$inferInsert.confidentiality; writtenAt?: Date },
) {
  return required(
    (
      await db
        .insert(accompanimentNotes)
        .values({
          organizationId: accompaniment.organizationId,
          accompanimentId: accompaniment.id,
          personId: accompaniment.personId,
          authorId: values.authorId,
          confidentiality: values.confidentiality ?? 'team',
          body: values.body,
          writtenAt: values.writtenAt ?? new Date(),
        })
        .returning()
    )[0],
    'note',
  );
}

export async function buildGoalRow(db: Queryable, accompaniment: AccompanimentTableRow, wording: string) {
  return required(
    (await db.insert(accompanimentGoals).values({ organizationId: accompaniment.organizationId, accompanimentId: accompaniment.id, wording }).returning())[0],
    'goal',
  );
}

export async function buildInterventionRow(
  db: Queryable,
  accompaniment: AccompanimentTableRow,
  values: { occurredAt: Date; durationMinutes?: number; type?: typeof interventions.$inferInsert.type; place?: string | null; peerIds?: string[] },
) {
  const row = required(
    (
      await db
        .insert(interventions)
        .values({
          organizationId: accompaniment.organizationId,
          accompanimentId: accompaniment.id,
          personId: accompaniment.personId,
          occurredAt: values.occurredAt,
          durationMinutes: values.durationMinutes ?? 60,
          type: values.type ?? 'meeting',
          place: values.place ?? null,
        })
        .returning()
    )[0],
    'intervention',
  );
  if (values.peerIds && values.peerIds.length > 0) {
    await db.insert(interventionPeers).values(values.peerIds.map((userId) => ({ interventionId: row.id, userId })));
  }
  return row;
}

export async function buildPortalMessageRow(db: Queryable, accompaniment: AccompanimentTableRow, values: { authorId: string; body: string; sentAt?: Date }) {
  return required(
    (
      await db
        .insert(portalMessages)
        .values({
          organizationId: accompaniment.organizationId,
          accompanimentId: accompaniment.id,
          personId: accompaniment.personId,
          authorId: values.authorId,
          body: values.body,
          sentAt: values.sentAt ?? new Date(),
        })
        .returning()
    )[0],
    'portal message',
  );
}

/** Links a user (role `person`) to the person record as their portal account. */
export async function buildPersonAccountRow(db: Queryable, person: PersonRow, userId: string) {
  return required(
    (await db.insert(personAccounts).values({ personId: person.id, userId, organizationId: person.organizationId, invitedAt: new Date() }).returning())[0],
    'person account',
  );
}

export async function buildRightsRequestRow(
  db: Queryable,
  person: PersonRow,
  values: { type?: typeof rightsRequests.$inferInsert.type; receivedAt?: Date; dueAt?: Date; identityCheck?: string | null } = {},
) {
  const receivedAt = values.receivedAt ?? new Date();
  return required(
    (
      await db
        .insert(rightsRequests)
        .values({
          organizationId: person.organizationId,
          personId: person.id,
          type: values.type ?? 'access',
          receivedAt,
          identityCheck: values.identityCheck ?? null,
          dueAt: values.dueAt ?? new Date(receivedAt.getTime() + 30 * 24 * 3600_000),
        })
        .returning()
    )[0],
    'rights request',
  );
}

export async function buildAnonymisationProposalRow(db: Queryable, person: PersonRow, values: { proposedAt?: Date; status?: typeof anonymisationProposals.$inferInsert.status; decidedAt?: Date | null } = {}) {
  return required(
    (
      await db
        .insert(anonymisationProposals)
        .values({
          organizationId: person.organizationId,
          personId: person.id,
          proposedAt: values.proposedAt ?? new Date(),
          lastContactAt: person.lastContactAt,
          status: values.status ?? 'proposed',
          decidedAt: values.decidedAt ?? null,
        })
        .returning()
    )[0],
    'anonymisation proposal',
  );
}
