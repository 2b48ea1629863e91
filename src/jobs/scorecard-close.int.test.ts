import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthKeyAt, previousMonthKey } from '../domain/goals';
import type { CloseResult } from '../modules/scorecards/scorecard-evaluation';
import { createTenant, createTestApp, signIn, type TestApp } from '../../test/support/test-app';
import { TEST_POSTGRES_URL } from '../../test/support/test-database';
import { startBoss, type BossHandle } from './boss';
import { eventually } from './jobs.test-support';
import { offerScorecardClose, SCORECARDS_CLOSE_QUEUE, startScorecardClose } from './scorecard-close.worker';

// Real time: pg-boss runs jobs by the database clock. Whichever server's worker takes a close job,
// it closes the month that ended last in each contract's zone, so the result here is the same.

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

describe('the period-close job', () => {
  it('offers one job per 15-minute slot, and its worker writes revision 1 of the last ended month', async () => {
    const { tenant, owner } = await createTenant(t.ctx);
    const agent = await signIn(t.app, owner.email);
    const client = (await agent.post('/api/v1/clients', { name: 'Acme' })).json() as { id: string };
    await agent.post(`/api/v1/clients/${client.id}/sites`, { name: 'HQ', timeZone: 'Europe/London', isMain: true });
    const gold = (await t.ctx.db.selectFrom('plans').select('id').where('tenant_id', '=', tenant.id).where('name', '=', 'Gold').executeTakeFirstOrThrow()).id;
    const contract = (await agent.post('/api/v1/contracts', { clientId: client.id, name: 'Gold', planId: gold, startsAt: '2026-01-01T00:00:00Z' })).json() as { id: string };
    expect((await agent.post(`/api/v1/contracts/${contract.id}/activate`)).statusCode).toBe(200);

    const results: CloseResult[] = [];
    const close = await startScorecardClose(t.ctx, handle.boss, { tenantIds: [tenant.id], onResult: (r) => results.push(r) });
    try {
      // The slot's offer went out at start (here or from another server): a second one is refused.
      expect(await offerScorecardClose(handle.boss)).toBeNull();
      // The slot's job may have run before this contract existed: run one now.
      await handle.boss.send(SCORECARDS_CLOSE_QUEUE, {});
      if (close.workerId) handle.boss.notifyWorker(close.workerId);
      const month = previousMonthKey(monthKeyAt(new Date(), 'Europe/London'));
      const rows = await eventually(
        () => t.ctx.db.selectFrom('scorecards').select(['period_key', 'revision', 'status']).where('tenant_id', '=', tenant.id).where('contract_id', '=', contract.id).execute(),
        (r) => r.length > 0,
        20_000,
        200,
      );
      expect(rows).toEqual([{ period_key: month, revision: 1, status: 'draft' }]);
    } finally {
      close.stop();
    }
  });
});
