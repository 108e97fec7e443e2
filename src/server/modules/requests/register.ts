import type { FastifyInstance } from 'fastify';
import { registerPersonRoutes } from '../persons/routes';
import { registerAccompanimentRoutes } from '../accompaniments/register';
import { registerPortalRoutes } from '../portal/register';
import { registerContinuity } from '../continuity/register';
import { registerRights } from '../rights/register';
import { registerRecoveryDocumentRoutes } from '../recovery-documents/register';
import { registerRecoverySharingRoutes } from '../recovery-documents/sharing/register';
import { registerPublicRequestRoutes } from './public-routes';
import { registerReferralRoutes } from './referral-routes';
import { registerTriageRoutes } from './routes';
import './merge-step';

/** Persons and requests (issue #4) and their recovery documents (issue #5): one registration call from app.ts. */
export function registerPersonAndRequestRoutes(app: FastifyInstance): void {
  registerPersonRoutes(app);
  registerPublicRequestRoutes(app);
  registerReferralRoutes(app);
  registerTriageRoutes(app);
  registerAccompanimentRoutes(app);
  registerPortalRoutes(app);
  registerContinuity(app);
  registerRights(app);
  registerRecoveryDocumentRoutes(app);
  registerRecoverySharingRoutes(app);
}
