import { and, asc, count, desc, eq, exists, inArray, sql, type SQL } from 'drizzle-orm';
import type { TPersonDetail, TPersonSummary } from '../../../shared/persons';
import { hasRole, type Actor } from '../../platform/access/actor';
import { can } from '../../platform/access/policy';
import type { ServiceContext } from '../../platform/http/context';
import { forbidden, notFound } from '../../platform/http/errors';
import { userRoles, users } from '../../platform/auth/schema';
import { personConsents, personReferents, persons } from './schema';
import { displayNameOf, fold, likeContains } from './folding';
import type { PersonRecord } from './policy';

export type PersonRow = typeof persons.$inferSelect;
export type ConsentRow = typeof personConsents.$inferSelect;
export type LoadedPerson = PersonRow & { referents: { id: string; name: string }[] };

export type PersonAction = 'person.read' | 'person.update' | 'person.consent.record' | 'person.merge';

export const asRecord = (person: LoadedPerson): PersonRecord => ({
  organizationId: person.organizationId,
  id: person.id,
  referentIds: person.referents.map((referent) => referent.id),
});

/** A person of the actor's organisation with their referents; another organisation's: 404. */
export async function loadPerson(ctx: ServiceContext, id: string, options: { forUpdate?: boolean } = {}): Promise<LoadedPerson> {
  const query = ctx.tx
    .select()
    .from(persons)
    .where(and(eq(persons.id, id), eq(persons.organizationId, ctx.organizationId)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound();
  const referents = await ctx.tx
    .select({ id: users.id, name: users.name })
    .from(personReferents)
    .innerJoin(users, eq(users.id, personReferents.userId))
    .where(eq(personReferents.personId, id))
    .orderBy(asc(users.name));
  return { ...row, referents };
}

/**
 * Loads and authorizes in one step; a refusal looks like "not found" so a peer cannot learn
 * which persons exist beyond those they follow.
 */
export async function loadPersonFor(
  ctx: ServiceContext,
  actor: Actor,
  action: PersonAction,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<LoadedPerson> {
  const person = await loadPerson(ctx, id, options);
  if (!can(actor, action, asRecord(person))) {
    // Someone who may read the record learns nothing from a 403; anyone else gets 404.
    if (can(actor, 'person.read', asRecord(person))) throw forbidden();
    throw notFound();
  }
  return person;
}

export async function consentsOf(ctx: ServiceContext, personId: string): Promise<ConsentRow[]> {
  return ctx.tx
    .select()
    .from(personConsents)
    .where(and(eq(personConsents.personId, personId), eq(personConsents.organizationId, ctx.organizationId)))
    .orderBy(desc(personConsents.collectedAt));
}

export type PersonListFilter = { page: number; pageSize: number; search?: string; departement?: PersonRow['departement'] };

/**
 * Beyond this many matches the list says "more than 5,000": an exact count costs a scan of them all.
 * It is also where a search stops sorting its matches and walks the list-order index instead
 * (bench persons, 100,000 persons: sorting 1,196 matches 3.6 ms against a 39 ms walk; sorting
 * 26,699 matches 55 ms against a 0.2 ms walk).
 */
export const PERSON_COUNT_CAP = 5000;

/**
 * A page of persons: each word of the search must appear (accent- and case-insensitive) in the
 * folded `search_text`, which the trigram GIN index answers. A peer sees only persons they follow.
 * The total is counted up to PERSON_COUNT_CAP + 1 only (`totalIsCapped`). Order: folded name, byte-
 * wise, which `persons_list_order_idx` walks for the plain list (bench persons: page 1 of 100,000
 * persons 110 ms → 0.14 ms).
 * A search reads its matches once (up to the cap + 1, from the trigram index), counts them and
 * sorts the page out of them in the same statement; only when they are more than the cap does it
 * walk the list-order index instead (bench persons, "toulon", 4,885 matches: two statements of
 * 15.6 + 13.3 ms before).
 */
export async function listPersons(
  ctx: ServiceContext,
  actor: Actor,
  filter: PersonListFilter,
): Promise<{ items: PersonRow[]; total: number; totalIsCapped: boolean }> {
  const words = fold(filter.search ?? '').split(' ').filter(Boolean);
  const where = listConditions(ctx, actor, filter, words);
  const offset = (filter.page - 1) * filter.pageSize;
  if (words.length > 0) {
    const found = await searchWithinCap(ctx, where, filter.pageSize, offset);
    if (found.total <= PERSON_COUNT_CAP) return { items: found.items, total: found.total, totalIsCapped: false };
    return { items: await walkListOrder(ctx, where, filter.pageSize, offset), total: PERSON_COUNT_CAP, totalIsCapped: true };
  }
  const capped = ctx.tx.select({ one: sql`1` }).from(persons).where(where).limit(PERSON_COUNT_CAP + 1).as('capped');
  const [counted] = await ctx.tx.select({ total: count() }).from(capped);
  const matches = counted?.total ?? 0;
  const items = matches === 0 ? [] : await walkListOrder(ctx, where, filter.pageSize, offset);
  return { items, total: Math.min(matches, PERSON_COUNT_CAP), totalIsCapped: matches > PERSON_COUNT_CAP };
}

function listConditions(ctx: ServiceContext, actor: Actor, filter: PersonListFilter, words: string[]): SQL | undefined {
  const conditions: SQL[] = [eq(persons.organizationId, ctx.organizationId)];
  for (const word of words) conditions.push(sql`${persons.searchText} like ${likeContains(word)}`);
  if (filter.departement) conditions.push(eq(persons.departement, filter.departement));
  if (!hasRole(actor, 'coordinator')) {
    conditions.push(
      exists(
        ctx.tx
          .select({ one: sql`1` })
          .from(personReferents)
          .where(and(eq(personReferents.personId, persons.id), eq(personReferents.userId, actor.userId))),
      ),
    );
  }
  return and(...conditions);
}

/** The page in list order, reading the list-order index from the start (cheap when matches are dense). */
function walkListOrder(ctx: ServiceContext, where: SQL | undefined, limit: number, offset: number): Promise<PersonRow[]> {
  return ctx.tx
    .select()
    .from(persons)
    .where(where)
    .orderBy(sql`${persons.searchText} collate "C"`, asc(persons.id))
    .limit(limit)
    .offset(offset);
}

/**
 * One statement: the matches (at most cap + 1, materialised so the trigram index feeds them), their
 * count, and the page sorted out of them. With more than the cap the page is not meaningful and
 * the caller walks the list order instead.
 */
async function searchWithinCap(
  ctx: ServiceContext,
  where: SQL | undefined,
  limit: number,
  offset: number,
): Promise<{ items: PersonRow[]; total: number }> {
  // Referenced twice (count and page), the matches are computed once (PostgreSQL materialises them).
  const matches = ctx.tx
    .$with('matches')
    .as(ctx.tx.select({ id: persons.id, byName: sql<string>`${persons.searchText} collate "C"`.as('by_name') }).from(persons).where(where).limit(PERSON_COUNT_CAP + 1));
  const page = ctx.tx
    .$with('page')
    .as(ctx.tx.select({ id: matches.id, byName: matches.byName }).from(matches).orderBy(matches.byName, asc(matches.id)).limit(limit).offset(offset));
  const rows = await ctx.tx
    .with(matches, page)
    .select({ person: persons, total: sql<number>`(select count(*) from ${matches})::int` })
    .from(page)
    .innerJoin(persons, eq(persons.id, page.id))
    .orderBy(page.byName, asc(page.id));
  if (rows[0]) return { items: rows.map((row) => row.person), total: Number(rows[0].total) };
  // A page past the end: still say how many there are.
  const [counted] = await ctx.tx.with(matches).select({ total: count() }).from(matches);
  return { items: [], total: counted?.total ?? 0 };
}

/** Persons of the organisation with this identity key (duplicate detection). */
export async function findByIdentityKey(ctx: ServiceContext, identityKey: string, excludeId?: string): Promise<PersonRow[]> {
  const rows = await ctx.tx
    .select()
    .from(persons)
    .where(and(eq(persons.organizationId, ctx.organizationId), eq(persons.identityKey, identityKey)))
    .orderBy(asc(persons.createdAt));
  return rows.filter((row) => row.id !== excludeId);
}

/** Active users of the organisation among `ids` holding one of the peer roles. */
export async function activePeers(ctx: ServiceContext, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await ctx.tx
    .selectDistinct({ id: users.id })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(
      and(
        inArray(users.id, [...ids]),
        eq(users.organizationId, ctx.organizationId),
        eq(users.active, true),
        inArray(userRoles.role, ['peer_worker', 'volunteer']),
      ),
    );
  return rows.map((row) => row.id);
}

export function presentSummary(person: PersonRow): TPersonSummary {
  return {
    id: person.id,
    displayName: displayNameOf(person),
    firstName: person.firstName,
    pseudonym: person.pseudonym,
    lastName: person.lastName,
    departement: person.departement,
    communeInsee: person.communeInsee,
    communeName: person.communeName,
    birthYear: person.birthYear,
    lastContactAt: person.lastContactAt?.toISOString() ?? null,
    version: person.version,
  };
}

export function presentDetail(actor: Actor, person: LoadedPerson, consents: ConsentRow[]): TPersonDetail {
  const record = asRecord(person);
  return {
    ...presentSummary(person),
    phone: person.phone,
    email: person.email,
    preferredChannel: person.preferredChannel,
    housing: person.housing,
    employment: person.employment,
    structures: person.structures.map((structure) => ({ type: structureType(structure.type), name: structure.name })),
    referents: person.referents,
    consents: consents.map((consent) => ({
      id: consent.id,
      purpose: consent.purpose,
      scope: consent.scope,
      recipients: consent.recipients,
      method: consent.method,
      textVersion: consent.textVersion,
      collectedAt: consent.collectedAt.toISOString(),
      collectedBy: consent.collectedBy,
      validUntil: consent.validUntil?.toISOString() ?? null,
      withdrawnAt: consent.withdrawnAt?.toISOString() ?? null,
      withdrawnHow: consent.withdrawnHow,
    })),
    createdAt: person.createdAt.toISOString(),
    updatedAt: person.updatedAt.toISOString(),
    policies: {
      update: can(actor, 'person.update', record),
      recordConsent: can(actor, 'person.consent.record', record),
      merge: can(actor, 'person.merge', record),
    },
  };
}

const STRUCTURE_TYPES = ['cmp', 'hospital', 'gem', 'social_service', 'essms', 'empp', 'association', 'other'] as const;
type StructureType = (typeof STRUCTURE_TYPES)[number];
function structureType(value: string): StructureType {
  return STRUCTURE_TYPES.find((type) => type === value) ?? 'other';
}
