import { boolean, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import {
  ACCOMPANIMENT_CLOSING_REASONS,
  ACCOMPANIMENT_STATUSES,
  APPOINTMENT_STATUSES,
  GOAL_STATUSES,
  INTERVENTION_TYPES,
  NOTE_CONFIDENTIALITY,
} from '../../../shared/accompaniments';
import { organizations } from '../../platform/tenancy/schema';
import { users } from '../../platform/auth/schema';
import { persons } from '../persons/schema';
import { supportRequests } from '../requests/schema';

export const accompanimentStatusEnum = pgEnum('accompaniment_status', ACCOMPANIMENT_STATUSES);
export const accompanimentClosingReasonEnum = pgEnum('accompaniment_closing_reason', ACCOMPANIMENT_CLOSING_REASONS);
export const interventionTypeEnum = pgEnum('intervention_type', INTERVENTION_TYPES);
export const noteConfidentialityEnum = pgEnum('note_confidentiality', NOTE_CONFIDENTIALITY);
export const appointmentStatusEnum = pgEnum('appointment_status', APPOINTMENT_STATUSES);
export const goalStatusEnum = pgEnum('goal_status', GOAL_STATUSES);

/**
 * A peer accompaniment of one person, free of charge. `last_contact_at` is kept up to date by
 * every intervention (and mirrored on the person): the rupture job and the retention job read it.
 */
export const accompaniments = pgTable(
  'accompaniments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    requestId: uuid('request_id').references(() => supportRequests.id),
    status: accompanimentStatusEnum('status').notNull().default('active'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    openedBy: uuid('opened_by').references(() => users.id),
    lastContactAt: timestamp('last_contact_at', { withTimezone: true }),
    /** Days without contact before the rupture job flags it; null = the organisation's setting. */
    ruptureAfterDays: integer('rupture_after_days'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closingReason: accompanimentClosingReasonEnum('closing_reason'),
    closingNote: text('closing_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    index('accompaniments_person_idx').on(table.personId),
    index('accompaniments_org_status_idx').on(table.organizationId, table.status, table.lastContactAt),
  ],
);

/** The one or two peers of an accompaniment (a volunteer only in binôme with a salaried peer worker). */
export const accompanimentPeers = pgTable(
  'accompaniment_peers',
  {
    accompanimentId: uuid('accompaniment_id')
      .notNull()
      .references(() => accompaniments.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** The peer's role in this accompaniment when assigned: 'peer_worker' or 'volunteer'. */
    asVolunteer: boolean('as_volunteer').notNull().default(false),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.accompanimentId, table.userId] }), index('accompaniment_peers_user_idx').on(table.userId)],
);

/** The person's goals, in their own words. */
export const accompanimentGoals = pgTable(
  'accompaniment_goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    accompanimentId: uuid('accompaniment_id')
      .notNull()
      .references(() => accompaniments.id, { onDelete: 'cascade' }),
    wording: text('wording').notNull(),
    status: goalStatusEnum('status').notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [index('accompaniment_goals_accompaniment_idx').on(table.accompanimentId)],
);

/** The interventions log: what happened, when, how long, where, with which peers. */
export const interventions = pgTable(
  'interventions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    accompanimentId: uuid('accompaniment_id')
      .notNull()
      .references(() => accompaniments.id, { onDelete: 'cascade' }),
    /** Denormalised from the accompaniment: "a person's last interventions" is one index scan. */
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    type: interventionTypeEnum('type').notNull(),
    place: text('place'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('interventions_person_time_idx').on(table.personId, table.occurredAt),
    index('interventions_accompaniment_time_idx').on(table.accompanimentId, table.occurredAt),
    index('interventions_org_time_idx').on(table.organizationId, table.occurredAt),
  ],
);

export const interventionPeers = pgTable(
  'intervention_peers',
  {
    interventionId: uuid('intervention_id')
      .notNull()
      .references(() => interventions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
  },
  (table) => [primaryKey({ columns: [table.interventionId, table.userId] }), index('intervention_peers_user_idx').on(table.userId)],
);

/** Notes, factual and in plain words (they are communicable, DOMAIN §9.5), with who may read them. */
export const accompanimentNotes = pgTable(
  'accompaniment_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    accompanimentId: uuid('accompaniment_id')
      .notNull()
      .references(() => accompaniments.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    confidentiality: noteConfidentialityEnum('confidentiality').notNull(),
    body: text('body').notNull(),
    writtenAt: timestamp('written_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [index('accompaniment_notes_accompaniment_idx').on(table.accompanimentId, table.writtenAt)],
);

/** Appointments; two missed in a row is a rupture signal. */
export const appointments = pgTable(
  'appointments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    accompanimentId: uuid('accompaniment_id')
      .notNull()
      .references(() => accompaniments.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    place: text('place'),
    status: appointmentStatusEnum('status').notNull().default('planned'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    index('appointments_accompaniment_time_idx').on(table.accompanimentId, table.startsAt),
    index('appointments_org_time_idx').on(table.organizationId, table.startsAt),
  ],
);

/** Every status change of an accompaniment with its time (opened, rupture, resumed, closed). */
export const accompanimentStatusEvents = pgTable(
  'accompaniment_status_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    accompanimentId: uuid('accompaniment_id')
      .notNull()
      .references(() => accompaniments.id, { onDelete: 'cascade' }),
    fromStatus: accompanimentStatusEnum('from_status'),
    toStatus: accompanimentStatusEnum('to_status').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    byUserId: uuid('by_user_id').references(() => users.id),
    reason: text('reason'),
  },
  (table) => [index('accompaniment_status_events_idx').on(table.accompanimentId, table.at)],
);
