import type { TConfig } from './config';
import type { DatabaseHandle } from './db/client';

/** What the app is built from; tests pass their own database and clock. */
export type AppDeps = {
  config: TConfig;
  database: DatabaseHandle;
  clock: () => Date;
};

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}
