import type { Kysely } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../../src/config';
import { openDatabase, type DatabaseHandle } from '../../src/db/database';
import { migrateToLatest } from '../../src/db/migrate';
import type { AppContext } from '../../src/http/context';
import { seedSynthetic, type SyntheticResult } from '../../src/modules/synthetic/synthetic-seed';

export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/servicepact_bench';
export const BENCH_TICKETS = Number(process.env.BENCH_TICKETS ?? 1_000_000);
export const BENCH_SEED = 1;

/** Benchmarks talk to this machine only, and never to the databases the test suites recreate. */
export function checkBenchUrl(url: string): { name: string } {
  const u = new URL(url);
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(u.hostname)) throw new Error(`BENCH_DATABASE_URL must point at 127.0.0.1, not ${u.hostname}`);
  const name = u.pathname.slice(1);
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Unsafe database name: ${name}`);
  if (name === 'servicepact_test' || name === 'servicepact_ci') throw new Error(`${name} belongs to the test suites; use another database for benchmarks`);
  return { name };
}

/** Creates the benchmark database when missing and migrates it. */
export async function openBenchDatabase(url = BENCH_DATABASE_URL, poolSize = 10): Promise<DatabaseHandle> {
  const { name } = checkBenchUrl(url);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const handle = await openDatabase({ kind: 'postgres', url, poolSize });
  await migrateToLatest(handle.db as unknown as Kysely<unknown>);
  return handle;
}

export function benchContext(handle: DatabaseHandle, url = BENCH_DATABASE_URL): AppContext {
  return { db: handle.db, dbKind: handle.kind, config: { ...loadConfig({ LOG_LEVEL: 'silent' }), databaseUrl: url }, now: () => new Date(), setupToken: null };
}

/** The synthetic data set of BENCH_SEED, generated once (progress on stderr) and reused after. */
export async function ensureSyntheticData(ctx: AppContext): Promise<SyntheticResult> {
  const r = await seedSynthetic(ctx, { tickets: BENCH_TICKETS, seed: BENCH_SEED });
  if (!r.created && r.tickets < BENCH_TICKETS) {
    throw new Error(
      `The synthetic data set in ${new URL(BENCH_DATABASE_URL).pathname.slice(1)} is incomplete (${r.tickets} of ${BENCH_TICKETS} tickets; an earlier generation was interrupted). Drop that database and run again.`,
    );
  }
  if (r.created) console.log(`generated the synthetic data set: ${r.tickets} tickets (${r.openTickets} open), ${r.clients} clients, ${r.rows} rows in ${r.seconds.toFixed(1)} s`);
  else console.log(`reusing the synthetic data set: ${r.tickets} tickets (${r.openTickets} open), ${r.clients} clients`);
  return r;
}

export function percentiles(samples: number[]): { p50: number; p95: number; p99: number; max: number; mean: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
  return { p50: at(50), p95: at(95), p99: at(99), max: s[s.length - 1] ?? 0, mean: s.reduce((a, b) => a + b, 0) / Math.max(1, s.length) };
}

export const ms = (n: number) => `${n.toFixed(1)} ms`;
