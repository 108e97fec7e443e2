import type { SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '../../../db/client';

const ZResult = z.object({ rows: z.array(z.unknown()) });

/**
 * Runs raw SQL and checks the rows' shape: both drivers answer `{ rows }`, but Drizzle cannot type
 * catalog queries, and a schema check beats a cast.
 */
export async function queryRows<T>(q: Queryable, statement: SQL, row: z.ZodType<T>): Promise<T[]> {
  const result = ZResult.parse(await q.execute(statement));
  return result.rows.map((value) => row.parse(value));
}

/** Identifiers come from the database catalog, never from a backup file, before being quoted here. */
export const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;
