import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, createUser, type TestApp } from '../../../test/support/test-app';
import { hashToken } from '../auth/secrets';
import { signInAs, withToken } from '../me/sign-in.test-support';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function ownerAgent() {
  const { owner, tenant } = await createTenant(t.ctx);
  return { owner, tenant, agent: await signInAs(t.app, owner.email) };
}

describe('POST /api-tokens', () => {
  it('shows the token once, stores only its hash, and the spt_ form authenticates', async () => {
    const { owner, tenant, agent } = await ownerAgent();
    const res = await agent.post('/api/v1/api-tokens', { name: 'RMM feed', scopes: ['read', 'clients:write'] });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.token).toMatch(/^spt_[A-Za-z0-9_-]{40,}$/);
    expect(body).toMatchObject({ name: 'RMM feed', prefix: body.token.slice(4, 12), scopes: ['read', 'clients:write'], createdBy: { id: owner.id, name: owner.name }, lastUsedAt: null, revokedAt: null });
    const row = await t.ctx.db.selectFrom('api_tokens').selectAll().where('tenant_id', '=', tenant.id).where('id', '=', body.id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(hashToken(body.token));
    expect(row.token_prefix).toHaveLength(8);
    expect(JSON.stringify(row)).not.toContain(body.token.slice(4));

    const used = await withToken(t.app, body.token, 'GET', '/api/v1/tenant');
    expect(used.statusCode).toBe(200);
    expect(used.json().id).toBe(tenant.id);
    const list = await agent.get('/api/v1/api-tokens');
    const item = list.json().items.find((i: { id: string }) => i.id === body.id);
    expect(item.lastUsedAt).not.toBeNull();
    expect(item).not.toHaveProperty('token');
    expect(JSON.stringify(list.json())).not.toContain(body.token);
    expect(Object.keys(item).sort()).toEqual(['createdAt', 'createdBy', 'id', 'lastUsedAt', 'name', 'prefix', 'revokedAt', 'scopes']);
  });

  it('refuses unknown scopes, naming scopes', async () => {
    const { agent } = await ownerAgent();
    for (const scopes of [['admin'], ['read', 'billing:read'], ['clients:delete'], [], ['users:read ']]) {
      const res = await agent.post('/api/v1/api-tokens', { name: 'x', scopes });
      expect(res.statusCode, JSON.stringify(scopes)).toBe(400);
      expect(Object.keys(res.json().error.fields)).toEqual(['scopes']);
    }
    for (const scopes of [['write'], ['users:read', 'audit:read', 'tickets:write', 'contracts:read']]) {
      expect((await agent.post('/api/v1/api-tokens', { name: 'ok', scopes })).statusCode).toBe(201);
    }
  });

  it('refuses unknown fields and a missing name', async () => {
    const { agent } = await ownerAgent();
    const extra = await agent.post('/api/v1/api-tokens', { name: 'x', scopes: ['read'], expiresAt: '2030-01-01' });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.fields).toEqual({ expiresAt: 'is not a known field' });
    const noName = await agent.post('/api/v1/api-tokens', { name: '  ', scopes: ['read'] });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error.fields).toHaveProperty('name');
  });

  it('lets admins manage tokens and refuses other staff and client users (403)', async () => {
    const { tenant } = await ownerAgent();
    const admin = await signInAs(t.app, (await createUser(t.ctx, tenant.id, 'admin')).email);
    expect((await admin.post('/api/v1/api-tokens', { name: 'a', scopes: ['read'] })).statusCode).toBe(201);
    expect((await admin.get('/api/v1/api-tokens')).statusCode).toBe(200);
    const client = await t.ctx.db.insertInto('clients').values({ tenant_id: tenant.id, name: 'Acme' }).returning('id').executeTakeFirstOrThrow();
    for (const u of [
      await createUser(t.ctx, tenant.id, 'technician'),
      await createUser(t.ctx, tenant.id, 'dispatcher'),
      await createUser(t.ctx, tenant.id, 'account_manager'),
      await createUser(t.ctx, tenant.id, 'client_admin', { clientId: client.id }),
    ]) {
      const a = await signInAs(t.app, u.email);
      expect((await a.get('/api/v1/api-tokens')).statusCode, u.role).toBe(403);
      expect((await a.post('/api/v1/api-tokens', { name: 'a', scopes: ['read'] })).statusCode, u.role).toBe(403);
    }
  });

  it('never lets an API token create a token, whatever its scopes', async () => {
    const { agent, tenant } = await ownerAgent();
    const token = (await agent.post('/api/v1/api-tokens', { name: 'all', scopes: ['write', 'users:write'] })).json().token;
    const res = await withToken(t.app, token, 'POST', '/api/v1/api-tokens', { name: 'child', scopes: ['read'] });
    expect(res.statusCode).toBe(403);
    const n = await t.ctx.db.selectFrom('api_tokens').select('id').where('tenant_id', '=', tenant.id).execute();
    expect(n).toHaveLength(1);
  });

  it('lets a token list or revoke tokens only when its scopes allow', async () => {
    const { agent } = await ownerAgent();
    const narrow = (await agent.post('/api/v1/api-tokens', { name: 'clients', scopes: ['clients:write'] })).json().token;
    const reader = (await agent.post('/api/v1/api-tokens', { name: 'reader', scopes: ['users:read'] })).json().token;
    const writer = (await agent.post('/api/v1/api-tokens', { name: 'writer', scopes: ['users:write'] })).json().token;
    const victim = (await agent.post('/api/v1/api-tokens', { name: 'victim', scopes: ['read'] })).json().id;
    expect((await withToken(t.app, narrow, 'GET', '/api/v1/api-tokens')).statusCode).toBe(403);
    expect((await withToken(t.app, reader, 'GET', '/api/v1/api-tokens')).statusCode).toBe(200);
    expect((await withToken(t.app, reader, 'DELETE', `/api/v1/api-tokens/${victim}`)).statusCode).toBe(403);
    expect((await withToken(t.app, writer, 'DELETE', `/api/v1/api-tokens/${victim}`)).statusCode).toBe(204);
  });

  it('pages the list newest first without repeats', async () => {
    const { agent } = await ownerAgent();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await agent.post('/api/v1/api-tokens', { name: `t${i}`, scopes: ['read'] })).json().id);
    const p1 = (await agent.get('/api/v1/api-tokens?limit=2')).json();
    expect(p1.items).toHaveLength(2);
    expect(p1.nextCursor).toEqual(expect.any(String));
    const p2 = (await agent.get(`/api/v1/api-tokens?limit=2&cursor=${p1.nextCursor}`)).json();
    const p3 = (await agent.get(`/api/v1/api-tokens?limit=2&cursor=${p2.nextCursor}`)).json();
    expect(p3.nextCursor).toBeNull();
    const seen = [...p1.items, ...p2.items, ...p3.items].map((i: { id: string }) => i.id);
    expect(seen).toEqual([...ids].reverse());
    expect((await agent.get('/api/v1/api-tokens?limit=0')).statusCode).toBe(400);
    expect((await agent.get('/api/v1/api-tokens?cursor=garbage')).statusCode).toBe(400);
  });
});

describe('DELETE /api-tokens/:id', () => {
  it('revokes: the token gets 401, the list shows revokedAt, revoking twice is fine, audited once', async () => {
    const { agent, tenant } = await ownerAgent();
    const created = (await agent.post('/api/v1/api-tokens', { name: 'soon gone', scopes: ['read'] })).json();
    expect((await withToken(t.app, created.token, 'GET', '/api/v1/tenant')).statusCode).toBe(200);
    expect((await agent.delete(`/api/v1/api-tokens/${created.id}`)).statusCode).toBe(204);
    const firstRevokedAt = (await agent.get('/api/v1/api-tokens')).json().items[0].revokedAt;
    expect(firstRevokedAt).not.toBeNull();
    expect((await agent.delete(`/api/v1/api-tokens/${created.id}`)).statusCode).toBe(204);
    expect((await agent.get('/api/v1/api-tokens')).json().items[0].revokedAt).toBe(firstRevokedAt);
    const res = await withToken(t.app, created.token, 'GET', '/api/v1/tenant');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'target_id']).where('tenant_id', '=', tenant.id).where('action', 'like', 'api_token.%').orderBy('id').execute();
    expect(audit).toEqual([
      { action: 'api_token.created', target_id: created.id },
      { action: 'api_token.revoked', target_id: created.id },
    ]);
  });

  it('answers 404 for unknown ids, malformed ids and other tenants’ tokens', async () => {
    const x = await ownerAgent();
    const y = await ownerAgent();
    const xToken = (await x.agent.post('/api/v1/api-tokens', { name: 'x', scopes: ['read'] })).json();
    expect((await y.agent.delete(`/api/v1/api-tokens/${xToken.id}`)).statusCode).toBe(404);
    expect((await y.agent.delete('/api/v1/api-tokens/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await y.agent.delete('/api/v1/api-tokens/not-a-uuid')).statusCode).toBe(404);
    expect((await y.agent.get('/api/v1/api-tokens')).json().items).toEqual([]);
    expect((await withToken(t.app, xToken.token, 'GET', '/api/v1/tenant')).statusCode).toBe(200);
  });

  it('stops a token working once its creator is disabled', async () => {
    const { agent, tenant } = await ownerAgent();
    const admin = await createUser(t.ctx, tenant.id, 'admin');
    const token = (await (await signInAs(t.app, admin.email)).post('/api/v1/api-tokens', { name: 'a', scopes: ['read'] })).json().token;
    expect((await withToken(t.app, token, 'GET', '/api/v1/tenant')).statusCode).toBe(200);
    await t.ctx.db.updateTable('users').set({ status: 'disabled' }).where('tenant_id', '=', tenant.id).where('id', '=', admin.id).execute();
    expect((await withToken(t.app, token, 'GET', '/api/v1/tenant')).statusCode).toBe(401);
    expect(agent).toBeTruthy();
  });
});
