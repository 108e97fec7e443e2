import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { findDemoAccount } from '../scripts/demo/accounts';
import { ApiClient } from '../scripts/support/api-client';
import { adminQuery, withDatabase } from '../scripts/support/pg-admin';
import { exited, startServer, type RunningServer } from '../scripts/support/server-process';
import type { Actor } from '../src/server/platform/access/actor';
import { generateDataset, type DatasetSize } from './persons-data';
import { loadPaths, type LoadOptions } from './persons-load';
import { captureRouteQueries, explainAll } from './persons-plans';
import { printReport, type Measured, type SearchTiming, type TableSize } from './persons-report';

const serverUrl = process.env.PG_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
/** A steady rate well above a regional team's real use, to see latency without saturation queues. */
const RATE = Number(process.env.BENCH_RATE ?? 20);
const RATE_SECONDS = Number(process.env.BENCH_RATE_SECONDS ?? 10);
const SIZE: DatasetSize = { persons: Number(process.env.BENCH_PERSONS ?? 100_000), interventions: Number(process.env.BENCH_INTERVENTIONS ?? 1_000_000) };
const PAGE_SIZE = 25;
const COORDINATOR = 'coordinator@demo.passerelle.test';
/** Names, accents and case mixed as people type them; some narrow, some broad (a whole town). */
const SEARCH_REPEATS = 20;
const SEARCHES = ['hélène', 'LEFÈVRE', 'jerome merc', 'nguyen', 'zaza', 'benali', 'oeillet', 'cécile blanc', 'anaïs gap', 'ferreira nice', 'toulon', 'marseille'];

type Route = { label: string; pattern: string; paths: string[]; floor?: boolean };

/**
 * `npm run bench -- persons`: a fresh database on the PostgreSQL server, Passerelle started on
 * it with the demo, 100,000 persons and 1,000,000 interventions generated in SQL, then the
 * coordinator's list, search and person record (with its last 50 interventions) loaded through
 * the real HTTP API, the plans of the queries behind them, and the same with the recommended
 * index (created in that database only). The database is dropped at the end, even on failure.
 */
export async function runPersonsBenchmark(): Promise<void> {
  const databaseName = `passerelle_bench_persons_${randomBytes(5).toString('hex')}`;
  const databaseUrl = withDatabase(serverUrl, databaseName);
  let server: RunningServer | null = null;
  let secretDir: string | null = null;
  let cleaned: Promise<void> | null = null;
  const cleanup = () =>
    (cleaned ??= (async () => {
      if (server) {
        server.child.kill('SIGTERM');
        await exited(server.child);
      }
      if (secretDir) await rm(secretDir, { recursive: true, force: true });
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    })());
  const onSignal = () => void cleanup().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await adminQuery(serverUrl, `CREATE DATABASE ${databaseName}`);
    secretDir = await mkdtemp(join(tmpdir(), 'passerelle-bench-'));
    server = await startServer({ DATABASE_URL: databaseUrl, DATA_DIR: secretDir, DEMO_SEED: 'auto', LOG_LEVEL: 'warn', NODE_ENV: 'development' }, 180_000);
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await runOn(server, client, databaseName, databaseUrl);
    } finally {
      await client.end();
    }
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await cleanup();
  }
}

async function runOn(server: RunningServer, client: pg.Client, databaseName: string, databaseUrl: string): Promise<void> {
  const coordinator = await coordinatorActor(client);
  const started = performance.now();
  const steps = await generateDataset(client, coordinator.organizationId, SIZE);
  const generationMs = performance.now() - started;
  const sizes = await dataSizes(client);
  const personIds = await samplePersons(client, coordinator.organizationId);
  const heaviest = await client.query<{ id: string; n: number }>(
    'select person_id as id, count(*)::int as n from interventions where organization_id = $1 group by person_id order by 2 desc limit 1',
    [coordinator.organizationId],
  );

  const api = new ApiClient(server.url);
  const account = findDemoAccount(COORDINATOR);
  if (!account) throw new Error('demo coordinator missing');
  await api.signIn(account.email, account.password, account.totpSecret);
  if (!api.hasSession()) throw new Error('coordinator sign-in failed');
  const options: LoadOptions = { connections: CONNECTIONS, seconds: SECONDS, headers: { cookie: api.cookieHeader(), accept: 'application/json' } };
  const routes = routesToLoad(personIds, Math.ceil((sizes.find((entry) => entry.table === 'persons')?.rows ?? PAGE_SIZE) / PAGE_SIZE));
  const probeLines = await Promise.all(
    routes.map(async (route) => {
      const response = await api.request('GET', route.paths[0] ?? '/');
      return `  ${route.pattern.padEnd(58)} ${response.status} ${response.ok ? '' : (await response.text()).slice(0, 160)}`;
    }),
  );

  const loadBefore = loadavg()[0] ?? 0;
  const measured = await measure(server.url, routes, options);
  const loadAfter = loadavg()[0] ?? 0;

  const [sample] = personIds;
  const captured = await captureRouteQueries(databaseUrl, coordinator, {
    personId: sample ?? '',
    heaviestPersonId: heaviest.rows[0]?.id ?? sample ?? '',
    searches: SEARCHES,
    deepPage: 2000,
  });
  const plans = await explainAll(databaseUrl, captured.queries);

  const perTerm = await timeEachSearch(api);

  printReport({
    serverUrl,
    databaseName,
    version: (await client.query<{ version: string }>('select version()')).rows[0]?.version ?? '',
    steps,
    generationMs,
    sizes,
    mostInterventions: heaviest.rows[0]?.n ?? 0,
    machineLoad: `load average (1 min) ${loadBefore.toFixed(1)} before the runs, ${loadAfter.toFixed(1)} after (the machine may be shared)`,
    load: `autocannon, loopback, as the demo coordinator (session + TOTP), per route: ${WARMUP_SECONDS} s warm-up, then ${SECONDS} s closed loop with ${CONNECTIONS} connections (saturation), then ${RATE_SECONDS} s at a steady ${RATE} req/s`,
    rate: `rate of ${RATE} req/s`,
    probeLines,
    measured,
    plans,
    interventionsFromCode: captured.interventionsFromCode,
    perTerm,
  });
}

function routesToLoad(personIds: string[], lastPage: number): Route[] {
  const page = (number: number) => `/api/persons?page=${number}&pageSize=${PAGE_SIZE}`;
  return [
    // The floor: an authenticated request that reads no person (session resolution, cookies, JSON).
    { label: 'floor: session', pattern: 'GET /api/auth/session', paths: ['/api/auth/session'], floor: true },
    { label: 'list, pages 1–20', pattern: 'GET /api/persons?page=1..20', paths: Array.from({ length: 20 }, (_, index) => page(index + 1)) },
    {
      label: 'list, deep pages',
      pattern: `GET /api/persons?page=50..${lastPage}`,
      paths: [50, 100, 250, 500, 1000, 2000, 3000, lastPage].filter((number) => number <= lastPage).map(page),
    },
    { label: 'search', pattern: 'GET /api/persons?search=…', paths: SEARCHES.map((term) => `/api/persons?search=${encodeURIComponent(term)}&pageSize=${PAGE_SIZE}`) },
    { label: 'record', pattern: 'GET /api/persons/:id', paths: personIds.map((id) => `/api/persons/${id}`) },
    {
      label: 'last 50 interventions',
      pattern: 'GET /api/persons/:id/interventions?page=1&pageSize=50',
      paths: personIds.map((id) => `/api/persons/${id}/interventions?page=1&pageSize=50`),
    },
  ];
}

/**
 * Each route in turn: a warm-up run (not reported), the closed-loop run (every connection sends
 * as soon as it is answered: the server's capacity, latency includes queueing), then a run at a
 * steady rate (latency of a request when the server is not saturated).
 */
async function measure(baseUrl: string, routes: Route[], options: LoadOptions): Promise<{ saturated: Measured[]; steady: Measured[] }> {
  const saturated: Measured[] = [];
  const steady: Measured[] = [];
  for (const route of routes) {
    const entry = { label: route.label, pattern: route.pattern, floor: route.floor };
    await loadPaths(baseUrl, route.paths, { ...options, seconds: WARMUP_SECONDS });
    saturated.push({ ...entry, figures: await loadPaths(baseUrl, route.paths, options) });
    steady.push({ ...entry, figures: await loadPaths(baseUrl, route.paths, { ...options, seconds: RATE_SECONDS, overallRate: RATE }) });
  }
  return { saturated, steady };
}

/** Each search term alone, one request at a time (no queueing): which term is slow, if one is. */
async function timeEachSearch(api: ApiClient): Promise<SearchTiming[]> {
  const timings: SearchTiming[] = [];
  for (const term of SEARCHES) {
    const path = `/api/persons?search=${encodeURIComponent(term)}&pageSize=${PAGE_SIZE}`;
    const times: number[] = [];
    let body: { total?: number; totalIsCapped?: boolean } = {};
    for (let round = 0; round < 3 + SEARCH_REPEATS; round += 1) {
      const started = performance.now();
      const response = await api.request('GET', path);
      body = (await response.json()) as typeof body;
      if (round >= 3) times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    timings.push({ term, matches: `${body.total ?? '?'}${body.totalIsCapped ? '+' : ''}`, medianMs: times[Math.floor(times.length / 2)] ?? 0, maxMs: times.at(-1) ?? 0 });
  }
  return timings;
}

async function coordinatorActor(client: pg.Client): Promise<Actor> {
  const result = await client.query<{ id: string; organization_id: string }>('select id, organization_id from users where email = $1', [COORDINATOR]);
  const row = result.rows[0];
  if (!row) throw new Error('the demo seed did not run: no coordinator');
  return { userId: row.id, organizationId: row.organization_id, roles: new Set(['coordinator']), isPlatformAdmin: false, sessionId: 'bench', mustEnrolTwoFactor: false };
}

/** Half of the persons read have 50 interventions or more (a full page), half are taken at random. */
async function samplePersons(client: pg.Client, organizationId: string): Promise<string[]> {
  const result = await client.query<{ id: string }>(
    `(select person_id as id from interventions where organization_id = $1 group by person_id having count(*) >= 50 order by md5(person_id::text) limit 100)
     union all
     (select id from persons where organization_id = $1 order by md5(id::text) limit 100)`,
    [organizationId],
  );
  return result.rows.map((row) => row.id);
}

async function dataSizes(client: pg.Client): Promise<TableSize[]> {
  const tables = ['persons', 'person_consents', 'person_referents', 'accompaniments', 'accompaniment_peers', 'interventions', 'intervention_peers', 'users'];
  const sizes: TableSize[] = [];
  for (const table of tables) {
    const result = await client.query<{ rows: string; size: string }>(
      `select (select count(*) from ${table}) as rows, pg_size_pretty(pg_total_relation_size($1::regclass)) as size`,
      [table],
    );
    sizes.push({ table, rows: Number(result.rows[0]?.rows ?? 0), size: result.rows[0]?.size ?? '' });
  }
  return sizes;
}
