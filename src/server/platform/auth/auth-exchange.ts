import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { fromNodeHeaders } from 'better-auth/node';
import type { Database } from '../../db/client';
import { appendAuditEvent, type AuditEntry, type AuditOrigin } from '../audit/append';
import { localeFromHeader, type Locale } from '../http/messages';

/**
 * What an authentication use case needs from the HTTP request, and the cookies better-auth wants
 * to set in return: services stay free of Fastify's reply, the route forwards `setCookies`.
 */
export type AuthExchange = {
  app: FastifyInstance;
  db: Database;
  /** The request's headers in the Fetch form better-auth reads (cookies above all). */
  headers: Headers;
  cookies: Record<string, string | undefined>;
  ip: string;
  now: Date;
  locale: Locale;
  setCookies: string[];
};

export function exchangeFor(request: FastifyRequest): AuthExchange {
  const app = request.server;
  return {
    app,
    db: app.deps.database.db,
    headers: fromNodeHeaders(request.headers),
    cookies: request.cookies,
    ip: request.ip,
    now: app.deps.clock(),
    locale: localeFromHeader(request.headers['accept-language']),
    setCookies: [],
  };
}

/** Keeps the Set-Cookie lines of a better-auth answer for the reply. */
export function keepCookies(exchange: AuthExchange, headers: Headers): void {
  exchange.setCookies.push(...headers.getSetCookie());
}

export function sendCookies(reply: FastifyReply, exchange: AuthExchange): void {
  if (exchange.setCookies.length > 0) reply.header('set-cookie', exchange.setCookies);
}

/**
 * Audit entry in its own transaction: used after better-auth has committed its own writes (it
 * runs its own transactions, so the entry cannot share them).
 */
export async function auditAfterAuth(db: Database, origin: AuditOrigin, entry: AuditEntry): Promise<void> {
  await db.transaction((tx) => appendAuditEvent(tx, origin, entry));
}
