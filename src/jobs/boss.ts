import { CompiledQuery } from 'kysely';
import PgBoss from 'pg-boss';
import pg from 'pg';
import type { Db } from '../db/database';

/** The queue of SLA threshold timers (see clock-scheduler.ts and clock-threshold.worker.ts). */
export const CLOCK_THRESHOLD_QUEUE = 'clock-threshold';
export const BOSS_SCHEMA = 'pgboss';

export type BossOptions =
  // PostgreSQL: pg-boss keeps its own small pool, so job polling never queues behind requests.
  | { kind: 'postgres'; url: string; poolSize?: number }
  // PGlite is one connection: pg-boss shares the app's pool through a `db` adapter.
  | { kind: 'pglite'; db: Db };

export type BossHandle = {
  boss: PgBoss;
  stop(options?: { graceful?: boolean; timeoutMs?: number }): Promise<void>;
};

/** pg-boss's `db` adapter over the app's Kysely instance (and so over its pg pool). */
export function kyselyBossDb(db: Db): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      // With no parameters pg uses the simple protocol, which pg-boss needs for its multi-statement
      // install and migration scripts.
      const result = await db.executeQuery(CompiledQuery.raw(text, values ?? []));
      return { rows: result.rows as unknown[] };
    },
  };
}

// One install at a time: per process (PGlite, and several instances in one test worker), and per
// database across processes (PostgreSQL: a session advisory lock on a connection of our own).
// pg-boss tolerates a lost creation race only by catching "already exists" inside an aborted
// transaction, which leaves that pooled connection unusable; serialising avoids the race.
let installChain: Promise<unknown> = Promise.resolve();
const INSTALL_LOCK_KEY = 'servicepact:pgboss:install';

async function serialisedInstall<T>(options: BossOptions, work: () => Promise<T>): Promise<T> {
  const run = async () => {
    if (options.kind === 'pglite') return work();
    const client = new pg.Client({ connectionString: options.url, application_name: 'servicepact-pgboss-install' });
    await client.connect();
    try {
      await client.query('select pg_advisory_lock(hashtext($1))', [INSTALL_LOCK_KEY]);
      try {
        return await work();
      } finally {
        await client.query('select pg_advisory_unlock(hashtext($1))', [INSTALL_LOCK_KEY]);
      }
    } finally {
      await client.end();
    }
  };
  const next = installChain.then(run, run);
  installChain = next.catch(() => undefined);
  return next;
}

export type StartBossOptions = {
  // Maintenance (expiring, archiving) runs in one instance at a time; pg-boss coordinates it.
  supervise?: boolean;
  onError?: (err: unknown) => void;
};

/**
 * Starts pg-boss (installing or migrating its `pgboss` schema once) and creates the queues.
 * Several instances may share one database: each job is fetched by one of them (SKIP LOCKED).
 */
export async function startBoss(options: BossOptions, opts: StartBossOptions = {}): Promise<BossHandle> {
  const common = {
    schema: BOSS_SCHEMA,
    migrate: true,
    supervise: opts.supervise ?? true,
    // No cron schedules here; the timekeeper would only add polling.
    schedule: false,
    application_name: 'servicepact-jobs',
  } satisfies PgBoss.ConstructorOptions;
  const boss =
    options.kind === 'postgres'
      ? new PgBoss({ ...common, connectionString: options.url, max: options.poolSize ?? 4 })
      : new PgBoss({ ...common, db: kyselyBossDb(options.db) });
  boss.on('error', (err: unknown) => opts.onError?.(err));

  await serialisedInstall(options, async () => {
    await boss.start();
    if (!(await boss.getQueue(CLOCK_THRESHOLD_QUEUE))) {
      await boss.createQueue(CLOCK_THRESHOLD_QUEUE, {
        name: CLOCK_THRESHOLD_QUEUE,
        policy: 'standard',
        // A failed evaluation is retried; notifications stay exactly-once through their unique key.
        retryLimit: 5,
        retryDelay: 2,
        retryBackoff: true,
        expireInSeconds: 300,
      });
    }
  });

  let stopped = false;
  return {
    boss,
    async stop({ graceful = true, timeoutMs = 10_000 } = {}) {
      if (stopped) return;
      stopped = true;
      // Workers finish the jobs in hand; unfinished ones are failed and retried by the next start.
      await boss.stop({ graceful, timeout: timeoutMs, wait: true });
    },
  };
}
