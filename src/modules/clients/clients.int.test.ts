import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, createUser, signIn, type Agent, type TestApp } from '../../../test/support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function ownerAgent() {
  const { owner, tenant } = await createTenant(t.ctx);
  return { agent: await signIn(t.app, owner.email), tenant, owner };
}

async function addClient(agent: Agent, body: Record<string, unknown>) {
  const r = await agent.post('/api/v1/clients', body);
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
}

describe('clients', () => {
  it('creates a client and shows it with counts and no main site yet', async () => {
    const { agent } = await ownerAgent();
    const c = await addClient(agent, { name: 'Contoso Ltd', code: 'CON', notes: 'Key account' });
    expect(c).toMatchObject({ name: 'Contoso Ltd', code: 'CON', status: 'active', notes: 'Key account', siteCount: 0, contactCount: 0, mainSite: null, version: 1 });
    const got = await agent.get(`/api/v1/clients/${c.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers.etag).toBe('"1"');
    expect(got.json()).toEqual(c);
  });

  it('counts sites and contacts and names the main site', async () => {
    const { agent } = await ownerAgent();
    const c = await addClient(agent, { name: 'Fabrikam' });
    await agent.post(`/api/v1/clients/${c.id}/sites`, { name: 'Berlin office', timeZone: 'Europe/Berlin' });
    await agent.post(`/api/v1/clients/${c.id}/sites`, { name: 'New York', timeZone: 'America/New_York' });
    await agent.post(`/api/v1/clients/${c.id}/contacts`, { name: 'Ada', email: 'ada@fabrikam.test', roles: ['primary'] });
    const got = (await agent.get(`/api/v1/clients/${c.id}`)).json();
    expect(got).toMatchObject({ siteCount: 2, contactCount: 1, mainSite: { name: 'Berlin office', timeZone: 'Europe/Berlin' } });
  });

  it('pages through the list in three pages without duplicates or gaps, by name and by creation', async () => {
    const { agent } = await ownerAgent();
    const names = ['delta', 'Alpha', 'echo', 'Charlie', 'bravo', 'golf', 'Foxtrot'];
    for (const name of names) await addClient(agent, { name });
    for (const [sort, order, expected] of [
      ['name', 'asc', ['Alpha', 'bravo', 'Charlie', 'delta', 'echo', 'Foxtrot', 'golf']],
      ['name', 'desc', ['golf', 'Foxtrot', 'echo', 'delta', 'Charlie', 'bravo', 'Alpha']],
      ['createdAt', 'asc', names],
      ['createdAt', 'desc', [...names].reverse()],
    ] as const) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: Record<string, string> = { limit: '3', sort, order, ...(cursor ? { cursor } : {}) };
        const r = await agent.request('/api/v1/clients', { query });
        expect(r.statusCode, r.body).toBe(200);
        const body = r.json();
        seen.push(...body.items.map((i: { name: string }) => i.name));
        cursor = body.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toEqual(expected);
    }
  });

  it('searches name and code case-insensitively, treating % and _ literally, and filters by status', async () => {
    const { agent } = await ownerAgent();
    await addClient(agent, { name: 'Wide World Importers', code: 'WWI' });
    const tail = await addClient(agent, { name: 'Tailspin Toys', code: 'TST' });
    await addClient(agent, { name: '100% Uptime_Co' });
    const names = async (query: Record<string, string>) => (await agent.request('/api/v1/clients', { query })).json().items.map((i: { name: string }) => i.name);
    expect(await names({ q: 'world' })).toEqual(['Wide World Importers']);
    expect(await names({ q: 'tst' })).toEqual(['Tailspin Toys']);
    expect(await names({ q: '%' })).toEqual(['100% Uptime_Co']);
    expect(await names({ q: '_' })).toEqual(['100% Uptime_Co']);
    await agent.patch(`/api/v1/clients/${tail.id}`, { status: 'inactive' });
    expect(await names({ status: 'inactive' })).toEqual(['Tailspin Toys']);
    expect(await names({ status: 'active' })).toEqual(['100% Uptime_Co', 'Wide World Importers']);
  });

  it('refuses a second client with the same name in any letter case, and a taken code', async () => {
    const { agent } = await ownerAgent();
    await addClient(agent, { name: 'Litware', code: 'LIT' });
    const dup = await agent.post('/api/v1/clients', { name: 'LITWARE' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'conflict', fields: { name: expect.any(String) } });
    const dupCode = await agent.post('/api/v1/clients', { name: 'Other', code: 'lit' });
    expect(dupCode.statusCode).toBe(409);
    expect(dupCode.json().error.fields).toHaveProperty('code');
    // another tenant may use the same name
    const other = await ownerAgent();
    expect((await other.agent.post('/api/v1/clients', { name: 'Litware' })).statusCode).toBe(201);
  });

  it('names invalid and unknown fields', async () => {
    const { agent } = await ownerAgent();
    const r = await agent.post('/api/v1/clients', { name: '', colour: 'red' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields).toMatchObject({ name: expect.any(String), colour: 'is not a known field' });
    const badCursor = await agent.get('/api/v1/clients?cursor=nonsense');
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().error.fields).toHaveProperty('cursor');
  });

  it('updates with If-Match: the current version wins, a stale one gets 412 and changes nothing', async () => {
    const { agent } = await ownerAgent();
    const c = await addClient(agent, { name: 'Adatum' });
    const ok = await agent.patch(`/api/v1/clients/${c.id}`, { notes: 'first' }, { 'if-match': '"1"' });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    expect(ok.json()).toMatchObject({ notes: 'first', version: 2 });
    const stale = await agent.patch(`/api/v1/clients/${c.id}`, { notes: 'second' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.code).toBe('precondition_failed');
    expect((await agent.get(`/api/v1/clients/${c.id}`)).json().notes).toBe('first');
    const unguarded = await agent.patch(`/api/v1/clients/${c.id}`, { notes: 'third' });
    expect(unguarded.json()).toMatchObject({ notes: 'third', version: 3 });
  });

  it('lets every staff role read but only writers write', async () => {
    const { agent, tenant } = await ownerAgent();
    const c = await addClient(agent, { name: 'Northwind' });
    const tech = await signIn(t.app, (await createUser(t.ctx, tenant.id, 'technician')).email);
    expect((await tech.get(`/api/v1/clients/${c.id}`)).statusCode).toBe(200);
    expect((await tech.get('/api/v1/clients')).json().items).toHaveLength(1);
    const create = await tech.post('/api/v1/clients', { name: 'Nope' });
    expect(create.statusCode).toBe(403);
    expect(create.json().error.code).toBe('forbidden');
    expect((await tech.patch(`/api/v1/clients/${c.id}`, { notes: 'x' })).statusCode).toBe(403);
    for (const role of ['dispatcher', 'account_manager', 'admin'] as const) {
      const a = await signIn(t.app, (await createUser(t.ctx, tenant.id, role)).email);
      expect((await a.post('/api/v1/clients', { name: `By ${role}` })).statusCode).toBe(201);
    }
  });

  it('shows a client user only their own client; others answer 404 like missing rows', async () => {
    const { agent, tenant } = await ownerAgent();
    const a = await addClient(agent, { name: 'Client A' });
    const b = await addClient(agent, { name: 'Client B' });
    const user = await signIn(t.app, (await createUser(t.ctx, tenant.id, 'client_user', { clientId: a.id })).email);
    expect((await user.get('/api/v1/clients')).json().items.map((i: { id: string }) => i.id)).toEqual([a.id]);
    expect((await user.get(`/api/v1/clients/${a.id}`)).statusCode).toBe(200);
    const other = await user.get(`/api/v1/clients/${b.id}`);
    const missing = await user.get(`/api/v1/clients/${randomUUID()}`);
    expect(other.statusCode).toBe(404);
    expect(other.json()).toEqual(missing.json());
    expect((await user.patch(`/api/v1/clients/${a.id}`, { notes: 'x' })).statusCode).toBe(403);
    expect((await user.patch(`/api/v1/clients/${b.id}`, { notes: 'x' })).statusCode).toBe(404);
  });

  it("answers 404 for another tenant's client", async () => {
    const x = await ownerAgent();
    const y = await ownerAgent();
    const c = await addClient(y.agent, { name: 'Private' });
    expect((await x.agent.get(`/api/v1/clients/${c.id}`)).statusCode).toBe(404);
    expect((await x.agent.patch(`/api/v1/clients/${c.id}`, { notes: 'x' })).statusCode).toBe(404);
    expect((await x.agent.get('/api/v1/clients')).json().items).toEqual([]);
  });

  it('names an account manager: an active staff member of the organisation, or nobody', async () => {
    const { agent, tenant } = await ownerAgent();
    const manager = await createUser(t.ctx, tenant.id, 'account_manager', { name: 'Amira Haddad' });
    const c = await addClient(agent, { name: 'Managed', accountManagerId: manager.id });
    expect(c).toMatchObject({ accountManagerId: manager.id, accountManager: { id: manager.id, name: 'Amira Haddad' } });
    const tech = await createUser(t.ctx, tenant.id, 'technician');
    expect((await agent.patch(`/api/v1/clients/${c.id}`, { accountManagerId: tech.id })).json()).toMatchObject({ accountManagerId: tech.id });
    expect((await agent.patch(`/api/v1/clients/${c.id}`, { accountManagerId: null })).json()).toMatchObject({ accountManagerId: null, accountManager: null });

    const clientAdmin = await createUser(t.ctx, tenant.id, 'client_admin', { clientId: c.id });
    const disabled = await createUser(t.ctx, tenant.id, 'admin');
    await t.ctx.db.updateTable('users').set({ status: 'disabled' }).where('tenant_id', '=', tenant.id).where('id', '=', disabled.id).execute();
    const elsewhere = await createUser(t.ctx, (await createTenant(t.ctx)).tenant.id, 'account_manager');
    for (const id of [clientAdmin.id, disabled.id, elsewhere.id, randomUUID()]) {
      const r = await agent.patch(`/api/v1/clients/${c.id}`, { accountManagerId: id });
      expect(r.statusCode, id).toBe(400);
      expect(r.json().error.fields).toEqual({ accountManagerId: 'must be an active staff member of this organisation' });
    }
    const created = await agent.post('/api/v1/clients', { name: 'Refused', accountManagerId: elsewhere.id });
    expect(created.statusCode).toBe(400);
    expect(created.json().error.fields).toHaveProperty('accountManagerId');
    expect((await agent.get(`/api/v1/clients/${c.id}`)).json()).toMatchObject({ accountManagerId: null, version: 3 });
  });

  it('refuses anonymous callers', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/v1/clients' });
    expect(r.statusCode).toBe(401);
  });
});
