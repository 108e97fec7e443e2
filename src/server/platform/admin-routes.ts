import type { FastifyInstance } from 'fastify';

/** Administration: users and roles, invitations, organisations, audit log, outbox. */
export function registerAdminRoutes(_app: FastifyInstance): void {}
