/**
 * Text as search and duplicate detection compare it: accents removed (NFD, marks dropped),
 * ligatures spelled out, lower case, single spaces. Computed in code rather than in SQL because
 * PGlite runs in the C locale, where lower() folds ASCII only: doing it here gives the same
 * stored text and the same query text on PGlite and on any PostgreSQL server.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export type NamedPerson = {
  firstName?: string | null;
  pseudonym?: string | null;
  lastName?: string | null;
  communeName: string;
};

/** What the trigram index covers: first name, pseudonym, last name and commune, folded. */
export function searchTextOf(person: NamedPerson): string {
  return [person.firstName, person.pseudonym, person.lastName, person.communeName]
    .filter((part): part is string => Boolean(part))
    .map(fold)
    .join(' ');
}

export type IdentityFields = {
  firstName?: string | null;
  pseudonym?: string | null;
  lastName?: string | null;
  birthYear?: number | null;
  communeInsee: string;
};

/**
 * Same name + birth year + commune = probably the same person. The name is the first name, or the
 * pseudonym when there is none, followed by the last name; an unknown birth year matches only
 * another unknown one (a wider match is left to the coordinator's search).
 */
export function identityKeyOf(person: IdentityFields): string {
  const given = fold(person.firstName || person.pseudonym || '');
  const family = fold(person.lastName ?? '');
  return [given, family, person.birthYear ?? '', person.communeInsee.toUpperCase()].join('|');
}

/** The name shown in lists: first name (or pseudonym) and last name. */
export function displayNameOf(person: { firstName: string | null; pseudonym: string | null; lastName: string | null }): string {
  const given = person.firstName ?? person.pseudonym ?? '';
  const alias = person.firstName && person.pseudonym ? ` « ${person.pseudonym} »` : '';
  return `${given}${alias}${person.lastName ? ` ${person.lastName}` : ''}`.trim();
}

/** LIKE's wildcards escaped, so a search for "50%" looks for those characters. */
export function likeContains(folded: string): string {
  return `%${folded.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
