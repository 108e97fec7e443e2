import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { appendAuditEvent } from '../../platform/audit/append';
import { registerInvitationAcceptanceStep, type AcceptedInvitation } from '../../platform/auth/invitation-acceptance-steps';
import type { ServiceContext } from '../../platform/http/context';
import { notFound } from '../../platform/http/errors';
import { loadPerson } from '../persons/queries';
import { accountOfPerson } from './accounts';
import { conflictOn } from './field-errors';
import { normalisedEmail } from './invitations';
import { personAccounts, personInvitations } from './schema';

/** The person record an invitation was issued for; none for other invitations (an administrator's). */
async function invitedPersonId(tx: Queryable, invitation: AcceptedInvitation['invitation']): Promise<string | null> {
  const [row] = await tx
    .select({ personId: personInvitations.personId })
    .from(personInvitations)
    .where(and(eq(personInvitations.invitationId, invitation.id), eq(personInvitations.organizationId, invitation.organizationId)));
  return row?.personId ?? null;
}

/**
 * Links the new account to the person's record, in the acceptance transaction: the account and
 * its link exist together or not at all. An invitation whose record is gone, anonymised, or no
 * longer carries the invited address is void (404, nothing created); a record that got an account
 * meanwhile refuses a second one (409).
 */
export async function linkInvitedPerson(tx: Queryable, accepted: AcceptedInvitation): Promise<void> {
  const { invitation, userId, now } = accepted;
  if (!invitation.roles.includes('person')) return;
  const personId = await invitedPersonId(tx, invitation);
  if (!personId) return; // invited by an administrator, for no record: a plain account
  const origin = { organizationId: invitation.organizationId, actorUserId: userId, occurredAt: now };
  const ctx: ServiceContext = {
    actor: null,
    organizationId: invitation.organizationId,
    tx,
    now,
    locale: 'fr',
    audit: (entry) => appendAuditEvent(tx, origin, entry),
  };
  const person = await loadPerson(ctx, personId, { forUpdate: true });
  if (person.anonymisedAt || normalisedEmail(person.email) !== normalisedEmail(invitation.email)) throw notFound();
  if (await accountOfPerson(ctx, personId)) throw conflictOn(ctx.locale, 'person', 'personHasAccount');
  await tx.insert(personAccounts).values({
    personId,
    userId,
    organizationId: invitation.organizationId,
    invitedBy: invitation.invitedBy,
    invitedAt: invitation.createdAt,
  });
  await ctx.audit({ action: 'person.portal_account.linked', resourceType: 'person', resourceId: personId, context: { invitationId: invitation.id, userId } });
}

registerInvitationAcceptanceStep('portal', linkInvitedPerson);
