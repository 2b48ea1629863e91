import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('operations endpoints', () => {
  it('answers /healthz', async () => {
    const r = await t.app.inject({ url: '/healthz' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ status: 'ok' });
  });

  it('reports ready with the database kind once migrations are applied', async () => {
    const r = await t.app.inject({ url: '/readyz' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ status: 'ready', database: t.ctx.dbKind });
  });

  it('exposes Prometheus metrics including request counts by route', async () => {
    await t.app.inject({ url: '/healthz' });
    const r = await t.app.inject({ url: '/metrics' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/plain');
    expect(r.body).toMatch(/servicepact_http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+/);
  });

  it('sends security headers', async () => {
    const r = await t.app.inject({ url: '/healthz' });
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['content-security-policy']).toContain("default-src 'self'");
    expect(r.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('serves an OpenAPI document that lists the API routes', async () => {
    const r = await t.app.inject({ url: '/api/openapi.json' });
    expect(r.statusCode).toBe(200);
    const doc = r.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/sign-in', '/api/v1/session']));
    const docs = await t.app.inject({ url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
  });

  it('refuses an oversized body with 413 and the shared error body', async () => {
    const big = 'x'.repeat(t.ctx.config.bodyLimitBytes + 10);
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: 'a@b.test', password: big } });
    expect(r.statusCode).toBe(413);
    expect(r.json().error.code).toBe('payload_too_large');
  });

  it('refuses a body that is not JSON with 415', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: 'email=a', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(r.statusCode).toBe(415);
    expect(r.json().error.code).toBe('unsupported_media_type');
  });
});
