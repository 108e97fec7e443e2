import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { OUTREACH_CASE_STATUSES, OUTREACH_CHANNELS, OUTREACH_RESULTS, RUPTURE_SIGNALS } from '../../../shared/accompaniments';
import { organizations } from '../../platform/tenancy/schema';
import { users } from '../../platform/auth/schema';
import { persons } from '../persons/schema';
import { accompaniments } from '../accompaniments/schema';

export const ruptureSignalEnum = pgEnum('rupture_signal', RUPTURE_SIGNALS);
export const outreachCaseStatusEnum = pgEnum('outreach_case_status', OUTREACH_CASE_STATUSES);
export const outreachChannelEnum = pgEnum('outreach_channel', OUTREACH_CHANNELS);
export const outreachResultEnum = pgEnum('outreach_result', OUTREACH_RESULTS);

/** Per-organisation rupture rule (DOMAIN §10.2); no row = 30 days, 2 missed appointments, 5 attempts. */
export const continuitySettings = pgTable('continuity_settings', {
  organizationId: uuid('organization_id')
    .primaryKey()
    .references(() => organizations.id),
  noContactDays: integer('no_contact_days').notNull(),
  missedAppointmentsInARow: integer('missed_appointments_in_a_row').notNull(),
  maxOutreachAttempts: integer('max_outreach_attempts').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

/**
 * How the person wants to be re-contacted if contact breaks, and by whom, said in advance; the
 * outreach queue shows it and refuses channels the person did not allow. `do_not_contact` wins.
 */
export const recontactPreferences = pgTable('recontact_preferences', {
  personId: uuid('person_id')
    .primaryKey()
    .references(() => persons.id, { onDelete: 'cascade' }),
  organizationId: uuid('organization_id')
    .notNull()
    .references(() => organizations.id),
  allowedChannels: text('allowed_channels').array().notNull().default([]),
  preferredContactName: text('preferred_contact_name'),
  wishes: text('wishes'),
  doNotContact: boolean('do_not_contact').notNull().default(false),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  recordedBy: uuid('recorded_by').references(() => users.id),
  version: integer('version').notNull().default(1),
});

/** One suspected rupture of an accompaniment, from the flag to its outcome. */
export const outreachCases = pgTable(
  'outreach_cases',
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
    signal: ruptureSignalEnum('signal').notNull(),
    flaggedAt: timestamp('flagged_at', { withTimezone: true }).notNull(),
    status: outreachCaseStatusEnum('status').notNull().default('open'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id),
    outcomeNote: text('outcome_note'),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    index('outreach_cases_queue_idx').on(table.organizationId, table.status, table.flaggedAt),
    // At most one open case per accompaniment: the daily job may run twice, it flags once.
    uniqueIndex('outreach_cases_one_open_idx').on(table.accompanimentId).where(sql`status = 'open'`),
  ],
);

export const outreachAttempts = pgTable(
  'outreach_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => outreachCases.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
    channel: outreachChannelEnum('channel').notNull(),
    result: outreachResultEnum('result').notNull(),
    note: text('note'),
    byUserId: uuid('by_user_id')
      .notNull()
      .references(() => users.id),
  },
  (table) => [index('outreach_attempts_case_idx').on(table.caseId, table.at)],
);
