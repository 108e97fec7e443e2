import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TConfig } from '../../../config';
import { openDatabase, type DatabaseHandle } from '../../../db/client';
import { lockDataDir } from '../../../db/data-dir-lock';
import { BackupRefusedError } from './format';

export type ConfiguredDatabase = { handle: DatabaseHandle; description: string; close: () => Promise<void> };

/**
 * Opens the database the server would open (DATABASE_URL, else PGlite in DATA_DIR/pglite). On
 * PGlite it takes the data-folder lock first: a running server holds it, and two processes on one
 * PGlite folder would corrupt it, so the command refuses instead (DataDirLockedError).
 */
export async function openConfiguredDatabase(
  config: TConfig,
  options: { mustExist: boolean },
): Promise<ConfiguredDatabase> {
  if (config.databaseUrl) {
    const handle = await openDatabase({ kind: 'postgresql', url: config.databaseUrl, poolSize: 2 });
    return { handle, description: `PostgreSQL ${withoutPassword(config.databaseUrl)}`, close: handle.close };
  }
  const folder = join(config.dataDir, 'pglite');
  const release = lockDataDir(config.dataDir);
  try {
    if (options.mustExist && !existsSync(folder)) {
      throw new BackupRefusedError(`Aucune base Passerelle dans ${folder} (vérifiez DATA_DIR).`);
    }
    const handle = await openDatabase({ kind: 'pglite', dataDir: folder });
    return {
      handle,
      description: `PGlite ${folder}`,
      close: async () => {
        try {
          await handle.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

function withoutPassword(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
