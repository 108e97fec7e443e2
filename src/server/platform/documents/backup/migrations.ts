import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '../../../db/client';
import { PROJECT_ROOT } from '../../../project-root';
import { queryRows } from './sql-rows';

export type AppliedMigration = { tag: string | null; hash: string; createdAt: string };

const ZJournal = z.object({ entries: z.array(z.object({ tag: z.string(), when: z.number() })) });
const ZMigrationRow = z.object({ hash: z.string(), created_at: z.string() });
const ZExistsRow = z.object({ present: z.boolean() });

/** Tags are only for people reading a header; hashes are what restores compare. */
function journalTags(): Map<string, string> {
  try {
    const journal = ZJournal.parse(
      JSON.parse(readFileSync(join(PROJECT_ROOT, 'drizzle', 'meta', '_journal.json'), 'utf8')),
    );
    return new Map(journal.entries.map((entry) => [String(entry.when), entry.tag]));
  } catch {
    return new Map();
  }
}

/** The migrations Drizzle recorded as applied; none when the database was never migrated. */
export async function readAppliedMigrations(q: Queryable): Promise<AppliedMigration[]> {
  const [table] = await queryRows(
    q,
    sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present`,
    ZExistsRow,
  );
  if (!table?.present) return [];
  const rows = await queryRows(
    q,
    sql`SELECT hash, created_at::text AS created_at FROM drizzle.__drizzle_migrations ORDER BY id`,
    ZMigrationRow,
  );
  const tags = journalTags();
  return rows.map((row) => ({ tag: tags.get(row.created_at) ?? null, hash: row.hash, createdAt: row.created_at }));
}
