import pg from 'pg';
import { openDatabase } from '../../src/db/database';
import { migrateToLatest } from '../../src/db/migrate';
import { TEST_POSTGRES_URL } from './test-database';

/** Recreates the PostgreSQL test database and migrates it, once per test run. */
export default async function setup() {
  const url = new URL(TEST_POSTGRES_URL);
  const name = url.pathname.slice(1);
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Unsafe test database name: ${name}`);
  const admin = new URL(TEST_POSTGRES_URL);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`drop database if exists ${name} with (force)`);
  await client.query(`create database ${name}`);
  await client.end();
  const handle = await openDatabase({ kind: 'postgres', url: TEST_POSTGRES_URL });
  await migrateToLatest(handle.db);
  await handle.close();
}
