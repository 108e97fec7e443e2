import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from '../src/server/db/schema';
// The app's rules, declared as the server declares them: the queries below check `can` as the routes do.
import '../src/server/platform/access/policies';
import type { Actor } from '../src/server/platform/access/actor';
import type { ServiceContext } from '../src/server/platform/http/context';
import { consentsOf, listPersons, loadPerson } from '../src/server/modules/persons/queries';

export type CapturedQuery = { label: string; sql: string; params: unknown[] };
export type QueryPlan = CapturedQuery & { plan: string; executionMs: number };

/**
 * The SQL the person routes really run, captured by running the persons module's own query
 * functions (unchanged) on a Drizzle handle whose logger records each statement and its
 * parameters: the plans below are those of the code, not of a hand-written copy.
 */
export async function captureRouteQueries(
  databaseUrl: string,
  actor: Actor,
  samples: { personId: string; heaviestPersonId: string; searches: string[]; deepPage: number },
): Promise<{ queries: CapturedQuery[]; interventionsFromCode: boolean }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const captured: CapturedQuery[] = [];
  let label = '';
  const db = drizzle({ client: pool, schema, logger: { logQuery: (sql, params) => captured.push({ label, sql, params }) } });
  const ctx: ServiceContext = { actor, organizationId: actor.organizationId, tx: db, audit: async () => undefined, now: new Date(), locale: 'fr' };
  try {
    label = 'list, page 1 (GET /api/persons?page=1&pageSize=25)';
    await listPersons(ctx, actor, { page: 1, pageSize: 25 });
    label = `list, page ${samples.deepPage} (GET /api/persons?page=${samples.deepPage}&pageSize=25)`;
    await listPersons(ctx, actor, { page: samples.deepPage, pageSize: 25 });
    for (const search of samples.searches) {
      label = `search "${search}" (GET /api/persons?search=…)`;
      await listPersons(ctx, actor, { page: 1, pageSize: 25, search });
    }
    label = 'record (GET /api/persons/:id): person, referents';
    await loadPerson(ctx, samples.personId);
    label = 'record (GET /api/persons/:id): consents';
    await consentsOf(ctx, samples.personId);
    const listPersonInterventions = await personInterventionsQuery();
    for (const [who, personId] of [
      ['a person with 50+', samples.personId],
      ['the person with the most', samples.heaviestPersonId],
    ] as const) {
      label = `last 50 interventions of ${who} (GET /api/persons/:id/interventions?page=1&pageSize=50)`;
      if (listPersonInterventions) await listPersonInterventions(ctx, actor, personId, { page: 1, pageSize: 50 });
      else captured.push(...interventionQueries(actor.organizationId, personId, who));
    }
    return { queries: captured, interventionsFromCode: Boolean(listPersonInterventions) };
  } finally {
    await pool.end();
  }
}

type PersonInterventions = (ctx: ServiceContext, actor: Actor, personId: string, page: { page: number; pageSize: number }) => Promise<unknown>;

/**
 * The accompaniments module's query behind GET /api/persons/:id/interventions, when that module
 * has it (it is being built alongside): imported by a computed path so this benchmark neither
 * fails to compile nor stops when it moves; then the equivalent SQL below stands in.
 */
async function personInterventionsQuery(): Promise<PersonInterventions | null> {
  const path = ['..', 'src', 'server', 'modules', 'accompaniments', 'person-interventions'].join('/');
  try {
    const loaded: unknown = await import(path);
    if (typeof loaded !== 'object' || loaded === null || !('listPersonInterventions' in loaded)) return null;
    const query = loaded.listPersonInterventions;
    return typeof query === 'function' ? (ctx, actor, personId, page) => Promise.resolve(query(ctx, actor, personId, page)) : null;
  } catch {
    return null;
  }
}

/**
 * The last 50 interventions of a person, as the interventions route is expected to read them
 * (by person, newest first, with the peers present and the total): hand-written, because that
 * route is being built elsewhere; compare with its code once it lands.
 */
export function interventionQueries(organizationId: string, personId: string, who: string): CapturedQuery[] {
  const label = `last 50 interventions of ${who} (GET /api/persons/:id/interventions, equivalent SQL: the route's query was not found in the code)`;
  return [
    {
      label,
      sql: `select i.id, i.occurred_at, i.duration_minutes, i.type, i.place, i.accompaniment_id,
                   coalesce(array_agg(u.name order by u.name) filter (where u.id is not null), '{}') as peers
            from (select * from interventions where person_id = $1 and organization_id = $2 order by occurred_at desc, id desc limit 50 offset 0) i
            left join intervention_peers ip on ip.intervention_id = i.id
            left join users u on u.id = ip.user_id
            group by i.id, i.occurred_at, i.duration_minutes, i.type, i.place, i.accompaniment_id
            order by i.occurred_at desc, i.id desc`,
      params: [personId, organizationId],
    },
    { label: `${label}, total`, sql: 'select count(*) from interventions where person_id = $1 and organization_id = $2', params: [personId, organizationId] },
  ];
}

/** EXPLAIN (ANALYZE, BUFFERS) of each query with its own parameters, warm (run once before). */
export async function explainAll(databaseUrl: string, queries: CapturedQuery[]): Promise<QueryPlan[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const plans: QueryPlan[] = [];
    for (const query of queries) {
      await client.query(query.sql, query.params);
      const result = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${query.sql}`, query.params);
      const lines = result.rows.map((row) => row['QUERY PLAN']);
      const execution = lines.map((line) => /^Execution Time: ([\d.]+) ms/.exec(line)?.[1]).find(Boolean);
      plans.push({ ...query, plan: lines.join('\n'), executionMs: Number(execution ?? Number.NaN) });
    }
    return plans;
  } finally {
    await client.end();
  }
}
