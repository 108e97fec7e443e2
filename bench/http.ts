import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { DEMO_PLATFORM_ADMIN } from '../scripts/demo/accounts';
import { ApiClient } from '../scripts/support/api-client';
import { adminQuery, withDatabase } from '../scripts/support/pg-admin';
import { exited, freePort, startServer } from '../scripts/support/server-process';
import { countDistinct, eq } from 'drizzle-orm';
import { openDatabase } from '../src/server/db/client';
import { auditEvents } from '../src/server/platform/audit/schema';
import { verifyAuditChains } from '../src/server/platform/audit/verify';
import { describeMachine } from './machine';

const serverUrl = process.env.PG_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

type Figures = { requestsPerSecond: number; p50: number; p95: number; p99: number; errors: number; non2xx: number; total: number };

/** Runs autocannon on one URL and computes p95 from every response time it reports. */
async function load(url: string, headers: Record<string, string>): Promise<Figures> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections: CONNECTIONS, duration: DURATION_SECONDS, headers }, (error, done) =>
      error ? reject(error) : resolve(done),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  times.sort((a, b) => a - b);
  const at = (quantile: number) => times[Math.min(times.length - 1, Math.floor(quantile * times.length))] ?? 0;
  return {
    requestsPerSecond: result.requests.average,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    errors: result.errors,
    non2xx: result.non2xx,
    total: result.requests.total,
  };
}

export async function runHttpBenchmark(): Promise<void> {
  const databaseName = `passerelle_bench_${randomBytes(5).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${databaseName}`);
  const databaseUrl = withDatabase(serverUrl, databaseName);
  const secretDir = await mkdtemp(join(tmpdir(), 'passerelle-bench-'));
  const passerelle = await startServer(
    { DATABASE_URL: databaseUrl, DATA_DIR: secretDir, DEMO_SEED: 'auto', LOG_LEVEL: 'warn', NODE_ENV: 'development' },
    120_000,
  );
  try {
    const client = new ApiClient(passerelle.url);
    await client.signIn(DEMO_PLATFORM_ADMIN.email, DEMO_PLATFORM_ADMIN.password, DEMO_PLATFORM_ADMIN.totpSecret);
    const list = await client.request('GET', '/api/admin/users?pageSize=1');
    const page: unknown = await list.json();
    const userId = firstItemId(page);
    const recordPath = `/api/admin/users/${userId}`;
    const check = await client.request('GET', recordPath);
    if (check.status !== 200) throw new Error(`record read failed: ${check.status}`);

    const barePort = await freePort();
    const bare = spawn(`${process.cwd()}/node_modules/.bin/tsx`, ['bench/bare-server.ts'], {
      env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(barePort) },
      stdio: 'inherit',
    });
    await waitFor(`http://127.0.0.1:${barePort}/users/${userId}`);

    const headers = { cookie: client.cookieHeader(), accept: 'application/json' };
    const oursUrl = `${passerelle.url}${recordPath}`;
    const bareUrl = `http://127.0.0.1:${barePort}/users/${userId}`;
    await load(oursUrl, headers); // warm-ups, not reported
    await load(bareUrl, {});
    // Alternating rounds: a burst of load from elsewhere on the machine hits both sides alike.
    const rounds: { ours: Figures; bare: Figures }[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const ours = await load(oursUrl, headers);
      const bareFigures = await load(bareUrl, {});
      rounds.push({ ours, bare: bareFigures });
    }
    bare.kill('SIGTERM');
    await exited(bare);

    const audited = await countAudits(databaseUrl, userId);
    console.log(`\nbench http — ${describeMachine()}`);
    console.log(`PostgreSQL ${serverUrl.replace(/\/\/[^@]*@/, '//')} (fresh database ${databaseName}, demo data)`);
    console.log(
      `autocannon: ${CONNECTIONS} connections, loopback; after a ${DURATION_SECONDS} s warm-up of each, ${ROUNDS} alternating rounds of ${DURATION_SECONDS} s (Passerelle, then bare)`,
    );
    console.log(`record: GET ${'/api/admin/users/:id'} as the demo admin (session + 2FA, policy users.manage, read audited)`);
    const ratios: number[] = [];
    rounds.forEach(({ ours, bare: bareFigures }, index) => {
      const ratio = ours.requestsPerSecond / bareFigures.requestsPerSecond;
      ratios.push(ratio);
      console.log(`round ${index + 1}`);
      for (const [label, figures] of [['  Passerelle', ours], ['  bare Fastify + pg', bareFigures]] as const) {
        console.log(
          `${label.padEnd(20)} ${figures.requestsPerSecond.toFixed(0).padStart(6)} req/s   p50 ${figures.p50.toFixed(1)} ms   p95 ${figures.p95.toFixed(1)} ms   p99 ${figures.p99.toFixed(1)} ms   ` +
            `(${figures.total} requests, ${figures.non2xx} non-2xx, ${figures.errors} errors)`,
        );
      }
      console.log(`  ratio ${(ratio * 100).toFixed(1)} %`);
    });
    const sorted = [...ratios].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    const total = (pick: (round: { ours: Figures; bare: Figures }) => Figures) =>
      rounds.reduce((sum, round) => sum + pick(round).total, 0);
    console.log(
      `ratio Passerelle / bare: median of rounds ${(median * 100).toFixed(1)} %, all rounds together ${((total((r) => r.ours) / total((r) => r.bare)) * 100).toFixed(1)} % (target ≥ 40 %)`,
    );
    console.log(`audit entries written for the record's reads: ${audited}`);
    console.log(await auditChainSummary(databaseUrl));
  } finally {
    passerelle.child.kill('SIGTERM');
    await exited(passerelle.child);
    await rm(secretDir, { recursive: true, force: true });
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
  }
}

/** The chains after the load: every lane walked and checked (what `npm run audit:verify` does). */
async function auditChainSummary(databaseUrl: string): Promise<string> {
  const handle = await openDatabase({ kind: 'postgresql', url: databaseUrl, poolSize: 1 });
  try {
    const verification = await verifyAuditChains(handle.db);
    const [lanes] = await handle.db.select({ used: countDistinct(auditEvents.chain) }).from(auditEvents).where(eq(auditEvents.hashFormat, 3));
    return verification.ok
      ? `audit chains verified intact: ${verification.entries} entries, ${lanes?.used ?? 0} lanes used`
      : `AUDIT CHAIN BROKEN: ${verification.firstBreak.reason}`;
  } finally {
    await handle.close();
  }
}

function firstItemId(page: unknown): string {
  if (typeof page === 'object' && page !== null && 'items' in page && Array.isArray(page.items)) {
    const first: unknown = page.items[0];
    if (typeof first === 'object' && first !== null && 'id' in first && typeof first.id === 'string') return first.id;
  }
  throw new Error('no user in the list');
}

async function waitFor(url: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet listening
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} never answered`);
}

async function countAudits(databaseUrl: string, userId: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query(`select count(*)::int as n from audit_events where resource_id = $1 and action like '%.read'`, [userId]);
    return Number(result.rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}


