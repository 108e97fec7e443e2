import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '../../../db/client';

/**
 * The backup file: gzip'd NDJSON. Line 1 is the header; then one line per row, `{"t":table,"r":[…]}`,
 * tables parents first. Each value is PostgreSQL's own text form (or null), so every type
 * (timestamptz to the microsecond, jsonb, enum arrays, bigint) round-trips exactly, and one file
 * moves between PGlite and PostgreSQL in either direction.
 */
export const BACKUP_FORMAT = 'passerelle-backup';
export const BACKUP_VERSION = 1;

export const ZBackupHeader = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.iso.datetime({ offset: true }),
  appVersion: z.string(),
  source: z.enum(['pglite', 'postgresql']),
  /** Drizzle's record of applied migrations: a restore refuses a file from a newer schema. */
  migrations: z.array(z.object({ tag: z.string().nullable(), hash: z.string(), createdAt: z.string() })),
  tables: z.array(
    z.object({
      name: z.string(),
      rows: z.number().int().min(0),
      columns: z.array(z.object({ name: z.string(), type: z.string() })),
    }),
  ),
});
export type TBackupHeader = z.infer<typeof ZBackupHeader>;

export const ZRowLine = z.object({ t: z.string(), r: z.array(z.string().nullable()) });

/** A user refusal (wrong file, non-empty target, server running): printed as is, no stack trace. */
export class BackupRefusedError extends Error {}

export type TableCount = { name: string; rows: number };

/**
 * Fixes how values are written as text for this transaction, whatever the server's settings:
 * UTC timestamps in ISO form, floats with every digit, bytea in hex.
 */
export async function useCanonicalTextFormats(tx: Queryable): Promise<void> {
  await tx.execute(sql`SET LOCAL TimeZone = 'UTC'`);
  await tx.execute(sql`SET LOCAL DateStyle = 'ISO, YMD'`);
  await tx.execute(sql`SET LOCAL IntervalStyle = 'postgres'`);
  await tx.execute(sql`SET LOCAL extra_float_digits = 3`);
  await tx.execute(sql`SET LOCAL bytea_output = 'hex'`);
}
