import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { fromNodeHeaders } from 'better-auth/node';
import { eq, sql } from 'drizzle-orm';
import type { Database, DatabaseHandle } from '../../db/client';
import { preparedPerDatabase } from '../../db/prepared';
import { actorCacheOf } from './actor-cache';
import { ROLES, ROLES_REQUIRING_TWO_FACTOR, type Actor, type Role } from '../access/actor';
import { sessions, userRoles, users } from './schema';
import { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS, SESSION_REFRESH_SECONDS, type Auth } from './better-auth';
import { SESSION_COOKIE, hasSessionCookie, signedSessionToken } from './session-cookie';

export { SESSION_COOKIE };

declare module 'fastify' {
  interface FastifyInstance {
    auth: Auth;
  }
}

const knownRoles = new Set<string>(ROLES);
const isRole = (value: string): value is Role => knownRoles.has(value);

/** Session, account and roles in one prepared query, kept in the actor cache (actor-cache.ts). */
function prepareActorQuery(db: Database) {
  return db
    .select({
      sessionId: sessions.id,
      token: sessions.token,
      expiresAt: sessions.expiresAt,
      createdAt: sessions.createdAt,
      userId: users.id,
      organizationId: users.organizationId,
      active: users.active,
      isPlatformAdmin: users.isPlatformAdmin,
      twoFactorEnabled: users.twoFactorEnabled,
      roles: sql<string[]>`coalesce((select array_agg(${userRoles.role}::text) from ${userRoles} where ${userRoles.userId} = ${users.id}), '{}')`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.token, sql.placeholder('token')))
    .prepare('resolve_actor');
}

const actorQuery = preparedPerDatabase(prepareActorQuery);

export type ActorRow = Awaited<ReturnType<ReturnType<typeof prepareActorQuery>['execute']>>[number];

/** The session's row from the cache, or read (and cached unless a change raced with the read). */
async function actorRow(database: DatabaseHandle, token: string): Promise<ActorRow | undefined> {
  const cache = actorCacheOf(database);
  const cached = cache.get(token, Date.now());
  if (cached) return cached;
  const mark = cache.mark();
  const [row] = await actorQuery(database.db).execute({ token });
  if (row) cache.store(token, row, mark, Date.now());
  return row;
}

/**
 * Turns the session cookie into an Actor (or null). The signed cookie is checked here and the
 * session, account and roles read in one query; better-auth is called only when its sliding idle
 * expiry is due (at most once a minute per session), so that it moves the expiry and re-sets the
 * cookie itself. Passerelle adds the absolute lifetime, deactivated accounts and the 2FA obligation.
 */
export async function resolveActor(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply): Promise<Actor | null> {
  if (!hasSessionCookie(request)) return null;
  const token = signedSessionToken(request, app.deps.config.sessionSecret);
  if (!token) return null;
  const row = await actorRow(app.deps.database, token);
  const database = app.deps.database.db;
  // better-auth compares expiries with the wall clock; so do we, to agree on when a session is over.
  const wallClock = Date.now();
  if (!row || row.expiresAt.getTime() < wallClock) {
    if (row) await database.delete(sessions).where(eq(sessions.token, token));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return null;
  }
  const tooOld = app.deps.clock().getTime() - row.createdAt.getTime() > SESSION_ABSOLUTE_SECONDS * 1000;
  if (tooOld || !row.active) {
    await database.delete(sessions).where(eq(sessions.token, token));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return null;
  }
  const lastRefresh = row.expiresAt.getTime() - SESSION_IDLE_SECONDS * 1000;
  if (wallClock - lastRefresh >= SESSION_REFRESH_SECONDS * 1000) {
    const refreshed = await refreshThroughBetterAuth(app, request, reply);
    if (!refreshed) return null;
  }
  const roles = new Set<Role>(row.roles.filter(isRole));
  const needsTwoFactor = ROLES_REQUIRING_TWO_FACTOR.some((role) => roles.has(role));
  return {
    userId: row.userId,
    organizationId: row.organizationId,
    roles,
    isPlatformAdmin: row.isPlatformAdmin,
    sessionId: row.sessionId,
    mustEnrolTwoFactor: needsTwoFactor && !row.twoFactorEnabled,
  };
}

/** better-auth slides the session's expiry and sends the refreshed cookie; false if it refused. */
async function refreshThroughBetterAuth(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
  const { headers, response } = await app.auth.api.getSession({
    headers: fromNodeHeaders(request.headers),
    returnHeaders: true,
  });
  const refreshed = headers.getSetCookie();
  if (refreshed.length > 0) reply.header('set-cookie', refreshed);
  return response !== null;
}
