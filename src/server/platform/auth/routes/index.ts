import type { FastifyInstance } from 'fastify';
import { registerInvitationRoutes } from './invitations';
import { registerLoginRoutes } from './login';
import { registerPasswordRoutes } from './passwords';
import { registerSessionRoutes } from './session';
import { registerTwoFactorRoutes } from './two-factor';

/** Public and account routes of authentication: login, 2FA, passwords, invitations, "my account". */
export function registerAuthRoutes(app: FastifyInstance): void {
  registerSessionRoutes(app);
  registerLoginRoutes(app);
  registerTwoFactorRoutes(app);
  registerPasswordRoutes(app);
  registerInvitationRoutes(app);
}
