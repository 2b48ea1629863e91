import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, createUser, type TestApp } from '../../../test/support/test-app';
import { totpCode } from '../auth/totp';
import { completeMfa, signInAs, withToken } from '../me/sign-in.test-support';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function withClient(tenantId: string) {
  return t.ctx.db.insertInto('clients').values({ tenant_id: tenantId, name: `Client ${Math.random()}` }).returning('id').executeTakeFirstOrThrow();
}

describe('GET /tenant', () => {
  it('shows the organisation with an ETag to every staff role', async () => {
    const { tenant } = await createTenant(t.ctx);
    for (const role of ['admin', 'technician', 'dispatcher', 'account_manager'] as const) {
      const agent = await signInAs(t.app, (await createUser(t.ctx, tenant.id, role)).email);
      const res = await agent.get('/api/v1/tenant');
      expect(res.statusCode, role).toBe(200);
      expect(res.headers.etag).toBe('"1"');
      expect(res.json()).toEqual({ id: tenant.id, name: tenant.name, slug: tenant.slug, mfaRequiredStaff: false, mfaRequiredClientAdmin: false, createdAt: expect.any(String), version: 1 });
    }
  });

  it('is not for client users (403)', async () => {
    const { tenant } = await createTenant(t.ctx);
    const client = await withClient(tenant.id);
    for (const role of ['client_admin', 'client_user'] as const) {
      const agent = await signInAs(t.app, (await createUser(t.ctx, tenant.id, role, { clientId: client.id })).email);
      expect((await agent.get('/api/v1/tenant')).statusCode, role).toBe(403);
    }
  });
});

describe('PATCH /tenant', () => {
  it('changes the settings, bumps the version and audits the change', async () => {
    const { owner, tenant } = await createTenant(t.ctx);
    const agent = await signInAs(t.app, owner.email);
    const res = await agent.patch('/api/v1/tenant', { name: '  Northwind IT  ', mfaRequiredClientAdmin: true }, { 'if-match': '"1"' });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.json()).toMatchObject({ name: 'Northwind IT', mfaRequiredStaff: false, mfaRequiredClientAdmin: true, version: 2 });
    const row = await t.ctx.db.selectFrom('audit_log').selectAll().where('tenant_id', '=', tenant.id).where('action', '=', 'tenant.updated').executeTakeFirstOrThrow();
    expect(row.actor_user_id).toBe(owner.id);
    expect(row.details).toEqual({ changes: { name: { from: tenant.name, to: 'Northwind IT' }, mfaRequiredClientAdmin: { from: false, to: true } } });
  });

  it('answers 412 for a stale or malformed If-Match, and writes without one', async () => {
    const { owner } = await createTenant(t.ctx);
    const agent = await signInAs(t.app, owner.email);
    expect((await agent.patch('/api/v1/tenant', { name: 'First change' })).statusCode).toBe(200);
    const stale = await agent.patch('/api/v1/tenant', { name: 'Second change' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.code).toBe('precondition_failed');
    expect((await agent.patch('/api/v1/tenant', { name: 'Second change' }, { 'if-match': 'yesterday' })).statusCode).toBe(412);
    expect((await agent.get('/api/v1/tenant')).json().name).toBe('First change');
    expect((await agent.patch('/api/v1/tenant', { name: 'Second change' }, { 'if-match': '"2"' })).statusCode).toBe(200);
  });

  it('refuses unknown fields and bad values', async () => {
    const { owner } = await createTenant(t.ctx);
    const agent = await signInAs(t.app, owner.email);
    const unknown = await agent.patch('/api/v1/tenant', { slug: 'mine' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual({ slug: 'is not a known field' });
    const bad = await agent.patch('/api/v1/tenant', { name: 'x', mfaRequiredStaff: 'yes' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['mfaRequiredStaff', 'name']);
  });

  it('is for owners and admins only', async () => {
    const { tenant } = await createTenant(t.ctx);
    const admin = await signInAs(t.app, (await createUser(t.ctx, tenant.id, 'admin')).email);
    expect((await admin.patch('/api/v1/tenant', { name: 'By the admin' })).statusCode).toBe(200);
    const client = await withClient(tenant.id);
    for (const u of [await createUser(t.ctx, tenant.id, 'technician'), await createUser(t.ctx, tenant.id, 'dispatcher'), await createUser(t.ctx, tenant.id, 'client_admin', { clientId: client.id })]) {
      expect((await (await signInAs(t.app, u.email)).patch('/api/v1/tenant', { name: 'Nope' })).statusCode, u.role).toBe(403);
    }
    const owner = (await t.ctx.db.selectFrom('users').select('email').where('tenant_id', '=', tenant.id).where('role', '=', 'owner').executeTakeFirstOrThrow()).email;
    const agent = await signInAs(t.app, owner);
    const readToken = (await agent.post('/api/v1/api-tokens', { name: 'r', scopes: ['read'] })).json().token;
    const writeToken = (await agent.post('/api/v1/api-tokens', { name: 'w', scopes: ['write'] })).json().token;
    expect((await withToken(t.app, readToken, 'PATCH', '/api/v1/tenant', { name: 'Token rename' })).statusCode).toBe(403);
    expect((await withToken(t.app, writeToken, 'PATCH', '/api/v1/tenant', { name: 'Token rename' })).statusCode).toBe(200);
  });

  it('only ever changes the caller’s own tenant', async () => {
    const x = await createTenant(t.ctx);
    const y = await createTenant(t.ctx);
    const agent = await signInAs(t.app, x.owner.email);
    expect((await agent.patch('/api/v1/tenant', { name: 'X renamed' })).json().id).toBe(x.tenant.id);
    const yRow = await t.ctx.db.selectFrom('tenants').selectAll().where('id', '=', y.tenant.id).executeTakeFirstOrThrow();
    expect(yRow.name).toBe(y.tenant.name);
    expect(yRow.version).toBe(1);
  });
});

describe('requiring MFA for staff, end to end', () => {
  it('holds a staff member without MFA at enrolment, then requires the second step at sign-in', async () => {
    const { owner, tenant } = await createTenant(t.ctx);
    const tech = await createUser(t.ctx, tenant.id, 'technician');
    const client = await withClient(tenant.id);
    const clientUser = await createUser(t.ctx, tenant.id, 'client_user', { clientId: client.id });
    const ownerAgent = await signInAs(t.app, owner.email);
    let techAgent = await signInAs(t.app, tech.email);
    const clientAgent = await signInAs(t.app, clientUser.email);
    expect((await techAgent.get('/api/v1/tenant')).statusCode).toBe(200);

    expect((await ownerAgent.patch('/api/v1/tenant', { mfaRequiredStaff: true })).statusCode).toBe(200);

    // Ordinary routes are closed until the technician enrols...
    const held = await techAgent.get('/api/v1/tenant');
    expect(held.statusCode).toBe(401);
    expect(held.json().error.code).toBe('mfa_required');
    // ...but the session, /me and the enrolment routes stay open.
    expect((await techAgent.get('/api/v1/session')).json()).toMatchObject({ mfaEnrolmentRequired: true, user: { id: tech.id } });
    expect((await techAgent.get('/api/v1/me')).statusCode).toBe(200);
    // Client users are not staff: the setting does not hold them.
    expect((await clientAgent.get('/api/v1/me')).statusCode).toBe(200);
    expect((await clientAgent.get('/api/v1/session')).json().mfaEnrolmentRequired).toBe(false);

    const start = await techAgent.post('/api/v1/me/mfa/enrolment');
    expect(start.statusCode).toBe(200);
    const secret: string = start.json().secret;
    const confirm = await techAgent.post('/api/v1/me/mfa/enrolment/confirm', { code: await totpCode(secret, new Date()) });
    expect(confirm.statusCode).toBe(200);
    const recoveryCodes: string[] = confirm.json().recoveryCodes;
    expect((await techAgent.get('/api/v1/tenant')).statusCode).toBe(200);
    expect((await techAgent.post('/api/v1/me/mfa/disable', { password: 'correct-horse-battery' })).statusCode).toBe(409);

    expect((await techAgent.post('/api/v1/auth/sign-out')).statusCode).toBe(204);
    techAgent = await signInAs(t.app, tech.email);
    expect((await techAgent.get('/api/v1/session')).json()).toMatchObject({ mfaPending: true, user: null });
    expect((await techAgent.get('/api/v1/tenant')).statusCode).toBe(401);
    const viaTotp = await completeMfa(t.app, techAgent, await totpCode(secret, new Date()));
    expect(viaTotp.res.statusCode).toBe(200);
    expect((await viaTotp.agent!.get('/api/v1/tenant')).statusCode).toBe(200);
    expect((await techAgent.get('/api/v1/tenant')).statusCode).toBe(401); // the half-signed-in session was rotated away

    const code = recoveryCodes[0]!;
    const viaRecovery = await completeMfa(t.app, await signInAs(t.app, tech.email), code);
    expect(viaRecovery.res.statusCode).toBe(200);
    expect((await viaRecovery.agent!.get('/api/v1/tenant')).statusCode).toBe(200);
    const again = await completeMfa(t.app, await signInAs(t.app, tech.email), code);
    expect(again.res.statusCode).toBe(400);
    expect(again.res.json().error.fields).toHaveProperty('code');
  });
});
