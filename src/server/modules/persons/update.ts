import { and, eq, inArray, sql } from 'drizzle-orm';
import { personNameRule, type TPersonUpdateInput } from '../../../shared/persons';
import type { AuditContext } from '../../platform/audit/chain';
import type { ServiceContext } from '../../platform/http/context';
import { conflict } from '../../platform/http/errors';
import { enforceFieldRules } from './field-rules';
import { identityKeyOf, searchTextOf } from './folding';
import { ensureActivePeers } from './create';
import { loadPerson, type LoadedPerson } from './queries';
import { personReferents, persons } from './schema';

const EDITABLE = [
  'firstName',
  'pseudonym',
  'lastName',
  'phone',
  'email',
  'preferredChannel',
  'departement',
  'communeInsee',
  'communeName',
  'birthYear',
  'housing',
  'employment',
  'structures',
] as const;

/**
 * Rectifies a person's record if nobody saved it since `version` was read (else 409). The folded
 * search text and identity key are recomputed from the merged values. Audit lists the changed
 * field names only, never their values.
 */
export async function updatePerson(ctx: ServiceContext, person: LoadedPerson, change: TPersonUpdateInput): Promise<LoadedPerson> {
  if (change.version !== person.version) throw conflict();
  const next = {
    firstName: change.firstName === undefined ? person.firstName : change.firstName,
    pseudonym: change.pseudonym === undefined ? person.pseudonym : change.pseudonym,
    lastName: change.lastName === undefined ? person.lastName : change.lastName,
    phone: change.phone === undefined ? person.phone : change.phone,
    email: change.email === undefined ? person.email : change.email,
    preferredChannel: change.preferredChannel === undefined ? person.preferredChannel : change.preferredChannel,
    departement: change.departement ?? person.departement,
    communeInsee: (change.communeInsee ?? person.communeInsee).toUpperCase(),
    communeName: change.communeName ?? person.communeName,
    birthYear: change.birthYear === undefined ? person.birthYear : change.birthYear,
    housing: change.housing ?? person.housing,
    employment: change.employment ?? person.employment,
    structures: change.structures ?? person.structures,
  };
  enforceFieldRules(personNameRule(next), ctx.locale);
  const changed: string[] = EDITABLE.filter((field) => JSON.stringify(next[field]) !== JSON.stringify(person[field]));

  const currentReferents = person.referents.map((referent) => referent.id);
  const wantedReferents = change.referentIds ? [...new Set(change.referentIds)] : currentReferents;
  const added = wantedReferents.filter((id) => !currentReferents.includes(id));
  const removed = currentReferents.filter((id) => !wantedReferents.includes(id));
  if (added.length > 0 || removed.length > 0) changed.push('referents');
  if (changed.length === 0) return person;
  await ensureActivePeers(ctx, added);

  const [updated] = await ctx.tx
    .update(persons)
    .set({ ...next, searchText: searchTextOf(next), identityKey: identityKeyOf(next), version: sql`${persons.version} + 1`, updatedAt: ctx.now })
    .where(and(eq(persons.id, person.id), eq(persons.organizationId, ctx.organizationId), eq(persons.version, change.version)))
    .returning({ id: persons.id });
  // Someone else saved between our read and this write.
  if (!updated) throw conflict();
  if (removed.length > 0) {
    await ctx.tx.delete(personReferents).where(and(eq(personReferents.personId, person.id), inArray(personReferents.userId, removed)));
  }
  if (added.length > 0) {
    await ctx.tx
      .insert(personReferents)
      .values(added.map((userId) => ({ personId: person.id, userId, organizationId: ctx.organizationId, assignedAt: ctx.now })));
  }
  const context: AuditContext = { fields: changed.join(','), version: person.version + 1 };
  if (added.length > 0) context.referentsAdded = added.join(',');
  if (removed.length > 0) context.referentsRemoved = removed.join(',');
  await ctx.audit({ action: 'person.updated', resourceType: 'person', resourceId: person.id, context });
  return loadPerson(ctx, person.id);
}

/** Keeps "last contact" current (DOMAIN §9.2: retention counts from it); never moves it back. */
export async function touchLastContact(ctx: ServiceContext, personId: string, at: Date): Promise<void> {
  await ctx.tx
    .update(persons)
    .set({ lastContactAt: sql`greatest(${persons.lastContactAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(persons.id, personId), eq(persons.organizationId, ctx.organizationId)));
}
