import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZSessionView, ZTwoFactorConfirmInput, ZTwoFactorSetup, ZTwoFactorSetupInput } from '../../../../shared/auth';
import { exchangeFor, sendCookies } from '../auth-exchange';
import { confirmTwoFactor, startTwoFactorSetup } from '../two-factor';
import { requireActor, SESSION_BEFORE_TWO_FACTOR, TAGS } from './route-support';

export function registerTwoFactorRoutes(app: FastifyInstance): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.post(
    '/api/auth/two-factor/setup',
    {
      config: { access: SESSION_BEFORE_TWO_FACTOR },
      schema: {
        tags: TAGS,
        summary: 'Double authentification : nouveau secret, QR code et codes de secours',
        body: ZTwoFactorSetupInput,
        response: { 200: ZTwoFactorSetup },
      },
    },
    async (request) => startTwoFactorSetup(exchangeFor(request), requireActor(request), request.body.password),
  );

  routes.post(
    '/api/auth/two-factor/confirm',
    {
      config: { access: SESSION_BEFORE_TWO_FACTOR },
      schema: {
        tags: TAGS,
        summary: 'Double authentification : confirmer avec un premier code',
        body: ZTwoFactorConfirmInput,
        response: { 200: ZSessionView },
      },
    },
    async (request, reply) => {
      const exchange = exchangeFor(request);
      const view = await confirmTwoFactor(exchange, requireActor(request), request.body.code);
      sendCookies(reply, exchange);
      return view;
    },
  );
}
