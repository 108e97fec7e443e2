import { bigint, index, jsonb, pgTable, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { organizations } from '../tenancy/schema';

/**
 * Append-only. Each organisation's entries form a hash chain (seq 1, 2, …); the database itself
 * refuses UPDATE, DELETE and TRUNCATE (trigger in the migration). Entries are written by the
 * database function audit_append (migration 0004), in one round trip.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    actorUserId: uuid('actor_user_id'),
    action: text('action').notNull(),
    resourceType: text('resource_type').notNull(),
    resourceId: text('resource_id'),
    context: jsonb('context').$type<Record<string, string | number | boolean | null>>().notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    /** How `hash` was computed (see chain.ts): 1 in JavaScript, 2 by the database function audit_append. */
    hashFormat: smallint('hash_format').notNull().default(1),
  },
  (table) => [
    unique('audit_events_org_seq_unique').on(table.organizationId, table.seq),
    index('audit_events_org_time_idx').on(table.organizationId, table.occurredAt),
    index('audit_events_actor_idx').on(table.organizationId, table.actorUserId),
    index('audit_events_resource_idx').on(table.organizationId, table.resourceType, table.resourceId),
  ],
);

/** The last link of each organisation's chain; its row lock orders concurrent appends. */
export const auditHeads = pgTable('audit_heads', {
  organizationId: uuid('organization_id')
    .primaryKey()
    .references(() => organizations.id),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
  lastHash: text('last_hash').notNull(),
});
