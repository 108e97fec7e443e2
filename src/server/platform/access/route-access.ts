import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from './actor';
import { canDo, type RecordlessAction } from './policy';
import { forbidden, unauthorized, AppError } from '../http/errors';

/**
 * Every route says who may call it. A route without a declaration is refused (default deny), and
 * a test lists the routes to make sure none forgot.
 * - public: anyone, signed in or not (health, login, public forms);
 * - session: any signed-in user; the service then checks the record with `can`;
 * - action: a role-level rule of a policy.ts, checked before the handler runs.
 * `beforeTwoFactor` lets a user who still has to enrol in 2FA reach the route (enrolment itself).
 */
export type RouteAccess =
  | { kind: 'public' }
  | { kind: 'session'; beforeTwoFactor?: boolean }
  | { kind: 'action'; action: RecordlessAction; beforeTwoFactor?: boolean };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    routeCatalogue: readonly CataloguedRoute[];
  }
}

/** Checks the route's declaration against the actor resolved by the session hook. */
export function enforceRouteAccess(request: FastifyRequest): void {
  const access = request.routeOptions.config.access;
  if (!access) {
    if (request.routeOptions.url === undefined) return; // 404 handler
    throw forbidden();
  }
  if (access.kind === 'public') return;
  const actor = request.actor;
  if (!actor) throw unauthorized();
  if (actor.mustEnrolTwoFactor && !access.beforeTwoFactor) throw new AppError(403, 'enrolmentRequired');
  if (access.kind === 'action' && !canDo(actor, access.action)) throw forbidden();
}

export type CataloguedRoute = { method: string; url: string; access: RouteAccess | undefined };

/**
 * Routes of the OpenAPI viewer plugin and the files of the built web app (@fastify/static marks
 * them with `config.file`): public by nature, declared here on the plugins' behalf.
 */
const DOCUMENTATION_PREFIX = '/api/docs';

/**
 * Must be registered before any route: records every route with its declaration (for the test
 * that none is missing) and declares the documentation viewer's own routes public.
 */
export function registerRouteAccess(app: FastifyInstance): void {
  const catalogue: CataloguedRoute[] = [];
  app.decorate('routeCatalogue', catalogue);
  app.addHook('onRoute', (route) => {
    const servesStaticFile = typeof route.config === 'object' && route.config !== null && 'file' in route.config;
    if (route.url.startsWith(DOCUMENTATION_PREFIX) || servesStaticFile) {
      route.config = { ...route.config, access: { kind: 'public' } };
    }
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) catalogue.push({ method, url: route.url, access: route.config?.access });
  });
  app.decorateRequest('actor', null);
}

export type ActorResolver = (request: FastifyRequest, reply: FastifyReply) => Promise<Actor | null>;

/** Registered after the platform plugins: who is calling, then may they call this route. */
export function registerAccessEnforcement(app: FastifyInstance, resolveActor: ActorResolver): void {
  app.addHook('onRequest', async (request, reply) => {
    request.actor = await resolveActor(request, reply);
    enforceRouteAccess(request);
  });
}
