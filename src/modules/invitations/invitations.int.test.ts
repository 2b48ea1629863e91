import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, createUser, agentFrom, signIn, TEST_PASSWORD, type TestApp } from '../../../test/support/test-app';
import { createInvitation } from './invitations.service';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const NEW_PASSWORD = 'violet-harbour-lantern';

async function setup() {
  const { owner, tenant } = await createTenant(t.ctx, `Northwind ${Math.random().toString(36).slice(2, 7)}`);
  const agent = await signIn(t.app, owner.email);
  const a = (await agent.post('/api/v1/clients', { name: 'Client A' })).json();
  const b = (await agent.post('/api/v1/clients', { name: 'Client B' })).json();
  const email = `ada-${Math.random().toString(36).slice(2, 9)}@client-a.test`;
  const contact = (await agent.post(`/api/v1/clients/${a.id}/contacts`, { name: 'Ada', email, roles: ['primary'] })).json();
  return { agent, tenant, owner, a, b, contact, invite: `/api/v1/clients/${a.id}/contacts/${contact.id}/invite` };
}

const tokenOf = (url: string) => url.split('/invite/')[1]!;

describe('contact invitations', () => {
  it('invites, e-mails the link, shows the invitation, and signs the new client user in to their own company only', async () => {
    const { agent, tenant, a, b, contact, invite } = await setup();
    const r = await agent.post(invite, { role: 'client_user' });
    expect(r.statusCode, r.body).toBe(201);
    const body = r.json();
    expect(body.invitation).toMatchObject({ email: contact.email, role: 'client_user' });
    expect(new Date(body.invitation.expiresAt).getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    expect(body.inviteUrl).toMatch(new RegExp(`^${t.ctx.config.publicUrl}/invite/[A-Za-z0-9_-]{20,}$`));

    const mail = await t.ctx.db.selectFrom('outbox_emails').selectAll().where('tenant_id', '=', tenant.id).where('to_address', '=', contact.email).execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]!.body_text).toContain(body.inviteUrl);
    expect(mail[0]!.sent_at).toBeNull();
    // only a hash of the token is stored
    const stored = await t.ctx.db.selectFrom('invitations').select('token_hash').where('tenant_id', '=', tenant.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(tokenOf(body.inviteUrl));

    const token = tokenOf(body.inviteUrl);
    const info = await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${token}` });
    expect(info.statusCode).toBe(200);
    expect(info.json()).toEqual({ email: contact.email, name: 'Ada', role: 'client_user', organisation: tenant.name, clientName: 'Client A', expired: false });

    const accepted = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, payload: { name: 'Ada Lovelace', password: NEW_PASSWORD } });
    expect(accepted.statusCode, accepted.body).toBe(201);
    const cookie = accepted.cookies.find((c) => c.name === 'sp_session')!;
    const ada = agentFrom(t.app, `sp_session=${cookie.value}`, accepted.json().csrfToken);
    const session = (await ada.get('/api/v1/session')).json();
    expect(session.user).toMatchObject({ email: contact.email, name: 'Ada Lovelace', role: 'client_user', clientId: a.id });
    expect((await ada.get('/api/v1/clients')).json().items.map((c: { id: string }) => c.id)).toEqual([a.id]);
    expect((await ada.get(`/api/v1/clients/${b.id}`)).statusCode).toBe(404);
    expect((await agent.get(`/api/v1/clients/${a.id}/contacts/${contact.id}`)).json().userId).toBe(session.user.id);
    // and the password works for a normal sign-in
    await signIn(t.app, contact.email, NEW_PASSWORD);

    const again = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, payload: { name: 'Mallory', password: NEW_PASSWORD } });
    expect(again.statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${token}` })).statusCode).toBe(404);
    // the contact now has an account: a new invitation is refused
    expect((await agent.post(invite, { role: 'client_admin' })).statusCode).toBe(409);
  });

  it('refuses an expired invitation but still describes it', async () => {
    const { agent, invite } = await setup();
    const { inviteUrl } = (await agent.post(invite, { role: 'client_admin' })).json();
    const token = tokenOf(inviteUrl);
    t.setNow(new Date(Date.now() + 8 * 86_400_000));
    try {
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${token}` })).json().expired).toBe(true);
      const r = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, payload: { name: 'Ada', password: NEW_PASSWORD } });
      expect(r.statusCode).toBe(409);
      expect(r.cookies.find((c) => c.name === 'sp_session')).toBeUndefined();
    } finally {
      t.setNow(null);
    }
  });

  it('refuses a weak password naming the field, and an unknown token', async () => {
    const { agent, invite } = await setup();
    const { inviteUrl } = (await agent.post(invite, { role: 'client_user' })).json();
    const weak = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${tokenOf(inviteUrl)}/accept`, payload: { name: 'Ada', password: 'short' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields).toHaveProperty('password');
    // the invitation is still usable after a refused password
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${tokenOf(inviteUrl)}` })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/invitations/no-such-token-at-all' })).statusCode).toBe(404);
  });

  it('refuses to invite an address that already has an account anywhere', async () => {
    const { agent, a } = await setup();
    const other = await createTenant(t.ctx);
    const c = (await agent.post(`/api/v1/clients/${a.id}/contacts`, { name: 'Olive', email: other.owner.email, roles: [] })).json();
    const r = await agent.post(`/api/v1/clients/${a.id}/contacts/${c.id}/invite`, { role: 'client_user' });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('conflict');
  });

  it('a newer invitation replaces the older link', async () => {
    const { agent, invite } = await setup();
    const first = tokenOf((await agent.post(invite, { role: 'client_user' })).json().inviteUrl);
    const second = tokenOf((await agent.post(invite, { role: 'client_admin' })).json().inviteUrl);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${first}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${second}` })).json().role).toBe('client_admin');
  });

  it('lets a client admin invite its own contacts only; client users and technicians cannot invite', async () => {
    const { agent, tenant, a, b, invite } = await setup();
    const theirs = (await agent.post(`/api/v1/clients/${b.id}/contacts`, { name: 'Bo', email: `bo-${Date.now()}@b.test`, roles: [] })).json();
    const admin = await signIn(t.app, (await createUser(t.ctx, tenant.id, 'client_admin', { clientId: a.id })).email);
    expect((await admin.post(invite, { role: 'client_user' })).statusCode).toBe(201);
    expect((await admin.post(`/api/v1/clients/${b.id}/contacts/${theirs.id}/invite`, { role: 'client_user' })).statusCode).toBe(404);
    const user = await signIn(t.app, (await createUser(t.ctx, tenant.id, 'client_user', { clientId: a.id })).email);
    expect((await user.post(invite, { role: 'client_user' })).statusCode).toBe(403);
    const tech = await signIn(t.app, (await createUser(t.ctx, tenant.id, 'technician')).email);
    expect((await tech.post(invite, { role: 'client_user' })).statusCode).toBe(403);
    expect((await agent.post(invite, { role: 'owner' })).statusCode).toBe(400);
  });

  it('creates staff invitations through the service, without a client', async () => {
    const { tenant, owner } = await setup();
    const actor = { kind: 'staff', tenantId: tenant.id, userId: owner.id, role: 'owner', name: owner.name, email: owner.email, via: 'session', scopes: null, ip: null } as const;
    const email = `tech-${Date.now()}@northwind.test`;
    const { inviteUrl, invitation } = await createInvitation(t.ctx, actor, { email, name: 'Tess', role: 'technician' });
    expect(invitation.role).toBe('technician');
    const info = (await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${tokenOf(inviteUrl)}` })).json();
    expect(info).toMatchObject({ email, role: 'technician', clientName: null });
    const r = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${tokenOf(inviteUrl)}/accept`, payload: { name: 'Tess', password: NEW_PASSWORD } });
    expect(r.statusCode).toBe(201);
    await expect(createInvitation(t.ctx, actor, { email: 'x@y.test', name: 'X', role: 'client_user' })).rejects.toMatchObject({ code: 'validation_failed' });
    void TEST_PASSWORD;
  });
});
