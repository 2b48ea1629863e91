import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, createUser, type TestApp } from '../../../test/support/test-app';
import { totpCode } from '../auth/totp';
import { rawSignIn, signInAs, withToken } from '../me/sign-in.test-support';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const uid = () => Math.random().toString(36).slice(2, 8);

async function newClient(tenantId: string) {
  return t.ctx.db.insertInto('clients').values({ tenant_id: tenantId, name: `Client ${uid()}` }).returning('id').executeTakeFirstOrThrow();
}

/** A tenant with an owner (signed in), an admin, a technician and two clients with users. */
async function world() {
  const { owner, tenant } = await createTenant(t.ctx);
  const a = await newClient(tenant.id);
  const b = await newClient(tenant.id);
  const admin = await createUser(t.ctx, tenant.id, 'admin', { name: 'Ada Admin' });
  const tech = await createUser(t.ctx, tenant.id, 'technician', { name: 'Tom Tech' });
  const aAdmin = await createUser(t.ctx, tenant.id, 'client_admin', { clientId: a.id, name: 'Alice A-admin' });
  const aUser = await createUser(t.ctx, tenant.id, 'client_user', { clientId: a.id, name: 'Bob A-user' });
  const bUser = await createUser(t.ctx, tenant.id, 'client_user', { clientId: b.id, name: 'Carol B-user' });
  return { tenant, owner, a, b, admin, tech, aAdmin, aUser, bUser, ownerAgent: await signInAs(t.app, owner.email) };
}

type Item = { id: string; name: string; role: string; clientId: string | null };
const ids = (items: Item[]) => items.map((i) => i.id);

describe('GET /users', () => {
  it('lists everyone for owners and admins, sorted by name, with filters', async () => {
    const w = await world();
    const all: Item[] = (await w.ownerAgent.get('/api/v1/users')).json().items;
    expect(all.map((i) => i.name)).toEqual(['Ada Admin', 'Alice A-admin', 'Bob A-user', 'Carol B-user', 'Olive Owner', 'Tom Tech']);
    const admin = await signInAs(t.app, w.admin.email);
    expect(ids((await admin.get('/api/v1/users')).json().items)).toEqual(ids(all));
    expect((await w.ownerAgent.get('/api/v1/users?kind=staff')).json().items.map((i: Item) => i.name)).toEqual(['Ada Admin', 'Olive Owner', 'Tom Tech']);
    expect(ids((await w.ownerAgent.get('/api/v1/users?kind=client')).json().items)).toEqual([w.aAdmin.id, w.aUser.id, w.bUser.id]);
    expect(ids((await w.ownerAgent.get(`/api/v1/users?clientId=${w.a.id}`)).json().items)).toEqual([w.aAdmin.id, w.aUser.id]);
    expect(ids((await w.ownerAgent.get('/api/v1/users?role=technician')).json().items)).toEqual([w.tech.id]);
    expect(ids((await w.ownerAgent.get('/api/v1/users?q=carol')).json().items)).toEqual([w.bUser.id]);
    expect(ids((await w.ownerAgent.get(`/api/v1/users?q=${w.tech.email.slice(0, 15)}`)).json().items)).toEqual([w.tech.id]);
    expect((await w.ownerAgent.get('/api/v1/users?role=emperor')).statusCode).toBe(400);
    expect((await w.ownerAgent.get('/api/v1/users?kind=robots')).statusCode).toBe(400);
  });

  it('pages by name then id without repeats', async () => {
    const w = await world();
    for (let i = 0; i < 3; i++) await createUser(t.ctx, w.tenant.id, 'technician', { name: 'Same Name' });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Item[]; nextCursor: string | null } = (await w.ownerAgent.get(`/api/v1/users?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...ids(page.items));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids((await w.ownerAgent.get('/api/v1/users?limit=100')).json().items));
    expect(seen).toHaveLength(9);
  });

  it('shows a client admin only its own client’s users', async () => {
    const w = await world();
    const ca = await signInAs(t.app, w.aAdmin.email);
    expect(ids((await ca.get('/api/v1/users')).json().items)).toEqual([w.aAdmin.id, w.aUser.id]);
    expect((await ca.get('/api/v1/users?kind=staff')).json().items).toEqual([]);
    expect((await ca.get(`/api/v1/users?clientId=${w.b.id}`)).json().items).toEqual([]);
  });

  it('refuses other staff roles and client users (403)', async () => {
    const w = await world();
    for (const u of [w.tech, await createUser(t.ctx, w.tenant.id, 'dispatcher'), await createUser(t.ctx, w.tenant.id, 'account_manager'), w.aUser]) {
      const agent = await signInAs(t.app, u.email);
      expect((await agent.get('/api/v1/users')).statusCode, u.role).toBe(403);
      expect((await agent.get(`/api/v1/users/${w.owner.id}`)).statusCode, u.role).toBe(403);
    }
  });

  it('never shows another tenant’s users', async () => {
    const x = await world();
    const y = await world();
    const items: Item[] = (await y.ownerAgent.get('/api/v1/users?limit=100')).json().items;
    expect(items.some((i) => [x.owner.id, x.tech.id, x.aUser.id].includes(i.id))).toBe(false);
    expect((await y.ownerAgent.get(`/api/v1/users?clientId=${x.a.id}`)).json().items).toEqual([]);
    expect((await y.ownerAgent.get(`/api/v1/users/${x.tech.id}`)).statusCode).toBe(404);
    expect((await y.ownerAgent.patch(`/api/v1/users/${x.tech.id}`, { name: 'Hijacked' })).statusCode).toBe(404);
    expect((await y.ownerAgent.post(`/api/v1/users/${x.tech.id}/sign-out-everywhere`)).statusCode).toBe(404);
    expect((await y.ownerAgent.post(`/api/v1/users/${x.tech.id}/mfa/reset`)).statusCode).toBe(404);
  });
});

describe('GET /users/:id', () => {
  it('answers the user with an ETag, and 404 for what the caller may not see', async () => {
    const w = await world();
    const res = await w.ownerAgent.get(`/api/v1/users/${w.tech.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.json()).toMatchObject({ id: w.tech.id, role: 'technician', version: 1, mfaEnabled: false });
    expect((await w.ownerAgent.get('/api/v1/users/not-a-uuid')).statusCode).toBe(404);
    expect((await w.ownerAgent.get('/api/v1/users/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const ca = await signInAs(t.app, w.aAdmin.email);
    expect((await ca.get(`/api/v1/users/${w.aUser.id}`)).statusCode).toBe(200);
    expect((await ca.get(`/api/v1/users/${w.bUser.id}`)).statusCode).toBe(404);
    expect((await ca.get(`/api/v1/users/${w.tech.id}`)).statusCode).toBe(404);
  });
});

describe('PATCH /users/:id', () => {
  it('changes name, role and status with If-Match; stale or malformed ETags get 412', async () => {
    const w = await world();
    const ok = await w.ownerAgent.patch(`/api/v1/users/${w.tech.id}`, { name: 'Tomas Tech', role: 'dispatcher' }, { 'if-match': '"1"' });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    expect(ok.json()).toMatchObject({ name: 'Tomas Tech', role: 'dispatcher', version: 2 });
    const stale = await w.ownerAgent.patch(`/api/v1/users/${w.tech.id}`, { name: 'Late' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect((await w.ownerAgent.patch(`/api/v1/users/${w.tech.id}`, { name: 'Late' }, { 'if-match': '*' })).statusCode).toBe(412);
    expect((await w.ownerAgent.get(`/api/v1/users/${w.tech.id}`)).json().name).toBe('Tomas Tech');
    const audit = await t.ctx.db.selectFrom('audit_log').selectAll().where('tenant_id', '=', w.tenant.id).where('action', '=', 'user.updated').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toEqual({ changes: { name: { from: 'Tom Tech', to: 'Tomas Tech' }, role: { from: 'technician', to: 'dispatcher' } } });
  });

  it('refuses unknown fields and bad values', async () => {
    const w = await world();
    const unknown = await w.ownerAgent.patch(`/api/v1/users/${w.tech.id}`, { email: 'new@example.test' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual({ email: 'is not a known field' });
    const bad = await w.ownerAgent.patch(`/api/v1/users/${w.tech.id}`, { role: 'emperor', status: 'gone', name: '' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['name', 'role', 'status']);
  });

  it('lets only owners make or change owners', async () => {
    const w = await world();
    const admin = await signInAs(t.app, w.admin.email);
    expect((await admin.patch(`/api/v1/users/${w.tech.id}`, { role: 'owner' })).statusCode).toBe(403);
    expect((await admin.patch(`/api/v1/users/${w.owner.id}`, { name: 'Renamed owner' })).statusCode).toBe(403);
    expect((await admin.patch(`/api/v1/users/${w.tech.id}`, { role: 'account_manager' })).statusCode).toBe(200);
    expect((await admin.patch(`/api/v1/users/${w.admin.id}`, { name: 'Ada A.' })).statusCode).toBe(200);
    expect((await w.ownerAgent.patch(`/api/v1/users/${w.admin.id}`, { role: 'owner' })).json().role).toBe('owner');
    const techAgent = await signInAs(t.app, (await createUser(t.ctx, w.tenant.id, 'technician')).email);
    expect((await techAgent.patch(`/api/v1/users/${w.tech.id}`, { name: 'x' })).statusCode).toBe(403);
  });

  it('keeps at least one active owner (409), and allows it once another exists', async () => {
    const w = await world();
    const demote = await w.ownerAgent.patch(`/api/v1/users/${w.owner.id}`, { role: 'admin' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.code).toBe('conflict');
    expect((await w.ownerAgent.patch(`/api/v1/users/${w.owner.id}`, { status: 'disabled' })).statusCode).toBe(409);
    // A disabled second owner does not count.
    const other = await createUser(t.ctx, w.tenant.id, 'owner');
    await t.ctx.db.updateTable('users').set({ status: 'disabled' }).where('tenant_id', '=', w.tenant.id).where('id', '=', other.id).execute();
    expect((await w.ownerAgent.patch(`/api/v1/users/${w.owner.id}`, { role: 'admin' })).statusCode).toBe(409);
    expect((await w.ownerAgent.patch(`/api/v1/users/${other.id}`, { status: 'active' })).statusCode).toBe(200);
    expect((await w.ownerAgent.patch(`/api/v1/users/${w.owner.id}`, { role: 'admin' })).statusCode).toBe(200);
    expect((await w.ownerAgent.get('/api/v1/users?role=owner')).json().items.map((i: Item) => i.id)).toEqual([other.id]);
  });

  it('never turns a staff role into a client role or back (400)', async () => {
    const w = await world();
    const toClient = await w.ownerAgent.patch(`/api/v1/users/${w.tech.id}`, { role: 'client_user' });
    expect(toClient.statusCode).toBe(400);
    expect(toClient.json().error.fields).toHaveProperty('role');
    const toStaff = await w.ownerAgent.patch(`/api/v1/users/${w.aUser.id}`, { role: 'technician' });
    expect(toStaff.statusCode).toBe(400);
    expect((await w.ownerAgent.patch(`/api/v1/users/${w.aUser.id}`, { role: 'client_admin' })).statusCode).toBe(200);
  });

  it('lets a client admin manage its own client’s users only', async () => {
    const w = await world();
    const ca = await signInAs(t.app, w.aAdmin.email);
    expect((await ca.patch(`/api/v1/users/${w.aUser.id}`, { role: 'client_admin', name: 'Bob Promoted' })).statusCode).toBe(200);
    expect((await ca.patch(`/api/v1/users/${w.aUser.id}`, { role: 'owner' })).statusCode).toBe(400);
    expect((await ca.patch(`/api/v1/users/${w.bUser.id}`, { name: 'Nope' })).statusCode).toBe(404);
    expect((await ca.patch(`/api/v1/users/${w.tech.id}`, { name: 'Nope' })).statusCode).toBe(404);
    expect((await ca.post(`/api/v1/users/${w.aUser.id}/sign-out-everywhere`)).statusCode).toBe(403);
    expect((await ca.patch(`/api/v1/users/${w.aUser.id}`, { status: 'disabled' })).statusCode).toBe(200);
  });

  it('disabling a user ends their sessions and stops sign-in', async () => {
    const w = await world();
    const techAgent = await signInAs(t.app, w.tech.email);
    expect((await techAgent.get('/api/v1/me')).statusCode).toBe(200);
    expect((await w.ownerAgent.patch(`/api/v1/users/${w.tech.id}`, { status: 'disabled' })).json().status).toBe('disabled');
    const sessions = await t.ctx.db.selectFrom('sessions').select('id').where('tenant_id', '=', w.tenant.id).where('user_id', '=', w.tech.id).execute();
    expect(sessions).toEqual([]);
    expect((await techAgent.get('/api/v1/me')).statusCode).toBe(401);
    expect((await rawSignIn(t.app, w.tech.email)).statusCode).toBe(401);
  });

  it('follows the token’s scopes', async () => {
    const w = await world();
    const reader = (await w.ownerAgent.post('/api/v1/api-tokens', { name: 'r', scopes: ['users:read'] })).json().token;
    const writer = (await w.ownerAgent.post('/api/v1/api-tokens', { name: 'w', scopes: ['users:write'] })).json().token;
    const other = (await w.ownerAgent.post('/api/v1/api-tokens', { name: 'o', scopes: ['clients:write'] })).json().token;
    expect((await withToken(t.app, reader, 'GET', '/api/v1/users')).statusCode).toBe(200);
    expect((await withToken(t.app, other, 'GET', '/api/v1/users')).statusCode).toBe(403);
    expect((await withToken(t.app, reader, 'PATCH', `/api/v1/users/${w.tech.id}`, { name: 'Via token' })).statusCode).toBe(403);
    expect((await withToken(t.app, writer, 'PATCH', `/api/v1/users/${w.tech.id}`, { name: 'Via token' })).statusCode).toBe(200);
    expect((await withToken(t.app, reader, 'POST', '/api/v1/users', { email: `r-${uid()}@example.test`, name: 'R', role: 'technician' })).statusCode).toBe(403);
  });
});

describe('POST /users', () => {
  it('creates an invitation e-mailed with a link, not a user', async () => {
    const w = await world();
    const email = `New.Tech-${uid()}@Example.test`;
    const res = await w.ownerAgent.post('/api/v1/users', { email, name: 'New Tech', role: 'technician' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).not.toHaveProperty('user');
    expect(body.invitation).toEqual({ id: expect.any(String), email: email.toLowerCase(), role: 'technician', expiresAt: expect.any(String) });
    expect(body.inviteUrl).toMatch(/\/invite\/[A-Za-z0-9_-]+$/);
    expect(await t.ctx.db.selectFrom('users').select('id').where('email', '=', email.toLowerCase()).execute()).toEqual([]);
    const mail = await t.ctx.db.selectFrom('outbox_emails').selectAll().where('tenant_id', '=', w.tenant.id).where('to_address', '=', email.toLowerCase()).executeTakeFirstOrThrow();
    expect(mail.body_text).toContain(body.inviteUrl);
  });

  it('refuses an e-mail address that already has an account, in any tenant (409 naming email)', async () => {
    const w = await world();
    const elsewhere = await createTenant(t.ctx);
    for (const email of [w.tech.email, elsewhere.owner.email.toUpperCase()]) {
      const res = await w.ownerAgent.post('/api/v1/users', { email, name: 'Dup', role: 'technician' });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.fields).toHaveProperty('email');
    }
  });

  it('lets admins invite anyone but owners', async () => {
    const w = await world();
    const admin = await signInAs(t.app, w.admin.email);
    expect((await admin.post('/api/v1/users', { email: `o-${uid()}@example.test`, name: 'O', role: 'owner' })).statusCode).toBe(403);
    expect((await admin.post('/api/v1/users', { email: `a-${uid()}@example.test`, name: 'A', role: 'admin' })).statusCode).toBe(201);
    expect((await w.ownerAgent.post('/api/v1/users', { email: `o-${uid()}@example.test`, name: 'O', role: 'owner' })).statusCode).toBe(201);
    const tech = await signInAs(t.app, w.tech.email);
    expect((await tech.post('/api/v1/users', { email: `t-${uid()}@example.test`, name: 'T', role: 'technician' })).statusCode).toBe(403);
  });

  it('needs a client of the tenant for client roles, and none for staff roles', async () => {
    const w = await world();
    const other = await world();
    const post = (body: object) => w.ownerAgent.post('/api/v1/users', { email: `c-${uid()}@example.test`, name: 'C', ...body });
    expect((await post({ role: 'client_user' })).json().error.fields).toHaveProperty('clientId');
    expect((await post({ role: 'client_user', clientId: other.a.id })).json().error.fields).toHaveProperty('clientId');
    expect((await post({ role: 'client_user', clientId: 'nope' })).statusCode).toBe(400);
    expect((await post({ role: 'technician', clientId: w.a.id })).statusCode).toBe(400);
    expect((await post({ role: 'client_admin', clientId: w.a.id })).statusCode).toBe(201);
  });

  it('lets a client admin invite client users of its own client only', async () => {
    const w = await world();
    const ca = await signInAs(t.app, w.aAdmin.email);
    const own = await ca.post('/api/v1/users', { email: `cu-${uid()}@example.test`, name: 'CU', role: 'client_user' });
    expect(own.statusCode).toBe(201);
    const inv = await t.ctx.db.selectFrom('invitations').select('client_id').where('tenant_id', '=', w.tenant.id).where('id', '=', own.json().invitation.id).executeTakeFirstOrThrow();
    expect(inv.client_id).toBe(w.a.id);
    expect((await ca.post('/api/v1/users', { email: `cu-${uid()}@example.test`, name: 'CU', role: 'client_admin', clientId: w.a.id })).statusCode).toBe(201);
    expect((await ca.post('/api/v1/users', { email: `cu-${uid()}@example.test`, name: 'CU', role: 'client_user', clientId: w.b.id })).statusCode).toBe(403);
    expect((await ca.post('/api/v1/users', { email: `cu-${uid()}@example.test`, name: 'CU', role: 'technician' })).statusCode).toBe(403);
  });

  it('refuses unknown fields and a bad address', async () => {
    const w = await world();
    const res = await w.ownerAgent.post('/api/v1/users', { email: 'not-an-address', name: 'X', role: 'technician', password: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toMatchObject({ email: expect.any(String), password: 'is not a known field' });
  });
});

describe('POST /users/:id/sign-out-everywhere and /mfa/reset', () => {
  it('ends every session of the user', async () => {
    const w = await world();
    const a1 = await signInAs(t.app, w.tech.email);
    await signInAs(t.app, w.tech.email);
    const res = await w.ownerAgent.post(`/api/v1/users/${w.tech.id}/sign-out-everywhere`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ revokedSessions: 2 });
    expect((await a1.get('/api/v1/me')).statusCode).toBe(401);
    expect((await w.ownerAgent.get('/api/v1/me')).statusCode).toBe(200);
  });

  it('is for owners, and admins on non-owners', async () => {
    const w = await world();
    const admin = await signInAs(t.app, w.admin.email);
    expect((await admin.post(`/api/v1/users/${w.owner.id}/sign-out-everywhere`)).statusCode).toBe(403);
    expect((await admin.post(`/api/v1/users/${w.owner.id}/mfa/reset`)).statusCode).toBe(403);
    expect((await admin.post(`/api/v1/users/${w.tech.id}/sign-out-everywhere`)).statusCode).toBe(200);
    const tech = await signInAs(t.app, w.tech.email);
    expect((await tech.post(`/api/v1/users/${w.admin.id}/mfa/reset`)).statusCode).toBe(403);
  });

  it('resets MFA: secret, enabled mark and recovery codes go, sessions end', async () => {
    const w = await world();
    const techAgent = await signInAs(t.app, w.tech.email);
    const { secret } = (await techAgent.post('/api/v1/me/mfa/enrolment')).json();
    expect((await techAgent.post('/api/v1/me/mfa/enrolment/confirm', { code: await totpCode(secret, new Date()) })).statusCode).toBe(200);
    expect((await rawSignIn(t.app, w.tech.email)).json().mfaRequired).toBe(true);

    const res = await w.ownerAgent.post(`/api/v1/users/${w.tech.id}/mfa/reset`);
    expect(res.statusCode).toBe(200);
    expect(res.json().mfaEnabled).toBe(false);
    const row = await t.ctx.db.selectFrom('users').select(['mfa_secret', 'mfa_enabled_at']).where('tenant_id', '=', w.tenant.id).where('id', '=', w.tech.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ mfa_secret: null, mfa_enabled_at: null });
    expect(await t.ctx.db.selectFrom('mfa_recovery_codes').select('code_hash').where('tenant_id', '=', w.tenant.id).where('user_id', '=', w.tech.id).execute()).toEqual([]);
    expect((await techAgent.get('/api/v1/me')).statusCode).toBe(401);
    expect((await rawSignIn(t.app, w.tech.email)).json().mfaRequired).toBe(false);
    const actions = await t.ctx.db.selectFrom('audit_log').select('action').where('tenant_id', '=', w.tenant.id).where('target_id', '=', w.tech.id).execute();
    expect(actions.map((a) => a.action)).toContain('user.mfa_reset');
  });
});
