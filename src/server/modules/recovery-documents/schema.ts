import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  COPY_KINDS,
  DOCUMENT_KINDS,
  DOCUMENT_STATUSES,
  SHARE_CHANNELS,
  SHARE_RECIPIENT_KINDS,
  VERSION_STATUSES,
  type TDocumentContent,
  type TTemplateDefinition,
} from '../../../shared/recovery-documents';
import { organizations } from '../../platform/tenancy/schema';
import { users } from '../../platform/auth/schema';
import { persons } from '../persons/schema';

export const documentKindEnum = pgEnum('recovery_document_kind', DOCUMENT_KINDS);
export const documentStatusEnum = pgEnum('recovery_document_status', DOCUMENT_STATUSES);
export const versionStatusEnum = pgEnum('recovery_version_status', VERSION_STATUSES);
export const shareRecipientKindEnum = pgEnum('document_share_recipient_kind', SHARE_RECIPIENT_KINDS);
export const shareChannelEnum = pgEnum('document_share_channel', SHARE_CHANNELS);
export const copyKindEnum = pgEnum('document_copy_kind', COPY_KINDS);

/**
 * What a document type asks, as data: an organisation adapts the wording by adding a version;
 * each document version keeps the template version it was written on.
 */
export const documentTemplates = pgTable(
  'document_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    kind: documentKindEnum('kind').notNull(),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<TTemplateDefinition>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (table) => [uniqueIndex('document_templates_org_kind_version_idx').on(table.organizationId, table.kind, table.version)],
);

/**
 * A recovery document owned by a person (DOMAIN §0.1): peers are at most facilitators the person
 * invited. `visible_to_team`: the person agrees that coordinators see that it exists (never its
 * content unless shared). `active_version_id` points to the validated version in force.
 */
export const recoveryDocuments = pgTable(
  'recovery_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    kind: documentKindEnum('kind').notNull(),
    title: text('title').notNull(),
    status: documentStatusEnum('status').notNull().default('draft'),
    activeVersionId: uuid('active_version_id'),
    visibleToTeam: boolean('visible_to_team').notNull().default(false),
    /** The person's chosen review date (default 6 months after validation); the reminder job reads it. */
    reviewDueOn: date('review_due_on', { mode: 'string' }),
    reviewRemindedAt: timestamp('review_reminded_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('recovery_documents_person_idx').on(table.organizationId, table.personId),
    index('recovery_documents_review_idx').on(table.reviewDueOn).where(sql`${table.status} = 'active'`),
  ],
);

/**
 * One version: a draft autosaved section by section (`revision` counts saves: a save that names
 * an older revision is refused with 409), then validated (signed and dated by the person), then
 * superseded when a review validates the next one. Content is keyed by the template's codes.
 */
export const recoveryDocumentVersions = pgTable(
  'recovery_document_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    documentId: uuid('document_id')
      .notNull()
      .references(() => recoveryDocuments.id),
    versionNo: integer('version_no').notNull(),
    templateId: uuid('template_id')
      .notNull()
      .references(() => documentTemplates.id),
    status: versionStatusEnum('status').notNull().default('draft'),
    content: jsonb('content').$type<TDocumentContent>().notNull().default({}),
    revision: integer('revision').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
    validatedAt: timestamp('validated_at', { withTimezone: true }),
    validatedBy: uuid('validated_by').references(() => users.id),
  },
  (table) => [
    uniqueIndex('recovery_document_versions_no_idx').on(table.documentId, table.versionNo),
    // At most one draft per document: a review starts from the active version.
    uniqueIndex('recovery_document_versions_one_draft_idx').on(table.documentId).where(sql`${table.status} = 'draft'`),
  ],
);

/** Every save, attributed: who (owner or facilitator, with the person present or not), which sections. */
export const recoveryDocumentChanges = pgTable(
  'recovery_document_changes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    documentId: uuid('document_id')
      .notNull()
      .references(() => recoveryDocuments.id),
    versionId: uuid('version_id')
      .notNull()
      .references(() => recoveryDocumentVersions.id),
    userId: uuid('user_id').references(() => users.id),
    asRole: text('as_role', { enum: ['owner', 'facilitator'] }).notNull(),
    inPresenceOfPerson: boolean('in_presence_of_person').notNull().default(false),
    sectionCodes: text('section_codes').array().notNull(),
    revision: integer('revision').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('recovery_document_changes_version_idx').on(table.versionId, table.changedAt)],
);

/** Peers the person invited to help write this document (never its owner). */
export const recoveryDocumentFacilitators = pgTable(
  'recovery_document_facilitators',
  {
    documentId: uuid('document_id')
      .notNull()
      .references(() => recoveryDocuments.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.documentId, table.userId] }), index('recovery_document_facilitators_user_idx').on(table.userId)],
);

/**
 * A share (DOMAIN §0.3): one document (a given version, or the active one when `version_id` is
 * null), one recipient (a user of the organisation, or someone outside reached by a one-time link
 * and an access code, both stored hashed), a scope (null = whole document, else section codes),
 * an expiry, a channel. Revocation takes effect at once; 10 wrong codes lock an outside link.
 */
export const documentShares = pgTable(
  'document_shares',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    documentId: uuid('document_id')
      .notNull()
      .references(() => recoveryDocuments.id),
    versionId: uuid('version_id').references(() => recoveryDocumentVersions.id),
    recipientKind: shareRecipientKindEnum('recipient_kind').notNull(),
    recipientUserId: uuid('recipient_user_id').references(() => users.id),
    recipientEmail: text('recipient_email'),
    /** How the person names the recipient ("Dr Martin, CMP de Gap"): shown in lists and in the proof of withdrawal. */
    recipientLabel: text('recipient_label').notNull(),
    purpose: text('purpose').notNull(),
    scopeSections: text('scope_sections').array(),
    channel: shareChannelEnum('channel').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull(),
    grantedBy: uuid('granted_by').references(() => users.id),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id),
    linkTokenHash: text('link_token_hash'),
    accessCodeHash: text('access_code_hash'),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    /** The one-time link has been opened (with the right code): a second opening needs a new link. */
    linkUsedAt: timestamp('link_used_at', { withTimezone: true }),
  },
  (table) => [
    index('document_shares_document_idx').on(table.documentId),
    index('document_shares_recipient_idx').on(table.organizationId, table.recipientUserId),
    uniqueIndex('document_shares_link_idx').on(table.linkTokenHash),
  ],
);

/** Who keeps a copy (paper, PDF, in a patient record): recorded apart from electronic access, since it cannot be recalled. */
export const documentCopyHolders = pgTable(
  'document_copy_holders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    documentId: uuid('document_id')
      .notNull()
      .references(() => recoveryDocuments.id),
    versionId: uuid('version_id').references(() => recoveryDocumentVersions.id),
    holder: text('holder').notNull(),
    kind: copyKindEnum('kind').notNull(),
    givenOn: date('given_on', { mode: 'string' }).notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (table) => [index('document_copy_holders_document_idx').on(table.documentId)],
);

/**
 * The wallet crisis card of a document: a QR link (token stored hashed) that asks for the
 * emergency code (hashed) and then shows only the sections the person chose. One card in force
 * per document; regenerating withdraws the previous one.
 */
export const crisisCards = pgTable(
  'crisis_cards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    documentId: uuid('document_id')
      .notNull()
      .references(() => recoveryDocuments.id),
    sectionCodes: text('section_codes').array().notNull(),
    tokenHash: text('token_hash').notNull(),
    codeHash: text('code_hash').notNull(),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('crisis_cards_token_idx').on(table.tokenHash),
    uniqueIndex('crisis_cards_one_in_force_idx').on(table.documentId).where(sql`${table.withdrawnAt} is null`),
  ],
);
