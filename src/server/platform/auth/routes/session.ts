import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZAccountUpdateInput, ZSessionView } from '../../../../shared/auth';
import { logout, updateMyAccount } from '../account';
import { exchangeFor, sendCookies } from '../auth-exchange';
import { loadSessionView } from '../session-view';
import { requireActor, SESSION, SESSION_BEFORE_TWO_FACTOR, TAGS } from './route-support';

export function registerSessionRoutes(app: FastifyInstance): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/auth/session',
    {
      config: { access: SESSION_BEFORE_TWO_FACTOR },
      schema: { tags: TAGS, summary: 'Session en cours : utilisateur, rôles, organisation', response: { 200: ZSessionView } },
    },
    async (request) => loadSessionView(app.deps.database.db, requireActor(request).userId),
  );

  routes.patch(
    '/api/auth/me',
    {
      config: { access: SESSION },
      schema: {
        tags: TAGS,
        summary: 'Modifier mes préférences (langue)',
        body: ZAccountUpdateInput,
        response: { 200: ZSessionView },
      },
    },
    async (request) => updateMyAccount(request, requireActor(request), request.body),
  );

  routes.post(
    '/api/auth/logout',
    {
      config: { access: SESSION_BEFORE_TWO_FACTOR },
      schema: { tags: TAGS, summary: 'Se déconnecter (supprime la session)' },
    },
    async (request, reply) => {
      const exchange = exchangeFor(request);
      await logout(exchange, requireActor(request));
      sendCookies(reply, exchange);
      return reply.status(204).send();
    },
  );
}
