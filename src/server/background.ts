import { hostname } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { jobHandlers } from './platform/jobs/handlers';
import { createJobRunner } from './platform/jobs/runner';
import { createMailSender } from './platform/mail/sender';
import { scheduleHousekeeping } from './platform/housekeeping';
import { scheduleRuptureDetection } from './modules/continuity/rupture-detection';
import { scheduleRetentionReview } from './modules/rights/retention';
import { registerRecoveryDocumentJobs } from './modules/recovery-documents/review-reminders';

export type BackgroundWork = { stop: () => Promise<void> };

/**
 * Loops that run beside the HTTP server in every process: the job runner and the mail sender.
 * Several processes on one PostgreSQL share the work through row locks, so nothing runs twice.
 */
export async function startBackgroundWork(app: FastifyInstance): Promise<BackgroundWork> {
  const { database, config, clock } = app.deps;
  await scheduleHousekeeping(database.db, clock());
  await scheduleRuptureDetection(database.db, clock());
  await scheduleRetentionReview(database.db, clock());
  await registerRecoveryDocumentJobs(database.db, clock());
  const runner = createJobRunner({
    db: database.db,
    workerId: `${hostname()}:${process.pid}`,
    handlers: jobHandlers,
    clock,
    log: app.log,
    flush: database.flush,
  });
  const mail = createMailSender({
    db: database.db,
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    clock,
    log: app.log,
    flush: database.flush,
  });
  runner.start();
  mail.start();
  return {
    stop: async () => {
      await Promise.all([runner.stop(), mail.stop()]);
    },
  };
}
