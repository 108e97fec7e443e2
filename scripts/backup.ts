// npm run backup [-- --out <file>]: a consistent, portable backup of the configured database.
import { createWriteStream, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/server/config';
import { DataDirLockedError } from '../src/server/db/data-dir-lock';
import { backupDatabase } from '../src/server/platform/documents/backup/backup';
import { BackupRefusedError } from '../src/server/platform/documents/backup/format';
import { openConfiguredDatabase } from '../src/server/platform/documents/backup/open-configured';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const config = loadConfig();
  const now = new Date();
  const file = resolve(values.out ?? `backups/passerelle-${now.toISOString().replace(/[:.]/g, '-')}.ndjson.gz`);
  const database = await openConfiguredDatabase(config, { mustExist: true });
  // Written under a temporary name: a backup cut short never looks like a complete one.
  const partial = `${file}.partial`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    const summary = await backupDatabase(database.handle, createWriteStream(partial, { mode: 0o600 }), now);
    renameSync(partial, file);
    console.log(`Sauvegarde de ${database.description}`);
    for (const table of summary.tables) console.log(`  ${table.name.padEnd(24)} ${String(table.rows).padStart(8)} lignes`);
    const total = summary.tables.reduce((sum, table) => sum + table.rows, 0);
    console.log(`${summary.tables.length} tables, ${total} lignes, ${statSync(file).size} octets → ${file}`);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof DataDirLockedError) {
    console.error(`Sauvegarde impossible : le serveur Passerelle tourne sur ce dossier.\n${error.message}`);
    process.exit(2);
  }
  if (error instanceof ConfigError || error instanceof BackupRefusedError) {
    console.error(`Sauvegarde impossible. ${error.message}`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
