import { and, count, desc, eq, gt, isNull } from 'drizzle-orm';
import type { TRole } from '../../../../shared/roles';
import type { ServiceContext } from '../../http/context';
import { AppError, conflict, notFound } from '../../http/errors';
import { enqueueMail } from '../../mail/outbox';
import { organizations } from '../../tenancy/schema';
import { INVITATION_VALIDITY_MS, newInvitationToken } from '../invitation-token';
import { invitations, users } from '../schema';
import { invitationMail, type InviterRole } from './mail';

export type InvitationRow = typeof invitations.$inferSelect;
export type NewInvitation = { email: string; name: string; roles: TRole[] };
export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

/**
 * Invites someone into `ctx.organizationId`: the token's hash is stored, the clear token leaves
 * only inside the queued mail (same transaction, so no mail without invitation and vice versa).
 * A pending invitation for the same address is revoked: only the newest link works.
 */
export async function issueInvitation(
  ctx: ServiceContext,
  input: NewInvitation,
  options: { appUrl: string; inviterRole: InviterRole },
): Promise<InvitationRow> {
  const [existing] = await ctx.tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
  if (existing) throw conflict('emailTaken');
  const [organization] = await ctx.tx
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, ctx.organizationId));
  if (!organization) throw notFound();

  const replaced = await ctx.tx
    .update(invitations)
    .set({ revokedAt: ctx.now })
    .where(and(...pendingFor(ctx), eq(invitations.email, input.email)))
    .returning({ id: invitations.id });
  for (const { id } of replaced) {
    await ctx.audit({ action: 'invitation.revoked', resourceType: 'invitation', resourceId: id, context: { reason: 'replaced' } });
  }

  const roles = [...new Set(input.roles)];
  const { token, tokenHash } = newInvitationToken();
  const expiresAt = new Date(ctx.now.getTime() + INVITATION_VALIDITY_MS);
  const [invitation] = await ctx.tx
    .insert(invitations)
    .values({
      organizationId: ctx.organizationId,
      email: input.email,
      name: input.name,
      roles,
      tokenHash,
      invitedBy: ctx.actor?.userId ?? null,
      expiresAt,
      createdAt: ctx.now,
    })
    .returning();
  if (!invitation) throw new Error('invitation insert returned nothing');

  const link = `${options.appUrl}/invitation?token=${encodeURIComponent(token)}`;
  const mail = invitationMail({
    name: input.name,
    organizationName: organization.name,
    inviterRole: options.inviterRole,
    roles,
    link,
    expiresAt,
  });
  const mailId = await enqueueMail(
    ctx.tx,
    { organizationId: ctx.organizationId, to: input.email, template: 'invitation', ...mail },
    ctx.now,
  );
  await ctx.audit({
    action: 'invitation.created',
    resourceType: 'invitation',
    resourceId: invitation.id,
    context: { roles: roles.join(','), replaced: replaced.length, mailId },
  });
  return invitation;
}

function pendingFor(ctx: ServiceContext) {
  return [
    eq(invitations.organizationId, ctx.organizationId),
    isNull(invitations.acceptedAt),
    isNull(invitations.revokedAt),
    gt(invitations.expiresAt, ctx.now),
  ];
}

/** A page of the organisation's invitations, newest first. */
export async function listInvitations(
  ctx: ServiceContext,
  page: { page: number; pageSize: number },
): Promise<{ items: InvitationRow[]; total: number }> {
  const scope = eq(invitations.organizationId, ctx.organizationId);
  const items = await ctx.tx
    .select()
    .from(invitations)
    .where(scope)
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [totals] = await ctx.tx.select({ total: count() }).from(invitations).where(scope);
  return { items, total: totals?.total ?? 0 };
}

/** An invitation of the actor's organisation; another organisation's does not exist here (404). */
export async function loadInvitation(ctx: ServiceContext, id: string): Promise<InvitationRow> {
  const [row] = await ctx.tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, id), eq(invitations.organizationId, ctx.organizationId)));
  if (!row) throw notFound();
  return row;
}

/** Withdraws an invitation: its link stops working. Revoking twice changes nothing. */
export async function revokeInvitation(ctx: ServiceContext, invitation: InvitationRow): Promise<void> {
  if (invitation.acceptedAt) throw new AppError(409, 'invitationAccepted');
  if (invitation.revokedAt) return;
  // Guarded by the same conditions, in case the link is being accepted right now.
  const [revoked] = await ctx.tx
    .update(invitations)
    .set({ revokedAt: ctx.now })
    .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning({ id: invitations.id });
  if (!revoked) throw conflict();
  await ctx.audit({
    action: 'invitation.revoked',
    resourceType: 'invitation',
    resourceId: invitation.id,
    context: { reason: 'admin', expired: invitation.expiresAt <= ctx.now },
  });
}

export function invitationStatus(invitation: InvitationRow, now: Date): InvitationStatus {
  if (invitation.acceptedAt) return 'accepted';
  if (invitation.revokedAt) return 'revoked';
  return invitation.expiresAt <= now ? 'expired' : 'pending';
}

export function presentInvitation(invitation: InvitationRow, now: Date) {
  return {
    id: invitation.id,
    email: invitation.email,
    name: invitation.name,
    roles: invitation.roles,
    expiresAt: invitation.expiresAt.toISOString(),
    createdAt: invitation.createdAt.toISOString(),
    status: invitationStatus(invitation, now),
  };
}
