import { openDatabase, type DatabaseHandle } from '../../src/db/database';
import { migrateToLatest } from '../../src/db/migrate';

export const TEST_POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/servicepact_test';

let shared: Promise<DatabaseHandle> | null = null;

/**
 * One database per test worker: an in-memory PGlite (migrated here) or the PostgreSQL test
 * database (migrated once by the global set-up). Tests isolate themselves with fresh tenants.
 */
export function testDatabase(): Promise<DatabaseHandle> {
  shared ??= (async () => {
    if (process.env.SERVICEPACT_TEST_DB === 'postgres') return openDatabase({ kind: 'postgres', url: TEST_POSTGRES_URL, poolSize: 5 });
    const handle = await openDatabase({ kind: 'pglite' });
    await migrateToLatest(handle.db);
    return handle;
  })();
  return shared;
}
