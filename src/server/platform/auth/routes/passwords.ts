import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZPasswordChangeInput, ZPasswordForgotInput, ZPasswordResetInput } from '../../../../shared/auth';
import { exchangeFor, sendCookies } from '../auth-exchange';
import { changePassword, requestPasswordReset, resetPassword } from '../passwords';
import { PUBLIC, requireActor, SESSION_BEFORE_TWO_FACTOR, TAGS } from './route-support';

export function registerPasswordRoutes(app: FastifyInstance): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.post(
    '/api/auth/password/change',
    {
      config: { access: SESSION_BEFORE_TWO_FACTOR },
      schema: { tags: TAGS, summary: 'Changer mon mot de passe', body: ZPasswordChangeInput },
    },
    async (request, reply) => {
      const exchange = exchangeFor(request);
      await changePassword(exchange, requireActor(request), request.body);
      sendCookies(reply, exchange);
      return reply.status(204).send();
    },
  );

  routes.post(
    '/api/auth/password/forgot',
    {
      config: { access: PUBLIC },
      schema: {
        tags: TAGS,
        summary: 'Mot de passe oublié : envoyer un lien de réinitialisation',
        description: 'Répond 202 dans tous les cas, que le compte existe ou non.',
        body: ZPasswordForgotInput,
      },
    },
    async (request, reply) => {
      await requestPasswordReset(exchangeFor(request), request.body.email);
      return reply.status(202).send();
    },
  );

  routes.post(
    '/api/auth/password/reset',
    {
      config: { access: PUBLIC },
      schema: { tags: TAGS, summary: 'Choisir un nouveau mot de passe avec le lien reçu', body: ZPasswordResetInput },
    },
    async (request, reply) => {
      await resetPassword(exchangeFor(request), request.body);
      return reply.status(204).send();
    },
  );
}
