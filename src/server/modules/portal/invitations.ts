import { and, arrayContains, desc, eq, gt, isNull } from 'drizzle-orm';
import type { TPortalAccount } from '../../../shared/portal';
import { can } from '../../platform/access/policy';
import { invitations, users } from '../../platform/auth/schema';
import { issueInvitation, type InvitationRow } from '../../platform/auth/invitations/service';
import type { ServiceContext } from '../../platform/http/context';
import { notFound } from '../../platform/http/errors';
import { actorOf } from '../../platform/tenancy/scope';
import { asRecord, type LoadedPerson } from '../persons/queries';
import { accountOfPerson } from './accounts';
import { conflictOn, invalidField } from './field-errors';
import { personInvitations } from './schema';

/** The audit action recording that a person was invited to the portal. */
export const PORTAL_INVITATION_ISSUED = 'portal.invitation.issued';

/** Addresses are compared as the account layer stores them. */
export const normalisedEmail = (email: string | null): string | null => email?.trim().toLowerCase() || null;

/** The account's display name: first name (or pseudonym) and last name, as the person is called. */
function accountNameOf(person: LoadedPerson): string {
  return [person.firstName ?? person.pseudonym, person.lastName].filter(Boolean).join(' ') || '—';
}

/**
 * Invites a person to their personal space, by e-mail to the address on their record, through the
 * platform's invitation (mail queued in the same transaction). `person_invitations` records which
 * person it is for: on acceptance, that row — and only it — says which record the new account
 * opens, and the address must still be the record's (a corrected address voids it).
 */
export async function invitePersonToPortal(
  ctx: ServiceContext,
  person: LoadedPerson,
  options: { appUrl: string },
): Promise<InvitationRow> {
  if (person.anonymisedAt) throw notFound();
  const email = normalisedEmail(person.email);
  if (!email) throw invalidField(ctx.locale, 'email', 'personEmailMissing');
  if (await accountOfPerson(ctx, person.id)) throw conflictOn(ctx.locale, 'person', 'personHasAccount');
  const invitation = await issueInvitation(
    ctx,
    { email, name: accountNameOf(person), roles: ['person'] },
    { appUrl: options.appUrl, inviterRole: 'accompaniment_team' },
  );
  await ctx.tx.insert(personInvitations).values({ invitationId: invitation.id, personId: person.id, organizationId: ctx.organizationId });
  await ctx.audit({
    action: PORTAL_INVITATION_ISSUED,
    resourceType: 'invitation',
    resourceId: invitation.id,
    context: { personId: person.id },
  });
  return invitation;
}

/**
 * Where a person stands with the portal: an account (active or deactivated), an invitation still
 * waiting at the record's address, or nothing yet.
 */
export async function portalAccountOf(ctx: ServiceContext, person: LoadedPerson): Promise<TPortalAccount> {
  const email = normalisedEmail(person.email);
  const policies = { invite: can(actorOf(ctx), 'person.portal.invite', asRecord(person)) };
  const account = await accountOfPerson(ctx, person.id);
  if (account) {
    const [user] = await ctx.tx.select({ active: users.active }).from(users).where(eq(users.id, account.userId));
    return {
      status: user?.active ? 'active' : 'deactivated',
      email,
      invitedAt: account.invitedAt.toISOString(),
      invitationExpiresAt: null,
      policies: { invite: false },
    };
  }
  const pending = email ? await pendingPersonInvitation(ctx, email) : undefined;
  return {
    status: pending ? 'invited' : 'none',
    email,
    invitedAt: pending?.createdAt.toISOString() ?? null,
    invitationExpiresAt: pending?.expiresAt.toISOString() ?? null,
    policies,
  };
}

async function pendingPersonInvitation(ctx: ServiceContext, email: string): Promise<InvitationRow | undefined> {
  const [row] = await ctx.tx
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.organizationId, ctx.organizationId),
        eq(invitations.email, email),
        arrayContains(invitations.roles, ['person']),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, ctx.now),
      ),
    )
    .orderBy(desc(invitations.createdAt))
    .limit(1);
  return row;
}
