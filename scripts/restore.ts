// npm run restore -- <file>: restores a backup into the configured database, which must be empty.
import { createReadStream, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/server/config';
import { DataDirLockedError } from '../src/server/db/data-dir-lock';
import { BackupRefusedError } from '../src/server/platform/documents/backup/format';
import { openConfiguredDatabase } from '../src/server/platform/documents/backup/open-configured';
import { restoreDatabase } from '../src/server/platform/documents/backup/restore';

async function main(): Promise<void> {
  const { positionals } = parseArgs({ allowPositionals: true });
  const [argument] = positionals;
  if (!argument || positionals.length > 1) {
    throw new BackupRefusedError('Indiquez un fichier : npm run restore -- backups/passerelle-….ndjson.gz');
  }
  const file = resolve(argument);
  if (!existsSync(file)) throw new BackupRefusedError(`Fichier introuvable : ${file}`);
  const config = loadConfig();
  const database = await openConfiguredDatabase(config, { mustExist: false });
  try {
    const summary = await restoreDatabase(database.handle, createReadStream(file));
    console.log(`Restauration de ${file} (sauvegarde ${summary.source} du ${summary.createdAt}) dans ${database.description}`);
    for (const table of summary.tables) console.log(`  ${table.name.padEnd(24)} ${String(table.rows).padStart(8)} lignes`);
    const total = summary.tables.reduce((sum, table) => sum + table.rows, 0);
    console.log(`${summary.tables.length} tables, ${total} lignes restaurées.`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof DataDirLockedError) {
    console.error(`Restauration impossible : le serveur Passerelle tourne sur ce dossier.\n${error.message}`);
    process.exit(2);
  }
  if (error instanceof ConfigError || error instanceof BackupRefusedError) {
    console.error(`Restauration impossible. ${error.message}`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
