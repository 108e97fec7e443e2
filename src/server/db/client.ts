import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import * as schema from './schema';
import { syncPgliteWal } from './wal-sync';

export type TSchema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, TSchema>;
export type Transaction = PgTransaction<PgQueryResultHKT, TSchema, ExtractTablesWithRelations<TSchema>>;
/** A database handle or an open transaction: what queries run on. */
export type Queryable = Database | Transaction;
export type DatabaseKind = 'pglite' | 'postgresql';

const migrationsFolder = fileURLToPath(new URL('../../../drizzle', import.meta.url));

export type DatabaseHandle = {
  db: Database;
  kind: DatabaseKind;
  /** Applies the committed migrations of `drizzle/`, forward only. */
  migrate: () => Promise<void>;
  /** Runs raw SQL outside Drizzle (migrations, maintenance, tests). */
  exec: (sql: string) => Promise<void>;
  /** Resolves once every committed write is on disk (fsync of PGlite's WAL; PostgreSQL does it itself). */
  flush: () => Promise<void>;
  /** Writes a checkpoint and closes the connection(s). */
  close: () => Promise<void>;
};

export type DatabaseTarget =
  | { kind: 'postgresql'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir: string | undefined };

/** Opens PGlite (a folder, or memory when dataDir is undefined) or a pool on a PostgreSQL server. */
export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === 'postgresql') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 });
    pool.on('error', () => undefined); // an idle client dropped by the server is replaced on next use
    const client = await pool.connect();
    client.release();
    const db = drizzleNodePg({ client: pool, schema });
    return {
      db,
      kind: 'postgresql',
      migrate: () => migrateNodePg(db, { migrationsFolder }),
      exec: async (sql) => {
        await pool.query(sql);
      },
      flush: async () => undefined,
      close: async () => {
        await pool.end();
      },
    };
  }
  // pg_trgm backs the accent-insensitive person search (GIN trigram index); a migration creates it.
  const extensions = { pg_trgm };
  const pglite = target.dataDir ? new PGlite(target.dataDir, { extensions }) : new PGlite({ extensions });
  await pglite.waitReady;
  const dataDir = target.dataDir;
  const db = drizzlePglite({ client: pglite, schema });
  return {
    db,
    kind: 'pglite',
    migrate: () => migratePglite(db, { migrationsFolder }),
    exec: async (sql) => {
      await pglite.exec(sql);
    },
    flush: async () => {
      if (dataDir) await syncPgliteWal(dataDir);
    },
    close: async () => {
      if (!pglite.closed) {
        await pglite.exec('CHECKPOINT');
        if (dataDir) await syncPgliteWal(dataDir);
        await pglite.close();
      }
    },
  };
}
