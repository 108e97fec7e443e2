import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZSharedDocument, ZSharedWithMeList, ZSharedWithMeParams } from '../../../../shared/recovery-sharing';
import { withActorContext, withActorRead } from '../../../platform/http/context';
import { listSharedWithMe, readMyShare } from './recipient';
import { SHARING_TAGS, SIGNED_IN } from './owner-routes';

/** The recipient's side: documents shared with the signed-in user (the PDF route is in pdf/routes.ts). */
export function registerRecipientRoutes(app: FastifyInstance): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/shared-with-me',
    {
      config: SIGNED_IN,
      schema: {
        tags: SHARING_TAGS,
        summary: 'Les documents partagés avec moi (partages en cours seulement)',
        response: { 200: ZSharedWithMeList },
      },
    },
    (request) => withActorRead(request, async (ctx) => ({ items: await listSharedWithMe(ctx) })),
  );

  typed.get(
    '/api/shared-with-me/:shareId',
    {
      config: SIGNED_IN,
      schema: {
        tags: SHARING_TAGS,
        summary: 'Lire un document partagé avec moi : seulement les parties partagées (lecture tracée, vue par la personne)',
        description: 'Partage retiré ou expiré, ou qui ne m’est pas destiné : 404.',
        params: ZSharedWithMeParams,
        response: { 200: ZSharedDocument },
      },
    },
    (request) => withActorContext(request, (ctx) => readMyShare(ctx, request.params.shareId)),
  );
}
