import { defineConfig } from 'vitest/config';

// Unit and integration tests: each integration file opens its own in-memory PGlite,
// or a fresh database on the server named by TEST_DATABASE_URL.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Migrates once per run; each file loads a copy (tests/support/global-setup.ts).
    globalSetup: ['tests/support/global-setup.ts'],
    maxWorkers: 2,
  },
});
