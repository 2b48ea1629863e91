import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { quarterKeyAt } from '../domain/satisfaction/nps-schedule';
import { runNpsSchedule, type ScheduleResult } from '../modules/surveys/nps.service';
import { createTenant, createTestApp, signIn, type TestApp } from '../../test/support/test-app';
import { TEST_POSTGRES_URL } from '../../test/support/test-database';
import { startBoss, type BossHandle } from './boss';
import { eventually } from './jobs.test-support';
import { NPS_SCHEDULE_QUEUE, offerNpsSchedule, startNpsSchedule } from './nps-schedule.worker';

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
afterEach(() => t.setNow(null));

const u = () => randomUUID().slice(0, 8);

/** A tenant with NPS on (`schedule`), one client under an active contract, and two contacts. */
async function tenantWithContacts(schedule: { npsMonthOfQuarter: number; npsDayOfMonth: number; npsTimeZone: string }) {
  const { tenant, owner } = await createTenant(t.ctx);
  const agent = await signIn(t.app, owner.email);
  const client = (await agent.post('/api/v1/clients', { name: `Client ${u()}` })).json() as { id: string };
  const gold = (await t.ctx.db.selectFrom('plans').select('id').where('tenant_id', '=', tenant.id).where('name', '=', 'Gold').executeTakeFirstOrThrow()).id;
  const contract = (await agent.post('/api/v1/contracts', { clientId: client.id, name: 'Gold', planId: gold, startsAt: '2020-01-01T00:00:00Z' })).json() as { id: string };
  expect((await agent.post(`/api/v1/contracts/${contract.id}/activate`)).statusCode).toBe(200);
  for (const name of ['Ann', 'Bob']) expect((await agent.post(`/api/v1/clients/${client.id}/contacts`, { name, email: `${name.toLowerCase()}-${u()}@example.test`, roles: ['primary'] })).statusCode).toBe(201);
  expect((await agent.patch('/api/v1/settings/satisfaction', { npsEnabled: true, ...schedule })).statusCode).toBe(200);
  return tenant.id;
}

const rounds = (tenantId: string) => t.ctx.db.selectFrom('nps_rounds').select(['quarter_key', 'recipient_count', 'started_by']).where('tenant_id', '=', tenantId).execute();

// On PostgreSQL other test files share the database, and a full job runner started there (the
// clock-threshold tests) runs this schedule for every tenant at real time: it may send a tenant's
// round for the real current quarter. The assertions below hold either way.
const roundOf = async (tenantId: string, quarter: string) => (await rounds(tenantId)).filter((r) => r.quarter_key === quarter);

describe('the NPS schedule', () => {
  it("starts the round on its day in the tenant's zone, and not twice", async () => {
    const tenantId = await tenantWithContacts({ npsMonthOfQuarter: 2, npsDayOfMonth: 15, npsTimeZone: 'Pacific/Auckland' });
    const only = { tenantIds: [tenantId] };
    // 2027-Q1's day in Auckland (UTC+13 in summer) is 15 February, from 14 February 11:00 UTC.
    t.setNow(new Date('2027-02-14T10:59:00Z'));
    expect(await runNpsSchedule(t.ctx, only)).toEqual({ started: [] });
    expect(await roundOf(tenantId, '2027-Q1')).toEqual([]);

    t.setNow(new Date('2027-02-14T11:00:00Z'));
    expect(await runNpsSchedule(t.ctx, only)).toEqual({ started: [{ tenantId, quarter: '2027-Q1', recipients: 2 }] });
    t.setNow(new Date('2027-02-20T00:00:00Z'));
    expect(await runNpsSchedule(t.ctx, only)).toEqual({ started: [] });
    expect(await roundOf(tenantId, '2027-Q1')).toEqual([{ quarter_key: '2027-Q1', recipient_count: 2, started_by: null }]);
    const surveys = await t.ctx.db.selectFrom('nps_surveys').select('email').where('tenant_id', '=', tenantId).where('quarter_key', '=', '2027-Q1').execute();
    expect(surveys).toHaveLength(2);
  });

  it('leaves tenants with NPS off alone', async () => {
    const tenantId = await tenantWithContacts({ npsMonthOfQuarter: 1, npsDayOfMonth: 1, npsTimeZone: 'UTC' });
    await t.ctx.db.updateTable('tenants').set({ nps_enabled: false }).where('id', '=', tenantId).execute();
    expect(await runNpsSchedule(t.ctx, { tenantIds: [tenantId] })).toEqual({ started: [] });
    expect(await rounds(tenantId)).toEqual([]);
  });

  it('runs on pg-boss: two workers, one round', async () => {
    // Day 1 of the quarter's first month has passed whatever the real date: the round is due now.
    const tenantId = await tenantWithContacts({ npsMonthOfQuarter: 1, npsDayOfMonth: 1, npsTimeZone: 'UTC' });
    const results: ScheduleResult[] = [];
    const a = await startNpsSchedule(t.ctx, handle.boss, { tenantIds: [tenantId], onResult: (r) => results.push(r) });
    const b = await startNpsSchedule(t.ctx, handle.boss, { tenantIds: [tenantId], onResult: (r) => results.push(r) });
    try {
      // This slot's offer went out when the first started: a second one is refused.
      expect(await offerNpsSchedule(handle.boss)).toBeNull();
      // Jobs for both workers at once.
      await handle.boss.send(NPS_SCHEDULE_QUEUE, {});
      await handle.boss.send(NPS_SCHEDULE_QUEUE, {});
      for (const w of [a, b]) if (w.workerId) handle.boss.notifyWorker(w.workerId);
      await eventually(async () => results.length, (n) => n >= 2, 20_000, 200);
      expect(await rounds(tenantId)).toEqual([{ quarter_key: quarterKeyAt(new Date(), 'UTC'), recipient_count: 2, started_by: null }]);
      expect(results.flatMap((r) => r.started).length).toBeLessThanOrEqual(1);
    } finally {
      a.stop();
      b.stop();
    }
  });
});
