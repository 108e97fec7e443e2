import type { FastifyInstance } from 'fastify';
import { registerDocumentRoutes } from './document-routes';
import { registerTemplateRoutes } from './template-routes';
import { registerVersionRoutes } from './version-routes';
import { registerWritingRoutes } from './writing-routes';
import './policy';

/** Recovery documents (issue #5, the documents themselves): one registration call. Sharing, crisis card and PDF register apart. */
export function registerRecoveryDocumentRoutes(app: FastifyInstance): void {
  registerTemplateRoutes(app);
  registerDocumentRoutes(app);
  registerWritingRoutes(app);
  registerVersionRoutes(app);
}
