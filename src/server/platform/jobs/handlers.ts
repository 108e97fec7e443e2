import type { Database } from '../../db/client';
import type { jobs } from './schema';

export type Job = typeof jobs.$inferSelect;

export type JobContext = {
  job: Job;
  /** Open your own transaction(s) on it: the runner's claim has already committed. */
  db: Database;
  /** The runner's clock at the moment the job was claimed. */
  now: Date;
};

/**
 * The work of one job. It MUST be idempotent: a job runs again when its process dies after doing
 * the work but before marking it done, or when it outlives its lock (`lockSeconds`). Throw to ask
 * for a retry; keep error messages free of personal data (they are stored and logged).
 */
export type JobHandler = (context: JobContext) => Promise<void>;

const registry = new Map<string, JobHandler>();

/** The handlers of every module, read by the runner each time it starts a job. */
export const jobHandlers: ReadonlyMap<string, JobHandler> = registry;

/** Called once per job name when a module is loaded; two modules claiming one name is a bug. */
export function registerJobHandler(name: string, handler: JobHandler): void {
  if (registry.has(name)) throw new Error(`job handler already registered: ${name}`);
  registry.set(name, handler);
}
