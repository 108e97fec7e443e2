import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { TAnonymisationResult } from '../../../shared/rights';
import { accounts, sessions, twoFactors, users } from '../../platform/auth/schema';
import type { ServiceContext } from '../../platform/http/context';
import { mailOutbox } from '../../platform/mail/schema';
import {
  accompanimentGoals,
  accompanimentNotes,
  accompaniments,
  accompanimentStatusEvents,
  appointments,
  interventions,
} from '../accompaniments/schema';
import { outreachAttempts, outreachCases, recontactPreferences } from '../continuity/schema';
import { fold } from '../persons/folding';
import { loadPerson } from '../persons/queries';
import { personConsents, personReferents, persons } from '../persons/schema';
import { personAccounts, portalMessages } from '../portal/schema';
import { supportRequests } from '../requests/schema';
import { rightsRequests } from './schema';
import { rightsFieldError } from './rights-requests';

export const ANONYMISED_NAME = 'Personne anonymisée';
/** What replaces a text that cannot be empty (note, goal, message): the row stays, its words go. */
export const ERASED_TEXT = '[Contenu effacé lors de l’anonymisation]';
const ERASED_STRUCTURE_NAME = 'Nom effacé';

/** Birth year kept as the first year of its 5-year band (1987 → 1985): enough for age bands in reports. */
export const birthYearBand = (year: number | null) => (year === null ? null : Math.floor(year / 5) * 5);

/** Erases the words of everything recorded in the person's accompaniments; counts of rows touched. */
async function eraseAccompanimentContent(ctx: ServiceContext, personId: string, accompanimentIds: string[]): Promise<Record<string, number>> {
  const notes = await ctx.tx
    .update(accompanimentNotes)
    .set({ body: ERASED_TEXT })
    .where(and(eq(accompanimentNotes.personId, personId), eq(accompanimentNotes.organizationId, ctx.organizationId)))
    .returning({ id: accompanimentNotes.id });
  const messages = await ctx.tx
    .update(portalMessages)
    .set({ body: ERASED_TEXT })
    .where(and(eq(portalMessages.personId, personId), eq(portalMessages.organizationId, ctx.organizationId)))
    .returning({ id: portalMessages.id });
  // Places may be an address; type, date and duration of each intervention stay for reports.
  await ctx.tx.update(interventions).set({ place: null }).where(eq(interventions.personId, personId));
  await ctx.tx.update(appointments).set({ place: null }).where(eq(appointments.personId, personId));
  let goals = 0;
  if (accompanimentIds.length > 0) {
    goals = (
      await ctx.tx.update(accompanimentGoals).set({ wording: ERASED_TEXT }).where(inArray(accompanimentGoals.accompanimentId, accompanimentIds)).returning({ id: accompanimentGoals.id })
    ).length;
    await ctx.tx.update(accompaniments).set({ closingNote: null }).where(inArray(accompaniments.id, accompanimentIds));
    await ctx.tx.update(accompanimentStatusEvents).set({ reason: null }).where(inArray(accompanimentStatusEvents.accompanimentId, accompanimentIds));
  }
  return { notes: notes.length, goals, messages: messages.length };
}

/** Erases the free text of requests, consents, outreach and rights requests; removes re-contact preferences. */
async function eraseFollowUpContent(ctx: ServiceContext, personId: string): Promise<Record<string, number>> {
  const requests = await ctx.tx
    .update(supportRequests)
    .set({
      hopes: null,
      preferredTimes: null,
      referringStructure: null,
      referralReason: null,
      emergencySite: null,
      emergencyContact: null,
      decisionReason: null,
      handoffTo: null,
      handoffStructure: null,
      redirectedTo: null,
      closedReason: null,
      contentHash: null,
    })
    .where(and(eq(supportRequests.personId, personId), eq(supportRequests.organizationId, ctx.organizationId)))
    .returning({ id: supportRequests.id });
  const consents = await ctx.tx
    .update(personConsents)
    .set({ scope: null, recipients: null, withdrawnHow: null })
    .where(and(eq(personConsents.personId, personId), eq(personConsents.organizationId, ctx.organizationId)))
    .returning({ id: personConsents.id });
  const cases = await ctx.tx
    .update(outreachCases)
    .set({ outcomeNote: null })
    .where(and(eq(outreachCases.personId, personId), eq(outreachCases.organizationId, ctx.organizationId)))
    .returning({ id: outreachCases.id });
  let attempts = 0;
  if (cases.length > 0) {
    attempts = (
      await ctx.tx
        .update(outreachAttempts)
        .set({ note: null })
        .where(
          inArray(
            outreachAttempts.caseId,
            cases.map((row) => row.id),
          ),
        )
        .returning({ id: outreachAttempts.id })
    ).length;
  }
  const preferences = await ctx.tx.delete(recontactPreferences).where(eq(recontactPreferences.personId, personId)).returning({ id: recontactPreferences.personId });
  // How identity was checked may quote a document; the request itself (type, dates, outcome) is evidence of compliance.
  await ctx.tx.update(rightsRequests).set({ identityCheck: null }).where(eq(rightsRequests.personId, personId));
  return { requests: requests.length, consents: consents.length, outreachCases: cases.length, outreachAttempts: attempts, recontactPreferences: preferences.length };
}

/** Ends the person's portal access: link removed, account deactivated and stripped of name and e-mail, sessions ended. */
async function removePersonAccount(ctx: ServiceContext, personId: string): Promise<number> {
  const removed = await ctx.tx.delete(personAccounts).where(eq(personAccounts.personId, personId)).returning({ userId: personAccounts.userId });
  for (const { userId } of removed) {
    await ctx.tx
      .update(users)
      .set({ name: ANONYMISED_NAME, email: `anonymise-${userId}@passerelle.invalid`, active: false, version: sql`${users.version} + 1`, updatedAt: ctx.now })
      .where(and(eq(users.id, userId), eq(users.organizationId, ctx.organizationId)));
    await ctx.tx.delete(sessions).where(eq(sessions.userId, userId));
    await ctx.tx.delete(accounts).where(eq(accounts.userId, userId));
    await ctx.tx.delete(twoFactors).where(eq(twoFactors.userId, userId));
  }
  return removed.length;
}

/**
 * Anonymises a person's record (DOMAIN §9.2 end of retention, §9.5 erasure), in the caller's
 * transaction so it happens entirely or not at all. Erased: identity (names, contacts, exact birth
 * year, structures' names), every free text (notes, goals, messages, requests, consents, outreach,
 * places), re-contact preferences, referents, the portal account, mails waiting for the person.
 * Kept for statistics: the rows themselves with their dates, types, durations, statuses, territory
 * (département, INSEE commune), housing and employment, birth year as a 5-year band. The record
 * then reads "Personne anonymisée" and no longer answers a search by name. Refused (400) while an
 * accompaniment is open, or twice. Audited with counts only.
 */
export async function anonymisePerson(ctx: ServiceContext, personId: string, reason: string): Promise<TAnonymisationResult> {
  const person = await loadPerson(ctx, personId, { forUpdate: true });
  if (person.anonymisedAt) throw rightsFieldError(ctx, 'person', 'alreadyAnonymised');
  const owned = await ctx.tx
    .select({ id: accompaniments.id, status: accompaniments.status })
    .from(accompaniments)
    .where(and(eq(accompaniments.personId, personId), eq(accompaniments.organizationId, ctx.organizationId)));
  if (owned.some((row) => row.status !== 'closed')) throw rightsFieldError(ctx, 'person', 'openAccompaniment');

  const erased: Record<string, number> = {
    ...(await eraseAccompanimentContent(
      ctx,
      personId,
      owned.map((row) => row.id),
    )),
    ...(await eraseFollowUpContent(ctx, personId)),
  };
  erased.referents = (await ctx.tx.delete(personReferents).where(eq(personReferents.personId, personId)).returning({ userId: personReferents.userId })).length;
  erased.accounts = await removePersonAccount(ctx, personId);
  if (person.email) {
    const mails = await ctx.tx
      .delete(mailOutbox)
      .where(and(eq(mailOutbox.organizationId, ctx.organizationId), eq(mailOutbox.toAddress, person.email), ne(mailOutbox.status, 'sending')))
      .returning({ id: mailOutbox.id });
    erased.mails = mails.length;
  }

  await ctx.tx
    .update(persons)
    .set({
      firstName: null,
      pseudonym: ANONYMISED_NAME,
      lastName: null,
      phone: null,
      email: null,
      preferredChannel: null,
      birthYear: birthYearBand(person.birthYear),
      structures: person.structures.map((structure) => ({ type: structure.type, name: ERASED_STRUCTURE_NAME })),
      // The search text no longer holds the names; the identity key matches no one (no duplicate detection).
      searchText: fold(ANONYMISED_NAME),
      identityKey: `anonymised|${person.id}`,
      anonymisedAt: ctx.now,
      anonymisationReason: reason,
      version: sql`${persons.version} + 1`,
      updatedAt: ctx.now,
    })
    .where(and(eq(persons.id, personId), eq(persons.organizationId, ctx.organizationId)));
  await ctx.audit({ action: 'person.anonymised', resourceType: 'person', resourceId: personId, context: { ...erased } });
  return { personId, anonymisedAt: ctx.now.toISOString(), erased };
}
