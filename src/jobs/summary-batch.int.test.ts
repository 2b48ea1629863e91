import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, signIn, type TestApp } from '../../test/support/test-app';
import { TEST_POSTGRES_URL } from '../../test/support/test-database';
import { insertBatch } from '../modules/summaries/summaries.repository';
import { startBoss, type BossHandle } from './boss';
import { eventually } from './jobs.test-support';
import { enqueueSummaryBatch } from './summary-batch-queue';
import { startSummaryJobs } from './summary-batch.worker';

let t: TestApp;
let handle: BossHandle;
beforeAll(async () => {
  t = await createTestApp();
  handle = await startBoss(t.ctx.dbKind === 'postgres' ? { kind: 'postgres', url: TEST_POSTGRES_URL } : { kind: 'pglite', db: t.ctx.db });
});
afterAll(async () => {
  await handle?.stop({ graceful: false });
  await t.close();
});

async function clientWithContract() {
  const { tenant, owner } = await createTenant(t.ctx);
  const agent = await signIn(t.app, owner.email);
  const client = (await agent.post('/api/v1/clients', { name: 'Acme' })).json() as { id: string };
  await agent.post(`/api/v1/clients/${client.id}/sites`, { name: 'HQ', timeZone: 'Europe/London', isMain: true });
  const gold = (await t.ctx.db.selectFrom('plans').select('id').where('tenant_id', '=', tenant.id).where('name', '=', 'Gold').executeTakeFirstOrThrow()).id;
  const contract = (await agent.post('/api/v1/contracts', { clientId: client.id, name: 'Gold', planId: gold, startsAt: '2026-01-01T00:00:00Z' })).json() as { id: string };
  expect((await agent.post(`/api/v1/contracts/${contract.id}/activate`)).statusCode).toBe(200);
  return { tenant, owner, agent, client };
}

const batchRow = (tenantId: string, id: string) => t.ctx.db.selectFrom('summary_batches').select(['status', 'total', 'done', 'failed']).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirstOrThrow();

describe('the summary batch job', () => {
  it('runs a batch asked for over the API on pg-boss, and batches left queued when the worker starts', async () => {
    const w = await clientWithContract();
    // Asked for while no worker ran in this process: it waits, queued.
    const waiting = await insertBatch(t.ctx.db, w.tenant.id, '2026-02', w.owner.id);
    const jobs = await startSummaryJobs(t.ctx, handle.boss, { schedules: false });
    try {
      expect(await eventually(() => batchRow(w.tenant.id, waiting.id), (b) => b.status === 'done', 20_000, 200)).toEqual({ status: 'done', total: 1, done: 1, failed: 0 });

      const res = await w.agent.post('/api/v1/summary-batches', { periodKey: '2026-03' });
      expect(res.statusCode, res.body).toBe(202);
      const id = (res.json() as { id: string }).id;
      expect(await eventually(() => batchRow(w.tenant.id, id), (b) => b.status === 'done', 20_000, 200)).toEqual({ status: 'done', total: 1, done: 1, failed: 0 });
      // It went through the queue: pg-boss holds the job, by the batch's id.
      const job = await t.ctx.db
        .selectFrom('pgboss.job' as never)
        .select(['name' as never, 'state' as never])
        .where('singleton_key' as never, '=', id as never)
        .executeTakeFirst();
      expect(job).toMatchObject({ name: 'summary-batch', state: 'completed' });
      const rows = await t.ctx.db.selectFrom('executive_summaries').select(['period_key', 'status']).where('client_id', '=', w.client.id).orderBy('period_key').execute();
      expect(rows).toEqual([
        { period_key: '2026-02', status: 'draft' },
        { period_key: '2026-03', status: 'draft' },
      ]);
    } finally {
      jobs.stop();
    }
    // Without a worker in this process, the service runs a batch itself.
    expect(await enqueueSummaryBatch(t.ctx, { tenantId: w.tenant.id, batchId: waiting.id })).toBe(false);
  });
});
