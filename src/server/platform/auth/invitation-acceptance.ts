import { and, eq, gt, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZInvitationView } from '../../../shared/auth';
import type { Queryable } from '../../db/client';
import { appendAuditEvent } from '../audit/append';
import { organizations } from '../tenancy/schema';
import { conflict, notFound } from '../http/errors';
import type { AuthExchange } from './auth-exchange';
import { countIpAttempt } from './auth-limits';
import { createUserWithPassword } from './accounts';
import { hashInvitationToken } from './invitation-token';
import { runInvitationAcceptanceSteps } from './invitation-acceptance-steps';
import { release } from './rate-limit';
import { invitations, users } from './schema';

/** An invitation that can still be accepted: not accepted, not revoked, not expired at `now`. */
function openInvitation(token: string, now: Date) {
  return and(
    eq(invitations.tokenHash, hashInvitationToken(token)),
    isNull(invitations.acceptedAt),
    isNull(invitations.revokedAt),
    gt(invitations.expiresAt, now),
  );
}

/**
 * What the invitation page shows before the password is chosen. Unknown, expired, revoked and
 * accepted invitations all look the same (404); misses count against the IP (token guessing).
 */
export async function viewInvitation(exchange: AuthExchange, token: string): Promise<z.infer<typeof ZInvitationView>> {
  const ipKey = await countIpAttempt(exchange, 'invitation');
  const [row] = await exchange.db
    .select({ email: invitations.email, name: invitations.name, organizationName: organizations.name })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .where(openInvitation(token, exchange.now));
  if (!row) throw notFound();
  await release(exchange.db, ipKey);
  return row;
}

/**
 * Creates the invited account in one transaction: the invitation row is locked first, so two
 * concurrent acceptances cannot both succeed; the account, its roles, the acceptance and its
 * audit entry are committed together or not at all.
 */
export async function acceptInvitation(exchange: AuthExchange, input: { token: string; password: string }): Promise<void> {
  const ipKey = await countIpAttempt(exchange, 'invitation');
  const now = exchange.now;
  try {
    await exchange.db.transaction(async (tx) => {
      const [invitation] = await tx.select().from(invitations).where(openInvitation(input.token, now)).for('update');
      if (!invitation) throw notFound();
      if (await emailInUse(tx, invitation.email)) throw conflict('emailTaken');
      const userId = await createUserWithPassword(
        tx,
        {
          organizationId: invitation.organizationId,
          email: invitation.email,
          name: invitation.name,
          password: input.password,
          roles: invitation.roles,
        },
        now,
      );
      await tx.update(invitations).set({ acceptedAt: now }).where(eq(invitations.id, invitation.id));
      await appendAuditEvent(
        tx,
        { organizationId: invitation.organizationId, actorUserId: userId, occurredAt: now },
        { action: 'invitation.accepted', resourceType: 'invitation', resourceId: invitation.id, context: { userId } },
      );
      await runInvitationAcceptanceSteps(tx, { invitation, userId, now });
    });
  } catch (error) {
    // Another path created the same email between our check and our insert.
    if (isUniqueViolation(error)) throw conflict('emailTaken');
    throw error;
  }
  await release(exchange.db, ipKey);
}

async function emailInUse(tx: Queryable, email: string): Promise<boolean> {
  const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email.trim().toLowerCase()));
  return row !== undefined;
}

/** PostgreSQL's unique_violation, wherever the driver or Drizzle wrapped it. */
function isUniqueViolation(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    if ('code' in current && current.code === '23505') return true;
    current = 'cause' in current ? current.cause : null;
  }
  return false;
}
