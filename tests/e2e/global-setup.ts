import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { exited, startServer } from '../../scripts/support/server-process';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Builds the web app once and starts the real server on a fresh PGlite folder with demo data. */
export default async function setup(project: TestProject) {
  execFileSync('npm', ['run', '-s', 'build:web'], { stdio: 'inherit' });
  const dataDir = await mkdtemp(join(tmpdir(), 'passerelle-e2e-'));
  const server = await startServer({ DATA_DIR: dataDir, DEMO_SEED: 'auto', LOG_LEVEL: 'warn' }, 120_000);
  project.provide('baseUrl', server.url);
  return async () => {
    server.child.kill('SIGTERM');
    await exited(server.child);
    await rm(dataDir, { recursive: true, force: true });
  };
}
