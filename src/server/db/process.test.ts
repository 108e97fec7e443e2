// The real server as an operator runs it (tsx src/server/main.ts) on a PGlite data folder: the
// folder lock, a clean SIGTERM, and recovery after kill -9. Each start opens PGlite (seconds).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const tsx = join(root, 'node_modules/.bin/tsx');
const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-process-'));
const pidFile = join(dataDir, 'passerelle.pid');
const STARTUP_MS = 150_000; // generous: a loaded CI machine makes PGlite slow to open

type Server = { child: ChildProcess; port: number; output: () => string; exited: Promise<{ code: number | null; signal: string | null }> };
const started: Server[] = [];

afterAll(() => {
  for (const server of started) if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
  const owner = readPid();
  if (owner !== null && isAlive(owner)) process.kill(owner, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function startServer(): Promise<Server> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    DEMO_SEED: 'never',
    LOG_LEVEL: 'info',
  };
  delete env.DATABASE_URL;
  delete env.SMTP_URL;
  const child = spawn(process.execPath, [tsx, 'src/server/main.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const server = { child, port, output: () => output, exited };
  started.push(server);
  return server;
}

async function health(port: number): Promise<number | null> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(20_000) });
    return response.status;
  } catch {
    return null;
  }
}

async function waitHealthy(server: Server): Promise<void> {
  const deadline = Date.now() + STARTUP_MS;
  while ((await health(server.port)) !== 200) {
    if (server.child.exitCode !== null) throw new Error(`server exited: ${server.output()}`);
    if (Date.now() > deadline) throw new Error(`server not healthy in time: ${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function readPid(): number | null {
  if (!existsSync(pidFile)) return null;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').trim(), 10);
  return Number.isInteger(pid) ? pid : null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('the server process on a PGlite data folder', () => {
  let first: Server;

  it('starts on an empty folder and answers /api/health', async () => {
    first = await startServer();
    await waitHealthy(first);
    expect(await (await fetch(`http://127.0.0.1:${first.port}/api/health`)).json()).toMatchObject({ status: 'ok', database: 'pglite' });
    const owner = readPid();
    expect(owner).not.toBeNull();
    expect(isAlive(owner ?? -1)).toBe(true);
  }, STARTUP_MS + 10_000);

  it('refuses a second server on the same folder with a message naming it; the first is unaffected', async () => {
    const second = await startServer();
    const { code } = await second.exited;
    expect(code).not.toBe(0);
    expect(second.output()).toContain(dataDir);
    expect(second.output()).toContain('déjà utilisé');
    expect(await health(first.port)).toBe(200);
    expect(await health(second.port)).toBeNull();
  }, STARTUP_MS);

  it('SIGTERM ends it with exit code 0 and releases the lock', async () => {
    first.child.kill('SIGTERM');
    expect(await first.exited).toEqual({ code: 0, signal: null });
    expect(existsSync(pidFile)).toBe(false);
    expect(first.output()).toContain('arrêt');
  }, STARTUP_MS);

  it('after kill -9 the lock is stale, and a restart on the same folder takes it over', async () => {
    const crashed = await startServer();
    await waitHealthy(crashed);
    const owner = readPid();
    if (owner === null) throw new Error('no PID file');
    process.kill(owner, 'SIGKILL'); // the process that holds the folder, as a crash or the OOM killer would
    await crashed.exited;
    expect(readPid()).toBe(owner);
    expect(isAlive(owner)).toBe(false);

    const restarted = await startServer();
    await waitHealthy(restarted);
    const newOwner = readPid();
    expect(newOwner).not.toBe(owner);
    expect(isAlive(newOwner ?? -1)).toBe(true);

    restarted.child.kill('SIGTERM');
    expect((await restarted.exited).code).toBe(0);
    expect(existsSync(pidFile)).toBe(false);
  }, 2 * STARTUP_MS);
});
