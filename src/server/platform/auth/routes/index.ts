import type { FastifyInstance } from 'fastify';

/** Public and account routes of authentication: login, 2FA, passwords, invitations, "my account". */
export function registerAuthRoutes(_app: FastifyInstance): void {}
