/**
 * Durability proof (`npm run test:crash [-- --database=pglite|postgresql] [--iterations=N]`):
 * a client writes continuously (invitations created by the demo admin: each one also writes a
 * mail and an audit entry) and records every write the server acknowledged; the server is
 * killed with SIGKILL at random moments and restarted, N times (50 by default). Afterwards every
 * acknowledged write must be there, every restart must have succeeded, and the audit chain must
 * verify. Exits non-zero otherwise.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '../src/server/db/client';
import { invitations } from '../src/server/db/schema';
import { verifyAuditChains } from '../src/server/platform/audit/verify';
import { DEMO_PLATFORM_ADMIN } from './demo/accounts';
import { ApiClient } from './support/api-client';
import { adminQuery, withDatabase } from './support/pg-admin';
import { exited, freePort, startServer, type RunningServer } from './support/server-process';

type Kind = 'pglite' | 'postgresql';
const argument = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
const iterations = Number(argument('iterations') ?? 50);
const kinds: Kind[] = argument('database') === 'pglite' ? ['pglite'] : argument('database') === 'postgresql' ? ['postgresql'] : ['pglite', 'postgresql'];
const serverUrl = process.env.PG_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

type Outcome = { kind: Kind; acknowledged: number; missing: number; restarts: number; restartMs: number[]; auditEntries: number; chainOk: boolean; problems: string[] };

async function runOne(kind: Kind): Promise<Outcome> {
  const problems: string[] = [];
  // One port for the whole run: the client must find the restarted server where it left it.
  const env: Record<string, string> = { DEMO_SEED: 'auto', NODE_ENV: 'development', PORT: String(await freePort()) };
  let dataDir: string | undefined;
  let databaseName: string | undefined;
  if (kind === 'pglite') {
    dataDir = await mkdtemp(join(tmpdir(), 'passerelle-crash-'));
    env.DATA_DIR = dataDir;
  } else {
    databaseName = `passerelle_crash_${randomBytes(5).toString('hex')}`;
    await adminQuery(serverUrl, `CREATE DATABASE ${databaseName}`);
    env.DATABASE_URL = withDatabase(serverUrl, databaseName);
    env.DATA_DIR = await mkdtemp(join(tmpdir(), 'passerelle-crash-secret-'));
  }

  let server: RunningServer = await startServer(env, 120_000);
  const client = new ApiClient(server.url);
  await client.signIn(DEMO_PLATFORM_ADMIN.email, DEMO_PLATFORM_ADMIN.password, DEMO_PLATFORM_ADMIN.totpSecret);
  const acknowledged: string[] = [];
  const restartMs: number[] = [];
  let sequence = 0;

  for (let round = 1; round <= iterations; round += 1) {
    let writing = true;
    const writer = async () => {
      while (writing) {
        sequence += 1;
        try {
          const response = await client.request('POST', '/api/admin/invitations', {
            email: `crash-${sequence}@exemple.test`,
            name: `Essai ${sequence}`,
            roles: ['volunteer'],
          });
          if (response.status === 201) {
            const body: unknown = await response.json();
            if (typeof body === 'object' && body !== null && 'id' in body && typeof body.id === 'string') acknowledged.push(body.id);
          } else if (response.status === 401) {
            await client.signIn(DEMO_PLATFORM_ADMIN.email, DEMO_PLATFORM_ADMIN.password, DEMO_PLATFORM_ADMIN.totpSecret);
          } else {
            problems.push(`round ${round}: unexpected ${response.status} ${await response.text()}`);
            return;
          }
        } catch {
          // Connection refused or cut (the kill, or a pooled connection to the previous server):
          // that write was never acknowledged. Keep writing until the round ends.
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
    };
    const before = acknowledged.length;
    const writers = [writer(), writer()];
    // Kill only once this server has acknowledged a write, at a random moment after it.
    const waitUntil = Date.now() + 60_000;
    while (acknowledged.length === before && problems.length === 0 && Date.now() < waitUntil) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    if (acknowledged.length === before) problems.push(`round ${round}: no write acknowledged within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 1500));
    server.child.kill('SIGKILL');
    await exited(server.child);
    writing = false;
    await Promise.all(writers);
    const started = Date.now();
    try {
      server = await startServer(env, 120_000);
    } catch (error) {
      problems.push(`round ${round}: restart failed: ${String(error).slice(0, 500)}`);
      break;
    }
    restartMs.push(Date.now() - started);
    if (round % 10 === 0 || round === iterations) console.log(`${kind}: round ${round}/${iterations}, ${acknowledged.length} writes acknowledged`);
  }

  server.child.kill('SIGTERM');
  const code = await exited(server.child);
  if (code !== 0) problems.push(`graceful stop exited with ${code}`);

  const handle: DatabaseHandle =
    kind === 'pglite' && dataDir
      ? await openDatabase({ kind: 'pglite', dataDir: join(dataDir, 'pglite') })
      : await openDatabase({ kind: 'postgresql', url: env.DATABASE_URL ?? '' });
  let found = 0;
  for (let start = 0; start < acknowledged.length; start += 500) {
    const ids = acknowledged.slice(start, start + 500);
    const rows = await handle.db.select({ id: invitations.id }).from(invitations).where(inArray(invitations.id, ids));
    found += rows.length;
  }
  const chains = await verifyAuditChains(handle.db);
  await handle.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  if (databaseName) await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);

  const missing = acknowledged.length - found;
  if (missing > 0) problems.push(`${missing} acknowledged writes are missing`);
  if (!chains.ok) problems.push(`audit chain broken: ${JSON.stringify(chains.firstBreak)}`);
  return {
    kind,
    acknowledged: acknowledged.length,
    missing,
    restarts: restartMs.length,
    restartMs,
    auditEntries: chains.entries,
    chainOk: chains.ok,
    problems,
  };
}



// The two databases at once: each round mostly waits (a restart, a random delay), so CI saves minutes.
const outcomes: Outcome[] = await Promise.all(kinds.map((kind) => runOne(kind)));
let failed = false;
for (const outcome of outcomes) {
  const sorted = [...outcome.restartMs].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const worst = sorted.at(-1) ?? 0;
  console.log(
    `${outcome.kind}: ${outcome.restarts}/${iterations} kills and restarts, ${outcome.acknowledged} acknowledged writes, ` +
      `${outcome.missing} missing, ${outcome.auditEntries} audit entries, chain ${outcome.chainOk ? 'intact' : 'BROKEN'}, ` +
      `restart median ${median} ms, worst ${worst} ms`,
  );
  for (const problem of outcome.problems) console.log(`  problem: ${problem}`);
  if (outcome.problems.length > 0 || outcome.restarts < iterations) failed = true;
}
console.log(failed ? 'crash test: FAILED' : 'crash test: passed');
process.exit(failed ? 1 : 0);
