import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';

/** Serves the built React app; any non-API path gets index.html so the client router takes over. */
export async function registerWebApp(app: FastifyInstance): Promise<void> {
  const webDist = app.deps.config.webDistDir;
  if (!existsSync(webDist)) {
    app.log.warn('dist/web absent : lancez « npm run build:web » pour servir l’interface');
    return;
  }
  await app.register(fastifyStatic, { root: webDist, prefix: '/', wildcard: false });
  app.get('/*', { config: { access: { kind: 'public' } }, schema: { hide: true } }, (request, reply) => {
    if (request.url.startsWith('/api/')) {
      return reply.callNotFound();
    }
    return reply.sendFile('index.html');
  });
}
