import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, createUser, signIn, type Agent, type TestApp } from '../../../test/support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function owner() {
  const { owner, tenant } = await createTenant(t.ctx);
  return { agent: await signIn(t.app, owner.email), tenant, owner };
}
async function planNamed(agent: Agent, name: string) {
  return (await agent.get('/api/v1/plans')).json().items.find((p: { name: string }) => p.name === name);
}

describe('plans', () => {
  it('lists the seeded plans and adds a copy under a new name', async () => {
    const { agent } = await owner();
    const list = (await agent.get('/api/v1/plans')).json();
    expect(list.items.map((p: { name: string }) => p.name)).toEqual(['Gold', 'Platinum', 'Silver']);
    const gold = list.items[0];
    const r = await agent.post('/api/v1/plans', { name: 'Gold Plus', description: 'Gold with a faster P1', terms: gold.terms });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.headers.etag).toBe('"1"');
    expect(r.json()).toMatchObject({ name: 'Gold Plus', status: 'active', terms: gold.terms, version: 1 });
    const dup = await agent.post('/api/v1/plans', { name: 'gold', terms: gold.terms });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.fields.name).toBeDefined();
  });

  it('refuses bad targets and thresholds, naming the field', async () => {
    const { agent } = await owner();
    const gold = await planNamed(agent, 'Gold');
    const cases: [(terms: any) => void, string][] = [
      [(x) => (x.targets.P1.remote.response = { unit: 'minutes', minutes: -10 }), 'terms.targets.P1.remote.response'],
      [(x) => (x.targets.P2.onsite.response = { unit: 'minutes', minutes: 0 }), 'terms.targets.P2.onsite.response'],
      [(x) => (x.targets.P1.remote.resolution = { unit: 'minutes', minutes: 10 }), 'terms.targets.P1.remote.resolution'],
      [(x) => (x.warningThresholds = [75, 50, 100]), 'terms.warningThresholds'],
      [(x) => delete x.targets.P4, 'terms.targets.P4'],
      [(x) => (x.targets.P1.calendarId = '00000000-0000-0000-0000-000000000000'), 'terms.targets.P1.calendarId'],
      [(x) => (x.hourlyRateMinor = -1), 'terms.hourlyRateMinor'],
      [(x) => (x.hourlyRateMinor = 90.5), 'terms.hourlyRateMinor'],
    ];
    for (const [change, field] of cases) {
      const terms = structuredClone(gold.terms);
      change(terms);
      const r = await agent.request(`/api/v1/plans/${gold.id}`, { method: 'PUT', body: { name: 'Gold', terms } });
      expect(r.statusCode, field).toBe(400);
      expect(Object.keys(r.json().error.fields), field).toContain(field);
    }
    // The hourly rate is optional: a plan without one is still valid (statements then warn).
    const { hourlyRateMinor: _rate, ...withoutRate } = gold.terms;
    const noRate = await agent.request(`/api/v1/plans/${gold.id}`, { method: 'PUT', body: { name: 'Gold', terms: withoutRate } });
    expect(noRate.statusCode, noRate.body).toBe(200);
    expect(noRate.json().terms.hourlyRateMinor).toBeUndefined();
    const rate = await agent.request(`/api/v1/plans/${gold.id}`, { method: 'PUT', body: { name: 'Gold', terms: { ...withoutRate, hourlyRateMinor: 12_500 } } });
    expect(rate.json().terms.hourlyRateMinor).toBe(12_500);
    const unknownField = await agent.post('/api/v1/plans', { name: 'X', terms: { ...gold.terms, colour: 'gold' } });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().error.fields['terms.colour']).toBeDefined();
  });

  it('guards writes with If-Match and retires', async () => {
    const { agent } = await owner();
    const silver = await planNamed(agent, 'Silver');
    const ok = await agent.request(`/api/v1/plans/${silver.id}`, { method: 'PUT', body: { name: 'Silver', description: 'Cheaper', terms: silver.terms }, headers: { 'if-match': '"1"' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    const stale = await agent.request(`/api/v1/plans/${silver.id}`, { method: 'PUT', body: { name: 'Silver', terms: silver.terms }, headers: { 'if-match': '"1"' } });
    expect(stale.statusCode).toBe(412);
    const retired = await agent.post(`/api/v1/plans/${silver.id}/retire`);
    expect(retired.json()).toMatchObject({ status: 'retired', version: 3 });
    expect((await agent.request('/api/v1/plans', { query: { status: 'active' } })).json().items).toHaveLength(2);
  });

  it('refuses to delete a plan a contract uses (409 naming how many), deletes it otherwise', async () => {
    const { agent, tenant, owner: o } = await owner();
    const gold = await planNamed(agent, 'Gold');
    const platinum = await planNamed(agent, 'Platinum');
    const client = (await agent.post('/api/v1/clients', { name: 'Contoso' })).json();
    await t.ctx.db
      .insertInto('contracts')
      .values({
        tenant_id: tenant.id,
        client_id: client.id,
        name: 'Contoso 2026',
        starts_at: '2026-01-01T00:00:00Z',
        created_by: o.id,
        draft_terms: JSON.stringify({ plan: { planId: gold.id, name: 'Gold', ...gold.terms }, riders: [], catalogTurnarounds: {}, catalogOverrides: {}, calendarId: gold.terms.targets.P1.calendarId }),
      })
      .execute();
    const refused = await agent.delete(`/api/v1/plans/${gold.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/used by 1 contract \("Contoso 2026"\); retire it instead/);
    expect((await agent.get(`/api/v1/plans/${gold.id}`)).statusCode).toBe(200);
    const deleted = await agent.delete(`/api/v1/plans/${platinum.id}`);
    expect(deleted.statusCode).toBe(204);
    expect((await agent.get(`/api/v1/plans/${platinum.id}`)).statusCode).toBe(404);
  });

  it('is staff only to read and owner/admin to write; tenant B ids are 404', async () => {
    const a = await owner();
    const b = await owner();
    const goldB = await planNamed(b.agent, 'Gold');
    expect((await a.agent.get(`/api/v1/plans/${goldB.id}`)).statusCode).toBe(404);
    expect((await a.agent.request(`/api/v1/plans/${goldB.id}`, { method: 'PUT', body: { name: 'Mine', terms: goldB.terms } })).statusCode).toBe(404);
    expect((await a.agent.delete(`/api/v1/plans/${goldB.id}`)).statusCode).toBe(404);
    const tech = await signIn(t.app, (await createUser(t.ctx, a.tenant.id, 'technician')).email);
    const goldA = await planNamed(a.agent, 'Gold');
    expect((await tech.get(`/api/v1/plans/${goldA.id}`)).statusCode).toBe(200);
    expect((await tech.post(`/api/v1/plans/${goldA.id}/retire`)).statusCode).toBe(403);
  });
});
