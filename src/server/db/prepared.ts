import type { Database } from './client';

/**
 * A statement built once per database handle and reused: Drizzle then skips building the SQL on
 * every call and PostgreSQL skips parsing it (named prepared statement, per connection). For the
 * queries every request runs (actor resolution, audited reads of one record).
 */
export function preparedPerDatabase<T>(build: (db: Database) => T): (db: Database) => T {
  const cache = new WeakMap<Database, T>();
  return (db) => {
    let statement = cache.get(db);
    if (statement === undefined) {
      statement = build(db);
      cache.set(db, statement);
    }
    return statement;
  };
}
