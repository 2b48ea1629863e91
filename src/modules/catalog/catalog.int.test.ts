import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, createUser, signIn, type Agent, type TestApp } from '../../../test/support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function owner() {
  const { owner, tenant } = await createTenant(t.ctx);
  return { agent: await signIn(t.app, owner.email), tenant };
}
async function allItems(agent: Agent) {
  const items: any[] = [];
  let cursor: string | null = null;
  do {
    const body: any = (await agent.request('/api/v1/catalog', { query: { limit: '20', ...(cursor ? { cursor } : {}) } })).json();
    items.push(...body.items);
    cursor = body.nextCursor;
  } while (cursor);
  return items;
}
const importCsv = (agent: Agent, csv: string) => agent.request('/api/v1/catalog/import', { method: 'POST', body: csv, headers: { 'content-type': 'text/csv' } });

describe('catalog', () => {
  it('pages through the seeded catalog by category and name; filters and searches', async () => {
    const { agent } = await owner();
    const items = await allItems(agent);
    expect(items.length).toBeGreaterThanOrEqual(40);
    expect(items.map((i) => i.category)).toEqual([...items.map((i) => i.category)].sort());
    const security = (await agent.request('/api/v1/catalog', { query: { category: 'security', limit: '100' } })).json().items;
    expect(security.every((i: { category: string }) => i.category === 'security')).toBe(true);
    expect((await agent.request('/api/v1/catalog', { query: { q: 'password' } })).json().items.map((i: { name: string }) => i.name)).toEqual(['Password reset']);
  });

  it('adds, edits with If-Match and retires an item; client users see only active items', async () => {
    const { agent, tenant } = await owner();
    const gold = (await agent.get('/api/v1/plans')).json().items.find((p: { name: string }) => p.name === 'Gold');
    const body = {
      category: 'software',
      name: 'ERP invoice run fails',
      defaultUrgency: 'high',
      defaultImpact: 'department',
      deliveryMode: 'remote',
      complexity: 'high',
      expectedEffortMinutes: 90,
      turnarounds: { [gold.id]: { remote: { response: { unit: 'minutes', minutes: 30 }, resolution: { unit: 'minutes', minutes: 240 } } } },
    };
    const created = await agent.post('/api/v1/catalog', body);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const bad = await agent.post('/api/v1/catalog', { ...body, name: 'Other', defaultUrgency: 'dire', turnarounds: { [gold.id]: { remote: { response: { unit: 'minutes', minutes: 0 } } } } });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['defaultUrgency', `turnarounds.${gold.id}.remote.response`]);
    expect((await agent.request(`/api/v1/catalog/${id}`, { method: 'PUT', body: { ...body, description: 'Month end' }, headers: { 'if-match': '"1"' } })).statusCode).toBe(200);
    expect((await agent.request(`/api/v1/catalog/${id}`, { method: 'PUT', body, headers: { 'if-match': '"1"' } })).statusCode).toBe(412);
    expect((await agent.post(`/api/v1/catalog/${id}/retire`)).json().status).toBe('retired');

    const client = (await agent.post('/api/v1/clients', { name: 'Contoso' })).json();
    const cu = await signIn(t.app, (await createUser(t.ctx, tenant.id, 'client_user', { clientId: client.id })).email);
    const seen = await allItems(cu);
    expect(seen.length).toBeGreaterThanOrEqual(40);
    expect(seen.some((i) => i.id === id)).toBe(false);
    expect((await allItems(agent)).some((i) => i.id === id)).toBe(true);
    expect((await cu.get(`/api/v1/catalog/${id}`)).statusCode).toBe(403);
    expect((await cu.get('/api/v1/catalog/export.csv')).statusCode).toBe(403);
  });

  it('exports CSV and imports it back unchanged (round trip)', async () => {
    const { agent } = await owner();
    const before = await allItems(agent);
    const exported = await agent.get('/api/v1/catalog/export.csv');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toMatch(/^text\/csv/);
    expect(exported.headers['content-disposition']).toMatch(/filename="catalog.csv"/);
    expect(exported.body.split('\r\n')[0]).toBe(
      'category,name,description,default_urgency,default_impact,delivery_mode,complexity,expected_effort_minutes,Gold response,Gold resolution,Platinum response,Platinum resolution,Silver response,Silver resolution',
    );
    expect(exported.body).toMatch(/account,Password reset,.*,15m,1h,15m,30m,30m,2h\r\n/);
    const r = await importCsv(agent, exported.body);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ created: 0, updated: before.length, total: before.length });
    const after = await allItems(agent);
    const shape = (i: any) => ({ ...i, version: undefined, updatedAt: undefined });
    expect(after.map(shape)).toEqual(before.map(shape));

    const added = `${exported.body}other,Coffee machine,"Not IT, but ""somebody"" has to",low,team,onsite,low,20,,,,,,3d\r\n`;
    const r2 = await importCsv(agent, added);
    expect(r2.json()).toMatchObject({ created: 1 });
    const silver = (await agent.get('/api/v1/plans')).json().items.find((p: { name: string }) => p.name === 'Silver');
    const coffee = (await agent.request('/api/v1/catalog', { query: { q: 'coffee' } })).json().items[0];
    expect(coffee).toMatchObject({ description: 'Not IT, but "somebody" has to', turnarounds: { [silver.id]: { onsite: { resolution: { unit: 'business_days', days: 3 } } } } });
  });

  it('imports nothing when one row is bad, naming row and field', async () => {
    const { agent } = await owner();
    const before = (await allItems(agent)).length;
    const csv = [
      'category,name,description,default_urgency,default_impact,delivery_mode,complexity,expected_effort_minutes,Gold response,Gold resolution',
      'hardware,Label printer,,low,individual,either,low,15,4h,2d',
      'hardware,Scanner,,low,individual,sideways,low,15,,',
      'network,Switch port,,low,team,remote,low,15,2h,1h',
    ].join('\n');
    const r = await importCsv(agent, csv);
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({
      code: 'validation_failed',
      message: expect.stringMatching(/nothing was imported/),
      rows: [
        { row: 3, field: 'delivery_mode', message: expect.any(String) },
        { row: 4, field: 'Gold resolution', message: expect.stringMatching(/shorter/) },
      ],
    });
    expect((await allItems(agent)).length).toBe(before);
    const wrongType = await agent.post('/api/v1/catalog/import', { csv: 'x' });
    expect(wrongType.statusCode).toBe(415);
  });

  it('keeps tenants apart', async () => {
    const a = await owner();
    const b = await owner();
    const itemB = (await b.agent.get('/api/v1/catalog')).json().items[0];
    expect((await a.agent.get(`/api/v1/catalog/${itemB.id}`)).statusCode).toBe(404);
    expect((await a.agent.post(`/api/v1/catalog/${itemB.id}/retire`)).statusCode).toBe(404);
    expect((await a.agent.get('/api/v1/catalog/export.csv')).body).not.toContain(itemB.id);
  });
});
