import { eq, sql } from 'drizzle-orm';
import type { TSessionView } from '../../../shared/auth';
import type { Actor } from '../access/actor';
import type { FastifyRequest } from 'fastify';
import { withActorContext } from '../http/context';
import { auditAfterAuth, keepCookies, type AuthExchange } from './auth-exchange';
import { asAppError } from './auth-errors';
import { loadSessionView } from './session-view';
import { users } from './schema';

/** The signed-in user's own settings (today: the interface language). */
export async function updateMyAccount(request: FastifyRequest, actor: Actor, input: { locale: 'fr' | 'en' }): Promise<TSessionView> {
  const userId = actor.userId;
  return withActorContext(request, async (ctx) => {
    await ctx.tx
      .update(users)
      .set({ locale: input.locale, updatedAt: ctx.now, version: sql`${users.version} + 1` })
      .where(eq(users.id, userId));
    await ctx.audit({ action: 'auth.account.updated', resourceType: 'user', resourceId: userId, context: { locale: input.locale } });
    return loadSessionView(ctx.tx, userId);
  });
}

/** Deletes the session and clears its cookies. */
export async function logout(exchange: AuthExchange, actor: Actor): Promise<void> {
  try {
    const result = await exchange.app.auth.api.signOut({ headers: exchange.headers, returnHeaders: true });
    keepCookies(exchange, result.headers);
  } catch (error) {
    throw asAppError(error);
  }
  await auditAfterAuth(
    exchange.db,
    { organizationId: actor.organizationId, actorUserId: actor.userId, occurredAt: exchange.now },
    { action: 'auth.logout', resourceType: 'user', resourceId: actor.userId },
  );
}
