import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { ZHealth } from '../../../shared/health';
import { appVersion } from '../../version';

export function registerHealthRoute(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      config: { access: { kind: 'public' } },
      schema: { tags: ['platform'], summary: 'État du service', response: { 200: ZHealth } },
    },
    async () => {
      await app.deps.database.db.execute(sql`select 1`);
      return { status: 'ok' as const, database: app.deps.database.kind, version: appVersion };
    },
  );
}
