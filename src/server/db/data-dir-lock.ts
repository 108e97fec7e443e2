import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirLockedError extends Error {}

/**
 * PGlite does not lock its folder (upstream issue electric-sql/pglite #1106): two processes on one
 * folder would corrupt it. We keep a PID file, as PostgreSQL does: a live owner refuses us; a dead
 * owner's file (killed process) is taken over. The file also records when its owner started
 * (Linux): a PID alone is reused, quickly in a container where each start counts PIDs from 1, and
 * a crashed server's PID held by another process must not block the restart forever.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = join(dataDir, 'passerelle.pid');
  const identity = processIdentity(process.pid);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(lockFile, 'wx', 0o600);
      writeSync(fd, identity);
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(lockFile, 'utf8').trim() === identity) unlinkSync(lockFile);
        } catch {
          // already gone: nothing to release
        }
      };
    } catch (error) {
      if (!isCode(error, 'EEXIST')) throw error;
      const [pidText, startedAt] = readFileSync(lockFile, 'utf8').trim().split(' ');
      const owner = Number.parseInt(pidText ?? '', 10);
      if (Number.isInteger(owner) && owner !== process.pid && isSameLiveProcess(owner, startedAt)) {
        throw new DataDirLockedError(
          `Le dossier de données ${dataDir} est déjà utilisé par le processus ${owner}. ` +
            'Arrêtez-le avant de relancer Passerelle (deux processus corrompraient la base).',
        );
      }
      unlinkSync(lockFile); // its owner died without cleaning up
    }
  }
  throw new DataDirLockedError(`Impossible de verrouiller ${dataDir}`);
}

/** "pid starttime" where /proc tells the start time (in clock ticks since boot), else "pid". */
function processIdentity(pid: number): string {
  const startedAt = startTime(pid);
  return startedAt ? `${pid} ${startedAt}` : String(pid);
}

function isSameLiveProcess(pid: number, recordedStart: string | undefined): boolean {
  if (!isAlive(pid)) return false;
  const current = startTime(pid);
  // Without a recorded or a readable start time, a live PID is taken as the owner: refusing is safer.
  return recordedStart === undefined || current === null || current === recordedStart;
}

function startTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22; counted after the command name, which may itself hold spaces and parentheses.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return isCode(error, 'EPERM');
  }
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}
