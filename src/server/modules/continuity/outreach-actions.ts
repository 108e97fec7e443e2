import { and, count, eq, sql } from 'drizzle-orm';
import type { TAccompanimentClosingReason } from '../../../shared/accompaniments';
import type { TOutreachAttemptInput, TOutreachCloseInput, TOutreachOutcome } from '../../../shared/continuity';
import { can } from '../../platform/access/policy';
import type { ServiceContext } from '../../platform/http/context';
import { conflict, forbidden } from '../../platform/http/errors';
import { actorOf } from '../../platform/tenancy/scope';
import { touchLastContact } from '../persons/update';
import { moveAccompaniment, type AccompanimentMove } from './accompaniment-status';
import { asCaseRecord, type LoadedCase } from './outreach-queries';
import { continuityFieldError, loadRecontactPreferences, personsWithRecontactConsent } from './preferences';
import { outreachAttempts, outreachCases } from './schema';

/** Statuses an accompaniment has while a case is open; the outcome moves it out of them. */
const UNDER_OUTREACH = ['rupture_suspected', 'outreach_in_progress'] as const;

/**
 * Logs one attempt to reach the person (channel, result, note) on an open case. The person's
 * choices are enforced, not just shown: "do not contact" refuses every attempt, no consent in force
 * refuses every attempt, a channel they did not allow is refused (400, in plain words). The first
 * attempt moves the accompaniment from rupture_suspected to outreach_in_progress.
 */
export async function logAttempt(ctx: ServiceContext, loaded: LoadedCase, input: TOutreachAttemptInput): Promise<void> {
  const outreachCase = loaded.outreachCase;
  if (outreachCase.status !== 'open') throw continuityFieldError(ctx.locale, 'case', 'caseClosed');
  const preferences = await loadRecontactPreferences(ctx.tx, ctx.organizationId, loaded.person.id);
  if (preferences.doNotContact) throw continuityFieldError(ctx.locale, 'channel', 'doNotContact');
  const consenting = await personsWithRecontactConsent(ctx, [loaded.person.id]);
  if (!consenting.has(loaded.person.id)) throw continuityFieldError(ctx.locale, 'channel', 'noRecontactConsent');
  if (!preferences.allowedChannels.includes(input.channel)) throw continuityFieldError(ctx.locale, 'channel', 'channelNotAllowed');

  const [before] = await ctx.tx.select({ attempts: count() }).from(outreachAttempts).where(eq(outreachAttempts.caseId, outreachCase.id));
  const [attempt] = await ctx.tx
    .insert(outreachAttempts)
    .values({
      organizationId: ctx.organizationId,
      caseId: outreachCase.id,
      at: ctx.now,
      channel: input.channel,
      result: input.result,
      note: input.note ?? null,
      byUserId: actorOf(ctx).userId,
    })
    .returning({ id: outreachAttempts.id });
  // The case changed: a decision taken on the previous view of it must be taken again (409).
  await ctx.tx
    .update(outreachCases)
    .set({ version: sql`${outreachCases.version} + 1` })
    .where(eq(outreachCases.id, outreachCase.id));
  const moved = await moveAccompaniment(ctx, outreachCase.accompanimentId, ['rupture_suspected'], {
    to: 'outreach_in_progress',
    reason: 'outreach_attempt',
  });
  await ctx.audit({
    action: 'outreach.attempt.logged',
    resourceType: 'outreach_case',
    resourceId: outreachCase.id,
    context: {
      attemptId: attempt?.id ?? null,
      accompanimentId: outreachCase.accompanimentId,
      channel: input.channel,
      result: input.result,
      attemptNumber: (before?.attempts ?? 0) + 1,
      accompanimentMoved: moved !== null,
    },
  });
}

/** What each outcome does to the accompaniment (DOMAIN §10.2). */
function accompanimentMoveFor(outcome: TOutreachOutcome, now: Date): AccompanimentMove {
  if (outcome === 'contact_reestablished') return { to: 'active', reason: outcome, lastContactAt: now };
  const closingReasons: Record<Exclude<TOutreachOutcome, 'contact_reestablished'>, TAccompanimentClosingReason> = {
    // Declining is the person's decision: the accompaniment closes kindly, the door stays open.
    person_declined: 'person_decided',
    unreachable: 'unreachable',
    transferred: 'transferred',
    deceased: 'deceased',
  };
  return { to: 'closed', reason: outcome, closingReason: closingReasons[outcome] };
}

/**
 * Closes an open case with its outcome if nobody changed it since `version` (else 409). Contact
 * re-established resumes the accompaniment (active, last contact now, on the person too); the
 * other outcomes close the accompaniment with the matching reason. Peers may only record that
 * contact is re-established; the other outcomes are a coordinator's decision (403).
 */
export async function closeCase(ctx: ServiceContext, loaded: LoadedCase, input: TOutreachCloseInput): Promise<void> {
  const outreachCase = loaded.outreachCase;
  if (!can(actorOf(ctx), 'outreach.case.close', { ...asCaseRecord(loaded), outcome: input.outcome })) throw forbidden();
  if (outreachCase.status !== 'open') throw continuityFieldError(ctx.locale, 'case', 'caseClosed');
  if (outreachCase.version !== input.version) throw conflict();
  const [closed] = await ctx.tx
    .update(outreachCases)
    .set({
      status: input.outcome,
      closedAt: ctx.now,
      closedBy: actorOf(ctx).userId,
      outcomeNote: input.note ?? null,
      version: sql`${outreachCases.version} + 1`,
    })
    .where(and(eq(outreachCases.id, outreachCase.id), eq(outreachCases.version, input.version)))
    .returning({ id: outreachCases.id });
  if (!closed) throw conflict();
  const moved = await moveAccompaniment(ctx, outreachCase.accompanimentId, UNDER_OUTREACH, accompanimentMoveFor(input.outcome, ctx.now));
  if (input.outcome === 'contact_reestablished') await touchLastContact(ctx, loaded.person.id, ctx.now);
  await ctx.audit({
    action: 'outreach.case.closed',
    resourceType: 'outreach_case',
    resourceId: outreachCase.id,
    context: { accompanimentId: outreachCase.accompanimentId, outcome: input.outcome, accompanimentMoved: moved !== null, version: input.version + 1 },
  });
}
