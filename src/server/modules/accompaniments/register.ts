import type { FastifyInstance } from 'fastify';
import { registerPeerDirectoryRoute } from './peer-directory';
import { registerPersonAccompanimentRoutes } from './person-routes';
import { registerAccompanimentCoreRoutes } from './routes';
import { registerAccompanimentWorkRoutes } from './work-routes';
import './merge-step';

/** Accompaniments (issue #4 point 5): one registration call. */
export function registerAccompanimentRoutes(app: FastifyInstance): void {
  registerAccompanimentCoreRoutes(app);
  registerAccompanimentWorkRoutes(app);
  registerPersonAccompanimentRoutes(app);
  registerPeerDirectoryRoute(app);
}
