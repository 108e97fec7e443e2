import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZSharedWithMeParams, ZVersionPdfParams } from '../../../../shared/recovery-sharing';
import { withActorContext } from '../../../platform/http/context';
import { SHARING_TAGS, SIGNED_IN } from '../sharing/owner-routes';
import { renderDocumentPdf } from './document-pdf';
import { pdfFileName, sharedPdfModel, versionPdfModel } from './downloads';

/** PDFs of a document: the whole version (owner, facilitator) or what was shared (recipient). Each download is audited. */
export function registerDocumentPdfRoutes(app: FastifyInstance): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/recovery-documents/:id/versions/:versionNo/pdf',
    {
      config: SIGNED_IN,
      schema: {
        tags: SHARING_TAGS,
        summary: 'Télécharger une version en PDF (la personne, un pair facilitateur invité) — téléchargement tracé',
        params: ZVersionPdfParams,
      },
    },
    async (request, reply) => {
      const model = await withActorContext(request, (ctx) => versionPdfModel(ctx, request.params.id, request.params.versionNo));
      const pdf = await renderDocumentPdf(model);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${pdfFileName(model.title, model.versionNo)}"`).send(pdf);
    },
  );

  typed.get(
    '/api/shared-with-me/:shareId/pdf',
    {
      config: SIGNED_IN,
      schema: {
        tags: SHARING_TAGS,
        summary: 'Télécharger en PDF ce qui m’a été partagé (parties partagées seulement) — téléchargement tracé',
        params: ZSharedWithMeParams,
      },
    },
    async (request, reply) => {
      const model = await withActorContext(request, (ctx) => sharedPdfModel(ctx, request.params.shareId));
      const pdf = await renderDocumentPdf(model);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${pdfFileName(model.title, model.versionNo)}"`).send(pdf);
    },
  );
}
