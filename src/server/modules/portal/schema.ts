import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizations } from '../../platform/tenancy/schema';
import { invitations, users } from '../../platform/auth/schema';
import { persons } from '../persons/schema';
import { accompaniments } from '../accompaniments/schema';

/** The account of a person on the portal (role `person`): one account per person record. */
export const personAccounts = pgTable(
  'person_accounts',
  {
    personId: uuid('person_id')
      .primaryKey()
      .references(() => persons.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    invitedBy: uuid('invited_by').references(() => users.id),
    invitedAt: timestamp('invited_at', { withTimezone: true }).notNull(),
  },
  (table) => [uniqueIndex('person_accounts_user_idx').on(table.userId)],
);

/** Which person record an invitation to the portal was issued for: read back when it is accepted. */
export const personInvitations = pgTable(
  'person_invitations',
  {
    invitationId: uuid('invitation_id')
      .primaryKey()
      .references(() => invitations.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
  },
  (table) => [index('person_invitations_person_idx').on(table.personId)],
);

/** Messages between a person and the peers of their accompaniment. */
export const portalMessages = pgTable(
  'portal_messages',
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
    body: text('body').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (table) => [index('portal_messages_accompaniment_idx').on(table.accompanimentId, table.sentAt)],
);
