import { defineConfig } from 'vitest/config';

// Four projects: pure unit tests, the integration suite once on PGlite and once on
// PostgreSQL (same files, different database), and browser tests in Chromium.
export default defineConfig({
  test: {
    pool: 'forks',
    reporters: ['default', './test/support/summary-reporter.ts'],
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['src/**/*.int.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'int-pglite',
          include: ['src/**/*.int.test.ts'],
          env: { SERVICEPACT_TEST_DB: 'pglite' },
        },
      },
      {
        extends: true,
        test: {
          name: 'int-postgres',
          include: ['src/**/*.int.test.ts'],
          env: { SERVICEPACT_TEST_DB: 'postgres' },
          globalSetup: ['test/support/postgres-global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          globalSetup: ['test/support/web-build-global-setup.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
        },
      },
    ],
  },
});
