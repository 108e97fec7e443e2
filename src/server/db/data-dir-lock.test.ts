import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './data-dir-lock';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const folders: string[] = [];
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function newFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'passerelle-lock-'));
  folders.push(folder);
  return folder;
}

/** Another process that takes the lock with the real code and keeps running until killed. */
async function lockInAnotherProcess(folder: string): Promise<ChildProcess> {
  const code = `import { lockDataDir } from './src/server/db/data-dir-lock.ts';
    lockDataDir(process.env.LOCK_DIR ?? ''); console.log('locked'); setInterval(() => undefined, 1000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: root,
    env: { ...process.env, LOCK_DIR: folder },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve());
    child.once('exit', () => reject(new Error(`lock holder exited: ${output}`)));
  });
  return child;
}

async function kill9(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

const lockFile = (folder: string) => join(folder, 'passerelle.pid');

describe('data-folder lock', () => {
  it('is refused while another live process holds it, with a message naming the folder', async () => {
    const folder = newFolder();
    const holder = await lockInAnotherProcess(folder);
    expect(() => lockDataDir(folder)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(folder)).toThrow(folder);
    expect(() => lockDataDir(folder)).toThrow(String(holder.pid));
  });

  it('takes over the file of a process killed with kill -9', async () => {
    const folder = newFolder();
    await kill9(await lockInAnotherProcess(folder));
    expect(existsSync(lockFile(folder))).toBe(true);
    const release = lockDataDir(folder);
    expect(readFileSync(lockFile(folder), 'utf8')).toMatch(new RegExp(`^${process.pid}\\b`));
    release();
    expect(existsSync(lockFile(folder))).toBe(false);
  });

  it.runIf(existsSync('/proc/self/stat'))(
    'takes over the file of a killed process whose PID the system gave to another live process (containers reuse PIDs)',
    async () => {
      const folder = newFolder();
      await kill9(await lockInAnotherProcess(folder));
      const unrelated = spawn('sleep', ['30']);
      children.push(unrelated);
      const left = readFileSync(lockFile(folder), 'utf8');
      writeFileSync(lockFile(folder), left.replace(/^\d+/, String(unrelated.pid)));

      const release = lockDataDir(folder);
      release();
    },
  );

  it('release removes only its own file', () => {
    const folder = newFolder();
    const release = lockDataDir(folder);
    writeFileSync(lockFile(folder), '999999999');
    release();
    expect(readFileSync(lockFile(folder), 'utf8')).toBe('999999999');
  });
});
