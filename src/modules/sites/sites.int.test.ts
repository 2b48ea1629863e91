import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, createUser, signIn, type Agent, type TestApp } from '../../../test/support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function setup() {
  const { owner, tenant } = await createTenant(t.ctx);
  const agent = await signIn(t.app, owner.email);
  const client = (await agent.post('/api/v1/clients', { name: 'Contoso' })).json();
  return { agent, tenant, client, sites: `/api/v1/clients/${client.id}/sites` };
}

async function addSite(agent: Agent, url: string, body: Record<string, unknown>) {
  const r = await agent.post(url, body);
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
}

describe('sites', () => {
  it('creates sites in IANA zones with travel minutes; the first becomes the main site', async () => {
    const { agent, sites } = await setup();
    const berlin = await addSite(agent, sites, { name: 'Berlin HQ', address: 'Unter den Linden 1', timeZone: 'Europe/Berlin', travelMinutes: 45 });
    expect(berlin).toMatchObject({ name: 'Berlin HQ', address: 'Unter den Linden 1', timeZone: 'Europe/Berlin', travelMinutes: 45, isMain: true, version: 1 });
    const utc = await addSite(agent, sites, { name: 'Data centre', timeZone: 'UTC' });
    expect(utc).toMatchObject({ isMain: false, travelMinutes: 0 });
    const got = await agent.get(`${sites}/${berlin.id}`);
    expect(got.headers.etag).toBe('"1"');
    expect(got.json()).toEqual(berlin);
  });

  it('keeps at most one main site: making another main clears the first', async () => {
    const { agent, sites, client } = await setup();
    const a = await addSite(agent, sites, { name: 'A', timeZone: 'Europe/Berlin' });
    const b = await addSite(agent, sites, { name: 'B', timeZone: 'Asia/Kolkata', isMain: true });
    expect(b.isMain).toBe(true);
    expect((await agent.get(`${sites}/${a.id}`)).json().isMain).toBe(false);
    const c = await addSite(agent, sites, { name: 'C', timeZone: 'Australia/Sydney' });
    await agent.patch(`${sites}/${c.id}`, { isMain: true });
    const list = (await agent.get(sites)).json().items;
    expect(list.filter((s: { isMain: boolean }) => s.isMain).map((s: { name: string }) => s.name)).toEqual(['C']);
    expect((await agent.get(`/api/v1/clients/${client.id}`)).json().mainSite).toEqual({ id: c.id, name: 'C', timeZone: 'Australia/Sydney' });
  });

  it('refuses a time zone that is not an IANA zone, negative or too large travel minutes, and unknown fields', async () => {
    const { agent, sites } = await setup();
    for (const [body, field] of [
      [{ name: 'X', timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ name: 'X', timeZone: '+01:00' }, 'timeZone'],
      [{ name: 'X', timeZone: 'Europe/Berlin', travelMinutes: -5 }, 'travelMinutes'],
      [{ name: 'X', timeZone: 'Europe/Berlin', travelMinutes: 1441 }, 'travelMinutes'],
      [{ name: 'X', timeZone: 'Europe/Berlin', travelMinutes: 2.5 }, 'travelMinutes'],
      [{ name: 'X', timeZone: 'Europe/Berlin', floor: 3 }, 'floor'],
    ] as const) {
      const r = await agent.post(sites, body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.json().error.fields).toHaveProperty(field);
    }
    expect((await agent.get(sites)).json().items).toEqual([]);
  });

  it('lists sites by name in pages', async () => {
    const { agent, sites } = await setup();
    for (const name of ['e', 'b', 'D', 'a', 'C']) await addSite(agent, sites, { name, timeZone: 'UTC' });
    const p1 = (await agent.get(`${sites}?limit=2`)).json();
    const p2 = (await agent.get(`${sites}?limit=2&cursor=${p1.nextCursor}`)).json();
    const p3 = (await agent.get(`${sites}?limit=2&cursor=${p2.nextCursor}`)).json();
    expect([...p1.items, ...p2.items, ...p3.items].map((s: { name: string }) => s.name)).toEqual(['a', 'b', 'C', 'D', 'e']);
    expect(p3.nextCursor).toBeNull();
  });

  it('updates with If-Match and deletes', async () => {
    const { agent, sites } = await setup();
    const s = await addSite(agent, sites, { name: 'Old', timeZone: 'UTC' });
    const ok = await agent.patch(`${sites}/${s.id}`, { name: 'New', timeZone: 'America/New_York' }, { 'if-match': '"1"' });
    expect(ok.json()).toMatchObject({ name: 'New', timeZone: 'America/New_York', version: 2 });
    expect((await agent.patch(`${sites}/${s.id}`, { name: 'Stale' }, { 'if-match': '"1"' })).statusCode).toBe(412);
    expect((await agent.patch(`${sites}/${s.id}`, { timeZone: 'Nowhere/Land' })).json().error.fields).toHaveProperty('timeZone');
    expect((await agent.delete(`${sites}/${s.id}`)).statusCode).toBe(204);
    expect((await agent.get(`${sites}/${s.id}`)).statusCode).toBe(404);
    expect((await agent.delete(`${sites}/${s.id}`)).statusCode).toBe(404);
  });

  it('lets technicians and client users read but not write; hides other clients and tenants', async () => {
    const { agent, tenant, client, sites } = await setup();
    const s = await addSite(agent, sites, { name: 'Main', timeZone: 'UTC' });
    const other = (await agent.post('/api/v1/clients', { name: 'Other' })).json();
    const otherSite = await addSite(agent, `/api/v1/clients/${other.id}/sites`, { name: 'Theirs', timeZone: 'UTC' });

    const tech = await signIn(t.app, (await createUser(t.ctx, tenant.id, 'technician')).email);
    expect((await tech.get(sites)).json().items).toHaveLength(1);
    expect((await tech.post(sites, { name: 'No', timeZone: 'UTC' })).statusCode).toBe(403);
    expect((await tech.delete(`${sites}/${s.id}`)).statusCode).toBe(403);

    const admin = await signIn(t.app, (await createUser(t.ctx, tenant.id, 'client_admin', { clientId: client.id })).email);
    expect((await admin.get(`${sites}/${s.id}`)).statusCode).toBe(200);
    expect((await admin.post(sites, { name: 'No', timeZone: 'UTC' })).statusCode).toBe(403);
    expect((await admin.get(`/api/v1/clients/${other.id}/sites`)).statusCode).toBe(404);
    expect((await admin.get(`/api/v1/clients/${other.id}/sites/${otherSite.id}`)).statusCode).toBe(404);
    // another client's site id under one's own client is missing too
    expect((await admin.get(`${sites}/${otherSite.id}`)).statusCode).toBe(404);

    const stranger = await signIn(t.app, (await createTenant(t.ctx)).owner.email);
    expect((await stranger.get(sites)).statusCode).toBe(404);
    expect((await stranger.get(`${sites}/${s.id}`)).statusCode).toBe(404);
    expect((await stranger.delete(`${sites}/${s.id}`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/v1/clients/${randomUUID()}/sites`)).json()).toEqual((await stranger.get(sites)).json());
  });
});
