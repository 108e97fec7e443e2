import type { FastifyInstance } from 'fastify';
import { registerPortalDataRoutes } from './data-routes';
import { registerPortalPersonRoutes } from './portal-routes';
import { registerPortalStaffRoutes } from './staff-routes';
// Steps other parts run inside their own transactions: invitation acceptance, person merge.
import './account-link';
import './merge-step';

/** The person portal (issue #4 point 8): one registration call. */
export function registerPortalRoutes(app: FastifyInstance): void {
  registerPortalPersonRoutes(app);
  registerPortalDataRoutes(app);
  registerPortalStaffRoutes(app);
}
