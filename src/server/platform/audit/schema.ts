import { bigint, index, jsonb, pgTable, primaryKey, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { organizations } from '../tenancy/schema';

/**
 * Append-only. Each organisation's entries form hash chains, its lanes (`chain` 0, 1, …; seq 1, 2,
 * … within a lane); the database itself refuses UPDATE, DELETE and TRUNCATE (trigger in the
 * migration). Entries are written by the database function audit_append (migrations 0004, 0009)
 * in one round trip, on the first lane no other transaction holds: concurrent requests do not
 * wait for each other's commit. Newest first is `id` order.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** The lane (hash chain) of the organisation this entry extends. */
    chain: smallint('chain').notNull().default(0),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    actorUserId: uuid('actor_user_id'),
    action: text('action').notNull(),
    resourceType: text('resource_type').notNull(),
    resourceId: text('resource_id'),
    context: jsonb('context').$type<Record<string, string | number | boolean | null>>().notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    /** How `hash` was computed (see chain.ts): 1 in JavaScript, 2 and 3 (with the lane) by the database function audit_append. */
    hashFormat: smallint('hash_format').notNull().default(1),
  },
  (table) => [
    unique('audit_events_org_chain_seq_unique').on(table.organizationId, table.chain, table.seq),
    index('audit_events_org_time_idx').on(table.organizationId, table.occurredAt),
    index('audit_events_actor_idx').on(table.organizationId, table.actorUserId),
    index('audit_events_resource_idx').on(table.organizationId, table.resourceType, table.resourceId),
  ],
);

/** The last link of each lane; its row lock orders the appends to that lane. */
export const auditHeads = pgTable(
  'audit_heads',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    chain: smallint('chain').notNull().default(0),
    lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
    lastHash: text('last_hash').notNull(),
  },
  (table) => [primaryKey({ columns: [table.organizationId, table.chain] })],
);
