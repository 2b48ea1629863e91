/**
 * The dispatcher board under a large MSP: 1,000,000 tickets (about 100,000 open) on PostgreSQL,
 * the real server on 127.0.0.1, and 240 sequential first pages of the board (50 open tickets
 * sorted by due instant, filtered by a client or a priority, varied). Target: p95 < 30 ms.
 *
 *   npm run bench:board      (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/servicepact_bench)
 */
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { buildApp } from '../src/http/app';
import { benchContext, ensureSyntheticData, ms, openBenchDatabase, percentiles } from './support/bench-database';

const REQUESTS = 240;

async function main() {
  const handle = await openBenchDatabase();
  const ctx = benchContext(handle);
  const data = await ensureSyntheticData(ctx);
  const app = await buildApp(ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1`;
  try {
    const signIn = await fetch(`${base}/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: data.dispatcherEmail, password: data.password }) });
    if (signIn.status !== 200) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;

    const clients = (await ctx.db.selectFrom('clients').select('id').where('tenant_id', '=', data.tenantId).orderBy('id').execute()).map((c) => c.id);
    const priorities = ['P1', 'P2', 'P3', 'P4'];
    const urls: string[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const filter = i % 3 === 2 ? `priority=${priorities[i % priorities.length]}` : `clientId=${clients[(i * 7919) % clients.length]}`;
      urls.push(`${base}/tickets?status=open&sort=due&limit=50&${filter}`);
    }
    // Warm-up: connections, plans, caches.
    for (const url of urls.slice(0, 10)) await fetch(url, { headers: { cookie } }).then((r) => r.arrayBuffer());

    const samples: number[] = [];
    let items = 0;
    for (const url of urls) {
      const t0 = performance.now();
      const res = await fetch(url, { headers: { cookie } });
      const body = (await res.json()) as { items?: unknown[]; error?: { message: string } };
      samples.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${JSON.stringify(body)}`);
      items += body.items?.length ?? 0;
    }
    const p = percentiles(samples);
    console.log(`board: ${samples.length} requests (first page of 50 open tickets sorted by due, by client or priority), ${(items / samples.length).toFixed(1)} tickets per page`);
    console.log(`board latency: p50 ${ms(p.p50)}  p95 ${ms(p.p95)}  p99 ${ms(p.p99)}  max ${ms(p.max)}  (target p95 < 30 ms: ${p.p95 < 30 ? 'met' : 'MISSED'})`);

    if (process.env.BENCH_EXPLAIN) {
      const plan = await sql<{ 'QUERY PLAN': string }>`explain (analyze, buffers) select t.id from tickets t where t.tenant_id = ${data.tenantId} and t.status in ('new','assigned','in_progress','waiting_on_client','waiting_on_third_party') and t.client_id = ${clients[0]} order by coalesce((extract(epoch from t.next_due_at) * 1000000)::bigint, 9223372036854775807), t.id limit 51`.execute(ctx.db);
      console.log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
    }
  } finally {
    await app.close();
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
