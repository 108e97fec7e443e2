import { and, asc, count, desc, eq } from 'drizzle-orm';
import type { TAnonymisationProposalStatus } from '../../../shared/accompaniments';
import type { TAnonymisationResult } from '../../../shared/rights';
import { actorOf } from '../../platform/tenancy/scope';
import { users } from '../../platform/auth/schema';
import type { ServiceContext } from '../../platform/http/context';
import { notFound } from '../../platform/http/errors';
import { displayNameOf } from '../persons/folding';
import { persons } from '../persons/schema';
import { anonymisePerson } from './anonymise';
import { isDueForAnonymisation, ACTIVE_BASE_YEARS } from './retention';
import { rightsFieldError } from './rights-requests';
import { anonymisationProposals } from './schema';

export const RETENTION_OVER_REASON = `Durée de conservation échue : plus de ${ACTIVE_BASE_YEARS} ans sans contact.`;

const columns = {
  proposal: anonymisationProposals,
  person: { id: persons.id, firstName: persons.firstName, pseudonym: persons.pseudonym, lastName: persons.lastName, departement: persons.departement },
  decider: { id: users.id, name: users.name },
};

type ProposalRow = {
  proposal: typeof anonymisationProposals.$inferSelect;
  person: { id: string; firstName: string | null; pseudonym: string | null; lastName: string | null; departement: (typeof persons.$inferSelect)['departement'] };
  decider: { id: string; name: string } | null;
};

function presentProposal({ proposal, person, decider }: ProposalRow) {
  return {
    id: proposal.id,
    person: { id: person.id, displayName: displayNameOf(person), departement: person.departement },
    proposedAt: proposal.proposedAt.toISOString(),
    lastContactAt: proposal.lastContactAt?.toISOString() ?? null,
    status: proposal.status,
    decidedAt: proposal.decidedAt?.toISOString() ?? null,
    decidedBy: decider,
    reason: proposal.reason,
  };
}

const selectProposals = (ctx: ServiceContext) =>
  ctx.tx
    .select(columns)
    .from(anonymisationProposals)
    .innerJoin(persons, eq(persons.id, anonymisationProposals.personId))
    .leftJoin(users, eq(users.id, anonymisationProposals.decidedBy));

/** One proposal of the organisation as the list shows it; another organisation's: 404. */
export async function proposalView(ctx: ServiceContext, id: string) {
  const [row] = await selectProposals(ctx).where(and(eq(anonymisationProposals.id, id), eq(anonymisationProposals.organizationId, ctx.organizationId)));
  if (!row) throw notFound();
  return presentProposal(row);
}

/** Proposals of one status: open ones oldest first (the longest overdue on top), decided ones latest first. */
export async function listProposals(ctx: ServiceContext, filter: { page: number; pageSize: number; status: TAnonymisationProposalStatus }) {
  const where = and(eq(anonymisationProposals.organizationId, ctx.organizationId), eq(anonymisationProposals.status, filter.status));
  const rows = await selectProposals(ctx)
    .where(where)
    .orderBy(filter.status === 'proposed' ? asc(anonymisationProposals.proposedAt) : desc(anonymisationProposals.decidedAt), asc(anonymisationProposals.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const [totals] = await ctx.tx.select({ total: count() }).from(anonymisationProposals).where(where);
  return { items: rows.map(presentProposal), total: totals?.total ?? 0 };
}

/** An open proposal of the organisation, locked until the decision commits; decided already: 400. */
async function openProposal(ctx: ServiceContext, id: string) {
  const [proposal] = await ctx.tx
    .select()
    .from(anonymisationProposals)
    .where(and(eq(anonymisationProposals.id, id), eq(anonymisationProposals.organizationId, ctx.organizationId)))
    .for('update');
  if (!proposal) throw notFound();
  if (proposal.status !== 'proposed') throw rightsFieldError(ctx, 'proposal', 'proposalDecided');
  return proposal;
}

/**
 * Confirms a proposal: the record is anonymised in the same transaction, if it is still due (the
 * person may have come back since the proposal: 400).
 */
export async function confirmProposal(ctx: ServiceContext, id: string, reason: string | undefined): Promise<TAnonymisationResult> {
  const proposal = await openProposal(ctx, id);
  if (!(await isDueForAnonymisation(ctx, proposal.personId))) throw rightsFieldError(ctx, 'proposal', 'recentContact');
  const decided = reason ?? RETENTION_OVER_REASON;
  const result = await anonymisePerson(ctx, proposal.personId, decided);
  await ctx.tx
    .update(anonymisationProposals)
    .set({ status: 'confirmed', decidedAt: ctx.now, decidedBy: actorOf(ctx).userId, reason: decided })
    .where(eq(anonymisationProposals.id, id));
  await ctx.audit({ action: 'anonymisation.proposal.confirmed', resourceType: 'anonymisation_proposal', resourceId: id, context: { personId: proposal.personId } });
  return result;
}

/** Keeps the record (e.g. an intermediate archive justified by a litigation period); the reason is required. */
export async function rejectProposal(ctx: ServiceContext, id: string, reason: string): Promise<void> {
  const proposal = await openProposal(ctx, id);
  await ctx.tx
    .update(anonymisationProposals)
    .set({ status: 'rejected', decidedAt: ctx.now, decidedBy: actorOf(ctx).userId, reason })
    .where(eq(anonymisationProposals.id, id));
  await ctx.audit({ action: 'anonymisation.proposal.rejected', resourceType: 'anonymisation_proposal', resourceId: id, context: { personId: proposal.personId } });
}
