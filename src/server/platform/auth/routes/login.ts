import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZLoginInput, ZLoginResult, ZRecoveryCodeInput, ZTotpInput } from '../../../../shared/auth';
import { exchangeFor, sendCookies } from '../auth-exchange';
import { loginWithPassword, loginWithSecondFactor } from '../login';
import { PUBLIC, TAGS } from './route-support';

export function registerLoginRoutes(app: FastifyInstance): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.post(
    '/api/auth/login',
    {
      config: { access: PUBLIC },
      schema: {
        tags: TAGS,
        summary: 'Se connecter (e-mail et mot de passe)',
        description: 'Répond `signed_in` avec la session, ou `totp_required` : envoyer alors le code à /login/totp.',
        body: ZLoginInput,
        response: { 200: ZLoginResult },
      },
    },
    async (request, reply) => {
      const exchange = exchangeFor(request);
      const result = await loginWithPassword(exchange, request.body);
      sendCookies(reply, exchange);
      return result;
    },
  );

  routes.post(
    '/api/auth/login/totp',
    {
      config: { access: PUBLIC },
      schema: {
        tags: TAGS,
        summary: 'Se connecter : code de l’application d’authentification',
        body: ZTotpInput,
        response: { 200: ZLoginResult },
      },
    },
    async (request, reply) => {
      const exchange = exchangeFor(request);
      const result = await loginWithSecondFactor(exchange, 'totp', request.body.code);
      sendCookies(reply, exchange);
      return result;
    },
  );

  routes.post(
    '/api/auth/login/recovery',
    {
      config: { access: PUBLIC },
      schema: {
        tags: TAGS,
        summary: 'Se connecter : code de secours (usage unique)',
        body: ZRecoveryCodeInput,
        response: { 200: ZLoginResult },
      },
    },
    async (request, reply) => {
      const exchange = exchangeFor(request);
      const result = await loginWithSecondFactor(exchange, 'recovery_code', request.body.code);
      sendCookies(reply, exchange);
      return result;
    },
  );
}
