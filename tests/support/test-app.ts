import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import type { TConfig } from '../../src/server/config';
import type { AppDeps } from '../../src/server/deps';
import { openTestDatabase } from './test-database';

export type TestClock = { now: Date; advance: (milliseconds: number) => void; set: (date: Date) => void };

export type TestApp = {
  app: FastifyInstance;
  deps: AppDeps;
  clock: TestClock;
  close: () => Promise<void>;
};

export const testConfig: TConfig = {
  env: 'test',
  databaseUrl: undefined,
  dataDir: '/nonexistent',
  port: 0,
  host: '127.0.0.1',
  appUrl: 'http://localhost:3000',
  smtpUrl: undefined,
  mailFrom: 'Passerelle <no-reply@passerelle.invalid>',
  sessionSecret: 'test-secret-test-secret-test-secret-test-secret',
  logLevel: 'silent',
  demoSeed: false,
  webDistDir: '/nonexistent/web',
};

/** The real app on a fresh database, with a clock the test moves. */
export async function createTestApp(
  overrides: Partial<TConfig> = {},
  configure?: (app: FastifyInstance) => void,
): Promise<TestApp> {
  const database = await openTestDatabase();
  const clock: TestClock = {
    now: new Date('2026-11-23T09:00:00.000Z'),
    advance(milliseconds) {
      this.now = new Date(this.now.getTime() + milliseconds);
    },
    set(date) {
      this.now = date;
    },
  };
  const deps: AppDeps = { config: { ...testConfig, ...overrides }, database, clock: () => clock.now };
  const app = await buildApp(deps);
  configure?.(app);
  await app.ready();
  return {
    app,
    deps,
    clock,
    close: async () => {
      await app.close();
      await database.dispose();
    },
  };
}
