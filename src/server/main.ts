import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { openDatabase, type DatabaseHandle } from './db/client';
import { DataDirLockedError, lockDataDir } from './db/data-dir-lock';
import { startBackgroundWork } from './background';
import { seedDemoIfEmpty } from '../../scripts/demo/seed';

/** Reads config, opens and migrates the database, seeds the demo when empty, listens. */
async function main(): Promise<void> {
  const config = loadConfig();
  let releaseLock: () => void = () => undefined;
  let database: DatabaseHandle;
  if (config.databaseUrl) {
    database = await openDatabase({ kind: 'postgresql', url: config.databaseUrl });
  } else {
    releaseLock = lockDataDir(config.dataDir);
    database = await openDatabase({ kind: 'pglite', dataDir: `${config.dataDir}/pglite` });
  }
  await database.migrate();
  const app = await buildApp({ config, database, clock: () => new Date() }, { serveWeb: true });
  app.log.info({ node: process.version, database: database.kind }, 'Passerelle démarre');
  if (config.demoSeed) await seedDemoIfEmpty(app);
  const background = await startBackgroundWork(app);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'arrêt : fin des requêtes en cours, point de contrôle, fermeture');
    await background.stop();
    await app.close(); // stops accepting, waits for in-flight requests
    await database.close(); // CHECKPOINT, fsync, close
    releaseLock();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
