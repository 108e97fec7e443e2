import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { DEPARTEMENTS, CONTACT_CHANNELS, HOUSING_SITUATIONS, EMPLOYMENT_STATUSES, CONSENT_PURPOSES, CONSENT_METHODS } from '../../../shared/persons';
import { organizations } from '../../platform/tenancy/schema';
import { users } from '../../platform/auth/schema';

export const departementEnum = pgEnum('departement', DEPARTEMENTS);
export const contactChannelEnum = pgEnum('contact_channel', CONTACT_CHANNELS);
export const housingEnum = pgEnum('housing_situation', HOUSING_SITUATIONS);
export const employmentEnum = pgEnum('employment_status', EMPLOYMENT_STATUSES);
export const consentPurposeEnum = pgEnum('consent_purpose', CONSENT_PURPOSES);
export const consentMethodEnum = pgEnum('consent_method', CONSENT_METHODS);

export type StructureInvolved = { type: string; name: string };

/**
 * A person who asked for, or was referred to, peer support. Minimal identity on purpose (no NIR,
 * no clinical record). `search_text` and `identity_key` are folded in code (persons/folding.ts)
 * on every write: the first backs the trigram search, the second duplicate detection.
 */
export const persons = pgTable(
  'persons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    firstName: text('first_name'),
    pseudonym: text('pseudonym'),
    lastName: text('last_name'),
    phone: text('phone'),
    email: text('email'),
    preferredChannel: contactChannelEnum('preferred_channel'),
    departement: departementEnum('departement').notNull(),
    communeInsee: text('commune_insee').notNull(),
    communeName: text('commune_name').notNull(),
    birthYear: integer('birth_year'),
    housing: housingEnum('housing').notNull().default('unknown'),
    employment: employmentEnum('employment').notNull().default('unknown'),
    structures: jsonb('structures').$type<StructureInvolved[]>().notNull().default([]),
    lastContactAt: timestamp('last_contact_at', { withTimezone: true }),
    /** Set when the record is anonymised (DOMAIN §9.2): identity erased, statistics kept. */
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
    anonymisationReason: text('anonymisation_reason'),
    searchText: text('search_text').notNull(),
    identityKey: text('identity_key').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    index('persons_organization_idx').on(table.organizationId, table.departement),
    index('persons_identity_idx').on(table.organizationId, table.identityKey),
    index('persons_search_trgm_idx').using('gin', table.searchText.op('gin_trgm_ops')),
    index('persons_last_contact_idx').on(table.organizationId, table.lastContactAt),
    // The list's order (folded name, byte-wise, then id): a page is an index walk, not a sort.
    index('persons_list_order_idx').on(table.organizationId, sql`${table.searchText} collate "C"`, table.id),
  ],
);

/** Peer workers following a person: what gives a peer access to the record. */
export const personReferents = pgTable(
  'person_referents',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.personId, table.userId] }), index('person_referents_user_idx').on(table.userId)],
);

/** Consent as an entity (DOMAIN §9.4): what for, to whom, when, how, which text; withdrawable. */
export const personConsents = pgTable(
  'person_consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    purpose: consentPurposeEnum('purpose').notNull(),
    scope: text('scope'),
    recipients: text('recipients'),
    method: consentMethodEnum('method').notNull(),
    textVersion: text('text_version').notNull(),
    collectedAt: timestamp('collected_at', { withTimezone: true }).notNull(),
    collectedBy: uuid('collected_by').references(() => users.id),
    validUntil: timestamp('valid_until', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnHow: text('withdrawn_how'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('person_consents_person_idx').on(table.personId)],
);
