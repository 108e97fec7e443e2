import type { FastifyInstance } from 'fastify';
import { registerRightsRoutes } from './routes';
import './merge-step';
import './retention';

/** Rights of the person and retention (issue #4, point 9): one registration call. */
export function registerRights(app: FastifyInstance): void {
  registerRightsRoutes(app);
}
