import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZOutboxMessageDetail, ZOutboxPage } from '../../../shared/admin';
import { ZPageQuery } from '../../../shared/pagination';
import { withActorContext } from '../http/context';
import { getOutboxMessage, listOutbox } from './service';

const access = { access: { kind: 'action', action: 'outbox.read' } } as const;

/** The organisation's outgoing mail: how invitations are followed (and demoed) without SMTP. */
export function registerOutboxRoutes(app: FastifyInstance): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/admin/outbox',
    {
      config: access,
      schema: {
        tags: ['admin'],
        summary: 'Lister les e-mails sortants de l’organisation (les plus récents d’abord)',
        querystring: ZPageQuery,
        response: { 200: ZOutboxPage },
      },
    },
    (request) => withActorContext(request, (ctx) => listOutbox(ctx, request.query)),
  );

  typed.get(
    '/api/admin/outbox/:id',
    {
      config: access,
      schema: {
        tags: ['admin'],
        summary: 'Lire un e-mail sortant avec son texte (lecture journalisée)',
        params: z.object({ id: z.uuid() }),
        response: { 200: ZOutboxMessageDetail },
      },
    },
    (request) => withActorContext(request, (ctx) => getOutboxMessage(ctx, request.params.id)),
  );
}
