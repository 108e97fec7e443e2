import type { FastifyInstance } from 'fastify';
import { registerUserRoutes } from './auth/users/routes';
import { registerInvitationRoutes } from './auth/invitations/routes';
import { registerOrganizationRoutes } from './tenancy/routes';
import { registerAuditRoutes } from './audit/routes';
import { registerOutboxRoutes } from './mail/routes';

/** Administration: users and roles, invitations, organisations, audit log, outbox. */
export function registerAdminRoutes(app: FastifyInstance): void {
  registerUserRoutes(app);
  registerInvitationRoutes(app);
  registerOrganizationRoutes(app);
  registerAuditRoutes(app);
  registerOutboxRoutes(app);
}
