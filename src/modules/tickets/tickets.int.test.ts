import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, createUser, signIn, type Agent, type TestApp } from '../../../test/support/test-app';

/**
 * Ticket life cycles through the API with a controlled clock. The Gold contract runs on the
 * client's business hours (Europe/London, Mon-Fri 08:00-18:00; early March is GMT = UTC).
 * 2026-03-02 is a Monday. P2 on Gold (remote): response 1 h, resolution 8 h; P1: 30 min, 4 h.
 */
let t: TestApp;
let owner: Agent;
let tenantId: string;
let clientId: string;
let bareClientId: string;

const at = (s: string) => new Date(s);
async function ok<T = Record<string, unknown>>(res: { statusCode: number; body: string; json(): unknown }, status = 200): Promise<T> {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return res.json() as T;
}
type Ticket = { id: string; version: number; status: string; priority: string; noContract: boolean; clocks: null | Record<'firstResponse' | 'resolution', { state: string; dueAt: string; completedAt: string | null; targetSeconds: number; events: { type: string; at: string; reason?: string }[] }>; targetsExplanation: string[]; reference: string };

beforeAll(async () => {
  t = await createTestApp();
  const x = await createTenant(t.ctx);
  tenantId = x.tenant.id;
  owner = await signIn(t.app, x.owner.email);
  clientId = (await ok<{ id: string }>(await owner.post('/api/v1/clients', { name: 'Acme' }), 201)).id;
  bareClientId = (await ok<{ id: string }>(await owner.post('/api/v1/clients', { name: 'No Contract Ltd' }), 201)).id;
  await ok(await owner.post(`/api/v1/clients/${clientId}/sites`, { name: 'HQ', timeZone: 'Europe/London', isMain: true }), 201);
  const gold = (await ok<{ items: { id: string }[] }>(await owner.get('/api/v1/plans?q=Gold'))).items[0]!.id;
  const contract = await ok<{ id: string }>(await owner.post('/api/v1/contracts', { clientId, name: 'Acme Gold', planId: gold, startsAt: '2026-01-01T00:00:00Z' }), 201);
  await ok(await owner.post(`/api/v1/contracts/${contract.id}/activate`));
});
afterAll(() => t?.close());

const patch = async (id: string, body: Record<string, unknown>) => ok<Ticket>(await owner.patch(`/api/v1/tickets/${id}`, body));

describe('clock life cycle under a Gold contract', () => {
  it('targets, first response, pause, resume, resolve, reopen and a re-target', async () => {
    t.setNow(at('2026-03-02T16:00:00Z'));
    const created = await ok<Ticket>(await owner.post('/api/v1/tickets', { clientId, subject: 'Printer down', description: 'Floor 2', urgency: 'high', impact: 'team' }), 201);
    expect(created.priority).toBe('P2');
    expect(created.noContract).toBe(false);
    expect(created.reference).toMatch(/^T-\d+$/);
    // Response 1 h from Mon 16:00 -> 17:00; resolution 8 h: 2 h Monday + 6 h Tuesday -> Tue 14:00.
    expect(created.clocks!.firstResponse.dueAt).toBe('2026-03-02T17:00:00.000Z');
    expect(created.clocks!.resolution.dueAt).toBe('2026-03-03T14:00:00.000Z');
    expect(created.targetsExplanation.join('\n')).toContain('Gold');

    // First public staff comment: the first response, met.
    t.setNow(at('2026-03-02T16:30:00Z'));
    await ok(await owner.post(`/api/v1/tickets/${created.id}/comments`, { body: 'Looking at it', public: false }), 201);
    let v = await ok<Ticket>(await owner.get(`/api/v1/tickets/${created.id}`));
    expect(v.clocks!.firstResponse.state).toBe('running');
    await ok(await owner.post(`/api/v1/tickets/${created.id}/comments`, { body: 'On it', public: true }), 201);
    v = await ok<Ticket>(await owner.get(`/api/v1/tickets/${created.id}`));
    expect(v.clocks!.firstResponse.state).toBe('met');
    expect(v.clocks!.firstResponse.completedAt).toBe('2026-03-02T16:30:00.000Z');

    // Waiting on client Tue 09:00 -> Wed 09:00 pauses 9 business hours: due moves to Wed 14:00.
    t.setNow(at('2026-03-03T09:00:00Z'));
    v = await patch(created.id, { status: 'waiting_on_client' });
    expect(v.clocks!.resolution.state).toBe('paused');
    t.setNow(at('2026-03-04T09:00:00Z'));
    v = await patch(created.id, { status: 'in_progress' });
    expect(v.clocks!.resolution.state).toBe('running');
    expect(v.clocks!.resolution.dueAt).toBe('2026-03-04T14:00:00.000Z');

    // Resolved Wed 10:00, before the due instant: met.
    t.setNow(at('2026-03-04T10:00:00Z'));
    v = await patch(created.id, { status: 'resolved' });
    expect(v.clocks!.resolution.state).toBe('met');

    // Reopened Thu 08:00: the gap is paused; 4 h remain -> Thu 12:00.
    t.setNow(at('2026-03-05T08:00:00Z'));
    v = await patch(created.id, { status: 'in_progress' });
    expect(v.clocks!.resolution.state).toBe('running');
    expect(v.clocks!.resolution.dueAt).toBe('2026-03-05T12:00:00.000Z');
    expect(v.clocks!.resolution.events.map((e) => `${e.type}:${e.reason ?? ''}`)).toEqual(expect.arrayContaining(['paused:resolved', 'resumed:reopened', 'paused:waiting_on_client', 'resumed:in_progress']));

    // A priority set by hand needs a reason; P1 re-targets retroactively to 4 h: breached at Wed 10:00.
    t.setNow(at('2026-03-05T09:00:00Z'));
    await ok(await owner.patch(`/api/v1/tickets/${created.id}`, { priority: 'P1' }), 400);
    v = await patch(created.id, { priority: 'P1', priorityReason: 'customer escalation' });
    expect(v.priority).toBe('P1');
    expect(v.clocks!.resolution.targetSeconds).toBe(4 * 3600);
    expect(v.clocks!.resolution.state).toBe('breached');
    expect(v.clocks!.resolution.dueAt).toBe('2026-03-04T10:00:00.000Z');
    const retarget = v.clocks!.resolution.events.find((e) => e.type === 'target_changed');
    expect(retarget?.reason).toContain('P2 -> P1');
    expect(retarget?.reason).toContain('customer escalation');
    // The stored history has the clock events, once each.
    const rows = await t.ctx.db.selectFrom('clock_events').select(['clock', 'type']).where('tenant_id', '=', tenantId).where('ticket_id', '=', created.id).execute();
    expect(rows.filter((r) => r.clock === 'first_response' && r.type === 'met')).toHaveLength(1);
    expect(rows.some((r) => r.clock === 'resolution' && r.type === 'target_changed')).toBe(true);
    const stored = await t.ctx.db.selectFrom('tickets').select(['target_generation', 'resolution_state']).where('tenant_id', '=', tenantId).where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ target_generation: 1, resolution_state: 'breached' });

    // The board: breached filter finds it; sorted by due.
    const board = await ok<{ items: Ticket[] }>(await owner.get('/api/v1/tickets?risk=breached&sort=due'));
    expect(board.items.map((i) => i.id)).toContain(created.id);
  });

  it('without an active contract: no clocks, noContract', async () => {
    t.setNow(at('2026-03-02T10:00:00Z'));
    const v = await ok<Ticket>(await owner.post('/api/v1/tickets', { clientId: bareClientId, subject: 'Mouse broken', description: '' }), 201);
    expect(v.noContract).toBe(true);
    expect(v.clocks).toBeNull();
  });

  it('intake follows configuration changes at once: a contract activated after a ticket applies to the next one', async () => {
    t.setNow(at('2026-03-02T10:00:00Z'));
    const clientB = (await ok<{ id: string }>(await owner.post('/api/v1/clients', { name: `Late Signer ${Date.now()}` }), 201)).id;
    await ok(await owner.post(`/api/v1/clients/${clientB}/sites`, { name: 'Main office', timeZone: 'Europe/London', isMain: true }), 201);
    const before = await ok<Ticket>(await owner.post('/api/v1/tickets', { clientId: clientB, subject: 'Before signing', description: '' }), 201);
    expect(before.noContract).toBe(true);

    const gold = (await ok<{ items: { id: string }[] }>(await owner.get('/api/v1/plans?q=Gold'))).items[0]!.id;
    const contract = await ok<{ id: string }>(await owner.post('/api/v1/contracts', { clientId: clientB, name: 'Late Gold', planId: gold, startsAt: '2026-01-01T00:00:00Z' }), 201);
    await ok(await owner.post(`/api/v1/contracts/${contract.id}/activate`));
    const after = await ok<Ticket>(await owner.post('/api/v1/tickets', { clientId: clientB, subject: 'After signing', description: '', urgency: 'high', impact: 'team' }), 201);
    expect(after.noContract).toBe(false);
    expect(after.clocks!.firstResponse.dueAt).toBe('2026-03-02T11:00:00.000Z');
    // The view returned by the create is the one a later read gives.
    expect(await ok<Ticket>(await owner.get(`/api/v1/tickets/${after.id}`))).toEqual(after);
  });

  it('bulk intake: consecutive numbers in the order given, the same targets as one by one; one bad ticket refuses all, naming it', async () => {
    t.setNow(at('2026-03-02T10:00:00Z'));
    type Bulk = { items: { id: string; number: number; reference: string; priority: string; noContract: boolean; nextDueAt: string | null }[] };
    const res = await ok<Bulk>(
      await owner.post('/api/v1/tickets/bulk', {
        tickets: [
          { clientId, subject: 'Disk space low on FS01', urgency: 'high', impact: 'team' },
          { clientId: bareClientId, subject: 'Backup job failed' },
          { clientId, subject: 'CPU high on SQL01', urgency: 'high', impact: 'team', tags: ['monitoring'] },
        ],
      }),
      201,
    );
    expect(res.items.map((i) => i.number)).toEqual([res.items[0]!.number, res.items[0]!.number + 1, res.items[0]!.number + 2]);
    expect(res.items.map((i) => [i.priority, i.noContract])).toEqual([['P2', false], [expect.any(String), true], ['P2', false]]);
    const first = await ok<Ticket>(await owner.get(`/api/v1/tickets/${res.items[0]!.id}`));
    expect(first.reference).toBe(res.items[0]!.reference);
    expect(first.clocks!.firstResponse.dueAt).toBe('2026-03-02T11:00:00.000Z');
    expect(res.items[0]!.nextDueAt).toBe('2026-03-02T11:00:00.000Z');

    const bad = await owner.post('/api/v1/tickets/bulk', {
      tickets: [
        { clientId, subject: 'Fine' },
        { clientId, subject: 'Not fine', catalogItemId: '00000000-0000-4000-8000-000000000000' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'validation_failed', fields: { 'tickets[1].catalogItemId': expect.any(String) } } });
    // Nothing was written and no number was used: the next ticket follows the bulk ones.
    const next = await ok<Ticket>(await owner.post('/api/v1/tickets', { clientId, subject: 'After the refused request', description: '' }), 201);
    expect(next.reference).toBe(`T-${res.items[2]!.number + 1}`);

    const tooMany = await owner.post('/api/v1/tickets/bulk', { tickets: Array.from({ length: 101 }, (_, i) => ({ clientId, subject: `Alert ${i}` })) });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json()).toMatchObject({ error: { fields: { tickets: expect.stringContaining('at most 100') } } });
  });

  it('splits a 07:00-09:00 time entry on an 08:00 opening into 1 h after hours', async () => {
    t.setNow(at('2026-03-02T10:00:00Z'));
    const v = await ok<Ticket>(await owner.post('/api/v1/tickets', { clientId, subject: 'Early work', description: '' }), 201);
    const e = await ok<{ inCoverageMinutes: number; afterHoursMinutes: number; id: string }>(await owner.post(`/api/v1/tickets/${v.id}/time-entries`, { startedAt: '2026-03-02T07:00:00Z', endedAt: '2026-03-02T09:00:00Z', note: 'server room' }), 201);
    expect(e).toMatchObject({ inCoverageMinutes: 60, afterHoursMinutes: 60 });
    await ok(await owner.post(`/api/v1/tickets/${v.id}/timer/start`));
    await ok(await owner.post(`/api/v1/tickets/${v.id}/timer/start`), 409);
    t.setNow(at('2026-03-02T10:30:00Z'));
    expect(await ok(await owner.post(`/api/v1/tickets/${v.id}/timer/stop`))).toMatchObject({ durationMinutes: 30, inCoverageMinutes: 30 });
    expect((await ok<{ items: unknown[] }>(await owner.get(`/api/v1/tickets/${v.id}/time-entries`))).items).toHaveLength(2);
  });
});

describe('client visibility', () => {
  it('requester-only for client users, everything of the client for client admins, internal comments hidden, other client 404', async () => {
    t.setNow(null);
    const requester = await createUser(t.ctx, tenantId, 'client_user', { clientId });
    const colleague = await createUser(t.ctx, tenantId, 'client_user', { clientId });
    const admin = await createUser(t.ctx, tenantId, 'client_admin', { clientId });
    const stranger = await createUser(t.ctx, tenantId, 'client_admin', { clientId: bareClientId });
    const [r, c, a, s] = await Promise.all([requester, colleague, admin, stranger].map((u) => signIn(t.app, u.email)));
    const v = await ok<Ticket>(await r!.post('/api/v1/tickets', { clientId: bareClientId, subject: 'VPN fails', description: 'since Monday' }), 201);
    expect((await ok<{ client: { id: string } }>(await r!.get(`/api/v1/tickets/${v.id}`))).client.id).toBe(clientId);
    await ok(await c!.get(`/api/v1/tickets/${v.id}`), 404);
    await ok(await a!.get(`/api/v1/tickets/${v.id}`));
    await ok(await s!.get(`/api/v1/tickets/${v.id}`), 404);
    expect((await ok<{ items: Ticket[] }>(await c!.get('/api/v1/tickets'))).items.map((i) => i.id)).not.toContain(v.id);
    // A watcher sees it.
    await ok(await owner.post(`/api/v1/tickets/${v.id}/watchers`, { userId: colleague.id }));
    await ok(await c!.get(`/api/v1/tickets/${v.id}`));

    await ok(await owner.post(`/api/v1/tickets/${v.id}/comments`, { body: 'internal: check firewall', public: false }), 201);
    const cm = await ok<{ public: boolean }>(await r!.post(`/api/v1/tickets/${v.id}/comments`, { body: 'any news?', public: false }), 201);
    expect(cm.public).toBe(true);
    const seen = await ok<{ items: { body: string }[] }>(await r!.get(`/api/v1/tickets/${v.id}/comments`));
    expect(seen.items.map((x) => x.body)).toEqual(['any news?']);
    expect((await ok<{ items: unknown[] }>(await owner.get(`/api/v1/tickets/${v.id}/comments`))).items).toHaveLength(2);
    await ok(await r!.get(`/api/v1/tickets/${v.id}/time-entries`), 403);

    // Attachments: limits, download headers, internal files hidden from clients.
    const png = Buffer.from('89504e470d0a1a0a', 'hex').toString('base64');
    const pub = await ok<{ id: string; size: number }>(await r!.post(`/api/v1/tickets/${v.id}/attachments`, { filename: 'screen.png', contentType: 'image/png', dataBase64: png }), 201);
    expect(pub.size).toBe(8);
    const internal = await ok<{ id: string }>(await owner.post(`/api/v1/tickets/${v.id}/attachments`, { filename: 'notes.txt', contentType: 'text/plain', dataBase64: Buffer.from('secret').toString('base64'), public: false }), 201);
    const dl = await r!.get(`/api/v1/tickets/${v.id}/attachments/${pub.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('image/png');
    expect(dl.headers['content-disposition']).toContain('attachment');
    expect(dl.rawPayload.toString('hex')).toBe('89504e470d0a1a0a');
    await ok(await r!.get(`/api/v1/tickets/${v.id}/attachments/${internal.id}`), 404);
    expect((await owner.get(`/api/v1/tickets/${v.id}/attachments/${internal.id}`)).body).toBe('secret');
    await ok(await s!.get(`/api/v1/tickets/${v.id}/attachments/${pub.id}`), 404);
    await ok(await owner.post(`/api/v1/tickets/${v.id}/attachments`, { filename: 'run.exe', contentType: 'application/x-msdownload', dataBase64: png }), 415);
    const big = Buffer.alloc(10 * 1024 * 1024 + 1).toString('base64');
    await ok(await owner.post(`/api/v1/tickets/${v.id}/attachments`, { filename: 'big.pdf', contentType: 'application/pdf', dataBase64: big }), 413);
  });
});

describe('comments on closed tickets', () => {
  it('reopen or refuse, by tenant setting', async () => {
    t.setNow(null);
    const v = await ok<Ticket>(await owner.post('/api/v1/tickets', { clientId, subject: 'Closed one', description: '' }), 201);
    await patch(v.id, { status: 'closed' });
    await ok(await owner.patch('/api/v1/tenant/ticket-settings', { commentOnClosed: 'refuse' }));
    await ok(await owner.post(`/api/v1/tickets/${v.id}/comments`, { body: 'hello?' }), 409);
    expect(await ok(await owner.patch('/api/v1/tenant/ticket-settings', { commentOnClosed: 'reopen' }))).toMatchObject({ commentOnClosed: 'reopen', pausingStatuses: ['waiting_on_client'] });
    await ok(await owner.post(`/api/v1/tickets/${v.id}/comments`, { body: 'hello again' }), 201);
    expect((await ok<Ticket>(await owner.get(`/api/v1/tickets/${v.id}`))).status).toBe('in_progress');
  });
});

describe('the board order', () => {
  it('pages open tickets by due instant, the ones without clocks last, each exactly once, both directions', async () => {
    const x = await createTenant(t.ctx);
    const boss = await signIn(t.app, x.owner.email);
    const withContract = (await ok<{ id: string }>(await boss.post('/api/v1/clients', { name: 'Dated' }), 201)).id;
    const without = (await ok<{ id: string }>(await boss.post('/api/v1/clients', { name: 'Undated' }), 201)).id;
    await ok(await boss.post(`/api/v1/clients/${withContract}/sites`, { name: 'HQ', timeZone: 'Europe/London', isMain: true }), 201);
    const gold = (await ok<{ items: { id: string }[] }>(await boss.get('/api/v1/plans?q=Gold'))).items[0]!.id;
    const contract = await ok<{ id: string }>(await boss.post('/api/v1/contracts', { clientId: withContract, name: 'Gold', planId: gold, startsAt: '2026-01-01T00:00:00Z' }), 201);
    await ok(await boss.post(`/api/v1/contracts/${contract.id}/activate`));
    const created: string[] = [];
    // Opened an hour apart, so their due instants are strictly ordered by opening.
    for (let h = 0; h < 5; h++) {
      t.setNow(at(`2026-03-03T${String(9 + h).padStart(2, '0')}:00:00Z`));
      created.push((await ok<Ticket>(await boss.post('/api/v1/tickets', { clientId: withContract, subject: `Dated ${h}`, description: '' }), 201)).id);
    }
    for (let h = 0; h < 3; h++) created.push((await ok<Ticket>(await boss.post('/api/v1/tickets', { clientId: without, subject: `Undated ${h}`, description: '' }), 201)).id);
    t.setNow(null);

    async function all(order: 'asc' | 'desc') {
      const seen: { id: string; subject: string }[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { id: string; subject: string }[]; nextCursor: string | null } = await ok(
          await boss.get(`/api/v1/tickets?sort=due&order=${order}&limit=2${cursor ? `&cursor=${cursor}` : ''}`),
        );
        seen.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    }
    const asc = await all('asc');
    expect(asc.map((s) => s.id).sort()).toEqual([...created].sort());
    expect(asc.slice(0, 5).map((s) => s.subject)).toEqual(['Dated 0', 'Dated 1', 'Dated 2', 'Dated 3', 'Dated 4']);
    expect(asc.slice(5).every((s) => s.subject.startsWith('Undated'))).toBe(true);
    const desc = await all('desc');
    expect(desc.map((s) => s.id)).toEqual(asc.map((s) => s.id).reverse());
  });
});
