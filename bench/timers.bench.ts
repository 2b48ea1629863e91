/**
 * Timers at scale: N open tickets whose 50 % thresholds all come due at one instant; measures
 * the time from that instant until every notification is recorded, and checks each is recorded
 * exactly once. Two pg-boss instances with a worker each (as two servers would) share the work.
 *
 *   npm run bench:timers            (BENCH_DATABASE_URL, BENCH_TIMER_TICKETS=60000)
 *
 * The database is recreated on every run. It is BENCH_DATABASE_URL's name plus `_timers`, so the
 * synthetic data set other benchmarks keep in servicepact_bench survives.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/database';
import { migrateToLatest } from '../src/db/migrate';
import type { AppContext } from '../src/http/context';
import { startJobs } from '../src/jobs/jobs';
import { allHoursDefinition } from '../src/modules/pact-defaults/pact-defaults';
import { createTenantWithOwner } from '../src/modules/tenants/tenant-creator';

const base = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/servicepact_bench');
if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(base.hostname)) throw new Error('BENCH_DATABASE_URL must point at this machine');
const name = `${base.pathname.slice(1)}_timers`;
if (!/^[a-z0-9_]+$/.test(name) || name.startsWith('servicepact_test')) throw new Error(`unsafe database name ${name}`);
const url = new URL(base);
url.pathname = `/${name}`;
const N = Number(process.env.BENCH_TIMER_TICKETS ?? 60_000);
// An hour: the next thresholds (75 % at T0 + 15 min) stay far away, so only the 50 % warnings come due.
const TARGET_SECONDS = 3600;

async function recreate() {
  const admin = new URL(base);
  admin.pathname = '/postgres';
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  await c.query(`drop database if exists ${name} with (force)`);
  await c.query(`create database ${name}`);
  await c.end();
}

async function main() {
  await recreate();
  const handle = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 10 });
  await migrateToLatest(handle.db as unknown as Kysely<unknown>);
  const db = handle.db;
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: url.toString() }) };
  const ctx: AppContext = { db, dbKind: 'postgres', config, now: () => new Date(), setupToken: null };

  const { tenant } = await createTenantWithOwner(db, { organisation: 'Bench MSP', ownerName: 'Olive Owner', ownerEmail: 'owner@bench.test', password: 'correct-horse-battery' });
  const dispatcher = await db
    .insertInto('users')
    .values({ tenant_id: tenant.id, email: 'dispatch@bench.test', name: 'Dana Dispatcher', role: 'dispatcher', client_id: null, password_hash: null, mfa_secret: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const client = await db.insertInto('clients').values({ tenant_id: tenant.id, name: 'Bench client' }).returning('id').executeTakeFirstOrThrow();
  const calendarId = 'cal-24x7';
  const target = { unit: 'minutes', minutes: TARGET_SECONDS / 60 };
  const clockTargets = { target, calendarId, pausesStopClock: false, warningThresholds: [50, 75, 90, 100], explanation: ['bench'] };
  const doc = {
    contractId: '00000000-0000-0000-0000-000000000000',
    contractName: 'Bench',
    termsVersion: 1,
    priority: 'P2',
    deliveryMode: 'remote',
    firstResponse: clockTargets,
    resolution: { ...clockTargets, target: { unit: 'minutes', minutes: 10 * (TARGET_SECONDS / 60) } },
    explanation: ['bench'],
    calendars: { [calendarId]: allHoursDefinition('Europe/Berlin') },
  };
  const initial = { first_response: { unit: 'business_seconds', seconds: TARGET_SECONDS }, resolution: { unit: 'business_seconds', seconds: 10 * TARGET_SECONDS } };

  // Fast path: the tickets and their `created` events in bulk, created half a target before T0,
  // so the first-response clocks all reach 50 % at T0.
  let t = Date.now();
  const planned = new Date(Date.now() + 3_600_000);
  await sql`
    insert into tickets (tenant_id, number, client_id, subject, urgency, impact, priority, delivery_mode, source, targets,
      response_state, response_due_at, resolution_state, resolution_due_at, next_due_at, next_threshold_at, created_at, updated_at)
    select ${tenant.id}::uuid, g, ${client.id}::uuid, 'Bench ticket ' || g, 'medium', 'team', 'P2', 'remote', 'api', ${JSON.stringify(doc)}::jsonb,
      'running', ${planned}::timestamptz, 'running', ${planned}::timestamptz, ${planned}::timestamptz, ${planned}::timestamptz, ${planned}::timestamptz, ${planned}::timestamptz
    from generate_series(1, ${N}) g`.execute(db);
  await sql`
    insert into ticket_events (tenant_id, ticket_id, type, at, actor_label, data)
    select tenant_id, id, 'created', created_at, 'bench', ${JSON.stringify({ targets: initial, source: 'api' })}::jsonb from tickets where tenant_id = ${tenant.id}::uuid`.execute(db);
  // As for tickets opened through the API: both clocks' 'started' events are already recorded.
  await sql`
    insert into clock_events (tenant_id, ticket_id, clock, type, at)
    select tenant_id, id, clock, 'started', created_at from tickets, unnest(array['first_response', 'resolution']) clock
    where tenant_id = ${tenant.id}::uuid`.execute(db);
  console.log(`inserted ${N} open tickets and their history in ${((Date.now() - t) / 1000).toFixed(1)} s`);

  const a = await startJobs(ctx, { recoverMissed: false, worker: { batchSize: 4000, pollingIntervalSeconds: 0.5 } });
  const b = await startJobs({ ...ctx }, { recoverMissed: false, worker: { batchSize: 4000, pollingIntervalSeconds: 0.5 } });

  // T0 a few seconds ahead; move the tickets there and schedule their timers (one job each).
  t = Date.now();
  const t0 = new Date(Math.ceil((Date.now() + 45_000) / 1000) * 1000);
  const created = new Date(t0.getTime() - (TARGET_SECONDS / 2) * 1000);
  const due = new Date(created.getTime() + TARGET_SECONDS * 1000);
  await sql`update tickets set created_at = ${created}, updated_at = ${created}, response_due_at = ${due}, next_due_at = ${due},
    resolution_due_at = ${new Date(created.getTime() + 10 * TARGET_SECONDS * 1000)}, next_threshold_at = ${t0} where tenant_id = ${tenant.id}::uuid`.execute(db);
  await sql`update ticket_events set at = ${created} where tenant_id = ${tenant.id}::uuid`.execute(db);
  await sql`update clock_events set at = ${created} where tenant_id = ${tenant.id}::uuid`.execute(db);
  await sql`vacuum analyze tickets`.execute(db);
  const rows = await db.selectFrom('tickets').select(['id', 'target_generation']).where('tenant_id', '=', tenant.id).execute();
  await a.scheduler.scheduleMany(rows.map((r) => ({ ticket: { tenantId: tenant.id, ticketId: r.id }, at: t0, generation: r.target_generation })));
  console.log(`scheduled ${rows.length} timers for ${t0.toISOString()} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  if (Date.now() >= t0.getTime()) console.log('(set-up ran past T0: the figure below includes the lateness)');

  while (Date.now() < t0.getTime()) await new Promise((r) => setTimeout(r, 20));
  const count = async () =>
    Number(
      (await db.selectFrom('notifications').select((eb) => eb.fn.countAll<string>().as('n')).where('tenant_id', '=', tenant.id).executeTakeFirstOrThrow()).n,
    );
  let n = 0;
  for (;;) {
    n = await count();
    if (n >= N || Date.now() - t0.getTime() > 120_000) break;
    // Not more often: the count itself is work the database shares with the workers.
    await new Promise((r) => setTimeout(r, 250));
  }
  const seconds = (Date.now() - t0.getTime()) / 1000;
  await new Promise((r) => setTimeout(r, 1000));
  const stats = await sql<{ n: string; keys: string; pairs: string; mails: string }>`
    select count(*) n, count(distinct dedupe_key) keys, count(distinct (ticket_id, clock, percent)) pairs,
      (select count(*) from outbox_emails where tenant_id = ${tenant.id}::uuid and kind = 'clock_warning') mails
    from notifications where tenant_id = ${tenant.id}::uuid`.execute(db);
  const s = stats.rows[0]!;
  const wrong = await sql<{ n: string }>`select count(*) n from notifications where tenant_id = ${tenant.id}::uuid and (user_id <> ${dispatcher.id}::uuid or percent <> 50)`.execute(db);
  await a.stop();
  await b.stop();
  await handle.close();
  console.log(`tickets: ${N}`);
  console.log(`notifications: ${s.n} (expected ${N}; other than one 50 % warning to the dispatcher: ${wrong.rows[0]!.n})`);
  console.log(`duplicates: ${Number(s.n) - Number(s.pairs)}`);
  console.log(`e-mails queued: ${s.mails}`);
  console.log(`seconds from the thresholds' instant until all were recorded: ${seconds.toFixed(2)} (target < 10)`);
  if (Number(s.n) !== N || Number(s.n) !== Number(s.pairs)) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
