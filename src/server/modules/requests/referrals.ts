import { and, desc, count, eq } from 'drizzle-orm';
import { referralRules, type TReferralInput } from '../../../shared/requests';
import { hasRole, type Actor } from '../../platform/access/actor';
import { userRoles, users } from '../../platform/auth/schema';
import type { ServiceContext } from '../../platform/http/context';
import { badRequest, notFound } from '../../platform/http/errors';
import { recordConsent } from '../persons/consents';
import { createPerson, findIdentityMatches } from '../persons/create';
import { enforceFieldRules } from '../persons/field-rules';
import { insertRequest, type RequestRow } from './create';
import { supportRequests } from './schema';

export type ReferralResult = { request: RequestRow; attachedToExisting: boolean };

/**
 * A referral by a partner contact, or a coordinator's entry (for a partner when `onBehalfOfUserId`
 * names one, else a request taken by the team itself, e.g. on the phone). A person already known
 * (same name, birth year and commune) gets the request on their record instead of a second
 * record. The person's consent to the referral is recorded as consents, collected by the actor.
 */
export async function createReferral(ctx: ServiceContext, actor: Actor, input: TReferralInput): Promise<ReferralResult> {
  enforceFieldRules(referralRules(input), ctx.locale);
  const referrerUserId = await referrerOf(ctx, actor, input.onBehalfOfUserId);
  const [known] = await findIdentityMatches(ctx, input);
  const personId =
    known?.id ??
    (
      await createPerson(
        ctx,
        {
          firstName: input.firstName ?? null,
          pseudonym: input.pseudonym ?? null,
          lastName: input.lastName ?? null,
          birthYear: input.birthYear ?? null,
          phone: input.phone ?? null,
          email: input.email ?? null,
          departement: input.departement,
          communeInsee: input.communeInsee,
          communeName: input.communeName,
          structures: [{ type: 'other', name: input.referringStructure }],
        },
        { ignoreDuplicates: true },
      )
    ).id;
  const consent = { method: input.consentMethod, textVersion: input.consentTextVersion } as const;
  await recordConsent(ctx, personId, { ...consent, purpose: 'contact', recipients: 'équipe de coordination' });
  await recordConsent(ctx, personId, { ...consent, purpose: 'exchange_with_partner', recipients: input.referringStructure });
  const request = await insertRequest(ctx, {
    personId,
    source: referrerUserId ? 'partner_referral' : 'coordinator_entry',
    urgency: input.urgency,
    departement: input.departement,
    communeInsee: input.communeInsee.toUpperCase(),
    contactMethod: input.phone ? 'phone' : input.email ? 'email' : 'through_partner',
    referringStructure: input.referringStructure,
    referralReason: input.reason,
    referrerUserId,
    emergencySite: input.emergencySite ?? null,
    emergencyContact: input.emergencyContact ?? null,
  });
  return { request, attachedToExisting: Boolean(known) };
}

/** A partner refers in their own name; a coordinator may name an active partner contact of the organisation. */
async function referrerOf(ctx: ServiceContext, actor: Actor, onBehalfOfUserId: string | undefined): Promise<string | null> {
  if (!hasRole(actor, 'coordinator')) {
    if (onBehalfOfUserId && onBehalfOfUserId !== actor.userId) throw badRequest('validation', { onBehalfOfUserId: [onBehalfMessage(ctx)] });
    return actor.userId;
  }
  if (!onBehalfOfUserId) return hasRole(actor, 'partner_contact') ? actor.userId : null;
  const [partner] = await ctx.tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'partner_contact')))
    .where(and(eq(users.id, onBehalfOfUserId), eq(users.organizationId, ctx.organizationId), eq(users.active, true)));
  if (!partner) throw badRequest('validation', { onBehalfOfUserId: [onBehalfMessage(ctx)] });
  return partner.id;
}

function onBehalfMessage(ctx: ServiceContext): string {
  return ctx.locale === 'fr'
    ? 'Choisissez un contact partenaire actif de l’organisation.'
    : 'Choose an active partner contact of the organisation.';
}

/** The partner's own referrals, newest first: nothing of anyone else's. */
export async function listOwnReferrals(ctx: ServiceContext, actor: Actor, page: { page: number; pageSize: number }) {
  const where = and(eq(supportRequests.organizationId, ctx.organizationId), eq(supportRequests.referrerUserId, actor.userId));
  const items = await ctx.tx
    .select()
    .from(supportRequests)
    .where(where)
    .orderBy(desc(supportRequests.receivedAt), desc(supportRequests.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [totals] = await ctx.tx.select({ total: count() }).from(supportRequests).where(where);
  return { items, total: totals?.total ?? 0 };
}

/** One of the partner's own referrals; anyone else's does not exist for them (404). */
export async function loadOwnReferral(ctx: ServiceContext, actor: Actor, id: string): Promise<RequestRow> {
  const [row] = await ctx.tx
    .select()
    .from(supportRequests)
    .where(and(eq(supportRequests.id, id), eq(supportRequests.organizationId, ctx.organizationId), eq(supportRequests.referrerUserId, actor.userId)));
  if (!row) throw notFound();
  return row;
}

const PARTNER_STATUS = {
  new: 'received',
  contacted: 'in_contact',
  accompaniment_opened: 'accompanied',
  redirected: 'closed',
  closed: 'closed',
} as const;

/** Status, decision and hand-off only: the partner never sees the record or the team's notes. */
export function presentReferralStatus(request: RequestRow) {
  return {
    id: request.id,
    reference: request.reference,
    urgency: request.urgency,
    status: PARTNER_STATUS[request.status],
    receivedAt: request.receivedAt.toISOString(),
    decision: request.decision,
    decisionReason: request.decisionReason,
    handoffTo: request.handoffTo,
    handoffStructure: request.handoffStructure,
  };
}
