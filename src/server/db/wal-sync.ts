import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * PGlite runs PostgreSQL with fsync off and its Node filesystem never calls fsync (upstream issues
 * electric-sql/pglite #1065 and #1107): a commit reaches the kernel's page cache, not the disk.
 * We fsync the write-ahead log ourselves before acknowledging a write, so a committed
 * transaction survives a power loss as well as a killed process.
 */
export async function syncPgliteWal(dataDir: string): Promise<void> {
  const walDir = join(dataDir, 'pg_wal');
  const names = await readdir(walDir);
  await Promise.all(
    names.filter((name) => /^[0-9A-F]{24}$/.test(name)).map((name) => fsyncPath(join(walDir, name))),
  );
  await fsyncPath(walDir);
}

async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
