/**
 * Ticket intake through the API: an RMM-style integration with an API token (Bearer,
 * tickets:write) creating tickets with 16 requests in flight for 10 s against the real server on
 * 127.0.0.1 and PostgreSQL. Prints tickets per second and latency percentiles (aim: > 1,000/s).
 * The tickets go to a tenant of their own (synthetic seed 2), not to the board's data set.
 *
 *   npm run bench:intake      (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/servicepact_bench)
 */
import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/http/app';
import { seedSynthetic } from '../src/modules/synthetic/synthetic-seed';
import { benchContext, ms, openBenchDatabase, percentiles } from './support/bench-database';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

async function main() {
  const handle = await openBenchDatabase(undefined, 20);
  const ctx = benchContext(handle);
  const world = await seedSynthetic(ctx, { tickets: 0, clients: 20, seed: 2, progress: false });
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
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

    const clients = (await ctx.db.selectFrom('clients').select('id').where('tenant_id', '=', world.tenantId).execute()).map((c) => c.id);
    const items = (await ctx.db.selectFrom('catalog_items').select('id').where('tenant_id', '=', world.tenantId).where('status', '=', 'active').execute()).map((c) => c.id);
    let n = 0;
    const body = () => {
      n++;
      return JSON.stringify({
        clientId: clients[n % clients.length],
        ...(n % 4 === 0 ? {} : { catalogItemId: items[n % items.length] }),
        subject: `Alert ${n}: disk space low on server ${n % 97}`,
        description: 'Raised by the monitoring agent.',
      });
    };
    const create = async () => {
      const t0 = performance.now();
      const res = await fetch(`${base}/tickets`, { method: 'POST', headers: auth, body: body() });
      const text = await res.text();
      if (res.status !== 201) throw new Error(`POST /tickets answered ${res.status}: ${text.slice(0, 300)}`);
      return performance.now() - t0;
    };

    for (let i = 0; i < 50; i++) await create(); // warm-up
    const samples: number[] = [];
    const until = performance.now() + SECONDS * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (performance.now() < until) samples.push(await create());
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const p = percentiles(samples);
    console.log(`intake: ${samples.length} tickets in ${elapsed.toFixed(1)} s with ${CONCURRENCY} in flight (API token, PostgreSQL)`);
    console.log(`intake: ${(samples.length / elapsed).toFixed(0)} tickets/s (aim > 1,000/s); latency p50 ${ms(p.p50)}  p95 ${ms(p.p95)}  p99 ${ms(p.p99)}  max ${ms(p.max)}`);
  } finally {
    await app.close();
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
