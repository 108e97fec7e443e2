import { and, asc, count, desc, eq, exists, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { TOutreachCaseDetail, TOutreachCaseSummary } from '../../../shared/continuity';
import type { TDepartement } from '../../../shared/persons';
import type { TOutreachCaseStatus, TRuptureSignal } from '../../../shared/accompaniments';
import { hasRole, type Actor } from '../../platform/access/actor';
import { can } from '../../platform/access/policy';
import { users } from '../../platform/auth/schema';
import type { ServiceContext } from '../../platform/http/context';
import { notFound } from '../../platform/http/errors';
import { accompanimentPeers, accompaniments } from '../accompaniments/schema';
import { persons } from '../persons/schema';
import type { OutreachCaseRecord } from './policy';
import { personsWithRecontactConsent, preferencesOf } from './preferences';
import { outreachAttempts, outreachCases } from './schema';
import { loadContinuitySettings } from './settings';
import { suggestNextSteps } from './suggestions';

const DAY_MS = 24 * 3600 * 1000;

const caseColumns = {
  outreachCase: outreachCases,
  accompanimentStatus: accompaniments.status,
  person: {
    id: persons.id,
    firstName: persons.firstName,
    pseudonym: persons.pseudonym,
    departement: persons.departement,
    communeInsee: persons.communeInsee,
    communeName: persons.communeName,
  },
};

type CaseRow = {
  outreachCase: typeof outreachCases.$inferSelect;
  accompanimentStatus: typeof accompaniments.$inferSelect.status;
  person: { id: string; firstName: string | null; pseudonym: string | null; departement: TDepartement; communeInsee: string; communeName: string };
};
export type LoadedCase = CaseRow & { peers: { id: string; name: string }[] };

export const asCaseRecord = (loaded: LoadedCase): OutreachCaseRecord => ({
  organizationId: loaded.outreachCase.organizationId,
  id: loaded.outreachCase.id,
  peerIds: loaded.peers.map((peer) => peer.id),
});

/** The current peers (not ended) of each accompaniment, in one query. */
async function currentPeersOf(ctx: ServiceContext, accompanimentIds: readonly string[]): Promise<Map<string, { id: string; name: string }[]>> {
  const byAccompaniment = new Map<string, { id: string; name: string }[]>();
  if (accompanimentIds.length === 0) return byAccompaniment;
  const rows = await ctx.tx
    .select({ accompanimentId: accompanimentPeers.accompanimentId, id: users.id, name: users.name })
    .from(accompanimentPeers)
    .innerJoin(users, eq(users.id, accompanimentPeers.userId))
    .where(and(inArray(accompanimentPeers.accompanimentId, [...accompanimentIds]), isNull(accompanimentPeers.endedAt)))
    .orderBy(asc(users.name));
  for (const row of rows) {
    const list = byAccompaniment.get(row.accompanimentId) ?? [];
    list.push({ id: row.id, name: row.name });
    byAccompaniment.set(row.accompanimentId, list);
  }
  return byAccompaniment;
}

/** A case of the actor's organisation with its accompaniment's peers; another organisation's: 404. */
export async function loadCase(ctx: ServiceContext, id: string, options: { forUpdate?: boolean } = {}): Promise<LoadedCase> {
  const query = ctx.tx
    .select(caseColumns)
    .from(outreachCases)
    .innerJoin(accompaniments, eq(accompaniments.id, outreachCases.accompanimentId))
    .innerJoin(persons, eq(persons.id, outreachCases.personId))
    .where(and(eq(outreachCases.id, id), eq(outreachCases.organizationId, ctx.organizationId)));
  const [row] = options.forUpdate ? await query.for('update', { of: outreachCases }) : await query;
  if (!row) throw notFound();
  const peers = await currentPeersOf(ctx, [row.outreachCase.accompanimentId]);
  return { ...row, peers: peers.get(row.outreachCase.accompanimentId) ?? [] };
}

/** Loads a case the actor may work on; a case they cannot see looks like one that does not exist. */
export async function loadCaseFor(ctx: ServiceContext, actor: Actor, id: string, options: { forUpdate?: boolean } = {}): Promise<LoadedCase> {
  const loaded = await loadCase(ctx, id, options);
  if (!can(actor, 'outreach.case.work', asCaseRecord(loaded))) throw notFound();
  return loaded;
}

export type QueueFilter = { page: number; pageSize: number; status: TOutreachCaseStatus; departement?: TDepartement; signal?: TRuptureSignal };

/**
 * The outreach queue: open cases oldest first (the longest silence on top), closed ones latest
 * first. A peer worker sees the cases of the accompaniments they currently follow.
 */
export async function listCases(ctx: ServiceContext, actor: Actor, filter: QueueFilter): Promise<{ items: LoadedCase[]; total: number }> {
  const conditions: SQL[] = [eq(outreachCases.organizationId, ctx.organizationId), eq(outreachCases.status, filter.status)];
  if (filter.departement) conditions.push(eq(persons.departement, filter.departement));
  if (filter.signal) conditions.push(eq(outreachCases.signal, filter.signal));
  if (!hasRole(actor, 'coordinator')) {
    conditions.push(
      exists(
        ctx.tx
          .select({ one: sql`1` })
          .from(accompanimentPeers)
          .where(
            and(
              eq(accompanimentPeers.accompanimentId, outreachCases.accompanimentId),
              eq(accompanimentPeers.userId, actor.userId),
              isNull(accompanimentPeers.endedAt),
            ),
          ),
      ),
    );
  }
  const where = and(...conditions);
  const rows = await ctx.tx
    .select(caseColumns)
    .from(outreachCases)
    .innerJoin(accompaniments, eq(accompaniments.id, outreachCases.accompanimentId))
    .innerJoin(persons, eq(persons.id, outreachCases.personId))
    .where(where)
    .orderBy(filter.status === 'open' ? asc(outreachCases.flaggedAt) : desc(outreachCases.closedAt), asc(outreachCases.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const [totals] = await ctx.tx
    .select({ total: count() })
    .from(outreachCases)
    .innerJoin(persons, eq(persons.id, outreachCases.personId))
    .where(where);
  const peers = await currentPeersOf(
    ctx,
    rows.map((row) => row.outreachCase.accompanimentId),
  );
  return { items: rows.map((row) => ({ ...row, peers: peers.get(row.outreachCase.accompanimentId) ?? [] })), total: totals?.total ?? 0 };
}

type AttemptRow = { id: string; caseId: string; at: Date; channel: typeof outreachAttempts.$inferSelect.channel; result: typeof outreachAttempts.$inferSelect.result; note: string | null; by: { id: string; name: string } };

async function attemptsOf(ctx: ServiceContext, caseIds: readonly string[]): Promise<Map<string, AttemptRow[]>> {
  const byCase = new Map<string, AttemptRow[]>();
  if (caseIds.length === 0) return byCase;
  const rows = await ctx.tx
    .select({
      id: outreachAttempts.id,
      caseId: outreachAttempts.caseId,
      at: outreachAttempts.at,
      channel: outreachAttempts.channel,
      result: outreachAttempts.result,
      note: outreachAttempts.note,
      by: { id: users.id, name: users.name },
    })
    .from(outreachAttempts)
    .innerJoin(users, eq(users.id, outreachAttempts.byUserId))
    .where(inArray(outreachAttempts.caseId, [...caseIds]))
    .orderBy(asc(outreachAttempts.at), asc(outreachAttempts.id));
  for (const row of rows) {
    const list = byCase.get(row.caseId) ?? [];
    list.push(row);
    byCase.set(row.caseId, list);
  }
  return byCase;
}

/**
 * Cases as the queue shows them: the person's re-contact preferences up front, the consent in
 * force, attempts so far and the suggested next steps. Everything for the page in a few queries.
 */
export async function presentCases(ctx: ServiceContext, actor: Actor, cases: readonly LoadedCase[]): Promise<TOutreachCaseDetail[]> {
  const personIds = [...new Set(cases.map((loaded) => loaded.person.id))];
  const settings = await loadContinuitySettings(ctx.tx, ctx.organizationId);
  const preferences = await preferencesOf(ctx.tx, ctx.organizationId, personIds);
  const consenting = await personsWithRecontactConsent(ctx, personIds);
  const attempts = await attemptsOf(
    ctx,
    cases.map((loaded) => loaded.outreachCase.id),
  );
  const closerIds = cases.map((loaded) => loaded.outreachCase.closedBy).filter((id): id is string => Boolean(id));
  const closers = closerIds.length > 0 ? await ctx.tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, closerIds)) : [];

  return cases.map((loaded) => {
    const outreachCase = loaded.outreachCase;
    const caseAttempts = attempts.get(outreachCase.id) ?? [];
    const personPreferences = preferences.get(loaded.person.id);
    const last = caseAttempts.at(-1);
    const record = asCaseRecord(loaded);
    const open = outreachCase.status === 'open';
    const recontactConsent = consenting.has(loaded.person.id);
    const shownPreferences = {
      allowedChannels: personPreferences?.allowedChannels ?? [],
      preferredContactName: personPreferences?.preferredContactName ?? null,
      wishes: personPreferences?.wishes ?? null,
      doNotContact: personPreferences?.doNotContact ?? false,
      recordedAt: personPreferences?.recordedAt ?? null,
      version: personPreferences?.version ?? 0,
    };
    const summary: TOutreachCaseSummary = {
      id: outreachCase.id,
      accompanimentId: outreachCase.accompanimentId,
      accompanimentStatus: loaded.accompanimentStatus,
      person: { id: loaded.person.id, firstName: loaded.person.firstName, pseudonym: loaded.person.pseudonym },
      territory: { departement: loaded.person.departement, communeInsee: loaded.person.communeInsee, communeName: loaded.person.communeName },
      signal: outreachCase.signal,
      flaggedAt: outreachCase.flaggedAt.toISOString(),
      ageDays: Math.max(0, Math.floor(((outreachCase.closedAt ?? ctx.now).getTime() - outreachCase.flaggedAt.getTime()) / DAY_MS)),
      status: outreachCase.status,
      closedAt: outreachCase.closedAt?.toISOString() ?? null,
      attemptCount: caseAttempts.length,
      maxAttempts: settings.maxOutreachAttempts,
      lastAttempt: last ? { id: last.id, at: last.at.toISOString(), channel: last.channel, result: last.result } : null,
      preferences: shownPreferences,
      recontactConsent,
      suggestions: suggestNextSteps(
        {
          open,
          allowedChannels: shownPreferences.allowedChannels,
          preferredContactName: shownPreferences.preferredContactName,
          doNotContact: shownPreferences.doNotContact,
          recontactConsent,
          attempts: caseAttempts,
          maxAttempts: settings.maxOutreachAttempts,
        },
        ctx.locale,
      ),
      peers: loaded.peers,
      version: outreachCase.version,
      policies: {
        // What the server would accept, so the web app offers only that (the person's choices included).
        logAttempt: open && !shownPreferences.doNotContact && recontactConsent && shownPreferences.allowedChannels.length > 0 && can(actor, 'outreach.case.work', record),
        close: open && can(actor, 'outreach.case.close', { ...record, outcome: 'contact_reestablished' }),
        closeWithAnyOutcome: open && can(actor, 'outreach.case.close', { ...record, outcome: 'unreachable' }),
      },
    };
    return {
      ...summary,
      outcomeNote: outreachCase.outcomeNote,
      closedBy: closers.find((closer) => closer.id === outreachCase.closedBy) ?? null,
      attempts: caseAttempts.map((attempt) => ({
        id: attempt.id,
        at: attempt.at.toISOString(),
        channel: attempt.channel,
        result: attempt.result,
        note: attempt.note,
        by: attempt.by,
      })),
    };
  });
}
