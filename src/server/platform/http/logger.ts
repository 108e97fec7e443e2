import type { FastifyServerOptions } from 'fastify';

/**
 * Logs say what happened to which route, never to whom: no bodies, no query strings (they may
 * carry names or tokens), no cookies.
 */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    serializers: {
      req: (request: { method: string; url: string; id: string }) => ({
        id: request.id,
        method: request.method,
        url: request.url.split('?')[0],
      }),
    },
  };
}
