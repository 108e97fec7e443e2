import { randomBytes } from 'node:crypto';
import type { Queryable } from '../../src/server/db/client';
import { invitations } from '../../src/server/db/schema';
import type { Role } from '../../src/server/platform/access/actor';
import { INVITATION_VALIDITY_MS, newInvitationToken } from '../../src/server/platform/auth/invitation-token';
import { buildOrganization } from './organizations';

export type InvitationRow = typeof invitations.$inferSelect;
export type InvitationState = 'pending' | 'accepted' | 'revoked' | 'expired';

/**
 * An invitation in the state asked for, relative to `now`; returns the row and the clear token
 * (the one the mail would carry), since only its hash is stored.
 */
export async function buildInvitation(
  db: Queryable,
  overrides: {
    organizationId?: string;
    invitedBy?: string | null;
    email?: string;
    name?: string;
    roles?: Role[];
    state?: InvitationState;
    now?: Date;
  } = {},
): Promise<{ invitation: InvitationRow; token: string }> {
  const organizationId = overrides.organizationId ?? (await buildOrganization(db)).id;
  const now = overrides.now ?? new Date();
  const state = overrides.state ?? 'pending';
  const createdAt = state === 'expired' ? new Date(now.getTime() - INVITATION_VALIDITY_MS - 60_000) : now;
  const { token, tokenHash } = newInvitationToken();
  const [invitation] = await db
    .insert(invitations)
    .values({
      organizationId,
      email: overrides.email ?? `invite-${randomBytes(5).toString('hex')}@exemple.test`,
      name: overrides.name ?? 'Alex Invité',
      roles: overrides.roles ?? ['peer_worker'],
      tokenHash,
      invitedBy: overrides.invitedBy ?? null,
      createdAt,
      expiresAt: new Date(createdAt.getTime() + INVITATION_VALIDITY_MS),
      acceptedAt: state === 'accepted' ? now : null,
      revokedAt: state === 'revoked' ? now : null,
    })
    .returning();
  if (!invitation) throw new Error('invitation not created');
  return { invitation, token };
}
