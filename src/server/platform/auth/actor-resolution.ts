import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { fromNodeHeaders } from 'better-auth/node';
import { eq } from 'drizzle-orm';
import { ROLES_REQUIRING_TWO_FACTOR, type Actor, type Role } from '../access/actor';
import { sessions, userRoles } from './schema';
import { SESSION_ABSOLUTE_SECONDS, SESSION_COOKIE_PREFIX, type Auth } from './better-auth';

export const SESSION_COOKIE = `${SESSION_COOKIE_PREFIX}.session_token`;

declare module 'fastify' {
  interface FastifyInstance {
    auth: Auth;
  }
}

/**
 * Turns the session cookie into an Actor (or null): better-auth checks the token and slides the
 * idle expiry; we add the absolute lifetime, deactivated accounts, roles and the 2FA obligation.
 */
export async function resolveActor(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply): Promise<Actor | null> {
  if (!request.headers.cookie?.includes(SESSION_COOKIE)) return null;
  const { headers, response } = await app.auth.api.getSession({
    headers: fromNodeHeaders(request.headers),
    returnHeaders: true,
  });
  const refreshed = headers.getSetCookie();
  if (refreshed.length > 0) reply.header('set-cookie', refreshed);
  if (!response) return null;
  const { session, user } = response;
  const now = app.deps.clock();
  const tooOld = now.getTime() - session.createdAt.getTime() > SESSION_ABSOLUTE_SECONDS * 1000;
  if (tooOld || user.active === false) {
    await app.deps.database.db.delete(sessions).where(eq(sessions.token, session.token));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return null;
  }
  const rows = await app.deps.database.db
    .select({ role: userRoles.role })
    .from(userRoles)
    .where(eq(userRoles.userId, user.id));
  const roles = new Set<Role>(rows.map((row) => row.role));
  const needsTwoFactor = ROLES_REQUIRING_TWO_FACTOR.some((role) => roles.has(role));
  return {
    userId: user.id,
    organizationId: user.organizationId,
    roles,
    isPlatformAdmin: user.isPlatformAdmin === true,
    sessionId: session.id,
    mustEnrolTwoFactor: needsTwoFactor && user.twoFactorEnabled !== true,
  };
}
