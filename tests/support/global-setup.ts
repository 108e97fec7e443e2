import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/server/db/client';
import { adminQuery, withDatabase } from '../../scripts/support/pg-admin';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated PGlite data folder (dumpDataDir), loaded by each test file instead of initdb + migrations. */
    pgliteDumpPath: string | null;
    /** A migrated database on the server, copied by each test file (CREATE DATABASE … TEMPLATE). */
    templateDatabase: string | null;
  }
}

/**
 * Migrates once per run instead of once per test file: opening an empty PGlite (initdb) costs
 * seconds per file on this machine, and a copy of a migrated template is cheaper than migrating.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `passerelle_template_${randomBytes(5).toString('hex')}`;
    await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
    const handle = await openDatabase({ kind: 'postgresql', url: withDatabase(serverUrl, name), poolSize: 1 });
    await handle.migrate();
    await handle.close();
    project.provide('templateDatabase', name);
    project.provide('pgliteDumpPath', null);
    return async () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  const handle = await openDatabase({ kind: 'pglite', dataDir: undefined });
  await handle.migrate();
  if (!handle.dumpDataDir) throw new Error('PGlite handle without dumpDataDir');
  const dump = await handle.dumpDataDir();
  await handle.close();
  const folder = await mkdtemp(join(tmpdir(), 'passerelle-test-dump-'));
  const path = join(folder, 'migrated.tar');
  await writeFile(path, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteDumpPath', path);
  project.provide('templateDatabase', null);
  return async () => rm(folder, { recursive: true, force: true });
}
