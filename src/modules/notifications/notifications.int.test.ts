import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createUser, signIn, type Agent, type TestApp, createTestApp } from '../../../test/support/test-app';
import { insertNotificationOnce } from './notifications.repository';

let t: TestApp;
let tenantId: string;
let alice: Agent;
let aliceId: string;
let bob: Agent;
let bobId: string;
let other: Agent;

let seq = 0;
async function notify(userId: string, tenant = tenantId, createdAt = new Date(Date.UTC(2026, 10, 1, 9, 0, seq))) {
  seq++;
  const id = await insertNotificationOnce(t.ctx.db, {
    tenantId: tenant,
    userId,
    ticketId: null,
    kind: 'clock_warning',
    clock: 'resolution',
    percent: 75,
    title: `Warning ${seq}`,
    body: 'Body',
    dedupeKey: `test:${seq}:${userId}`,
    createdAt,
  });
  return id!;
}

beforeAll(async () => {
  t = await createTestApp();
  const a = await createTenant(t.ctx);
  tenantId = a.tenant.id;
  const u1 = await createUser(t.ctx, tenantId, 'dispatcher');
  const u2 = await createUser(t.ctx, tenantId, 'technician');
  aliceId = u1.id;
  bobId = u2.id;
  alice = await signIn(t.app, u1.email);
  bob = await signIn(t.app, u2.email);
  const b = await createTenant(t.ctx);
  other = await signIn(t.app, b.owner.email);
});
afterAll(() => t.close());

describe('notifications', () => {
  it('lists the caller’s own notifications newest first, with cursor paging and the unread filter', async () => {
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await notify(aliceId));
    await notify(bobId);
    const page1 = await alice.get('/api/v1/notifications?limit=2');
    expect(page1.statusCode).toBe(200);
    const p1 = page1.json();
    expect(p1.items.map((n: { id: string }) => n.id)).toEqual([ids[4], ids[3]]);
    expect(p1.items[0]).toMatchObject({ kind: 'clock_warning', clock: 'resolution', percent: 75, title: 'Warning 5', ticket: null, ticketId: null, readAt: null });
    const p2 = (await alice.get(`/api/v1/notifications?limit=2&cursor=${p1.nextCursor}`)).json();
    expect(p2.items.map((n: { id: string }) => n.id)).toEqual([ids[2], ids[1]]);
    const p3 = (await alice.get(`/api/v1/notifications?limit=2&cursor=${p2.nextCursor}`)).json();
    expect(p3.items.map((n: { id: string }) => n.id)).toEqual([ids[0]]);
    expect(p3.nextCursor).toBeNull();

    expect((await alice.get('/api/v1/notifications/unread-count')).json()).toEqual({ count: 5 });
    const read = await alice.post(`/api/v1/notifications/${ids[1]}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    // Reading again keeps the first instant.
    expect((await alice.post(`/api/v1/notifications/${ids[1]}/read`)).json().readAt).toBe(read.json().readAt);
    expect((await alice.get('/api/v1/notifications/unread-count')).json()).toEqual({ count: 4 });
    const unread = (await alice.get('/api/v1/notifications?unread=true&limit=100')).json();
    expect(unread.items.map((n: { id: string }) => n.id)).toEqual([ids[4], ids[3], ids[2], ids[0]]);

    expect((await alice.post('/api/v1/notifications/read-all')).json()).toEqual({ updated: 4 });
    expect((await alice.get('/api/v1/notifications/unread-count')).json()).toEqual({ count: 0 });
    // Bob's notification is untouched.
    expect((await bob.get('/api/v1/notifications/unread-count')).json()).toEqual({ count: 1 });
  });

  it('answers 404 for another user’s or another tenant’s notification, and hides them in lists', async () => {
    const bobs = await notify(bobId);
    for (const agent of [alice, other]) {
      const res = await agent.post(`/api/v1/notifications/${bobs}/read`);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('not_found');
      const items = (await agent.get('/api/v1/notifications?limit=100')).json().items as Array<{ id: string }>;
      expect(items.map((n) => n.id)).not.toContain(bobs);
    }
    expect((await other.get('/api/v1/notifications')).json()).toEqual({ items: [], nextCursor: null });
    const mine = await bob.post(`/api/v1/notifications/${bobs}/read`);
    expect(mine.statusCode).toBe(200);
    expect((await alice.post('/api/v1/notifications/not-a-uuid/read')).statusCode).toBe(400);
    expect((await alice.get('/api/v1/notifications?cursor=garbage')).statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/v1/notifications' })).statusCode).toBe(401);
  });

  it('lets a read-only token read but not mark its maker’s notifications', async () => {
    const owner = await signIn(t.app, (await createUser(t.ctx, tenantId, 'admin')).email);
    const me = (await owner.get('/api/v1/me')).json().id as string;
    const n = await notify(me);
    const token = (await owner.post('/api/v1/api-tokens', { name: 'bell', scopes: ['read'] })).json().token as string;
    const headers = { authorization: `Bearer ${token}` };
    const list = await t.app.inject({ url: '/api/v1/notifications', headers });
    expect(list.json().items.map((x: { id: string }) => x.id)).toEqual([n]);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/notifications/${n}/read`, headers, payload: {} })).statusCode).toBe(403);
  });

  it('keeps one row per dedupe key', async () => {
    const first = await insertNotificationOnce(t.ctx.db, { tenantId, userId: aliceId, ticketId: null, kind: 'clock_breach', clock: 'resolution', percent: 100, title: 'Breach', body: '', dedupeKey: 'same-key' });
    const second = await insertNotificationOnce(t.ctx.db, { tenantId, userId: aliceId, ticketId: null, kind: 'clock_breach', clock: 'resolution', percent: 100, title: 'Breach', body: '', dedupeKey: 'same-key' });
    expect(first).not.toBeNull();
    expect(second).toBeNull();
  });
});
