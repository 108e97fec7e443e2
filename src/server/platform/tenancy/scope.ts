import type { Actor } from '../access/actor';
import { appendAuditEvent } from '../audit/append';
import type { ServiceContext } from '../http/context';
import { unauthorized } from '../http/errors';

/** The actor of a context that must have one (every admin operation). */
export function actorOf(ctx: ServiceContext): Actor {
  if (!ctx.actor) throw unauthorized();
  return ctx.actor;
}

/**
 * The same transaction and actor, working in another organisation: a platform administrator
 * creating an organisation writes its first entries (creation, invitation) in the new
 * organisation's audit chain, where its own administrators will read them.
 */
export function contextInOrganization(ctx: ServiceContext, organizationId: string): ServiceContext {
  const origin = { organizationId, actorUserId: ctx.actor?.userId ?? null, occurredAt: ctx.now };
  return { ...ctx, organizationId, audit: (entry) => appendAuditEvent(ctx.tx, origin, entry) };
}
