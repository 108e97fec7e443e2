import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DatabaseHandle, Transaction } from '../../../db/client';
import { appVersion } from '../../../version';
import { readCatalog, type CatalogTable } from './catalog';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  useCanonicalTextFormats,
  type TableCount,
  type TBackupHeader,
} from './format';
import { readAppliedMigrations } from './migrations';
import { queryRows, quoteIdentifier } from './sql-rows';

const FETCH_SIZE = 500;
const ZCount = z.object({ count: z.coerce.number() });
const ZTextRow = z.record(z.string(), z.string().nullable());

export type BackupSummary = { createdAt: string; tables: TableCount[] };

/**
 * Writes a gzip'd backup of every table to `output`. Everything is read in ONE transaction
 * (REPEATABLE READ READ ONLY), so the file is a consistent snapshot even while the app writes;
 * rows are streamed through a cursor, so memory does not grow with the database.
 */
export async function backupDatabase(
  handle: DatabaseHandle,
  output: Writable,
  now: Date = new Date(),
): Promise<BackupSummary> {
  const gzip = createGzip();
  const piping = pipeline(gzip, output);
  const write = async (value: unknown) => {
    if (!gzip.write(`${JSON.stringify(value)}\n`)) await once(gzip, 'drain');
  };
  try {
    const tables = await handle.db.transaction(
      async (tx) => {
        await useCanonicalTextFormats(tx);
        const catalog = await readCatalog(tx);
        const counts: number[] = [];
        for (const table of catalog) counts.push(await countRows(tx, table.name));
        const header: TBackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          createdAt: now.toISOString(),
          appVersion,
          source: handle.kind,
          migrations: await readAppliedMigrations(tx),
          tables: catalog.map((table, index) => ({
            name: table.name,
            rows: counts[index] ?? 0,
            columns: table.columns.map((column) => ({ name: column.name, type: column.type })),
          })),
        };
        await write(header);
        for (const table of catalog) await dumpTable(tx, table, write);
        return header.tables.map((table) => ({ name: table.name, rows: table.rows }));
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    gzip.end();
    await piping;
    return { createdAt: now.toISOString(), tables };
  } catch (error) {
    gzip.destroy(error instanceof Error ? error : new Error(String(error)));
    await piping.catch(() => undefined);
    throw error;
  }
}

async function countRows(tx: Transaction, table: string): Promise<number> {
  const [row] = await queryRows(tx, sql`SELECT count(*) AS count FROM ${sql.raw(quoteIdentifier(table))}`, ZCount);
  return row?.count ?? 0;
}

/** Every value as PostgreSQL's text form: exact for every type, and the same on both databases. */
async function dumpTable(tx: Transaction, table: CatalogTable, write: (value: unknown) => Promise<void>) {
  const selectList = table.columns
    .map((column, index) => `${quoteIdentifier(column.name)}::text AS c${index}`)
    .join(', ');
  await tx.execute(
    sql.raw(`DECLARE passerelle_backup NO SCROLL CURSOR FOR SELECT ${selectList} FROM ${quoteIdentifier(table.name)}`),
  );
  for (;;) {
    const rows = await queryRows(tx, sql.raw(`FETCH FORWARD ${FETCH_SIZE} FROM passerelle_backup`), ZTextRow);
    for (const row of rows) {
      await write({ t: table.name, r: table.columns.map((_column, index) => row[`c${index}`] ?? null) });
    }
    if (rows.length < FETCH_SIZE) break;
  }
  await tx.execute(sql.raw('CLOSE passerelle_backup'));
}
