// npm run audit:verify — re-checks every organisation's audit hash chain in the configured database.
// Exit 0: every chain intact. Exit 1: a chain is broken (the first broken entry is named).
// Exit 2: nothing could be checked (configuration, database missing, server holding the PGlite folder).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { asc } from 'drizzle-orm';
import { ConfigError, loadConfig } from '../src/server/config';
import { openDatabase, type DatabaseHandle } from '../src/server/db/client';
import { DataDirLockedError, lockDataDir } from '../src/server/db/data-dir-lock';
import { organizations } from '../src/server/platform/tenancy/schema';
import { verifyAuditChains } from '../src/server/platform/audit/verify';

class CannotVerifyError extends Error {}

/** The database the server would open; on PGlite, only with the folder lock the server holds while it runs. */
async function openConfigured(): Promise<{ handle: DatabaseHandle; description: string; release: () => void }> {
  const config = loadConfig();
  if (config.databaseUrl) {
    const handle = await openDatabase({ kind: 'postgresql', url: config.databaseUrl, poolSize: 1 });
    return { handle, description: 'PostgreSQL (DATABASE_URL)', release: () => undefined };
  }
  const folder = join(config.dataDir, 'pglite');
  // Checked before locking: the lock would create the data folder, and PGlite an empty database.
  if (!existsSync(folder)) throw new CannotVerifyError(`Aucune base Passerelle dans ${folder} (vérifiez DATA_DIR).`);
  const release = lockDataDir(config.dataDir);
  try {
    return { handle: await openDatabase({ kind: 'pglite', dataDir: folder }), description: `PGlite ${folder}`, release };
  } catch (error) {
    release();
    throw error;
  }
}

async function main(): Promise<number> {
  const { handle, description, release } = await openConfigured();
  try {
    console.log(`Vérification du journal d’audit — ${description}`);
    const result = await verifyAuditChains(handle.db);
    const slugs = new Map(
      (await handle.db.select({ id: organizations.id, slug: organizations.slug }).from(organizations).orderBy(asc(organizations.id))).map(
        (row) => [row.id, row.slug],
      ),
    );
    for (const chain of result.organizations) {
      console.log(`  ${chain.organizationId}  ${(slugs.get(chain.organizationId) ?? '').padEnd(24)} ${String(chain.entries).padStart(8)} entrées  intacte`);
    }
    if (!result.ok) {
      const broken = result.firstBreak;
      console.error(
        `CHAÎNE ROMPUE — organisation ${broken.organizationId} (${slugs.get(broken.organizationId) ?? '?'}), ` +
          `chaîne ${broken.chain}, entrée n° ${broken.seq}, id ${broken.id ?? '(absente)'} [${broken.code}] : ${broken.reason}`,
      );
      return 1;
    }
    console.log(`Journal intact : ${result.entries} entrées dans ${result.organizations.length} organisation(s).`);
    return 0;
  } finally {
    await handle.close();
    release();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof DataDirLockedError) {
      console.error(`Vérification impossible : le serveur Passerelle tourne sur ce dossier.\n${error.message}`);
    } else if (error instanceof ConfigError || error instanceof CannotVerifyError) {
      console.error(`Vérification impossible. ${error.message}`);
    } else {
      console.error('Vérification impossible :', error);
    }
    process.exit(2);
  },
);
