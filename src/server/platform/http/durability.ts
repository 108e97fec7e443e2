import type { FastifyInstance } from 'fastify';

/**
 * A response goes out only once what the request wrote is on disk. PostgreSQL guarantees it at
 * COMMIT; on PGlite the flush fsyncs the write-ahead log (see db/wal-sync.ts).
 */
export function registerDurableAcknowledgement(app: FastifyInstance): void {
  if (app.deps.database.kind !== 'pglite') return;
  app.addHook('onSend', async (request, _reply, payload) => {
    if (request.url.startsWith('/api/') && request.url !== '/api/health') await app.deps.database.flush();
    return payload;
  });
}
