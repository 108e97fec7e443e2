import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { ANONYMISATION_PROPOSAL_STATUSES, RIGHTS_REQUEST_TYPES } from '../../../shared/accompaniments';
import { organizations } from '../../platform/tenancy/schema';
import { users } from '../../platform/auth/schema';
import { persons } from '../persons/schema';

export const rightsRequestTypeEnum = pgEnum('rights_request_type', RIGHTS_REQUEST_TYPES);
export const anonymisationProposalStatusEnum = pgEnum('anonymisation_proposal_status', ANONYMISATION_PROPOSAL_STATUSES);

/** A GDPR rights request (DOMAIN §9.5): logged, due within one month, answered with an outcome. */
export const rightsRequests = pgTable(
  'rights_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    type: rightsRequestTypeEnum('type').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    identityCheck: text('identity_check'),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    outcome: text('outcome'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    version: integer('version').notNull().default(1),
  },
  (table) => [index('rights_requests_org_due_idx').on(table.organizationId, table.answeredAt, table.dueAt)],
);

/** The retention job proposes; a coordinator confirms (then the record is anonymised) or rejects. */
export const anonymisationProposals = pgTable(
  'anonymisation_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull(),
    lastContactAt: timestamp('last_contact_at', { withTimezone: true }),
    status: anonymisationProposalStatusEnum('status').notNull().default('proposed'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => users.id),
    reason: text('reason'),
  },
  (table) => [
    index('anonymisation_proposals_queue_idx').on(table.organizationId, table.status, table.proposedAt),
    uniqueIndex('anonymisation_proposals_one_open_idx').on(table.personId).where(sql`status = 'proposed'`),
  ],
);
