/**
 * Ticket intake through the API: an RMM-style integration with an API token (Bearer,
 * tickets:write) on a thread of its own creating tickets with 16 requests in flight for 10 s against the real server on
 * 127.0.0.1 and PostgreSQL, with its jobs running (each ticket's first timer is scheduled) and
 * live board updates on. Then the same through POST /tickets/bulk, 50 tickets per request with
 * 4 requests in flight, as monitoring integrations send bursts of alerts. Prints tickets per
 * second and latency percentiles for both (aim: > 1,000/s).
 * The tickets go to a tenant of their own (synthetic seed 2), not to the board's data set.
 *
 *   npm run bench:intake      (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/servicepact_bench)
 */
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { buildApp } from '../src/http/app';
import { startJobs } from '../src/jobs/jobs';
import { seedSynthetic } from '../src/modules/synthetic/synthetic-seed';
import { benchContext, ms, openBenchDatabase, percentiles } from './support/bench-database';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const BULK_SIZE = Number(process.env.BENCH_BULK_SIZE ?? 50);
const BULK_CONCURRENCY = Number(process.env.BENCH_BULK_CONCURRENCY ?? 4);

async function main() {
  const handle = await openBenchDatabase(undefined, 20);
  const ctx = benchContext(handle);
  const world = await seedSynthetic(ctx, { tickets: 0, clients: 20, seed: 2, progress: false });
  const jobs = await startJobs(ctx, { databaseUrl: ctx.config.databaseUrl, recoverMissed: false });
  const app = await buildApp(ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1`;
  try {
    const signIn = await fetch(`${base}/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: world.ownerEmail, password: world.password }) });
    if (signIn.status !== 200) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
    const csrf = ((await signIn.json()) as { csrfToken: string }).csrfToken;
    const tokenRes = await fetch(`${base}/api-tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
      body: JSON.stringify({ name: `intake-bench-${Date.now()}`, scopes: ['tickets:write'] }),
    });
    if (tokenRes.status !== 201) throw new Error(`token creation failed: ${tokenRes.status} ${await tokenRes.text()}`);
    const token = ((await tokenRes.json()) as { token: string }).token;
    const clients = (await ctx.db.selectFrom('clients').select('id').where('tenant_id', '=', world.tenantId).execute()).map((c) => c.id);
    const items = (await ctx.db.selectFrom('catalog_items').select('id').where('tenant_id', '=', world.tenantId).where('status', '=', 'active').execute()).map((c) => c.id);
    const run = async (batch: number, concurrency: number) => {
      const load = new Worker(new URL('./support/intake-load.worker.mjs', import.meta.url), {
        workerData: { base, token, clients, items, concurrency, seconds: SECONDS, warmUp: batch ? 5 : 50, batch },
      });
      try {
        return await new Promise<{ samples: number[]; elapsedMs: number }>((resolve, reject) => {
          load.once('message', resolve);
          load.once('error', reject);
        });
      } finally {
        await load.terminate();
      }
    };

    const single = await run(0, CONCURRENCY);
    const p = percentiles(single.samples);
    console.log(`intake: ${single.samples.length} tickets in ${(single.elapsedMs / 1000).toFixed(1)} s, one per request, ${CONCURRENCY} requests in flight (API token, PostgreSQL)`);
    console.log(`intake: ${(single.samples.length / (single.elapsedMs / 1000)).toFixed(0)} tickets/s one per request (aim > 1,000/s); latency p50 ${ms(p.p50)}  p95 ${ms(p.p95)}  p99 ${ms(p.p99)}  max ${ms(p.max)}`);

    const bulk = await run(BULK_SIZE, BULK_CONCURRENCY);
    const b = percentiles(bulk.samples);
    const bulkTickets = bulk.samples.length * BULK_SIZE;
    console.log(`intake: ${bulkTickets} tickets in ${(bulk.elapsedMs / 1000).toFixed(1)} s, ${BULK_SIZE} per POST /tickets/bulk, ${BULK_CONCURRENCY} requests in flight`);
    console.log(`intake: ${(bulkTickets / (bulk.elapsedMs / 1000)).toFixed(0)} tickets/s in bulk (aim > 1,000/s); request latency p50 ${ms(b.p50)}  p95 ${ms(b.p95)}  p99 ${ms(b.p99)}  max ${ms(b.max)}`);
  } finally {
    await app.close();
    await jobs.stop({ graceful: false });
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
