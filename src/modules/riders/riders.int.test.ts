import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, signIn, type TestApp } from '../../../test/support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function owner() {
  const { owner } = await createTenant(t.ctx);
  return signIn(t.app, owner.email);
}

describe('riders', () => {
  it('lists Premium Response, adds a replace rider, edits with If-Match and retires', async () => {
    const agent = await owner();
    const list = (await agent.get('/api/v1/riders')).json();
    expect(list.items).toMatchObject([{ name: 'Premium Response', effect: { kind: 'scale', factorPercent: 50, floorMinutes: 15 }, price: { currency: 'EUR', basis: 'flat' } }]);
    const body = {
      name: 'P1 Express',
      effect: { kind: 'replace', targets: { P1: { remote: { response: { unit: 'minutes', minutes: 10 }, resolution: { unit: 'minutes', minutes: 120 } } } } },
      price: { amountMinor: 50_000, currency: 'EUR', basis: 'per_user' },
    };
    const created = await agent.post('/api/v1/riders', body);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const put = await agent.request(`/api/v1/riders/${id}`, { method: 'PUT', body: { ...body, description: 'Ten-minute response' }, headers: { 'if-match': '"1"' } });
    expect(put.statusCode, put.body).toBe(200);
    expect((await agent.request(`/api/v1/riders/${id}`, { method: 'PUT', body, headers: { 'if-match': '"1"' } })).statusCode).toBe(412);
    expect((await agent.post(`/api/v1/riders/${id}/retire`)).json()).toMatchObject({ status: 'retired', version: 3 });
  });

  it('refuses a scale below 1 %, a negative floor and unknown priorities, naming the field', async () => {
    const agent = await owner();
    const price = { amountMinor: 100, currency: 'EUR', basis: 'flat' };
    const low = await agent.post('/api/v1/riders', { name: 'Too fast', effect: { kind: 'scale', factorPercent: 0.5, floorMinutes: 0 }, price });
    expect(low.statusCode).toBe(400);
    expect(low.json().error.fields['effect.factorPercent']).toMatch(/1 to 100/);
    const floor = await agent.post('/api/v1/riders', { name: 'Neg', effect: { kind: 'scale', factorPercent: 50, floorMinutes: -1 }, price });
    expect(floor.json().error.fields['effect.floorMinutes']).toBeDefined();
    const p9 = await agent.post('/api/v1/riders', { name: 'P9', effect: { kind: 'replace', targets: { P9: {} } }, price: { ...price, currency: 'eur' } });
    expect(p9.json().error.fields).toMatchObject({ 'effect.targets.P9': expect.any(String), 'price.currency': expect.any(String) });
  });

  it('keeps tenants apart', async () => {
    const a = await owner();
    const b = await owner();
    const riderB = (await b.get('/api/v1/riders')).json().items[0];
    expect((await a.get(`/api/v1/riders/${riderB.id}`)).statusCode).toBe(404);
    expect((await a.post(`/api/v1/riders/${riderB.id}/retire`)).statusCode).toBe(404);
  });
});
