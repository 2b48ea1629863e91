import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { createTenant, createTestApp, createUser, signIn, type Agent, type TestApp } from '../../../test/support/test-app';
import { TEST_POSTGRES_URL } from '../../../test/support/test-database';
import { publishTicketChanged, ticketChangeListenerCount } from './ticket-events-bus';

const onPostgres = process.env.SERVICEPACT_TEST_DB === 'postgres';

type Stream = { status: number; events: Array<{ event: string; data: unknown }>; raw: string; closed: Promise<void>; close(): void; waitFor(n: number, ms?: number): Promise<void> };

/** Opens GET /api/v1/board/stream over real HTTP and collects its events. */
function openStream(base: string, cookie: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${base}/api/v1/board/stream`, { headers: { cookie, accept: 'text/event-stream' } }, (res) => {
      const s: Stream = {
        status: res.statusCode ?? 0,
        events: [],
        raw: '',
        closed: new Promise((r) => res.on('close', () => r())),
        close: () => req.destroy(),
        async waitFor(n, ms = 5_000) {
          const until = Date.now() + ms;
          while (s.events.length < n && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
          if (s.events.length < n) throw new Error(`expected ${n} events, got ${s.events.length}: ${s.raw}`);
        },
      };
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk: string) => {
        s.raw += chunk;
        buffer += chunk;
        let i: number;
        while ((i = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) s.events.push({ event, data: JSON.parse(data) });
        }
      });
      resolve(s);
    });
    req.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('GET /board/stream', () => {
  let t: TestApp;
  let base: string;
  let tenantA: string;
  let tenantB: string;
  let dispatcher: Agent;
  let otherTenantOwner: Agent;
  let clientUser: Agent;

  beforeAll(async () => {
    // On PostgreSQL the app gets the database URL, as a real server does, so the LISTEN/NOTIFY bridge runs.
    t = await createTestApp(onPostgres ? { config: { ...loadConfig({ LOG_LEVEL: 'silent' }), databaseUrl: TEST_POSTGRES_URL } } : {});
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    const a = await createTenant(t.ctx);
    const b = await createTenant(t.ctx);
    tenantA = a.tenant.id;
    tenantB = b.tenant.id;
    const d = await createUser(t.ctx, tenantA, 'dispatcher');
    dispatcher = await signIn(t.app, d.email);
    otherTenantOwner = await signIn(t.app, b.owner.email);
    const client = await dispatcher.post('/api/v1/clients', { name: 'Stream Client' });
    expect(client.statusCode).toBe(201);
    const cu = await createUser(t.ctx, tenantA, 'client_user', { clientId: client.json().id });
    clientUser = await signIn(t.app, cu.email);
  });
  afterAll(async () => t?.close());

  it('sends a ticket event to staff of the tenant, and not to another tenant', async () => {
    const mine = await openStream(base, dispatcher.cookie);
    const theirs = await openStream(base, otherTenantOwner.cookie);
    expect(mine.status).toBe(200);
    expect(theirs.status).toBe(200);
    await sleep(50);
    publishTicketChanged(tenantB, '00000000-0000-4000-8000-00000000000b', 3);
    publishTicketChanged(tenantA, '00000000-0000-4000-8000-00000000000a', 7);
    await mine.waitFor(1);
    await theirs.waitFor(1);
    await sleep(100);
    expect(mine.events).toEqual([{ event: 'ticket', data: { id: '00000000-0000-4000-8000-00000000000a', version: 7 } }]);
    expect(theirs.events).toEqual([{ event: 'ticket', data: { id: '00000000-0000-4000-8000-00000000000b', version: 3 } }]);
    mine.close();
    theirs.close();
  });

  it('sends an event when a ticket is created through the API', async () => {
    const client = await dispatcher.post('/api/v1/clients', { name: `Client ${Date.now()}` });
    const stream = await openStream(base, dispatcher.cookie);
    await sleep(50);
    const created = await dispatcher.post('/api/v1/tickets', { clientId: client.json().id, subject: 'Printer on fire', description: 'Smoke' });
    expect(created.statusCode).toBe(201);
    await stream.waitFor(1);
    expect(stream.events[0]).toEqual({ event: 'ticket', data: { id: created.json().id, version: created.json().version } });
    stream.close();
  });

  it('refuses client users (403) and anonymous callers (401)', async () => {
    const s = await openStream(base, clientUser.cookie);
    expect(s.status).toBe(403);
    await s.closed;
    const anon = await openStream(base, '');
    expect(anon.status).toBe(401);
    await anon.closed;
  });

  it('stops listening when the client disconnects', async () => {
    const before = ticketChangeListenerCount(tenantA);
    const s = await openStream(base, dispatcher.cookie);
    await sleep(50);
    expect(ticketChangeListenerCount(tenantA)).toBe(before + 1);
    s.close();
    const until = Date.now() + 2_000;
    while (ticketChangeListenerCount(tenantA) !== before && Date.now() < until) await sleep(10);
    expect(ticketChangeListenerCount(tenantA)).toBe(before);
  });

  it.runIf(onPostgres)('delivers changes another server announced with pg_notify', async () => {
    const s = await openStream(base, dispatcher.cookie);
    await sleep(50);
    const other = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await other.connect();
    try {
      await other.query(`select pg_notify('ticket_changed', $1)`, [JSON.stringify({ tenantId: tenantA, id: '00000000-0000-4000-8000-0000000000cc', version: 2 })]);
      await other.query(`select pg_notify('ticket_changed', $1)`, [JSON.stringify({ tenantId: tenantB, id: '00000000-0000-4000-8000-0000000000dd', version: 2 })]);
    } finally {
      await other.end();
    }
    await s.waitFor(1);
    await sleep(100);
    expect(s.events).toEqual([{ event: 'ticket', data: { id: '00000000-0000-4000-8000-0000000000cc', version: 2 } }]);
    s.close();
  });

  it('ends open streams when the server shuts down', async () => {
    const other = await createTestApp();
    await other.app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(other.app.server.address() as AddressInfo).port}`;
    const s = await openStream(url, dispatcher.cookie);
    expect(s.status).toBe(200);
    const started = Date.now();
    await other.close();
    await s.closed;
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
