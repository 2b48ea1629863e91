import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, signIn, type TestApp } from '../../../test/support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('clients in the OpenAPI document and API tokens', () => {
  it('documents every clients, sites, contacts and invitations route with a summary', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(r.statusCode).toBe(200);
    const paths = r.json().paths as Record<string, Record<string, { summary?: string; tags?: string[] }>>;
    for (const [path, methods] of [
      ['/api/v1/clients', ['get', 'post']],
      ['/api/v1/clients/{clientId}', ['get', 'patch']],
      ['/api/v1/clients/{clientId}/sites', ['get', 'post']],
      ['/api/v1/clients/{clientId}/sites/{siteId}', ['get', 'patch', 'delete']],
      ['/api/v1/clients/{clientId}/contacts', ['get', 'post']],
      ['/api/v1/clients/{clientId}/contacts/{contactId}', ['get', 'patch', 'delete']],
      ['/api/v1/clients/{clientId}/contacts/{contactId}/invite', ['post']],
      ['/api/v1/invitations/{token}', ['get']],
      ['/api/v1/invitations/{token}/accept', ['post']],
    ] as const) {
      for (const m of methods) expect(paths[path]?.[m]?.summary, `${m} ${path}`).toBeTruthy();
    }
  });

  it('lets API tokens read clients with a read scope and write only with a write scope', async () => {
    const { owner } = await createTenant(t.ctx);
    const agent = await signIn(t.app, owner.email);
    const token = async (scopes: string[]) => {
      const r = await agent.post('/api/v1/api-tokens', { name: scopes.join(' '), scopes });
      expect(r.statusCode, r.body).toBe(201);
      return r.json().token as string;
    };
    const call = (tok: string, method: 'GET' | 'POST', url: string, payload?: object) =>
      t.app.inject({ method, url, headers: { authorization: `Bearer ${tok}` }, ...(payload ? { payload } : {}) });
    const reader = await token(['clients:read']);
    const writer = await token(['clients:write']);
    const other = await token(['audit:read']);
    expect((await call(writer, 'POST', '/api/v1/clients', { name: 'By token' })).statusCode).toBe(201);
    expect((await call(reader, 'GET', '/api/v1/clients')).json().items.map((c: { name: string }) => c.name)).toEqual(['By token']);
    expect((await call(reader, 'POST', '/api/v1/clients', { name: 'Refused' })).statusCode).toBe(403);
    expect((await call(other, 'GET', '/api/v1/clients')).statusCode).toBe(403);
  });
});
