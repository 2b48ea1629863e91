import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { agentFrom, createTenant, createTestApp, createUser, TEST_PASSWORD, type Agent, type TestApp } from '../../../test/support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
afterEach(() => t.setNow(null));

const api = (p: string) => `/api/v1${p}`;
const DAY = 86_400_000;
const u = () => randomUUID().slice(0, 8);

// Each sign-in from its own address, so the per-address sign-in limit never trips in this file.
let address = 0;
async function signIn(email: string): Promise<Agent> {
  address++;
  const res = await t.app.inject({ method: 'POST', url: api('/auth/sign-in'), payload: { email, password: TEST_PASSWORD }, remoteAddress: `10.92.${Math.floor(address / 250)}.${(address % 250) + 1}` });
  if (res.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'sp_session')!;
  return agentFrom(t.app, `sp_session=${cookie.value}`, res.json().csrfToken);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function ok(res: { statusCode: number; body: string; json(): any }, status = 200): Promise<any> {
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

async function world() {
  const { tenant, owner } = await createTenant(t.ctx);
  const staff = await signIn(owner.email);
  const client = (await ok(await staff.post(api('/clients'), { name: `Client ${u()}` }), 201)).id as string;
  const other = (await ok(await staff.post(api('/clients'), { name: `Other ${u()}` }), 201)).id as string;
  return { tenantId: tenant.id, owner, staff, client, other };
}

async function ticket(agent: Agent, clientId: string, extra: Record<string, unknown> = {}) {
  return ok(await agent.post(api('/tickets'), { clientId, subject: `Ticket ${u()}`, ...extra }), 201);
}

const put = (agent: Agent, url: string, body: unknown, headers: Record<string, string> = {}) => agent.request(url, { method: 'PUT', body, headers });

describe('problems', () => {
  it('opens a problem with its tickets, numbers it PRB-n, and changes it with If-Match', async () => {
    const w = await world();
    const [a, b] = [await ticket(w.staff, w.client), await ticket(w.staff, w.client)];
    const created = await w.staff.post(api('/problems'), {
      clientId: w.client,
      title: 'Basel printers drop off the network',
      description: 'Every few days',
      rootCause: 'Old switch firmware',
      workaround: 'Power-cycle the printer',
      plan: 'Replace the switch',
      estimatedCost: { amountMinor: 250_000, currency: 'EUR' },
      ticketIds: [a.id, b.id],
    });
    const p = await ok(created, 201);
    expect(created.headers.etag).toBe('"1"');
    expect(p).toMatchObject({
      number: 1,
      reference: 'PRB-1',
      client: { id: w.client },
      title: 'Basel printers drop off the network',
      status: 'open',
      rootCause: 'Old switch firmware',
      workaround: 'Power-cycle the printer',
      plan: 'Replace the switch',
      estimatedCost: { amountMinor: 250_000, currency: 'EUR' },
      ticketCount: 2,
      resolvedAt: null,
      nextMilestone: null,
      milestones: [],
      createdBy: { id: w.owner.id },
      version: 1,
    });
    expect(p.tickets.map((x: { id: string }) => x.id)).toEqual([a.id, b.id]);
    expect(p.tickets[0]).toEqual({ id: a.id, number: a.number, reference: a.reference, subject: a.subject, status: 'new', createdAt: a.createdAt });
    const second = await ok(await w.staff.post(api('/problems'), { clientId: w.other, title: 'VPN drops' }), 201);
    expect(second).toMatchObject({ reference: 'PRB-2', ticketCount: 0, estimatedCost: null, description: '', tickets: [] });

    // A stale version changes nothing.
    const changed = await ok(await w.staff.patch(api(`/problems/${p.id}`), { status: 'known_error', estimatedCost: null }, { 'if-match': '"1"' }));
    expect(changed).toMatchObject({ status: 'known_error', estimatedCost: null, version: 2 });
    const stale = await w.staff.patch(api(`/problems/${p.id}`), { title: 'Lost' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect((await ok(await w.staff.get(api(`/problems/${p.id}`)))).title).toBe('Basel printers drop off the network');

    // Resolved sets resolvedAt; leaving resolved clears it.
    const resolved = await ok(await w.staff.patch(api(`/problems/${p.id}`), { status: 'resolved' }));
    expect(resolved.resolvedAt).not.toBeNull();
    expect((await ok(await w.staff.patch(api(`/problems/${p.id}`), { title: 'Renamed' }))).resolvedAt).toBe(resolved.resolvedAt);
    expect((await ok(await w.staff.patch(api(`/problems/${p.id}`), { status: 'plan_agreed' }))).resolvedAt).toBeNull();
    const audit = await ok(await w.staff.get(api('/audit-log?action=problem.status_changed')));
    expect(audit.items.map((e: { details: { from: string; to: string } }) => `${e.details.from}>${e.details.to}`)).toEqual(['resolved>plan_agreed', 'known_error>resolved', 'open>known_error']);

    const bad = await w.staff.patch(api(`/problems/${p.id}`), { status: 'fixed', estimatedCost: { amountMinor: 1.5, currency: 'eur' } });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['estimatedCost.amountMinor', 'estimatedCost.currency', 'status']);
  });

  it('lists problems newest first with filters and pages', async () => {
    const w = await world();
    for (const title of ['Printers', 'VPN drops', 'Slow CRM']) await ok(await w.staff.post(api('/problems'), { clientId: w.client, title }), 201);
    const theirs = await ok(await w.staff.post(api('/problems'), { clientId: w.other, title: 'Other printers' }), 201);
    await ok(await w.staff.patch(api(`/problems/${theirs.id}`), { status: 'resolved' }));
    const titles = async (query: string) => (await ok(await w.staff.get(api(`/problems${query}`)))).items.map((p: { title: string }) => p.title);
    expect(await titles('')).toEqual(['Other printers', 'Slow CRM', 'VPN drops', 'Printers']);
    expect(await titles(`?clientId=${w.client}`)).toEqual(['Slow CRM', 'VPN drops', 'Printers']);
    expect(await titles('?status=resolved')).toEqual(['Other printers']);
    expect(await titles('?status=open,known_error')).toEqual(['Slow CRM', 'VPN drops', 'Printers']);
    expect(await titles('?q=printer')).toEqual(['Other printers', 'Printers']);
    expect(await titles('?q=PRB-2')).toEqual(['VPN drops']);
    const first = await ok(await w.staff.get(api('/problems?limit=3')));
    expect(first.items).toHaveLength(3);
    expect((await ok(await w.staff.get(api(`/problems?limit=3&cursor=${first.nextCursor}`)))).items.map((p: { title: string }) => p.title)).toEqual(['Printers']);
    expect((await w.staff.get(api('/problems?status=done'))).json().error.fields).toHaveProperty('status');
  });

  it("links only the client's tickets, records it in the ticket's history, and unlinks", async () => {
    const w = await world();
    const p = await ok(await w.staff.post(api('/problems'), { clientId: w.client, title: 'Printers' }), 201);
    const mine = await ticket(w.staff, w.client);
    const theirs = await ticket(w.staff, w.other);
    const refused = await w.staff.post(api('/problems'), { clientId: w.client, title: 'x', ticketIds: [theirs.id] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual({ 'ticketIds[0]': "is not a ticket of the problem's client" });
    const wrong = await w.staff.post(api(`/problems/${p.id}/tickets`), { ticketIds: [mine.id, theirs.id] });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual({ 'ticketIds[1]': "is not a ticket of the problem's client" });
    expect((await ok(await w.staff.get(api(`/problems/${p.id}`)))).tickets).toEqual([]);

    const linked = await ok(await w.staff.post(api(`/problems/${p.id}/tickets`), { ticketIds: [mine.id] }));
    expect(linked.tickets.map((x: { id: string }) => x.id)).toEqual([mine.id]);
    // Linking again changes nothing and records nothing more.
    await ok(await w.staff.post(api(`/problems/${p.id}/tickets`), { ticketIds: [mine.id] }));
    const history = await t.ctx.db.selectFrom('ticket_events').select(['type', 'data', 'actor_label']).where('tenant_id', '=', w.tenantId).where('ticket_id', '=', mine.id).where('type', 'like', 'problem_%').execute();
    expect(history).toEqual([{ type: 'problem_linked', data: { problemId: p.id, reference: p.reference, title: 'Printers' }, actor_label: 'Olive Owner' }]);
    // The ticket's clocks and view are untouched by the history fact.
    expect((await w.staff.get(api(`/tickets/${mine.id}`))).statusCode).toBe(200);

    const ofTicket = await ok(await w.staff.get(api(`/tickets/${mine.id}/problems`)));
    expect(ofTicket.items).toEqual([expect.objectContaining({ id: p.id, reference: p.reference, ticketCount: 1 })]);
    expect((await ok(await w.staff.get(api(`/tickets/${theirs.id}/problems`)))).items).toEqual([]);

    expect((await w.staff.delete(api(`/problems/${p.id}/tickets/${mine.id}`))).statusCode).toBe(204);
    expect((await w.staff.delete(api(`/problems/${p.id}/tickets/${mine.id}`))).statusCode).toBe(404);
    expect((await ok(await w.staff.get(api(`/problems/${p.id}`)))).tickets).toEqual([]);
    const types = await t.ctx.db.selectFrom('ticket_events').select('type').where('tenant_id', '=', w.tenantId).where('ticket_id', '=', mine.id).where('type', 'like', 'problem_%').orderBy('id').execute();
    expect(types.map((e) => e.type)).toEqual(['problem_linked', 'problem_unlinked']);
  });

  it('replaces milestones in the order given, keeping those named by id', async () => {
    const w = await world();
    const p = await ok(await w.staff.post(api('/problems'), { clientId: w.client, title: 'Printers' }), 201);
    const path = api(`/problems/${p.id}/milestones`);
    const one = await ok(await put(w.staff, path, { milestones: [{ title: 'Order the switch', dueOn: '2026-12-01', doneOn: '2026-11-28' }, { title: 'Install it', dueOn: '2026-12-15' }, { title: 'Watch for a month' }] }));
    expect(one.milestones.map((m: { title: string }) => m.title)).toEqual(['Order the switch', 'Install it', 'Watch for a month']);
    expect(one.milestones[0]).toMatchObject({ dueOn: '2026-12-01', doneOn: '2026-11-28' });
    const [order, install, watch] = one.milestones as Array<{ id: string }>;
    // The list shows the first milestone not done.
    const listed = (await ok(await w.staff.get(api(`/problems?clientId=${w.client}`)))).items[0];
    expect(listed.nextMilestone).toEqual({ id: install!.id, title: 'Install it', dueOn: '2026-12-15', doneOn: null });

    const two = await ok(await put(w.staff, path, { milestones: [{ id: watch!.id, title: 'Watch for two months' }, { title: 'Sign off' }, { id: order!.id, title: 'Order the switch', dueOn: null }] }));
    expect(two.milestones).toEqual([
      { id: watch!.id, title: 'Watch for two months', dueOn: null, doneOn: null },
      { id: expect.any(String), title: 'Sign off', dueOn: null, doneOn: null },
      { id: order!.id, title: 'Order the switch', dueOn: null, doneOn: null },
    ]);

    const other = await ok(await w.staff.post(api('/problems'), { clientId: w.client, title: 'VPN' }), 201);
    const foreign = await put(w.staff, api(`/problems/${other.id}/milestones`), { milestones: [{ title: 'ok' }, { id: watch!.id, title: 'Stolen' }] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.fields).toEqual({ 'milestones[1].id': 'is not a milestone of this problem' });
    expect((await ok(await w.staff.get(api(`/problems/${other.id}`)))).milestones).toEqual([]);
    expect((await put(w.staff, path, { milestones: [{ title: '' }] })).statusCode).toBe(400);
    expect((await ok(await put(w.staff, path, { milestones: [] }))).milestones).toEqual([]);
  });

  it('suggests 3+ unlinked tickets of a client sharing catalog item and site within 90 days', async () => {
    const w = await world();
    const item = await ok(await w.staff.post(api('/catalog'), { category: 'hardware', name: `Printer ${u()}`, defaultUrgency: 'low', defaultImpact: 'individual', deliveryMode: 'remote', complexity: 'low', expectedEffortMinutes: 10 }), 201);
    const basel = await ok(await w.staff.post(api(`/clients/${w.client}/sites`), { name: 'Basel', timeZone: 'Europe/Zurich' }), 201);
    const berlin = await ok(await w.staff.post(api(`/clients/${w.client}/sites`), { name: 'Berlin', timeZone: 'Europe/Berlin' }), 201);
    const at = (siteId: string) => ({ catalogItemId: item.id, siteId });
    // 100 days ago: too old to count.
    t.setNow(new Date(Date.now() - 100 * DAY));
    await ticket(w.staff, w.client, at(basel.id));
    t.setNow(null);
    const recurring = [await ticket(w.staff, w.client, at(basel.id)), await ticket(w.staff, w.client, at(basel.id)), await ticket(w.staff, w.client, at(basel.id))];
    // Two at another site, and the other client's: not enough each.
    await ticket(w.staff, w.client, at(berlin.id));
    await ticket(w.staff, w.client, at(berlin.id));
    await ticket(w.staff, w.other, { catalogItemId: item.id });

    const groups = await ok(await w.staff.get(api(`/problems/suggestions?clientId=${w.client}`)));
    expect(groups).toEqual([
      {
        clientId: w.client,
        client: { id: w.client, name: expect.any(String) },
        catalogItem: { id: item.id, name: item.name },
        site: { id: basel.id, name: 'Basel' },
        tickets: recurring.map((r) => ({ id: r.id, number: r.number, reference: r.reference, subject: r.subject, status: 'new', createdAt: r.createdAt })),
      },
    ]);
    expect(await ok(await w.staff.get(api('/problems/suggestions')))).toHaveLength(1);
    // Once in a problem, they are no longer suggested.
    await ok(await w.staff.post(api('/problems'), { clientId: w.client, title: 'Basel printers', ticketIds: [recurring[0]!.id] }), 201);
    expect(await ok(await w.staff.get(api(`/problems/suggestions?clientId=${w.client}`)))).toEqual([]);
  });
});

describe('who sees problems', () => {
  it('lets API tokens read and write problems and journeys by their scope modules', async () => {
    const w = await world();
    const token = async (scopes: string[]) => (await ok(await w.staff.post(api('/api-tokens'), { name: scopes.join(' '), scopes }), 201)).token as string;
    const call = (tok: string, method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url: api(url), headers: { authorization: `Bearer ${tok}` }, ...(payload ? { payload } : {}) });
    const [reader, writer, journey, other] = [await token(['problems:read']), await token(['problems:write']), await token(['journey:write']), await token(['tickets:write'])];
    expect((await call(writer, 'POST', '/problems', { clientId: w.client, title: 'By token' })).statusCode).toBe(201);
    expect((await call(reader, 'GET', '/problems')).json().items.map((p: { title: string }) => p.title)).toEqual(['By token']);
    expect((await call(reader, 'POST', '/problems', { clientId: w.client, title: 'Refused' })).statusCode).toBe(403);
    expect((await call(other, 'GET', '/problems')).statusCode).toBe(403);
    expect((await call(journey, 'POST', `/clients/${w.client}/journey`, { stage: 'easy_wins', effectiveOn: '2026-01-01', note: 'By token', evidence: [] })).statusCode).toBe(201);
    expect((await call(journey, 'GET', `/clients/${w.client}/journey`)).json().current).toBe('easy_wins');
    expect((await call(writer, 'GET', `/clients/${w.client}/journey`)).statusCode).toBe(403);
  });

  it('documents every journey and problems route', async () => {
    const paths = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths as Record<string, Record<string, { summary?: string }>>;
    for (const [path, methods] of [
      ['/api/v1/clients/{clientId}/journey', ['get', 'post']],
      ['/api/v1/clients/{clientId}/journey/suggestions/{key}/dismiss', ['post']],
      ['/api/v1/problems', ['get', 'post']],
      ['/api/v1/problems/suggestions', ['get']],
      ['/api/v1/problems/{id}', ['get', 'patch']],
      ['/api/v1/problems/{id}/tickets', ['post']],
      ['/api/v1/problems/{id}/tickets/{ticketId}', ['delete']],
      ['/api/v1/problems/{id}/milestones', ['put']],
      ['/api/v1/tickets/{id}/problems', ['get']],
    ] as const) {
      for (const m of methods) expect(paths[path]?.[m]?.summary, `${m} ${path}`).toBeTruthy();
    }
  });

  it("shows the client admin their own client's problems only, read-only; client users none", async () => {
    const w = await world();
    const tk = await ticket(w.staff, w.client);
    const mine = await ok(await w.staff.post(api('/problems'), { clientId: w.client, title: 'Printers', plan: 'Replace the switch', ticketIds: [tk.id] }), 201);
    const theirs = await ok(await w.staff.post(api('/problems'), { clientId: w.other, title: 'VPN' }), 201);

    const admin = await signIn((await createUser(t.ctx, w.tenantId, 'client_admin', { clientId: w.client })).email);
    expect((await ok(await admin.get(api('/problems')))).items.map((p: { id: string }) => p.id)).toEqual([mine.id]);
    expect((await ok(await admin.get(api(`/problems?clientId=${w.other}`)))).items).toEqual([]);
    expect(await ok(await admin.get(api(`/problems/${mine.id}`)))).toMatchObject({ plan: 'Replace the switch', tickets: [{ id: tk.id }] });
    const hidden = await admin.get(api(`/problems/${theirs.id}`));
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toEqual((await admin.get(api(`/problems/${randomUUID()}`))).json());
    expect((await ok(await admin.get(api(`/tickets/${tk.id}/problems`)))).items.map((p: { id: string }) => p.id)).toEqual([mine.id]);
    expect((await admin.patch(api(`/problems/${mine.id}`), { title: 'x' })).statusCode).toBe(403);
    expect((await admin.post(api('/problems'), { clientId: w.client, title: 'x' })).statusCode).toBe(403);
    expect((await admin.get(api('/problems/suggestions'))).statusCode).toBe(403);

    const user = await signIn((await createUser(t.ctx, w.tenantId, 'client_user', { clientId: w.client })).email);
    expect((await user.get(api('/problems'))).statusCode).toBe(403);
    expect((await user.get(api(`/problems/${mine.id}`))).statusCode).toBe(403);
    expect((await user.get(api(`/tickets/${tk.id}/problems`))).statusCode).toBe(403);

    const tech = await signIn((await createUser(t.ctx, w.tenantId, 'technician')).email);
    expect((await ok(await tech.patch(api(`/problems/${mine.id}`), { workaround: 'Restart the spooler' }))).workaround).toBe('Restart the spooler');

    const stranger = await world();
    expect((await stranger.staff.get(api(`/problems/${mine.id}`))).statusCode).toBe(404);
    expect((await stranger.staff.patch(api(`/problems/${mine.id}`), { title: 'x' })).statusCode).toBe(404);
    expect((await stranger.staff.get(api('/problems'))).json().items).toEqual([]);
    const foreignClient = await stranger.staff.post(api('/problems'), { clientId: w.client, title: 'x' });
    expect(foreignClient.statusCode).toBe(400);
    expect(foreignClient.json().error.fields).toHaveProperty('clientId');
    expect((await stranger.staff.get(api(`/tickets/${tk.id}/problems`))).statusCode).toBe(404);
  });
});
