import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CSRF_COOKIE, CSRF_HEADER } from '../../../shared/auth';
import { forbidden } from './errors';

const UNSAFE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
/**
 * Cookies that authenticate a request: the session, and the two-factor challenge between the
 * password and the code. Behind https better-auth prefixes them with `__Secure-`.
 */
const AUTHENTICATING_COOKIES = ['passerelle.session_token', 'passerelle.two_factor'];

/** Compares two secrets in a time that does not depend on where they first differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function isApi(request: FastifyRequest): boolean {
  return request.url === '/api' || request.url.startsWith('/api/');
}

function carriesAuthentication(request: FastifyRequest): boolean {
  return Object.keys(request.cookies ?? {}).some((name) =>
    AUTHENTICATING_COOKIES.some((cookie) => name === cookie || name === `__Secure-${cookie}`),
  );
}

/**
 * Double-submit token: a page of another site can make the browser send our cookies, but it can
 * neither read `passerelle.csrf` nor set a custom header, so a write whose header matches the
 * cookie comes from our own app. Requests without an authenticating cookie have nothing to forge.
 */
export function checkCsrf(request: FastifyRequest): void {
  if (!UNSAFE_METHODS.has(request.method) || !isApi(request) || !carriesAuthentication(request)) return;
  const cookie = request.cookies?.[CSRF_COOKIE];
  const header = request.headers[CSRF_HEADER];
  if (!cookie || typeof header !== 'string' || !constantTimeEqual(cookie, header)) throw forbidden('csrf');
}

/**
 * Registered right after the access enforcement: checks every cookie-authenticated write, and
 * hands a token to any API caller that has none yet (on every answer, errors included, so the
 * first "signed out" 401 already carries it). Readable by the app's script on purpose.
 */
export function registerCsrfProtection(app: FastifyInstance): void {
  const secure = app.deps.config.appUrl.startsWith('https://');
  // Callback hooks, not async ones: they run on every request and need no promise.
  app.addHook('onRequest', (request, _reply, done) => {
    try {
      checkCsrf(request);
      done();
    } catch (error) {
      done(error instanceof Error ? error : new Error(String(error)));
    }
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    if (isApi(request) && !request.cookies?.[CSRF_COOKIE]) {
      const token = randomBytes(32).toString('base64url');
      reply.header('set-cookie', app.serializeCookie(CSRF_COOKIE, token, { path: '/', sameSite: 'lax', secure, httpOnly: false }));
    }
    done(null, payload);
  });
}
