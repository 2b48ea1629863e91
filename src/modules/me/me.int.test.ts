import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, createUser, TEST_PASSWORD, type TestApp } from '../../../test/support/test-app';
import { totpCode } from '../auth/totp';
import { completeMfa, rawSignIn, signInAs, withToken } from './sign-in.test-support';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const NEW_PASSWORD = 'a-quite-different-secret';

async function auditActions(tenantId: string, userId: string): Promise<string[]> {
  const rows = await t.ctx.db.selectFrom('audit_log').select('action').where('tenant_id', '=', tenantId).where('actor_user_id', '=', userId).orderBy('id').execute();
  return rows.map((r) => r.action);
}

async function enrol(agent: Awaited<ReturnType<typeof signInAs>>) {
  const start = await agent.post('/api/v1/me/mfa/enrolment');
  expect(start.statusCode).toBe(200);
  const { secret } = start.json() as { secret: string };
  const confirm = await agent.post('/api/v1/me/mfa/enrolment/confirm', { code: await totpCode(secret, new Date()) });
  expect(confirm.statusCode).toBe(200);
  return { secret, recoveryCodes: confirm.json().recoveryCodes as string[] };
}

describe('GET /me', () => {
  it('shows the signed-in user', async () => {
    const { owner, tenant } = await createTenant(t.ctx);
    const agent = await signInAs(t.app, owner.email);
    const res = await agent.get('/api/v1/me');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: owner.id, email: owner.email, role: 'owner', clientId: null, status: 'active', mfaEnabled: false });
    expect(Object.keys(res.json()).sort()).toEqual(['clientId', 'createdAt', 'email', 'id', 'lastSignInAt', 'mfaEnabled', 'name', 'role', 'status']);
    expect(tenant.id).toBeTruthy();
  });

  it('answers 401 without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(res.statusCode).toBe(401);
  });
});

describe('POST /me/password', () => {
  it('changes the password, keeps this session and revokes the others', async () => {
    const { owner, tenant } = await createTenant(t.ctx);
    const current = await signInAs(t.app, owner.email);
    const other = await signInAs(t.app, owner.email);
    const res = await current.post('/api/v1/me/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(res.statusCode).toBe(204);
    expect((await current.get('/api/v1/me')).statusCode).toBe(200);
    expect((await other.get('/api/v1/me')).statusCode).toBe(401);
    expect((await rawSignIn(t.app, owner.email, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await rawSignIn(t.app, owner.email, NEW_PASSWORD)).statusCode).toBe(200);
    expect(await auditActions(tenant.id, owner.id)).toContain('user.password_changed');
  });

  it('refuses a wrong current password, naming currentPassword', async () => {
    const { owner } = await createTenant(t.ctx);
    const agent = await signInAs(t.app, owner.email);
    const res = await agent.post('/api/v1/me/password', { currentPassword: 'not-my-password', newPassword: NEW_PASSWORD });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty('currentPassword');
    expect((await rawSignIn(t.app, owner.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it.each([['short'], ['password123'], ['aaaaaaaaaaaaaa']])('refuses the weak password %s, naming newPassword', async (weak) => {
    const { owner } = await createTenant(t.ctx);
    const agent = await signInAs(t.app, owner.email);
    const res = await agent.post('/api/v1/me/password', { currentPassword: TEST_PASSWORD, newPassword: weak });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(res.json().error.fields).toHaveProperty('newPassword');
  });

  it('refuses unknown fields and missing ones', async () => {
    const { owner } = await createTenant(t.ctx);
    const agent = await signInAs(t.app, owner.email);
    const res = await agent.post('/api/v1/me/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ confirm: 'is not a known field' });
    const missing = await agent.post('/api/v1/me/password', { currentPassword: TEST_PASSWORD });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toHaveProperty('newPassword');
  });
});

describe('MFA enrolment', () => {
  it('stores a pending secret and answers the secret, URI and QR code', async () => {
    const { owner, tenant } = await createTenant(t.ctx);
    const agent = await signInAs(t.app, owner.email);
    const res = await agent.post('/api/v1/me/mfa/enrolment');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(body.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    expect(body.otpauthUri).toContain(`secret=${body.secret}`);
    expect(body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const row = await t.ctx.db.selectFrom('users').select(['mfa_secret', 'mfa_enabled_at']).where('tenant_id', '=', tenant.id).where('id', '=', owner.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ mfa_secret: body.secret, mfa_enabled_at: null });
    expect((await agent.get('/api/v1/me')).json().mfaEnabled).toBe(false);
  });

  it('confirms with a valid code only, and returns ten recovery codes once', async () => {
    const { owner, tenant } = await createTenant(t.ctx);
    const agent = await signInAs(t.app, owner.email);
    const { secret } = (await agent.post('/api/v1/me/mfa/enrolment')).json();
    const wrong = await agent.post('/api/v1/me/mfa/enrolment/confirm', { code: '000000' === (await totpCode(secret, new Date())) ? '111111' : '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toHaveProperty('code');
    expect((await agent.get('/api/v1/me')).json().mfaEnabled).toBe(false);

    const ok = await agent.post('/api/v1/me/mfa/enrolment/confirm', { code: await totpCode(secret, new Date()) });
    expect(ok.statusCode).toBe(200);
    const codes: string[] = ok.json().recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z0-9]{10}$/);
    const stored = await t.ctx.db.selectFrom('mfa_recovery_codes').select('code_hash').where('tenant_id', '=', tenant.id).where('user_id', '=', owner.id).execute();
    expect(stored).toHaveLength(10);
    expect(stored.map((s) => s.code_hash)).not.toContain(codes[0]);
    expect((await agent.get('/api/v1/me')).json().mfaEnabled).toBe(true);

    const again = await agent.post('/api/v1/me/mfa/enrolment/confirm', { code: await totpCode(secret, new Date()) });
    expect(again.statusCode).toBe(409);
    expect(await auditActions(tenant.id, owner.id)).toEqual(expect.arrayContaining(['mfa.enrolment_started', 'mfa.enabled']));
  });

  it('refuses a new enrolment while MFA is enabled (409), keeping the secret', async () => {
    const { owner } = await createTenant(t.ctx);
    const agent = await signInAs(t.app, owner.email);
    const { secret } = await enrol(agent);
    const res = await agent.post('/api/v1/me/mfa/enrolment');
    expect(res.statusCode).toBe(409);
    const row = await t.ctx.db.selectFrom('users').select('mfa_secret').where('tenant_id', '=', owner.tenant_id).where('id', '=', owner.id).executeTakeFirstOrThrow();
    expect(row.mfa_secret).toBe(secret);
  });

  it('refuses confirmation before enrolment started (409)', async () => {
    const { owner } = await createTenant(t.ctx);
    const agent = await signInAs(t.app, owner.email);
    const res = await agent.post('/api/v1/me/mfa/enrolment/confirm', { code: '123456' });
    expect(res.statusCode).toBe(409);
  });

  it('signs in with TOTP, and with a recovery code exactly once', async () => {
    const { owner } = await createTenant(t.ctx);
    const agent = await signInAs(t.app, owner.email);
    const { secret, recoveryCodes } = await enrol(agent);

    const first = await rawSignIn(t.app, owner.email);
    expect(first.json().mfaRequired).toBe(true);
    const pending = await signInAs(t.app, owner.email);
    expect((await pending.get('/api/v1/me')).statusCode).toBe(401);
    const viaTotp = await completeMfa(t.app, pending, await totpCode(secret, new Date()));
    expect(viaTotp.res.statusCode).toBe(200);
    expect((await viaTotp.agent!.get('/api/v1/me')).statusCode).toBe(200);

    const code = recoveryCodes[3]!;
    const viaRecovery = await completeMfa(t.app, await signInAs(t.app, owner.email), code);
    expect(viaRecovery.res.statusCode).toBe(200);
    const reused = await completeMfa(t.app, await signInAs(t.app, owner.email), code);
    expect(reused.res.statusCode).toBe(400);
    expect(reused.agent).toBeNull();
  });

  it('regenerates recovery codes with a valid code: the old unused ones stop working', async () => {
    const { owner } = await createTenant(t.ctx);
    const agent = await signInAs(t.app, owner.email);
    const { secret, recoveryCodes } = await enrol(agent);
    const bad = await agent.post('/api/v1/me/mfa/recovery-codes', { code: '12345x' });
    expect(bad.statusCode).toBe(400);
    const res = await agent.post('/api/v1/me/mfa/recovery-codes', { code: await totpCode(secret, new Date()) });
    expect(res.statusCode).toBe(200);
    const fresh: string[] = res.json().recoveryCodes;
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toContain(recoveryCodes[0]);
    const old = await completeMfa(t.app, await signInAs(t.app, owner.email), recoveryCodes[0]!);
    expect(old.res.statusCode).toBe(400);
    const ok = await completeMfa(t.app, await signInAs(t.app, owner.email), fresh[0]!);
    expect(ok.res.statusCode).toBe(200);
    const unused = await t.ctx.db.selectFrom('mfa_recovery_codes').select('code_hash').where('tenant_id', '=', owner.tenant_id).where('user_id', '=', owner.id).where('used_at', 'is', null).execute();
    expect(unused).toHaveLength(9);
  });

  it('refuses to regenerate codes when MFA is not enabled (409)', async () => {
    const { owner } = await createTenant(t.ctx);
    const agent = await signInAs(t.app, owner.email);
    expect((await agent.post('/api/v1/me/mfa/recovery-codes', { code: '123456' })).statusCode).toBe(409);
  });

  it('disables MFA with the password, removing secret and codes', async () => {
    const { owner, tenant } = await createTenant(t.ctx);
    const agent = await signInAs(t.app, owner.email);
    await enrol(agent);
    const wrong = await agent.post('/api/v1/me/mfa/disable', { password: 'not-the-password' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toHaveProperty('password');
    const res = await agent.post('/api/v1/me/mfa/disable', { password: TEST_PASSWORD });
    expect(res.statusCode).toBe(204);
    expect((await agent.get('/api/v1/me')).json().mfaEnabled).toBe(false);
    const row = await t.ctx.db.selectFrom('users').select(['mfa_secret', 'mfa_enabled_at']).where('tenant_id', '=', tenant.id).where('id', '=', owner.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ mfa_secret: null, mfa_enabled_at: null });
    const codes = await t.ctx.db.selectFrom('mfa_recovery_codes').select('code_hash').where('tenant_id', '=', tenant.id).where('user_id', '=', owner.id).execute();
    expect(codes).toHaveLength(0);
    expect((await rawSignIn(t.app, owner.email)).json().mfaRequired).toBe(false);
    expect(await auditActions(tenant.id, owner.id)).toContain('mfa.disabled');
  });

  it('refuses to disable MFA when the tenant requires it for the role (409)', async () => {
    const { owner, tenant } = await createTenant(t.ctx);
    const agent = await signInAs(t.app, owner.email);
    await enrol(agent);
    await t.ctx.db.updateTable('tenants').set({ mfa_required_staff: true }).where('id', '=', tenant.id).execute();
    const res = await agent.post('/api/v1/me/mfa/disable', { password: TEST_PASSWORD });
    expect(res.statusCode).toBe(409);
    expect((await agent.get('/api/v1/me')).json().mfaEnabled).toBe(true);
  });

  it('refuses a client admin when client admins must use MFA, but not a client user', async () => {
    const { tenant } = await createTenant(t.ctx);
    const client = await t.ctx.db.insertInto('clients').values({ tenant_id: tenant.id, name: `Client ${Math.random()}` }).returning('id').executeTakeFirstOrThrow();
    const ca = await createUser(t.ctx, tenant.id, 'client_admin', { clientId: client.id });
    const cu = await createUser(t.ctx, tenant.id, 'client_user', { clientId: client.id });
    const a = await signInAs(t.app, ca.email);
    const u = await signInAs(t.app, cu.email);
    await enrol(a);
    await enrol(u);
    await t.ctx.db.updateTable('tenants').set({ mfa_required_client_admin: true }).where('id', '=', tenant.id).execute();
    expect((await a.post('/api/v1/me/mfa/disable', { password: TEST_PASSWORD })).statusCode).toBe(409);
    expect((await u.post('/api/v1/me/mfa/disable', { password: TEST_PASSWORD })).statusCode).toBe(204);
  });
});

describe('API tokens on /me', () => {
  it('may read /me with a read scope but never changes credentials', async () => {
    const { owner } = await createTenant(t.ctx);
    const agent = await signInAs(t.app, owner.email);
    const created = await agent.post('/api/v1/api-tokens', { name: 'all', scopes: ['write'] });
    expect(created.statusCode).toBe(201);
    const token: string = created.json().token;
    expect((await withToken(t.app, token, 'GET', '/api/v1/me')).statusCode).toBe(200);
    const pw = await withToken(t.app, token, 'POST', '/api/v1/me/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(pw.statusCode).toBe(403);
    expect((await withToken(t.app, token, 'POST', '/api/v1/me/mfa/enrolment', {})).statusCode).toBe(403);
    expect((await withToken(t.app, token, 'POST', '/api/v1/me/mfa/disable', { password: TEST_PASSWORD })).statusCode).toBe(403);

    const clientsOnly = (await agent.post('/api/v1/api-tokens', { name: 'clients', scopes: ['clients:read'] })).json().token as string;
    expect((await withToken(t.app, clientsOnly, 'GET', '/api/v1/me')).statusCode).toBe(403);
  });
});

describe('guessing', () => {
  it('limits wrong password and code attempts per user (429)', async () => {
    const { owner } = await createTenant(t.ctx);
    const agent = await signInAs(t.app, owner.email);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await agent.post('/api/v1/me/mfa/disable', { password: `wrong-guess-${i}` })).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(statuses[10]).toBe(429);
    const res = await agent.post('/api/v1/me/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBeDefined();
  });
});
