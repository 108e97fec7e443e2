import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, type DatabaseTarget } from '../src/server/db/client';
import { auditEvents } from '../src/server/platform/audit/schema';
import { buildAuditEvents, buildOrganization } from '../tests/factories';

const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');

/** Runs the command as an operator would, with only the environment the server reads. */
function auditVerify(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const base = { PATH: process.env.PATH ?? '', SESSION_SECRET: 'x'.repeat(40), LOG_LEVEL: 'silent' };
  return new Promise((resolve) => {
    execFile(tsx, ['scripts/audit-verify.ts'], { env: { ...base, ...env } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A migrated database with two organisations' chains; `tamper` deletes entry n° 2 of the first. */
async function seed(target: DatabaseTarget) {
  const handle = await openDatabase(target);
  await handle.migrate();
  const first = await buildOrganization(handle.db, { slug: 'ptpr-premiere' });
  await buildAuditEvents(handle.db, { organizationId: first.id, count: 3 });
  await buildAuditEvents(handle.db, { count: 2 });
  await handle.close();
  const tamper = async () => {
    const again = await openDatabase(target);
    await again.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.delete(auditEvents).where(and(eq(auditEvents.organizationId, first.id), eq(auditEvents.seq, 2)));
    });
    await again.close();
  };
  return { organizationId: first.id, tamper };
}

describe('npm run audit:verify on PGlite (DATA_DIR)', () => {
  let dataDir = '';
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'passerelle-audit-'));
  });
  afterAll(async () => rm(dataDir, { recursive: true, force: true }));

  it('refuses clearly when there is no database in DATA_DIR', async () => {
    const result = await auditVerify({ DATA_DIR: join(dataDir, 'nowhere') });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Aucune base Passerelle');
  });

  it('prints counts per organisation (exit 0), names the first broken entry (exit 1), refuses while the server runs (exit 2)', async () => {
    const { organizationId, tamper } = await seed({ kind: 'pglite', dataDir: join(dataDir, 'pglite') });
    const intact = await auditVerify({ DATA_DIR: dataDir });
    expect(intact.code, intact.stderr).toBe(0);
    expect(intact.stdout).toMatch(new RegExp(`${organizationId}\\s+ptpr-premiere\\s+3 entrées`));
    expect(intact.stdout).toContain('Journal intact : 5 entrées dans 2 organisation(s).');

    await tamper();
    const broken = await auditVerify({ DATA_DIR: dataDir });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`organisation ${organizationId} (ptpr-premiere), chaîne 0, entrée n° 2, id (absente) [seq_gap]`);

    // A live process holds the folder (this test process stands in for the server).
    await writeFile(join(dataDir, 'passerelle.pid'), String(process.pid));
    const locked = await auditVerify({ DATA_DIR: dataDir });
    expect(locked.code).toBe(2);
    expect(locked.stderr).toContain('le serveur Passerelle tourne sur ce dossier');
    await rm(join(dataDir, 'passerelle.pid'));
  }, 180_000); // a PGlite folder is created on disk, then opened by three processes in turn
});

describe.runIf(process.env.TEST_DATABASE_URL)('npm run audit:verify on PostgreSQL (DATABASE_URL)', () => {
  const serverUrl = process.env.TEST_DATABASE_URL ?? '';
  const name = `passerelle_audit_${randomBytes(6).toString('hex')}`;
  const databaseUrl = () => {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(statement).finally(() => client.end());
  };
  beforeAll(async () => admin(`CREATE DATABASE ${name}`));
  afterAll(async () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));

  it('checks the chains of the server database', async () => {
    const { organizationId, tamper } = await seed({ kind: 'postgresql', url: databaseUrl() });
    const intact = await auditVerify({ DATABASE_URL: databaseUrl() });
    expect(intact.code, intact.stderr).toBe(0);
    expect(intact.stdout).toContain('PostgreSQL');
    await tamper();
    const broken = await auditVerify({ DATABASE_URL: databaseUrl() });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`organisation ${organizationId}`);
  }, 60_000);
});
