import { and, asc, count, eq, gt, isNotNull, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { RIGHTS_MESSAGES, type TRightsMessageKey, type TRightsRequest, type TRightsRequestInput, type TRightsRequestType, type TRightsRequestUpdate } from '../../../shared/rights';
import { users } from '../../platform/auth/schema';
import type { ServiceContext } from '../../platform/http/context';
import { badRequest, conflict, notFound } from '../../platform/http/errors';
import { displayNameOf } from '../persons/folding';
import { loadPerson } from '../persons/queries';
import { persons } from '../persons/schema';
import { rightsRequests } from './schema';

/** A field error in the caller's language. */
export function rightsFieldError(ctx: ServiceContext, field: string, key: TRightsMessageKey) {
  return badRequest('validation', { [field]: [RIGHTS_MESSAGES[ctx.locale][key]] });
}

/**
 * One month to answer (GDPR art. 12(3)): the same day of the next month, or its last day when the
 * next month is shorter (31 January → 28 or 29 February), at the same time.
 */
export function oneMonthAfter(date: Date): Date {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const due = new Date(date);
  due.setUTCDate(1);
  due.setUTCMonth(month % 12);
  if (month === 12) due.setUTCFullYear(year + 1);
  due.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return due;
}

type Row = { request: typeof rightsRequests.$inferSelect; person: { id: string; firstName: string | null; pseudonym: string | null; lastName: string | null }; recorder: { id: string; name: string } | null };

const columns = {
  request: rightsRequests,
  person: { id: persons.id, firstName: persons.firstName, pseudonym: persons.pseudonym, lastName: persons.lastName },
  recorder: { id: users.id, name: users.name },
};

export function presentRightsRequest(row: Row, now: Date): TRightsRequest {
  const request = row.request;
  return {
    id: request.id,
    person: { id: row.person.id, displayName: displayNameOf(row.person) },
    type: request.type,
    receivedAt: request.receivedAt.toISOString(),
    identityCheck: request.identityCheck,
    dueAt: request.dueAt.toISOString(),
    answeredAt: request.answeredAt?.toISOString() ?? null,
    outcome: request.outcome,
    overdue: !request.answeredAt && request.dueAt.getTime() <= now.getTime(),
    recordedBy: row.recorder,
    version: request.version,
  };
}

function selectRows(ctx: ServiceContext) {
  return ctx.tx
    .select(columns)
    .from(rightsRequests)
    .innerJoin(persons, eq(persons.id, rightsRequests.personId))
    .leftJoin(users, eq(users.id, rightsRequests.recordedBy));
}

/** A rights request of the actor's organisation; another organisation's: 404. */
export async function loadRightsRequest(ctx: ServiceContext, id: string): Promise<Row> {
  const [row] = await selectRows(ctx).where(and(eq(rightsRequests.id, id), eq(rightsRequests.organizationId, ctx.organizationId)));
  if (!row) throw notFound();
  return row;
}

/** Logs a rights request of a person of the organisation, due one month after it was received. */
export async function recordRightsRequest(ctx: ServiceContext, input: TRightsRequestInput): Promise<string> {
  const person = await loadPerson(ctx, input.personId);
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : ctx.now;
  if (receivedAt.getTime() > ctx.now.getTime()) throw rightsFieldError(ctx, 'receivedAt', 'receivedInFuture');
  const [row] = await ctx.tx
    .insert(rightsRequests)
    .values({
      organizationId: ctx.organizationId,
      personId: person.id,
      type: input.type,
      receivedAt,
      identityCheck: input.identityCheck ?? null,
      dueAt: oneMonthAfter(receivedAt),
      recordedBy: ctx.actor?.userId ?? null,
    })
    .returning({ id: rightsRequests.id });
  if (!row) throw new Error('rights request insert returned nothing');
  await ctx.audit({ action: 'rights_request.recorded', resourceType: 'rights_request', resourceId: row.id, context: { personId: person.id, type: input.type } });
  return row.id;
}

/**
 * Records the identity check or the answer, if nobody changed the request since `version` (else
 * 409). An answer needs its outcome and cannot predate the request or lie in the future.
 */
export async function updateRightsRequest(ctx: ServiceContext, id: string, change: TRightsRequestUpdate): Promise<void> {
  const { request } = await loadRightsRequest(ctx, id);
  if (request.version !== change.version) throw conflict();
  const next = {
    identityCheck: change.identityCheck === undefined ? request.identityCheck : change.identityCheck,
    answeredAt: change.answeredAt === undefined ? request.answeredAt : change.answeredAt === null ? null : new Date(change.answeredAt),
    outcome: change.outcome === undefined ? request.outcome : change.outcome,
  };
  if (next.answeredAt) {
    if (!next.outcome) throw rightsFieldError(ctx, 'outcome', 'outcomeRequired');
    if (next.answeredAt.getTime() < request.receivedAt.getTime()) throw rightsFieldError(ctx, 'answeredAt', 'answeredBeforeReceived');
    if (next.answeredAt.getTime() > ctx.now.getTime()) throw rightsFieldError(ctx, 'answeredAt', 'answeredInFuture');
  }
  const [updated] = await ctx.tx
    .update(rightsRequests)
    .set({ ...next, version: sql`${rightsRequests.version} + 1` })
    .where(and(eq(rightsRequests.id, id), eq(rightsRequests.organizationId, ctx.organizationId), eq(rightsRequests.version, change.version)))
    .returning({ id: rightsRequests.id });
  if (!updated) throw conflict();
  const fields = (['identityCheck', 'answeredAt', 'outcome'] as const).filter((field) => change[field] !== undefined);
  await ctx.audit({
    action: 'rights_request.updated',
    resourceType: 'rights_request',
    resourceId: id,
    context: { personId: request.personId, fields: fields.join(','), answered: Boolean(next.answeredAt), version: change.version + 1 },
  });
}

export type RightsRequestFilter = {
  page: number;
  pageSize: number;
  state?: 'open' | 'answered';
  overdue?: 'true' | 'false';
  type?: TRightsRequestType;
  personId?: string;
};

/** The log: open requests first, the nearest due date first; answered ones after them. */
export async function listRightsRequests(ctx: ServiceContext, filter: RightsRequestFilter): Promise<{ items: TRightsRequest[]; total: number }> {
  const conditions: SQL[] = [eq(rightsRequests.organizationId, ctx.organizationId)];
  if (filter.state === 'open') conditions.push(isNull(rightsRequests.answeredAt));
  if (filter.state === 'answered') conditions.push(isNotNull(rightsRequests.answeredAt));
  if (filter.type) conditions.push(eq(rightsRequests.type, filter.type));
  if (filter.personId) conditions.push(eq(rightsRequests.personId, filter.personId));
  if (filter.overdue === 'true') conditions.push(isNull(rightsRequests.answeredAt), lte(rightsRequests.dueAt, ctx.now));
  if (filter.overdue === 'false') conditions.push(sql`(${rightsRequests.answeredAt} is not null or ${gt(rightsRequests.dueAt, ctx.now)})`);
  const where = and(...conditions);
  const rows = await selectRows(ctx)
    .where(where)
    .orderBy(sql`${rightsRequests.answeredAt} is not null`, asc(rightsRequests.dueAt), asc(rightsRequests.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const [totals] = await ctx.tx.select({ total: count() }).from(rightsRequests).where(where);
  return { items: rows.map((row) => presentRightsRequest(row, ctx.now)), total: totals?.total ?? 0 };
}
