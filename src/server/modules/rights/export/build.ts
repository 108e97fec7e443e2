import { and, asc, eq, inArray } from 'drizzle-orm';
import { OUTREACH_CHANNELS, type TOutreachChannel } from '../../../../shared/accompaniments';
import type { TPersonExport } from '../../../../shared/rights';
import { users } from '../../../platform/auth/schema';
import type { ServiceContext } from '../../../platform/http/context';
import { notFound } from '../../../platform/http/errors';
import { organizations } from '../../../platform/tenancy/schema';
import { outreachAttempts, outreachCases, recontactPreferences } from '../../continuity/schema';
import { personConsents, personReferents, persons } from '../../persons/schema';
import { requestStatusEvents, supportRequests } from '../../requests/schema';
import { anonymisationProposals, rightsRequests } from '../schema';
import { listRecordReaders } from '../readers';
import { accompanimentsOf } from './accompaniments-part';
import { iso, isoOrNull, nameIn, userNames } from './names';

const isChannel = (value: string): value is TOutreachChannel => OUTREACH_CHANNELS.some((channel) => channel === value);

async function requestsOf(ctx: ServiceContext, personId: string): Promise<TPersonExport['requests']> {
  const rows = await ctx.tx
    .select()
    .from(supportRequests)
    .where(and(eq(supportRequests.personId, personId), eq(supportRequests.organizationId, ctx.organizationId)))
    .orderBy(asc(supportRequests.receivedAt));
  const events =
    rows.length > 0
      ? await ctx.tx
          .select()
          .from(requestStatusEvents)
          .where(
            inArray(
              requestStatusEvents.requestId,
              rows.map((row) => row.id),
            ),
          )
          .orderBy(asc(requestStatusEvents.at), asc(requestStatusEvents.id))
      : [];
  const names = await userNames(
    ctx,
    events.map((event) => event.byUserId),
  );
  return rows.map((row) => ({
    id: row.id,
    reference: row.reference,
    source: row.source,
    urgency: row.urgency,
    status: row.status,
    receivedAt: iso(row.receivedAt),
    contactMethod: row.contactMethod,
    hopes: row.hopes,
    preferredTimes: row.preferredTimes,
    referringStructure: row.referringStructure,
    referralReason: row.referralReason,
    emergencySite: row.emergencySite,
    emergencyContact: row.emergencyContact,
    decision: row.decision,
    decisionReason: row.decisionReason,
    handoffTo: row.handoffTo,
    handoffStructure: row.handoffStructure,
    redirectedTo: row.redirectedTo,
    closedReason: row.closedReason,
    firstContactAt: isoOrNull(row.firstContactAt),
    events: events
      .filter((event) => event.requestId === row.id)
      .map((event) => ({ fromStatus: event.fromStatus, toStatus: event.toStatus, at: iso(event.at), byName: nameIn(names, event.byUserId) })),
  }));
}

async function outreachOf(ctx: ServiceContext, personId: string): Promise<TPersonExport['outreachCases']> {
  const cases = await ctx.tx
    .select()
    .from(outreachCases)
    .where(and(eq(outreachCases.personId, personId), eq(outreachCases.organizationId, ctx.organizationId)))
    .orderBy(asc(outreachCases.flaggedAt));
  const attempts =
    cases.length > 0
      ? await ctx.tx
          .select()
          .from(outreachAttempts)
          .where(
            inArray(
              outreachAttempts.caseId,
              cases.map((row) => row.id),
            ),
          )
          .orderBy(asc(outreachAttempts.at), asc(outreachAttempts.id))
      : [];
  const names = await userNames(
    ctx,
    attempts.map((attempt) => attempt.byUserId),
  );
  return cases.map((row) => ({
    id: row.id,
    accompanimentId: row.accompanimentId,
    signal: row.signal,
    flaggedAt: iso(row.flaggedAt),
    status: row.status,
    closedAt: isoOrNull(row.closedAt),
    outcomeNote: row.outcomeNote,
    attempts: attempts
      .filter((attempt) => attempt.caseId === row.id)
      .map((attempt) => ({ at: iso(attempt.at), channel: attempt.channel, result: attempt.result, note: attempt.note, byName: nameIn(names, attempt.byUserId) ?? '' })),
  }));
}

/**
 * Everything Passerelle holds about one person of the context's organisation (right of access,
 * GDPR art. 15; CSP L1111-7): identity, consents, requests and their history, accompaniments with
 * all they contain, outreach, re-contact preferences, rights requests, retention decisions, and
 * who accessed the record. One snapshot when `ctx` is a transaction. Pure: it neither authorizes
 * nor audits, so each caller does both (coordinators' export route, the person portal).
 * Another organisation's person: 404.
 */
export async function buildPersonExport(ctx: ServiceContext, personId: string): Promise<TPersonExport> {
  const [row] = await ctx.tx
    .select({ person: persons, organizationName: organizations.name })
    .from(persons)
    .innerJoin(organizations, eq(organizations.id, persons.organizationId))
    .where(and(eq(persons.id, personId), eq(persons.organizationId, ctx.organizationId)));
  if (!row) throw notFound();
  const person = row.person;

  const referents = await ctx.tx
    .select({ id: users.id, name: users.name })
    .from(personReferents)
    .innerJoin(users, eq(users.id, personReferents.userId))
    .where(eq(personReferents.personId, personId))
    .orderBy(asc(users.name));
  const consents = await ctx.tx
    .select()
    .from(personConsents)
    .where(and(eq(personConsents.personId, personId), eq(personConsents.organizationId, ctx.organizationId)))
    .orderBy(asc(personConsents.collectedAt));
  const collectors = await userNames(
    ctx,
    consents.map((consent) => consent.collectedBy),
  );
  const [preferences] = await ctx.tx.select().from(recontactPreferences).where(eq(recontactPreferences.personId, personId));
  const rights = await ctx.tx
    .select()
    .from(rightsRequests)
    .where(and(eq(rightsRequests.personId, personId), eq(rightsRequests.organizationId, ctx.organizationId)))
    .orderBy(asc(rightsRequests.receivedAt));
  const proposals = await ctx.tx
    .select()
    .from(anonymisationProposals)
    .where(and(eq(anonymisationProposals.personId, personId), eq(anonymisationProposals.organizationId, ctx.organizationId)))
    .orderBy(asc(anonymisationProposals.proposedAt));

  return {
    generatedAt: iso(ctx.now),
    organization: { id: person.organizationId, name: row.organizationName },
    person: {
      id: person.id,
      firstName: person.firstName,
      pseudonym: person.pseudonym,
      lastName: person.lastName,
      phone: person.phone,
      email: person.email,
      preferredChannel: person.preferredChannel,
      departement: person.departement,
      communeInsee: person.communeInsee,
      communeName: person.communeName,
      birthYear: person.birthYear,
      housing: person.housing,
      employment: person.employment,
      structures: person.structures,
      lastContactAt: isoOrNull(person.lastContactAt),
      createdAt: iso(person.createdAt),
      updatedAt: iso(person.updatedAt),
      anonymisedAt: isoOrNull(person.anonymisedAt),
      anonymisationReason: person.anonymisationReason,
    },
    referents,
    consents: consents.map((consent) => ({
      id: consent.id,
      purpose: consent.purpose,
      scope: consent.scope,
      recipients: consent.recipients,
      method: consent.method,
      textVersion: consent.textVersion,
      collectedAt: iso(consent.collectedAt),
      collectedBy: consent.collectedBy,
      collectedByName: nameIn(collectors, consent.collectedBy),
      validUntil: isoOrNull(consent.validUntil),
      withdrawnAt: isoOrNull(consent.withdrawnAt),
      withdrawnHow: consent.withdrawnHow,
    })),
    requests: await requestsOf(ctx, personId),
    accompaniments: await accompanimentsOf(ctx, personId),
    outreachCases: await outreachOf(ctx, personId),
    recontactPreferences: preferences
      ? {
          allowedChannels: preferences.allowedChannels.filter(isChannel),
          preferredContactName: preferences.preferredContactName,
          wishes: preferences.wishes,
          doNotContact: preferences.doNotContact,
          recordedAt: iso(preferences.recordedAt),
        }
      : null,
    rightsRequests: rights.map((request) => ({
      id: request.id,
      type: request.type,
      receivedAt: iso(request.receivedAt),
      identityCheck: request.identityCheck,
      dueAt: iso(request.dueAt),
      answeredAt: isoOrNull(request.answeredAt),
      outcome: request.outcome,
    })),
    anonymisationProposals: proposals.map((proposal) => ({
      proposedAt: iso(proposal.proposedAt),
      status: proposal.status,
      decidedAt: isoOrNull(proposal.decidedAt),
      reason: proposal.reason,
    })),
    readers: (await listRecordReaders(ctx, personId)).items,
  };
}
