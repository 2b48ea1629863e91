import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, createUser, signIn, type TestApp } from '../../../test/support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function owner() {
  const { owner, tenant } = await createTenant(t.ctx);
  return { agent: await signIn(t.app, owner.email), tenant };
}
const strip = ({ version: _v, updatedAt: _u, ...doc }: Record<string, unknown>) => doc;

describe('priority matrix', () => {
  it('reads the seeded matrix (staff and client users), edits a cell with If-Match, and looks up', async () => {
    const { agent, tenant } = await owner();
    const got = await agent.get('/api/v1/priority-matrix');
    expect(got.statusCode).toBe(200);
    expect(got.headers.etag).toBe('"1"');
    const doc = strip(got.json()) as { cells: Record<string, Record<string, string>> };
    expect((await agent.post('/api/v1/priority-matrix/lookup', { urgency: 'medium', impact: 'organisation' })).json()).toEqual({ priority: 'P2', name: 'High', colour: '#f57c00' });

    doc.cells.medium!.organisation = 'P1';
    const put = await agent.request('/api/v1/priority-matrix', { method: 'PUT', body: doc, headers: { 'if-match': '"1"' } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().version).toBe(2);
    expect((await agent.post('/api/v1/priority-matrix/lookup', { urgency: 'medium', impact: 'organisation' })).json().priority).toBe('P1');
    const stale = await agent.request('/api/v1/priority-matrix', { method: 'PUT', body: doc, headers: { 'if-match': '"1"' } });
    expect(stale.statusCode).toBe(412);

    const { client } = { client: (await agent.post('/api/v1/clients', { name: 'Contoso' })).json() };
    const clientUser = await signIn(t.app, (await createUser(t.ctx, tenant.id, 'client_user', { clientId: client.id })).email);
    expect((await clientUser.get('/api/v1/priority-matrix')).json().cells.medium.organisation).toBe('P1');
    expect((await clientUser.request('/api/v1/priority-matrix', { method: 'PUT', body: doc })).statusCode).toBe(403);
    const tech = await signIn(t.app, (await createUser(t.ctx, tenant.id, 'technician')).email);
    expect((await tech.request('/api/v1/priority-matrix', { method: 'PUT', body: doc })).statusCode).toBe(403);
  });

  it('refuses a cell naming a missing priority, naming the cell', async () => {
    const { agent } = await owner();
    const doc = strip((await agent.get('/api/v1/priority-matrix')).json()) as { cells: Record<string, Record<string, string>> };
    doc.cells.high!.team = 'P9';
    const r = await agent.request('/api/v1/priority-matrix', { method: 'PUT', body: doc });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ code: 'validation_failed', fields: { 'cells.high.team': expect.stringMatching(/P9/) } });
    const unknown = await agent.post('/api/v1/priority-matrix/lookup', { urgency: 'dire', impact: 'team' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields.urgency).toMatch(/critical/);
  });

  it('keeps tenants apart', async () => {
    const a = await owner();
    const b = await owner();
    const doc = strip((await a.agent.get('/api/v1/priority-matrix')).json()) as { priorities: { name: string }[] };
    doc.priorities[0]!.name = 'Sev 1';
    expect((await a.agent.request('/api/v1/priority-matrix', { method: 'PUT', body: doc })).statusCode).toBe(200);
    expect((await b.agent.get('/api/v1/priority-matrix')).json().priorities[0].name).toBe('Critical');
  });
});
