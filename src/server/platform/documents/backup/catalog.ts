import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '../../../db/client';
import { queryRows } from './sql-rows';

export type CatalogColumn = {
  name: string;
  /** As PostgreSQL spells it (`timestamp with time zone`, `role[]`): used to cast values back. */
  type: string;
  /** GENERATED ALWAYS AS IDENTITY: inserting a value needs OVERRIDING SYSTEM VALUE. */
  identityAlways: boolean;
  /** The sequence behind an identity or serial column, to move past the restored values. */
  sequence: string | null;
};

export type CatalogTable = { name: string; columns: CatalogColumn[] };

const ZColumnRow = z.object({
  table_name: z.string(),
  column_name: z.string(),
  column_type: z.string(),
  identity: z.string(),
  sequence: z.string().nullable(),
});
const ZTableRow = z.object({ table_name: z.string() });
const ZReferenceRow = z.object({ child: z.string(), parent: z.string() });

/**
 * The application's tables as the database itself describes them (schema `public`), parents before
 * children: read from the catalog rather than a hand-kept list, so a new module's tables are in
 * every backup without anyone remembering to add them. Works the same on PGlite and PostgreSQL.
 */
export async function readCatalog(q: Queryable): Promise<CatalogTable[]> {
  const tables = await queryRows(
    q,
    sql`SELECT c.relname AS table_name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname`,
    ZTableRow,
  );
  const columns = await queryRows(
    q,
    sql`SELECT c.relname AS table_name, a.attname AS column_name,
               format_type(a.atttypid, a.atttypmod) AS column_type, a.attidentity::text AS identity,
               pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS sequence
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
          AND a.attgenerated = ''
        ORDER BY c.relname, a.attnum`,
    ZColumnRow,
  );
  const references = await queryRows(
    q,
    sql`SELECT child.relname AS child, parent.relname AS parent
        FROM pg_constraint k
        JOIN pg_class child ON child.oid = k.conrelid
        JOIN pg_class parent ON parent.oid = k.confrelid
        JOIN pg_namespace n ON n.oid = child.relnamespace
        WHERE k.contype = 'f' AND n.nspname = 'public'`,
    ZReferenceRow,
  );
  const byName = new Map<string, CatalogTable>(
    tables.map((table) => [table.table_name, { name: table.table_name, columns: [] }]),
  );
  for (const column of columns) {
    byName.get(column.table_name)?.columns.push({
      name: column.column_name,
      type: column.column_type,
      identityAlways: column.identity === 'a',
      sequence: column.sequence,
    });
  }
  const order = parentsFirst(
    [...byName.keys()],
    references.filter((reference) => reference.child !== reference.parent),
  );
  return order.flatMap((name) => byName.get(name) ?? []);
}

/** Topological order (Kahn), alphabetical among equals so two backups of one schema list tables alike. */
function parentsFirst(names: string[], references: Array<{ child: string; parent: string }>): string[] {
  const waitingOn = new Map(names.map((name) => [name, new Set<string>()]));
  for (const { child, parent } of references) waitingOn.get(child)?.add(parent);
  const ordered: string[] = [];
  while (waitingOn.size > 0) {
    const ready = [...waitingOn.entries()]
      .filter(([, parents]) => [...parents].every((parent) => !waitingOn.has(parent)))
      .map(([name]) => name)
      .sort();
    if (ready.length === 0) {
      throw new Error(`cycle de clés étrangères entre ${[...waitingOn.keys()].join(', ')}`);
    }
    for (const name of ready) {
      ordered.push(name);
      waitingOn.delete(name);
    }
  }
  return ordered;
}
