import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, createUser, signIn, type Agent, type TestApp } from '../../../test/support/test-app';

describe('board views', () => {
  let t: TestApp;
  let dispatcher: Agent;
  let technician: Agent;
  let otherTenant: Agent;
  let clientUser: Agent;

  beforeAll(async () => {
    t = await createTestApp();
    const { tenant, owner } = await createTenant(t.ctx);
    const b = await createTenant(t.ctx);
    dispatcher = await signIn(t.app, (await createUser(t.ctx, tenant.id, 'dispatcher')).email);
    technician = await signIn(t.app, (await createUser(t.ctx, tenant.id, 'technician')).email);
    otherTenant = await signIn(t.app, b.owner.email);
    const ownerAgent = await signIn(t.app, owner.email);
    const client = await ownerAgent.post('/api/v1/clients', { name: 'Views Client' });
    clientUser = await signIn(t.app, (await createUser(t.ctx, tenant.id, 'client_user', { clientId: client.json().id })).email);
  });
  afterAll(async () => t?.close());

  it('saves, lists and deletes a view of the caller', async () => {
    const clientId = randomUUID();
    const created = await dispatcher.post('/api/v1/board/views', { name: '  P1 of Contoso ', filters: { priority: 'P1', clientId, risk: 'at_risk', sort: 'due' } });
    expect(created.statusCode).toBe(201);
    const view = created.json();
    expect(view).toMatchObject({ name: 'P1 of Contoso', filters: { priority: 'P1', clientId, risk: 'at_risk', sort: 'due' } });
    expect((await dispatcher.get('/api/v1/board/views')).json().items).toEqual([view]);
    expect((await technician.get('/api/v1/board/views')).json().items).toEqual([]);

    expect((await dispatcher.delete(`/api/v1/board/views/${view.id}`)).statusCode).toBe(204);
    expect((await dispatcher.get('/api/v1/board/views')).json().items).toEqual([]);
    expect((await dispatcher.delete(`/api/v1/board/views/${view.id}`)).statusCode).toBe(404);
  });

  it("answers 404 for another user's or another tenant's view", async () => {
    const view = (await dispatcher.post('/api/v1/board/views', { name: 'Mine', filters: { status: ['new', 'assigned'] } })).json();
    expect((await technician.delete(`/api/v1/board/views/${view.id}`)).statusCode).toBe(404);
    expect((await otherTenant.delete(`/api/v1/board/views/${view.id}`)).statusCode).toBe(404);
    expect((await dispatcher.get('/api/v1/board/views')).json().items.map((v: { id: string }) => v.id)).toContain(view.id);
  });

  it('validates the name and the filters against the ticket list filters', async () => {
    for (const body of [
      { name: '', filters: {} },
      { name: 'x'.repeat(61), filters: {} },
      { name: 'Bad status', filters: { status: 'sleeping' } },
      { name: 'Bad client', filters: { clientId: 'not-an-id' } },
      { name: 'Unknown filter', filters: { colour: 'red' } },
      { name: 'Bad sort', filters: { sort: 'colour' } },
    ]) {
      const res = await dispatcher.post('/api/v1/board/views', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    expect((await dispatcher.post('/api/v1/board/views', { name: 'x'.repeat(60) })).statusCode).toBe(201);
  });

  it('is for staff only', async () => {
    expect((await clientUser.get('/api/v1/board/views')).statusCode).toBe(403);
    expect((await clientUser.post('/api/v1/board/views', { name: 'Mine', filters: {} })).statusCode).toBe(403);
    expect((await clientUser.delete(`/api/v1/board/views/${randomUUID()}`)).statusCode).toBe(403);
  });
});
