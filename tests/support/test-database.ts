import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/server/db/client';

/**
 * A migrated, empty database for one test file: in-memory PGlite, or a fresh database on the
 * server named by TEST_DATABASE_URL (created here, dropped by `dispose`).
 */
export async function openTestDatabase(): Promise<DatabaseHandle & { dispose: () => Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  // Prepared once per run by tests/support/global-setup.ts (absent when a file runs under another config).
  const dumpPath = inject('pgliteDumpPath') ?? null;
  const template = inject('templateDatabase') ?? null;
  if (!serverUrl) {
    const loadDataDir = dumpPath ? new Blob([await readFile(dumpPath)]) : undefined;
    const handle = await openDatabase({ kind: 'pglite', dataDir: undefined, ...(loadDataDir ? { loadDataDir } : {}) });
    await handle.migrate(); // nothing left to apply when loaded from the migrated dump
    return { ...handle, dispose: handle.close };
  }
  const name = `passerelle_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgresql', url: url.toString(), poolSize: 5 });
  await handle.migrate();
  return {
    ...handle,
    dispose: async () => {
      await handle.close();
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
