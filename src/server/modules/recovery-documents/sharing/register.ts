import type { FastifyInstance } from 'fastify';
import { registerCrisisCardRoutes } from '../crisis-card/routes';
import { registerPublicCrisisRoutes } from '../crisis-card/public-routes';
import { registerDocumentPdfRoutes } from '../pdf/routes';
import { registerOwnerSharingRoutes } from './owner-routes';
import { registerPublicShareRoutes } from './public-routes';
import { registerRecipientRoutes } from './recipient-routes';
import './policy';

/** Sharing of recovery documents (issue #5 points 4–7): shares, copies, views, crisis card, PDFs. */
export function registerRecoverySharingRoutes(app: FastifyInstance): void {
  registerOwnerSharingRoutes(app);
  registerRecipientRoutes(app);
  registerPublicShareRoutes(app);
  registerCrisisCardRoutes(app);
  registerPublicCrisisRoutes(app);
  registerDocumentPdfRoutes(app);
}
