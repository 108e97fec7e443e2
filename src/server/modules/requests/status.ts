import { and, eq, sql } from 'drizzle-orm';
import {
  referralDecisionRules,
  statusChangeRules,
  type TReferralDecisionInput,
  type TRequestStatus,
  type TStatusChangeInput,
} from '../../../shared/requests';
import type { ServiceContext } from '../../platform/http/context';
import { badRequest, conflict } from '../../platform/http/errors';
import { enforceFieldRules } from '../persons/field-rules';
import { touchLastContact } from '../persons/update';
import type { RequestRow } from './create';
import { requestStatusEvents, supportRequests } from './schema';

/**
 * The triage workflow. A request may be redirected or closed before anyone reached the person
 * (a duplicate, a wrong address), but an accompaniment opens only after a first contact.
 */
const NEXT: Record<TRequestStatus, readonly TRequestStatus[]> = {
  new: ['contacted', 'redirected', 'closed'],
  contacted: ['accompaniment_opened', 'redirected', 'closed'],
  accompaniment_opened: [],
  redirected: [],
  closed: [],
};

type Change = {
  status: TRequestStatus;
  redirectedTo?: string | null;
  closedReason?: string | null;
  decision?: TReferralDecisionInput['decision'];
  decisionReason?: string;
  handoffTo?: string | null;
  handoffStructure?: string | null;
};

/**
 * Writes one status change if the request is still at `version` (else 409), records it with its
 * time in request_status_events (response times are reported) and audits it. The first
 * "contacted" stamps first_contact_at and the person's last contact.
 */
async function applyChange(ctx: ServiceContext, request: RequestRow, version: number, change: Change): Promise<void> {
  if (version !== request.version) throw conflict();
  const statusChanges = change.status !== request.status;
  if (statusChanges && !NEXT[request.status].includes(change.status)) throw badRequest('invalidStatusChange');
  const firstContact = change.status === 'contacted' && !request.firstContactAt;
  const [updated] = await ctx.tx
    .update(supportRequests)
    .set({
      status: change.status,
      redirectedTo: change.status === 'redirected' ? (change.redirectedTo ?? null) : request.redirectedTo,
      closedReason: change.status === 'closed' ? (change.closedReason ?? null) : request.closedReason,
      firstContactAt: firstContact ? ctx.now : request.firstContactAt,
      ...(change.decision
        ? {
            decision: change.decision,
            decisionReason: change.decisionReason ?? null,
            handoffTo: change.handoffTo ?? null,
            handoffStructure: change.handoffStructure ?? null,
            decidedAt: ctx.now,
          }
        : {}),
      version: sql`${supportRequests.version} + 1`,
      updatedAt: ctx.now,
    })
    .where(and(eq(supportRequests.id, request.id), eq(supportRequests.organizationId, ctx.organizationId), eq(supportRequests.version, version)))
    .returning({ id: supportRequests.id });
  if (!updated) throw conflict();
  if (statusChanges) {
    await ctx.tx.insert(requestStatusEvents).values({
      organizationId: ctx.organizationId,
      requestId: request.id,
      fromStatus: request.status,
      toStatus: change.status,
      at: ctx.now,
      byUserId: ctx.actor?.userId ?? null,
    });
  }
  if (firstContact) await touchLastContact(ctx, request.personId, ctx.now);
  await ctx.audit({
    action: change.decision ? 'request.referral.decided' : 'request.status.changed',
    resourceType: 'request',
    resourceId: request.id,
    context: { from: request.status, to: change.status, decision: change.decision ?? null, version: version + 1 },
  });
}

export function changeStatus(ctx: ServiceContext, request: RequestRow, input: TStatusChangeInput): Promise<void> {
  enforceFieldRules(statusChangeRules(input), ctx.locale);
  return applyChange(ctx, request, input.version, {
    status: input.status,
    redirectedTo: input.redirectedTo,
    closedReason: input.closedReason,
  });
}

/**
 * Accepts or declines a partner's referral, once. Accepting leaves the status to triage; declining
 * redirects the request to the warm hand-off offered (who to turn to instead), which the partner sees.
 */
export function decideReferral(ctx: ServiceContext, request: RequestRow, input: TReferralDecisionInput): Promise<void> {
  enforceFieldRules(referralDecisionRules(input), ctx.locale);
  if (request.source !== 'partner_referral') throw badRequest('notAReferral');
  if (request.decision) throw conflict('referralAlreadyDecided');
  const declined = input.decision === 'declined';
  return applyChange(ctx, request, input.version, {
    status: declined ? 'redirected' : request.status,
    redirectedTo: declined ? [input.handoffTo, input.handoffStructure].filter(Boolean).join(' — ') : undefined,
    decision: input.decision,
    decisionReason: input.reason,
    handoffTo: input.handoffTo ?? null,
    handoffStructure: input.handoffStructure ?? null,
  });
}
