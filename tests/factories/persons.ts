import type { Queryable } from '../../src/server/db/client';
import { personConsents, personReferents, persons } from '../../src/server/db/schema';
import { identityKeyOf, searchTextOf } from '../../src/server/modules/persons/folding';
import { buildOrganization } from './organizations';

export type PersonRow = typeof persons.$inferSelect;

export type PersonOverrides = Partial<
  Pick<
    PersonRow,
    'organizationId' | 'firstName' | 'pseudonym' | 'lastName' | 'phone' | 'email' | 'departement' | 'communeInsee' | 'communeName' | 'birthYear' | 'createdAt'
  >
> & { referentIds?: string[] };

/**
 * A fictional person of an organisation (created when none is given), folded like the service
 * does, with optional referent peers.
 */
export async function buildPerson(db: Queryable, overrides: PersonOverrides = {}): Promise<PersonRow> {
  const organizationId = overrides.organizationId ?? (await buildOrganization(db)).id;
  const fields = {
    firstName: overrides.firstName === undefined ? 'Léa' : overrides.firstName,
    pseudonym: overrides.pseudonym ?? null,
    lastName: overrides.lastName === undefined ? 'Exemple' : overrides.lastName,
    phone: overrides.phone ?? null,
    email: overrides.email ?? null,
    departement: overrides.departement ?? '13',
    communeInsee: overrides.communeInsee ?? '13055',
    communeName: overrides.communeName ?? 'Marseille',
    birthYear: overrides.birthYear === undefined ? 1990 : overrides.birthYear,
  };
  const createdAt = overrides.createdAt ?? new Date();
  const [row] = await db
    .insert(persons)
    .values({ organizationId, ...fields, searchText: searchTextOf(fields), identityKey: identityKeyOf(fields), createdAt, updatedAt: createdAt })
    .returning();
  if (!row) throw new Error('person not created');
  if (overrides.referentIds && overrides.referentIds.length > 0) {
    await db.insert(personReferents).values(overrides.referentIds.map((userId) => ({ personId: row.id, userId, organizationId })));
  }
  return row;
}

export async function buildConsent(db: Queryable, person: PersonRow, purpose: typeof personConsents.$inferInsert.purpose = 'contact') {
  const [row] = await db
    .insert(personConsents)
    .values({ organizationId: person.organizationId, personId: person.id, purpose, method: 'oral_recorded', textVersion: 'test-1', collectedAt: new Date() })
    .returning();
  if (!row) throw new Error('consent not created');
  return row;
}
