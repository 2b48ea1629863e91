import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, signIn, TEST_PASSWORD, type TestApp } from '../../../test/support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('sign-in', () => {
  it('signs in with the right password and shows who is signed in', async () => {
    const { owner, tenant } = await createTenant(t.ctx);
    const agent = await signIn(t.app, owner.email);
    const res = await agent.get('/api/v1/session');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ user: { email: owner.email, role: 'owner' }, tenant: { id: tenant.id }, mfaPending: false });
  });

  it('refuses a wrong password with the same message as an unknown account', async () => {
    const { owner } = await createTenant(t.ctx);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: owner.email, password: 'not-the-password' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: 'nobody@example.test', password: 'whatever-password' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
  });

  it('locks the account after five failures, even for the right password', async () => {
    const { owner } = await createTenant(t.ctx);
    for (let i = 0; i < 5; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: owner.email, password: `wrong-${i}-password` }, remoteAddress: `10.0.0.${i + 10}` });
      expect(r.statusCode).toBe(401);
    }
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: owner.email, password: TEST_PASSWORD } });
    expect(r.statusCode).toBe(423);
    expect(r.json().error.code).toBe('locked');
  });

  it('names the missing field and refuses unknown fields', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: 'a@b.test', extra: 1 } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields).toMatchObject({ password: expect.any(String), extra: 'is not a known field' });
  });

  it('answers malformed JSON with 400 invalid_json', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: '{"email":', headers: { 'content-type': 'application/json' } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('invalid_json');
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const { owner } = await createTenant(t.ctx);
    const agent = await signIn(t.app, owner.email);
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out-everywhere', headers: { cookie: agent.cookie }, payload: {} });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('csrf_failed');
  });

  it('signs out everywhere: every session of the user stops working', async () => {
    const { owner } = await createTenant(t.ctx);
    const a = await signIn(t.app, owner.email);
    const b = await signIn(t.app, owner.email);
    const r = await a.post('/api/v1/auth/sign-out-everywhere');
    expect(r.json()).toEqual({ revokedSessions: 2 });
    expect((await b.get('/api/v1/session')).json().user).toBeNull();
  });
});

describe('unknown routes', () => {
  it('answers JSON 404', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(r.statusCode).toBe(404);
    expect(r.json().error.code).toBe('not_found');
  });
});
