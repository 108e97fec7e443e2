import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../project-root';
import pg from 'pg';
import * as schema from './schema';
import { syncPgliteWal } from './wal-sync';

export type TSchema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, TSchema>;
export type Transaction = PgTransaction<PgQueryResultHKT, TSchema, ExtractTablesWithRelations<TSchema>>;
/** A database handle or an open transaction: what queries run on. */
export type Queryable = Database | Transaction;
export type DatabaseKind = 'pglite' | 'postgresql';

const migrationsFolder = join(PROJECT_ROOT, 'drizzle');

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
  /**
   * LISTEN on `channel` (a constant identifier). Resolves once listening started or will be retried;
   * the returned function stops listening. Closing the handle stops every listener.
   */
  listen: (channel: string, handlers: NotificationHandlers) => Promise<() => Promise<void>>;
  /** Calls `watch` with the text of each statement sent through `db`, before it runs. */
  watchStatements: (watch: (sql: string) => void) => () => void;
  /** PGlite only: the data folder as a tarball (tests start each file from a migrated one). */
  dumpDataDir?: () => Promise<Blob>;
};

export type NotificationHandlers = {
  onMessage: (payload: string) => void;
  /** Listening (again): from now on every notification is delivered. */
  onListening: () => void;
  /** The listening connection dropped: notifications may have been missed until `onListening`. */
  onLost: () => void;
};

/** The statement watchers of one handle, fed by Drizzle's logger (called before each statement runs). */
function statementWatchers() {
  const watchers = new Set<(sql: string) => void>();
  return {
    logger: { logQuery: (query: string) => watchers.forEach((watch) => watch(query)) },
    watch: (watch: (sql: string) => void) => {
      watchers.add(watch);
      return () => void watchers.delete(watch);
    },
  };
}

/** Stop functions of the listeners opened on a handle, run when it closes. */
function listenerRegistry() {
  const stops = new Set<() => Promise<void>>();
  return {
    track: (stop: () => Promise<void>) => {
      const once = async () => {
        if (stops.delete(once)) await stop();
      };
      stops.add(once);
      return once;
    },
    stopAll: () => Promise.all([...stops].map((stop) => stop())).then(() => undefined),
  };
}

const LISTEN_RETRY_MS = 1000;

/**
 * A dedicated connection (not from the pool: LISTEN belongs to a session) that reconnects after a
 * second when it drops, telling the handlers it was lost and when it listens again.
 */
async function listenOnPostgres(url: string, channel: string, handlers: NotificationHandlers): Promise<() => Promise<void>> {
  let current: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const scheduleRetry = () => {
    if (!stopped) retry = setTimeout(() => void connect(), LISTEN_RETRY_MS).unref();
  };
  const connect = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: url });
    const lost = () => {
      if (current !== client) return;
      current = null;
      handlers.onLost();
      client.end().catch(() => undefined);
      scheduleRetry();
    };
    client.on('notification', (message) => {
      if (message.channel === channel) handlers.onMessage(message.payload ?? '');
    });
    client.on('error', lost);
    client.on('end', lost);
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
    } catch {
      client.end().catch(() => undefined);
      scheduleRetry();
      return;
    }
    if (stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    current = client;
    handlers.onListening();
  };
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const client = current;
    current = null;
    await client?.end().catch(() => undefined);
  };
}

export type DatabaseTarget =
  | { kind: 'postgresql'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir: string | undefined; /** A dump (dumpDataDir) to start from, in memory: tests skip initdb and migrations. */ loadDataDir?: Blob };

/** Opens PGlite (a folder, or memory when dataDir is undefined) or a pool on a PostgreSQL server. */
export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === 'postgresql') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 });
    pool.on('error', () => undefined); // an idle client dropped by the server is replaced on next use
    const client = await pool.connect();
    client.release();
    const statements = statementWatchers();
    const listeners = listenerRegistry();
    const db = drizzleNodePg({ client: pool, schema, logger: statements.logger });
    return {
      db,
      kind: 'postgresql',
      migrate: () => migrateNodePg(db, { migrationsFolder }),
      exec: async (sql) => {
        await pool.query(sql);
      },
      flush: async () => undefined,
      close: async () => {
        await listeners.stopAll();
        await pool.end();
      },
      listen: async (channel, handlers) => listeners.track(await listenOnPostgres(target.url, channel, handlers)),
      watchStatements: statements.watch,
    };
  }
  // pg_trgm backs the accent-insensitive person search (GIN trigram index); a migration creates it.
  const extensions = { pg_trgm };
  const pglite = target.dataDir
    ? new PGlite(target.dataDir, { extensions })
    : new PGlite({ extensions, ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}) });
  await pglite.waitReady;
  const dataDir = target.dataDir;
  const statements = statementWatchers();
  const listeners = listenerRegistry();
  const db = drizzlePglite({ client: pglite, schema, logger: statements.logger });
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
      await listeners.stopAll();
      if (!pglite.closed) {
        await pglite.exec('CHECKPOINT');
        if (dataDir) await syncPgliteWal(dataDir);
        await pglite.close();
      }
    },
    // PGlite runs in this process: a notification is delivered when the transaction that sent it
    // commits, before that commit returns, and the listener cannot drop.
    listen: async (channel, handlers) => {
      const unsubscribe = await pglite.listen(channel, handlers.onMessage);
      handlers.onListening();
      return listeners.track(async () => {
        if (!pglite.closed) await unsubscribe();
      });
    },
    watchStatements: statements.watch,
    dumpDataDir: async () => {
      const dump = await pglite.dumpDataDir('none');
      return dump;
    },
  };
}
