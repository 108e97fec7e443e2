import type { FastifyInstance } from 'fastify';
import { registerContinuityRoutes } from './routes';
import './merge-step';
import './rupture-detection';

/** Continuity after a rupture (issue #4, point 6): one registration call. */
export function registerContinuity(app: FastifyInstance): void {
  registerContinuityRoutes(app);
}
