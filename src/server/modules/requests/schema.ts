import { index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { REQUEST_SOURCES, REQUEST_URGENCIES, REQUEST_STATUSES, REQUEST_CONTACT_METHODS, REFERRAL_DECISIONS } from '../../../shared/requests';
import { organizations } from '../../platform/tenancy/schema';
import { users } from '../../platform/auth/schema';
import { departementEnum, persons } from '../persons/schema';

export const requestSourceEnum = pgEnum('request_source', REQUEST_SOURCES);
export const requestUrgencyEnum = pgEnum('request_urgency', REQUEST_URGENCIES);
export const requestStatusEnum = pgEnum('request_status', REQUEST_STATUSES);
export const requestContactEnum = pgEnum('request_contact_method', REQUEST_CONTACT_METHODS);
export const referralDecisionEnum = pgEnum('referral_decision', REFERRAL_DECISIONS);

/**
 * A request for peer support, from the public form, a partner's referral or a coordinator. It
 * points to a person record (created or matched); `respond_by` is the target fixed when it
 * arrived, from the organisation's settings, so the queue can flag overdue requests by index.
 */
export const supportRequests = pgTable(
  'support_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    reference: text('reference').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    source: requestSourceEnum('source').notNull(),
    urgency: requestUrgencyEnum('urgency').notNull().default('standard'),
    status: requestStatusEnum('status').notNull().default('new'),
    departement: departementEnum('departement').notNull(),
    communeInsee: text('commune_insee').notNull(),
    contactMethod: requestContactEnum('contact_method'),
    hopes: text('hopes'),
    preferredTimes: text('preferred_times'),
    referringStructure: text('referring_structure'),
    referralReason: text('referral_reason'),
    referrerUserId: uuid('referrer_user_id').references(() => users.id),
    emergencySite: text('emergency_site'),
    emergencyContact: text('emergency_contact'),
    decision: referralDecisionEnum('decision'),
    decisionReason: text('decision_reason'),
    handoffTo: text('handoff_to'),
    handoffStructure: text('handoff_structure'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    redirectedTo: text('redirected_to'),
    closedReason: text('closed_reason'),
    /** Hash of a public submission's content: the same form sent twice within 10 minutes is one request. */
    contentHash: text('content_hash'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    respondBy: timestamp('respond_by', { withTimezone: true }).notNull(),
    firstContactAt: timestamp('first_contact_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    uniqueIndex('support_requests_reference_idx').on(table.organizationId, table.reference),
    index('support_requests_queue_idx').on(table.organizationId, table.status, table.respondBy),
    index('support_requests_person_idx').on(table.personId),
    index('support_requests_referrer_idx').on(table.referrerUserId),
    index('support_requests_content_idx').on(table.organizationId, table.contentHash),
  ],
);

/** Every status change with its time: response times are a reported indicator (DOMAIN §7). */
export const requestStatusEvents = pgTable(
  'request_status_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    requestId: uuid('request_id')
      .notNull()
      .references(() => supportRequests.id, { onDelete: 'cascade' }),
    fromStatus: requestStatusEnum('from_status'),
    toStatus: requestStatusEnum('to_status').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    byUserId: uuid('by_user_id').references(() => users.id),
  },
  (table) => [index('request_status_events_request_idx').on(table.requestId, table.at)],
);

/** Human references DEM-<year>-<n>: one counter per organisation and year. */
export const requestReferenceCounters = pgTable(
  'request_reference_counters',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (table) => [primaryKey({ columns: [table.organizationId, table.year] })],
);

/**
 * Per-organisation response targets, in minutes (DOMAIN §10.1: set by agreement, not in code).
 * No row = the defaults of requests/settings.ts.
 */
export const requestSettings = pgTable('request_settings', {
  organizationId: uuid('organization_id')
    .primaryKey()
    .references(() => organizations.id),
  emergencyTargetMinutes: integer('emergency_target_minutes').notNull(),
  urgentTargetMinutes: integer('urgent_target_minutes').notNull(),
  standardTargetMinutes: integer('standard_target_minutes').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});
