import { sql, type SQL, type AnyColumn } from 'drizzle-orm';

// PGlite has no `unaccent` and runs in the C locale, where lower() only folds ASCII: accents are
// folded by translate() (core PostgreSQL, so the same query runs on both databases), then lower().
const ACCENTED = 'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿ';
const PLAIN = 'AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyy';

/** The column as compared by search: no accents, lower case. */
export function folded(column: AnyColumn): SQL {
  return sql`lower(translate(${column}, ${ACCENTED}, ${PLAIN}))`;
}

/** The search text folded the same way, with LIKE's wildcards escaped, as a "contains" pattern. */
export function containsPattern(search: string): string {
  const plain = search.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return `%${plain.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
