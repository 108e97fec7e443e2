import { and, asc, count, eq, gt, lte, sql, type SQL } from 'drizzle-orm';
import type { TRequestDetail, TRequestStatus } from '../../../shared/requests';
import type { ServiceContext } from '../../platform/http/context';
import { notFound } from '../../platform/http/errors';
import { displayNameOf } from '../persons/folding';
import { persons } from '../persons/schema';
import type { RequestRow } from './create';
import type { RequestRecord } from './policy';
import { requestStatusEvents, supportRequests } from './schema';

/** Statuses still waiting for a first contact: the ones that can be overdue. */
const WAITING: TRequestStatus = 'new';

export type RequestWithPerson = RequestRow & { person: { id: string; displayName: string; communeName: string } };

export const asRequestRecord = (request: RequestRow): RequestRecord => ({
  organizationId: request.organizationId,
  id: request.id,
  referrerUserId: request.referrerUserId,
});

const personColumns = {
  id: persons.id,
  firstName: persons.firstName,
  pseudonym: persons.pseudonym,
  lastName: persons.lastName,
  communeName: persons.communeName,
};
type PersonColumns = { id: string; firstName: string | null; pseudonym: string | null; lastName: string | null; communeName: string };
const withPerson = (request: RequestRow, person: PersonColumns): RequestWithPerson => ({
  ...request,
  person: { id: person.id, displayName: displayNameOf(person), communeName: person.communeName },
});

/** A request of the actor's organisation with its person's name; another organisation's: 404. */
export async function loadRequest(ctx: ServiceContext, id: string, options: { forUpdate?: boolean } = {}): Promise<RequestWithPerson> {
  const query = ctx.tx
    .select({ request: supportRequests, person: personColumns })
    .from(supportRequests)
    .innerJoin(persons, eq(persons.id, supportRequests.personId))
    .where(and(eq(supportRequests.id, id), eq(supportRequests.organizationId, ctx.organizationId)));
  const [row] = options.forUpdate ? await query.for('update', { of: supportRequests }) : await query;
  if (!row) throw notFound();
  return withPerson(row.request, row.person);
}

export type TriageFilter = {
  page: number;
  pageSize: number;
  status?: TRequestStatus;
  source?: RequestRow['source'];
  urgency?: RequestRow['urgency'];
  departement?: RequestRow['departement'];
  overdue?: 'true' | 'false';
};

/**
 * The triage queue: waiting requests first, the most pressing target first (an overdue emergency
 * comes before a fresh standard request), then the others newest first.
 */
export async function listRequests(ctx: ServiceContext, filter: TriageFilter): Promise<{ items: RequestWithPerson[]; total: number }> {
  const conditions: SQL[] = [eq(supportRequests.organizationId, ctx.organizationId)];
  if (filter.status) conditions.push(eq(supportRequests.status, filter.status));
  if (filter.source) conditions.push(eq(supportRequests.source, filter.source));
  if (filter.urgency) conditions.push(eq(supportRequests.urgency, filter.urgency));
  if (filter.departement) conditions.push(eq(supportRequests.departement, filter.departement));
  const now = ctx.now.toISOString();
  if (filter.overdue === 'true') {
    conditions.push(eq(supportRequests.status, WAITING), lte(supportRequests.respondBy, sql`${now}::timestamptz`));
  } else if (filter.overdue === 'false') {
    const notOverdue = sql`(${supportRequests.status} <> ${WAITING} or ${gt(supportRequests.respondBy, sql`${now}::timestamptz`)})`;
    conditions.push(notOverdue);
  }
  const where = and(...conditions);
  const rows = await ctx.tx
    .select({ request: supportRequests, person: personColumns })
    .from(supportRequests)
    .innerJoin(persons, eq(persons.id, supportRequests.personId))
    .where(where)
    .orderBy(
      sql`case when ${supportRequests.status} = ${WAITING} then 0 else 1 end`,
      sql`case when ${supportRequests.status} = ${WAITING} then ${supportRequests.respondBy} end asc`,
      sql`${supportRequests.receivedAt} desc`,
      asc(supportRequests.id),
    )
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const [totals] = await ctx.tx.select({ total: count() }).from(supportRequests).where(where);
  return { items: rows.map((row) => withPerson(row.request, row.person)), total: totals?.total ?? 0 };
}

export function isOverdue(request: RequestRow, now: Date): boolean {
  return request.status === WAITING && request.respondBy.getTime() <= now.getTime();
}

export function presentRequestSummary(request: RequestWithPerson, now: Date) {
  return {
    id: request.id,
    reference: request.reference,
    source: request.source,
    urgency: request.urgency,
    status: request.status,
    departement: request.departement,
    communeInsee: request.communeInsee,
    person: request.person,
    receivedAt: request.receivedAt.toISOString(),
    ageMinutes: Math.max(0, Math.floor((now.getTime() - request.receivedAt.getTime()) / 60_000)),
    respondBy: request.respondBy.toISOString(),
    overdue: isOverdue(request, now),
    version: request.version,
  };
}

export async function presentRequestDetail(ctx: ServiceContext, request: RequestWithPerson): Promise<TRequestDetail> {
  const events = await ctx.tx
    .select()
    .from(requestStatusEvents)
    .where(eq(requestStatusEvents.requestId, request.id))
    // The arrival event (no previous status) first, even when the first change shares its instant.
    .orderBy(asc(requestStatusEvents.at), sql`${requestStatusEvents.fromStatus} is not null`, asc(requestStatusEvents.id));
  return {
    ...presentRequestSummary(request, ctx.now),
    contactMethod: request.contactMethod,
    hopes: request.hopes,
    preferredTimes: request.preferredTimes,
    referringStructure: request.referringStructure,
    referralReason: request.referralReason,
    referrerUserId: request.referrerUserId,
    emergencySite: request.emergencySite,
    emergencyContact: request.emergencyContact,
    decision: request.decision,
    decisionReason: request.decisionReason,
    handoffTo: request.handoffTo,
    handoffStructure: request.handoffStructure,
    redirectedTo: request.redirectedTo,
    closedReason: request.closedReason,
    firstContactAt: request.firstContactAt?.toISOString() ?? null,
    events: events.map((event) => ({
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      at: event.at.toISOString(),
      byUserId: event.byUserId,
    })),
  };
}
