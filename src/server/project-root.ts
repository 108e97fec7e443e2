import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The checkout's root (package.json and drizzle/ side by side), found from this file whether it
 * runs from src/ through tsx or bundled into dist/server/ (npm start): relative paths differ.
 */
function findProjectRoot(start: string): string {
  let directory = start;
  for (;;) {
    if (existsSync(join(directory, 'package.json')) && existsSync(join(directory, 'drizzle'))) return directory;
    const parent = dirname(directory);
    if (parent === directory) throw new Error(`project root not found above ${start}`);
    directory = parent;
  }
}

export const PROJECT_ROOT = findProjectRoot(dirname(fileURLToPath(import.meta.url)));
