import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { DatabaseHandle, Transaction } from '../../../db/client';
import { readCatalog, type CatalogTable } from './catalog';
import { BackupRefusedError, useCanonicalTextFormats, ZBackupHeader, ZRowLine, type TableCount } from './format';
import { readAppliedMigrations } from './migrations';
import { queryRows, quoteIdentifier } from './sql-rows';
import { readLines } from './lines';

/** PostgreSQL takes at most 65 535 parameters per statement; stay well under it. */
const MAX_PARAMETERS = 30_000;
const ZPresent = z.object({ present: z.boolean() });

export type RestoreSummary = { createdAt: string; source: string; tables: TableCount[] };

type Batch = { table: CatalogTable; columns: CatalogTable['columns']; rows: Array<Array<string | null>> };

/**
 * Restores a backup into an EMPTY database: migrates it, then inserts every row in one
 * transaction, parents first (a bad file leaves nothing behind), keeping ids (identity columns
 * included, so audit entries keep theirs), then moves sequences past the restored ids.
 */
export async function restoreDatabase(handle: DatabaseHandle, input: Readable): Promise<RestoreSummary> {
  const gunzip = createGunzip();
  input.on('error', (error) => gunzip.destroy(error));
  const lines = readLines(input.pipe(gunzip));
  try {
    const first = await lines.next();
    const header = ZBackupHeader.safeParse(first.done ? null : safeJson(first.value));
    if (!header.success) throw new BackupRefusedError('Ce fichier n’est pas une sauvegarde Passerelle (en-tête illisible).');
    await handle.migrate();
    const tables = await handle.db.transaction(async (tx) => {
      await useCanonicalTextFormats(tx);
      // Rows are copied as they were: triggers that derive rows (an organisation's audit lanes) stand aside.
      await tx.execute(sql`select set_config('passerelle.restoring', 'on', true)`);
      const catalog = new Map((await readCatalog(tx)).map((table) => [table.name, table]));
      await refuseNewerSchema(tx, header.data.migrations);
      await refuseNonEmpty(tx, [...catalog.keys()]);
      const plan = header.data.tables.map((table) => planTable(catalog, table.name, table.columns));
      const inserted = new Map<string, number>();
      let batch: Batch | null = null;
      for await (const text of lines) {
        if (text.length === 0) continue;
        const line = ZRowLine.safeParse(safeJson(text));
        if (!line.success) throw new BackupRefusedError('Sauvegarde corrompue : ligne illisible.');
        if (batch && (batch.table.name !== line.data.t || batch.rows.length >= rowsPerStatement(batch))) {
          await insertBatch(tx, batch);
          batch = null;
        }
        if (!batch) batch = { ...findPlan(plan, line.data.t), rows: [] };
        if (line.data.r.length !== batch.columns.length) {
          throw new BackupRefusedError(`Sauvegarde corrompue : ligne de ${line.data.t} au mauvais nombre de colonnes.`);
        }
        batch.rows.push(line.data.r);
        inserted.set(line.data.t, (inserted.get(line.data.t) ?? 0) + 1);
      }
      if (batch) await insertBatch(tx, batch);
      for (const table of header.data.tables) {
        if ((inserted.get(table.name) ?? 0) !== table.rows) {
          throw new BackupRefusedError(
            `Sauvegarde incomplète : ${table.name} annonce ${table.rows} lignes, le fichier en contient ${inserted.get(table.name) ?? 0}.`,
          );
        }
      }
      for (const table of catalog.values()) await moveSequencesPast(tx, table);
      return header.data.tables.map((table) => ({ name: table.name, rows: table.rows }));
    });
    await handle.flush();
    return { createdAt: header.data.createdAt, source: header.data.source, tables };
  } finally {
    await lines.return(undefined);
    gunzip.destroy();
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function planTable(catalog: Map<string, CatalogTable>, name: string, columns: Array<{ name: string }>): Batch {
  const table = catalog.get(name);
  if (!table) throw new BackupRefusedError(`La table ${name} de la sauvegarde n’existe pas dans cette version de Passerelle.`);
  const planned = columns.map((wanted) => {
    const column = table.columns.find((candidate) => candidate.name === wanted.name);
    if (!column) {
      throw new BackupRefusedError(`La colonne ${name}.${wanted.name} de la sauvegarde n’existe plus dans cette version.`);
    }
    return column;
  });
  return { table, columns: planned, rows: [] };
}

function findPlan(plan: Batch[], name: string): Batch {
  const found = plan.find((candidate) => candidate.table.name === name);
  if (!found) throw new BackupRefusedError(`Sauvegarde corrompue : table ${name} absente de l’en-tête.`);
  return found;
}

const rowsPerStatement = (batch: Batch) => Math.max(1, Math.floor(MAX_PARAMETERS / Math.max(1, batch.columns.length)));

/** Each value goes back through its column type's own input function: `'…'::timestamptz`, `'{admin}'::role[]`. */
async function insertBatch(tx: Transaction, batch: Batch): Promise<void> {
  const columnList = batch.columns.map((column) => quoteIdentifier(column.name)).join(', ');
  const overriding = batch.columns.some((column) => column.identityAlways) ? ' OVERRIDING SYSTEM VALUE' : '';
  const tuples: SQL[] = batch.rows.map(
    (row) => sql`(${sql.join(row.map((value, index) => sql`${value}::${sql.raw(batch.columns[index]?.type ?? 'text')}`), sql`, `)})`,
  );
  await tx.execute(
    sql`INSERT INTO ${sql.raw(quoteIdentifier(batch.table.name))} (${sql.raw(columnList)})${sql.raw(overriding)} VALUES ${sql.join(tuples, sql`, `)}`,
  );
}

async function refuseNewerSchema(tx: Transaction, fromBackup: Array<{ hash: string; tag: string | null }>) {
  const applied = new Set((await readAppliedMigrations(tx)).map((migration) => migration.hash));
  const unknown = fromBackup.filter((migration) => !applied.has(migration.hash));
  if (unknown.length > 0) {
    throw new BackupRefusedError(
      `Cette sauvegarde vient d’une version de Passerelle plus récente (migrations inconnues ici : ${unknown
        .map((migration) => migration.tag ?? migration.hash.slice(0, 12))
        .join(', ')}). Mettez Passerelle à jour avant de restaurer.`,
    );
  }
}

async function refuseNonEmpty(tx: Transaction, tables: string[]) {
  for (const table of tables) {
    const [row] = await queryRows(
      tx,
      sql`SELECT EXISTS (SELECT 1 FROM ${sql.raw(quoteIdentifier(table))}) AS present`,
      ZPresent,
    );
    if (row?.present) {
      throw new BackupRefusedError(
        `La base de destination n’est pas vide (la table ${table} contient des données). ` +
          'La restauration ne se fait que dans une base vide : nouveau dossier DATA_DIR, ou nouvelle base PostgreSQL ' +
          '(et DEMO_SEED=never pour que le serveur n’y crée pas de données de démonstration).',
      );
    }
  }
}

/** Without this, the next audit entry would be numbered 1 again and collide with a restored one. */
async function moveSequencesPast(tx: Transaction, table: CatalogTable) {
  for (const column of table.columns) {
    if (!column.sequence) continue;
    await tx.execute(
      sql`SELECT setval(${column.sequence}::regclass, COALESCE(MAX(${sql.raw(quoteIdentifier(column.name))}), 0) + 1, false) FROM ${sql.raw(quoteIdentifier(table.name))}`,
    );
  }
}
