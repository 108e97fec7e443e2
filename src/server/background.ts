import type { FastifyInstance } from 'fastify';

export type BackgroundWork = { stop: () => Promise<void> };

/** Loops that run beside the HTTP server in every process: mail sender, job runner. */
export function startBackgroundWork(_app: FastifyInstance): BackgroundWork {
  return { stop: async () => undefined };
}
