import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppDeps } from './deps';
import { registerProblemHandlers } from './platform/http/problem';
import { registerAccessEnforcement, registerRouteAccess } from './platform/access/route-access';
import { createAuth } from './platform/auth/better-auth';
import { resolveActor } from './platform/auth/actor-resolution';
import { sendPasswordResetMail } from './platform/auth/password-reset-mail';
import { registerHealthRoute } from './platform/http/health';
import { registerCsrfProtection } from './platform/http/csrf';
import { registerSecurityHeaders } from './platform/http/security-headers';
import { registerDurableAcknowledgement } from './platform/http/durability';
import { registerWebApp } from './platform/http/web-app';
import { appVersion } from './version';
import { registerAuthRoutes } from './platform/auth/routes/index';
import { registerAdminRoutes } from './platform/admin-routes';
import { registerPersonAndRequestRoutes } from './modules/requests/register';
import './platform/access/policies';
import { loggerOptions } from './platform/http/logger';

export const BODY_LIMIT_BYTES = 1024 * 1024;

/** The whole HTTP application: platform plugins first, then each module's routes. */
export async function buildApp(deps: AppDeps, options: { serveWeb?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(deps.config.logLevel),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: deps.config.env === 'production',
    ajv: { customOptions: { removeAdditional: false } },
  });
  app.decorate('deps', deps);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandlers(app);
  registerRouteAccess(app);

  registerSecurityHeaders(app, { https: deps.config.appUrl.startsWith('https://') });
  await app.register(cookie, { secret: deps.config.sessionSecret });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Passerelle API', version: appVersion, description: 'API de la plateforme Passerelle' },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'passerelle.session_token' } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { docExpansion: 'list' },
    staticCSP: true,
  });
  app.get('/api/openapi.json', { config: { access: { kind: 'public' } }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  app.decorate('auth', createAuth(deps, (mail) => sendPasswordResetMail(deps, mail)));
  registerAccessEnforcement(app, (request, reply) => resolveActor(app, request, reply));
  registerCsrfProtection(app);
  registerDurableAcknowledgement(app);
  registerHealthRoute(app);
  registerAuthRoutes(app);
  registerAdminRoutes(app);
  registerPersonAndRequestRoutes(app);

  if (options.serveWeb) await registerWebApp(app);
  return app;
}
