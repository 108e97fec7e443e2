import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZInvitationAcceptInput, ZInvitationView } from '../../../../shared/auth';
import { exchangeFor } from '../auth-exchange';
import { acceptInvitation, viewInvitation } from '../invitation-acceptance';
import { PUBLIC, TAGS } from './route-support';

const ZInvitationParams = z.strictObject({ token: z.string().min(16).max(256) });

export function registerInvitationRoutes(app: FastifyInstance): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/auth/invitations/:token',
    {
      config: { access: PUBLIC },
      schema: {
        tags: TAGS,
        summary: 'Invitation : qui est invité, dans quelle organisation',
        params: ZInvitationParams,
        response: { 200: ZInvitationView },
      },
    },
    async (request) => viewInvitation(exchangeFor(request), request.params.token),
  );

  routes.post(
    '/api/auth/invitations/accept',
    {
      config: { access: PUBLIC },
      schema: {
        tags: TAGS,
        summary: 'Accepter une invitation en choisissant son mot de passe',
        body: ZInvitationAcceptInput,
      },
    },
    async (request, reply) => {
      await acceptInvitation(exchangeFor(request), request.body);
      return reply.status(204).send();
    },
  );
}
