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
  return { agent, tenant, client, contacts: `/api/v1/clients/${client.id}/contacts` };
}

async function addContact(agent: Agent, url: string, body: Record<string, unknown>) {
  const r = await agent.post(url, body);
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
}

describe('contacts', () => {
  it('creates a contact with roles, normalising the e-mail address', async () => {
    const { agent, contacts } = await setup();
    const c = await addContact(agent, contacts, { name: 'Ada Lovelace', email: ' Ada@Contoso.TEST ', phone: '+49 30 1234', roles: ['primary', 'billing', 'primary'] });
    expect(c).toMatchObject({ name: 'Ada Lovelace', email: 'ada@contoso.test', phone: '+49 30 1234', roles: ['primary', 'billing'], userId: null, version: 1 });
    const got = await agent.get(`${contacts}/${c.id}`);
    expect(got.headers.etag).toBe('"1"');
    expect(got.json()).toEqual(c);
  });

  it('refuses a bad e-mail address, an unknown role and unknown fields, naming them', async () => {
    const { agent, contacts } = await setup();
    const r = await agent.post(contacts, { name: 'X', email: 'not-an-address', roles: ['boss'], age: 3 });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields).toMatchObject({ email: expect.any(String), age: 'is not a known field' });
    const role = await agent.post(contacts, { name: 'X', email: 'x@contoso.test', roles: ['boss'] });
    expect(Object.keys(role.json().error.fields)[0]).toMatch(/^roles/);
  });

  it('refuses a second contact with the same address in the same client, not in another', async () => {
    const { agent, contacts } = await setup();
    await addContact(agent, contacts, { name: 'A', email: 'same@contoso.test', roles: [] });
    const dup = await agent.post(contacts, { name: 'B', email: 'SAME@contoso.test', roles: [] });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.fields).toHaveProperty('email');
    const other = (await agent.post('/api/v1/clients', { name: 'Other' })).json();
    expect((await agent.post(`/api/v1/clients/${other.id}/contacts`, { name: 'B', email: 'same@contoso.test', roles: [] })).statusCode).toBe(201);
    const b = await addContact(agent, contacts, { name: 'B', email: 'b@contoso.test', roles: [] });
    expect((await agent.patch(`${contacts}/${b.id}`, { email: 'same@contoso.test' })).statusCode).toBe(409);
  });

  it('updates with If-Match, lists by name and deletes', async () => {
    const { agent, contacts } = await setup();
    const c = await addContact(agent, contacts, { name: 'Zed', email: 'zed@contoso.test', roles: ['technical'] });
    await addContact(agent, contacts, { name: 'amy', email: 'amy@contoso.test', roles: [] });
    const ok = await agent.patch(`${contacts}/${c.id}`, { roles: ['approver'], phone: '555' }, { 'if-match': '"1"' });
    expect(ok.json()).toMatchObject({ roles: ['approver'], phone: '555', version: 2 });
    expect((await agent.patch(`${contacts}/${c.id}`, { name: 'Stale' }, { 'if-match': '"1"' })).statusCode).toBe(412);
    expect((await agent.get(contacts)).json().items.map((i: { name: string }) => i.name)).toEqual(['amy', 'Zed']);
    expect((await agent.delete(`${contacts}/${c.id}`)).statusCode).toBe(204);
    expect((await agent.get(`${contacts}/${c.id}`)).statusCode).toBe(404);
  });

  it('keeps the user account when its contact is deleted', async () => {
    const { agent, tenant, client, contacts } = await setup();
    const user = await createUser(t.ctx, tenant.id, 'client_user', { clientId: client.id, email: 'kept@contoso.test' });
    const c = await addContact(agent, contacts, { name: 'Kept', email: 'kept@contoso.test', roles: [] });
    await t.ctx.db.updateTable('contacts').set({ user_id: user.id }).where('id', '=', c.id).execute();
    expect((await agent.delete(`${contacts}/${c.id}`)).statusCode).toBe(204);
    const signedIn = await signIn(t.app, user.email);
    expect((await signedIn.get(`/api/v1/clients/${client.id}`)).statusCode).toBe(200);
  });

  it('lets a client admin manage its own contacts, a client user only read, and hides other clients', async () => {
    const { agent, tenant, client, contacts } = await setup();
    const other = (await agent.post('/api/v1/clients', { name: 'Other' })).json();
    const theirs = await addContact(agent, `/api/v1/clients/${other.id}/contacts`, { name: 'Theirs', email: 't@other.test', roles: [] });

    const admin = await signIn(t.app, (await createUser(t.ctx, tenant.id, 'client_admin', { clientId: client.id })).email);
    const mine = await addContact(admin, contacts, { name: 'Mine', email: 'mine@contoso.test', roles: ['technical'] });
    expect((await admin.patch(`${contacts}/${mine.id}`, { phone: '1' })).statusCode).toBe(200);
    expect((await admin.get(`/api/v1/clients/${other.id}/contacts`)).statusCode).toBe(404);
    expect((await admin.get(`/api/v1/clients/${other.id}/contacts/${theirs.id}`)).statusCode).toBe(404);
    expect((await admin.post(`/api/v1/clients/${other.id}/contacts`, { name: 'X', email: 'x@x.test', roles: [] })).statusCode).toBe(404);
    expect((await admin.delete(`/api/v1/clients/${other.id}/contacts/${theirs.id}`)).statusCode).toBe(404);

    const user = await signIn(t.app, (await createUser(t.ctx, tenant.id, 'client_user', { clientId: client.id })).email);
    expect((await user.get(contacts)).json().items.map((i: { name: string }) => i.name)).toEqual(['Mine']);
    expect((await user.post(contacts, { name: 'X', email: 'x@contoso.test', roles: [] })).statusCode).toBe(403);
    expect((await user.delete(`${contacts}/${mine.id}`)).statusCode).toBe(403);
    expect((await user.get(`/api/v1/clients/${other.id}/contacts/${theirs.id}`)).statusCode).toBe(404);

    const tech = await signIn(t.app, (await createUser(t.ctx, tenant.id, 'technician')).email);
    expect((await tech.get(contacts)).statusCode).toBe(200);
    expect((await tech.post(contacts, { name: 'X', email: 'x@contoso.test', roles: [] })).statusCode).toBe(403);

    const stranger = await signIn(t.app, (await createTenant(t.ctx)).owner.email);
    expect((await stranger.get(`${contacts}/${mine.id}`)).statusCode).toBe(404);
    expect((await stranger.patch(`${contacts}/${mine.id}`, { phone: '2' })).statusCode).toBe(404);
  });
});
