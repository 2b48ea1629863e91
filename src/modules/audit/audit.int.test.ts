import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, createUser, type TestApp } from '../../../test/support/test-app';
import { signInAs, withToken } from '../me/sign-in.test-support';
import { appendAudit } from './audit.repository';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Entry = { id: string; at: string; actor: { id: string | null; label: string }; action: string; target: { type: string; id: string | null } | null; ip: string | null; details: Record<string, unknown> };

describe('GET /audit-log', () => {
  it('shows the tenant’s entries newest first, in the presenter’s shape', async () => {
    const { owner, tenant } = await createTenant(t.ctx);
    const agent = await signInAs(t.app, owner.email);
    await agent.patch('/api/v1/tenant', { name: 'Renamed MSP' });
    const res = await agent.get('/api/v1/audit-log');
    expect(res.statusCode).toBe(200);
    const items: Entry[] = res.json().items;
    expect(items.map((i) => i.action)).toEqual(['tenant.updated', 'auth.signed_in', 'tenant.created']);
    expect(items[0]).toEqual({
      id: expect.any(String),
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      actor: { id: owner.id, label: owner.email },
      action: 'tenant.updated',
      target: { type: 'tenant', id: tenant.id },
      ip: expect.any(String),
      details: { changes: { name: { from: tenant.name, to: 'Renamed MSP' } } },
    });
    expect(items[1]!.target).toBeNull();
    expect(res.json().nextCursor).toBeNull();
  });

  it('is for owners only (403 for admins, other staff and client users)', async () => {
    const { tenant } = await createTenant(t.ctx);
    const client = await t.ctx.db.insertInto('clients').values({ tenant_id: tenant.id, name: 'Acme' }).returning('id').executeTakeFirstOrThrow();
    for (const role of ['admin', 'technician', 'dispatcher', 'account_manager', 'client_admin', 'client_user'] as const) {
      const u = await createUser(t.ctx, tenant.id, role, role.startsWith('client') ? { clientId: client.id } : {});
      const res = await (await signInAs(t.app, u.email)).get('/api/v1/audit-log');
      expect(res.statusCode, role).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit-log' })).statusCode).toBe(401);
  });

  it('filters by action prefix and by actor', async () => {
    const { owner, tenant } = await createTenant(t.ctx);
    const tech = await createUser(t.ctx, tenant.id, 'technician');
    await signInAs(t.app, tech.email);
    const agent = await signInAs(t.app, owner.email);
    await agent.patch('/api/v1/tenant', { mfaRequiredClientAdmin: true });
    const auth: Entry[] = (await agent.get('/api/v1/audit-log?action=auth.')).json().items;
    expect(auth.length).toBe(2);
    expect(auth.every((e) => e.action.startsWith('auth.'))).toBe(true);
    const byTech: Entry[] = (await agent.get(`/api/v1/audit-log?actorUserId=${tech.id}`)).json().items;
    expect(byTech.map((e) => e.action)).toEqual(['auth.signed_in']);
    expect((await agent.get('/api/v1/audit-log?action=tenant.upd')).json().items.map((e: Entry) => e.action)).toEqual(['tenant.updated']);
    // A prefix is literal: LIKE wildcards in it match nothing special.
    expect((await agent.get('/api/v1/audit-log?action=%25')).json().items).toEqual([]);
    const bad = await agent.get('/api/v1/audit-log?actorUserId=nobody');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('actorUserId');
  });

  it('pages newest first without skipping or repeating entries written in the same instant', async () => {
    const { owner, tenant } = await createTenant(t.ctx);
    await t.ctx.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 7; i++) await appendAudit(trx, { tenantId: tenant.id, actorUserId: owner.id, actorLabel: owner.email, action: `test.step_${i}` });
    });
    const agent = await signInAs(t.app, owner.email);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await agent.get(`/api/v1/audit-log?action=test.&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      seen.push(...res.json().items.map((e: Entry) => e.action));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(seen).toEqual([6, 5, 4, 3, 2, 1, 0].map((i) => `test.step_${i}`));
  });

  it('never shows another tenant’s entries', async () => {
    const x = await createTenant(t.ctx);
    const y = await createTenant(t.ctx);
    await signInAs(t.app, y.owner.email);
    const agent = await signInAs(t.app, x.owner.email);
    const items: Entry[] = (await agent.get('/api/v1/audit-log?limit=100')).json().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((e) => e.actor.id === x.owner.id)).toBe(true);
    expect((await agent.get(`/api/v1/audit-log?actorUserId=${y.owner.id}`)).json().items).toEqual([]);
  });

  it('accepts an owner’s token with audit:read, refuses one without', async () => {
    const { owner } = await createTenant(t.ctx);
    const agent = await signInAs(t.app, owner.email);
    const good = (await agent.post('/api/v1/api-tokens', { name: 'siem', scopes: ['audit:read'] })).json().token;
    const other = (await agent.post('/api/v1/api-tokens', { name: 'crm', scopes: ['clients:read'] })).json().token;
    expect((await withToken(t.app, good, 'GET', '/api/v1/audit-log')).statusCode).toBe(200);
    expect((await withToken(t.app, other, 'GET', '/api/v1/audit-log')).statusCode).toBe(403);
  });
});

describe('audit_log table', () => {
  it('refuses UPDATE and DELETE', async () => {
    const { tenant } = await createTenant(t.ctx);
    await expect(t.ctx.db.updateTable('audit_log').set({ action: 'forged' }).where('tenant_id', '=', tenant.id).execute()).rejects.toThrow(/append-only/);
    await expect(t.ctx.db.deleteFrom('audit_log').where('tenant_id', '=', tenant.id).execute()).rejects.toThrow(/append-only/);
    const rows = await t.ctx.db.selectFrom('audit_log').select('action').where('tenant_id', '=', tenant.id).execute();
    expect(rows.map((r) => r.action)).toEqual(['tenant.created']);
  });
});
