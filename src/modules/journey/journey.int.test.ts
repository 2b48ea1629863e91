import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { quarterKeyOf } from '../../domain/satisfaction/journey-suggestions';
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
  const res = await t.app.inject({ method: 'POST', url: api('/auth/sign-in'), payload: { email, password: TEST_PASSWORD }, remoteAddress: `10.91.${Math.floor(address / 250)}.${(address % 250) + 1}` });
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
  const client = await ok(await staff.post(api('/clients'), { name: `Client ${u()}` }), 201);
  const other = await ok(await staff.post(api('/clients'), { name: `Other ${u()}` }), 201);
  return { tenantId: tenant.id, owner, staff, client: client.id as string, other: other.id as string };
}

async function ticket(agent: Agent, clientId: string, extra: Record<string, unknown> = {}) {
  return ok(await agent.post(api('/tickets'), { clientId, subject: `Ticket ${u()}`, ...extra }), 201);
}

/** An answered CSAT survey of a ticket, as the survey engineer's code leaves it. */
async function csat(tenantId: string, clientId: string, ticketId: string, score: number, respondedAt: Date) {
  await t.ctx.db
    .insertInto('csat_surveys')
    .values({ tenant_id: tenantId, ticket_id: ticketId, client_id: clientId, recipient_email: 'r@example.test', priority: 'P3', scale: 'five', sent_at: respondedAt, expires_at: new Date(respondedAt.getTime() + 14 * DAY), rating: score, score, responded_at: respondedAt, response_count: 1 })
    .execute();
}

describe('journey stage changes', () => {
  it('records changes and answers the current stage and the bands between them', async () => {
    const w = await world();
    const path = api(`/clients/${w.client}/journey`);
    const empty = await ok(await w.staff.get(path));
    expect(empty).toEqual({ current: null, changes: [], bands: [], satisfaction: { csat: [], nps: [] }, suggestions: [] });

    const tk = await ticket(w.staff, w.client);
    const first = await ok(await w.staff.post(path, { stage: 'onboarding_pain_points', effectiveOn: '2026-01-05', note: 'Signed; migration pains', evidence: [] }), 201);
    expect(first).toMatchObject({ stage: 'onboarding_pain_points', label: 'Onboarding pain points', effectiveOn: '2026-01-05', note: 'Signed; migration pains', evidence: [], createdBy: { id: w.owner.id, name: 'Olive Owner' } });
    // Recorded out of order: the latest effective date is current, not the latest recorded.
    await ok(await w.staff.post(path, { stage: 'new_processes', effectiveOn: '2026-06-01', note: 'Change process agreed', evidence: [{ kind: 'change', label: 'CAB charter', url: 'https://wiki.example.test/cab' }] }), 201);
    const wins = await ok(
      await w.staff.post(path, { stage: 'easy_wins', effectiveOn: '2026-03-10', note: 'Printers fixed', evidence: [{ kind: 'ticket', id: tk.id }, { kind: 'link', url: 'https://example.test/report' }] }),
      201,
    );
    expect(wins.evidence).toEqual([
      { kind: 'ticket', id: tk.id, label: `${tk.reference} ${tk.subject}` },
      { kind: 'link', label: 'https://example.test/report', url: 'https://example.test/report' },
    ]);

    const j = await ok(await w.staff.get(path));
    expect(j.current).toBe('new_processes');
    expect(j.changes.map((c: { stage: string }) => c.stage)).toEqual(['new_processes', 'easy_wins', 'onboarding_pain_points']);
    expect(j.bands).toEqual([
      { stage: 'onboarding_pain_points', label: 'Onboarding pain points', from: '2026-01-05', to: '2026-03-10' },
      { stage: 'easy_wins', label: 'Easy wins', from: '2026-03-10', to: '2026-06-01' },
      { stage: 'new_processes', label: 'New processes', from: '2026-06-01', to: null },
    ]);

    const audit = await ok(await w.staff.get(api('/audit-log?action=journey.stage_changed')));
    expect(audit.items).toHaveLength(3);
    expect(audit.items[0]).toMatchObject({ action: 'journey.stage_changed', target: { type: 'client', id: w.client }, details: { stage: 'easy_wins', previousStage: 'new_processes', evidence: 2 } });
  });

  it('names what is wrong with a stage change and writes nothing', async () => {
    const w = await world();
    const path = api(`/clients/${w.client}/journey`);
    const base = { stage: 'easy_wins', effectiveOn: '2026-02-01', note: 'n', evidence: [] };
    const fields = async (body: Record<string, unknown>) => {
      const r = await w.staff.post(path, body);
      expect(r.statusCode, r.body).toBe(400);
      return r.json().error.fields;
    };
    expect(await fields({ stage: 'easy_wins', note: 'n', evidence: [] })).toEqual({ effectiveOn: 'is required' });
    const tomorrow = new Date(Date.now() + 2 * DAY).toISOString().slice(0, 10);
    expect(await fields({ ...base, effectiveOn: tomorrow })).toEqual({ effectiveOn: 'must not be in the future' });
    expect(await fields({ ...base, effectiveOn: '2026-02-30' })).toHaveProperty('effectiveOn');
    expect(await fields({ ...base, stage: 'happy_forever' })).toHaveProperty('stage');
    expect(await fields({ ...base, note: '  ' })).toHaveProperty('note');

    const theirs = await ticket(w.staff, w.other);
    const mine = await ticket(w.staff, w.client);
    expect(await fields({ ...base, evidence: [{ kind: 'ticket', id: theirs.id }] })).toEqual({ 'evidence[0].id': "is not a ticket of this client" });
    expect(await fields({ ...base, evidence: [{ kind: 'ticket', id: mine.id }, { kind: 'problem', id: randomUUID() }, { kind: 'ticket' }, { kind: 'project' }, { kind: 'link', url: 'ftp://x' }] })).toEqual({
      'evidence[1].id': 'is not a problem of this client',
      'evidence[2].id': 'is required for a ticket',
      'evidence[3].label': 'is required for a project',
      'evidence[4].url': 'must be an http(s) address',
    });
    expect((await ok(await w.staff.get(path))).changes).toEqual([]);
  });

  it('lets the client admin read their own journey without suggestions; client users and strangers are refused', async () => {
    const w = await world();
    const path = api(`/clients/${w.client}/journey`);
    await ok(await w.staff.post(path, { stage: 'easy_wins', effectiveOn: '2026-02-01', note: 'Quick fixes', evidence: [] }), 201);
    // A security surge, so staff get a suggestion the client admin must not see.
    for (let i = 0; i < 5; i++) await ticket(w.staff, w.client, { tags: ['security'] });
    expect((await ok(await w.staff.get(path))).suggestions).toHaveLength(1);

    const admin = await signIn((await createUser(t.ctx, w.tenantId, 'client_admin', { clientId: w.client })).email);
    const seen = await ok(await admin.get(path));
    expect(seen).toMatchObject({ current: 'easy_wins', suggestions: [] });
    expect((await admin.post(path, { stage: 'new_processes', effectiveOn: '2026-02-02', note: 'x', evidence: [] })).statusCode).toBe(403);
    expect((await admin.get(api(`/clients/${w.other}/journey`))).statusCode).toBe(404);

    const user = await signIn((await createUser(t.ctx, w.tenantId, 'client_user', { clientId: w.client })).email);
    expect((await user.get(path)).statusCode).toBe(403);

    const tech = await signIn((await createUser(t.ctx, w.tenantId, 'technician')).email);
    expect((await tech.get(path)).statusCode).toBe(200);
    expect((await tech.post(path, { stage: 'new_processes', effectiveOn: '2026-02-02', note: 'x', evidence: [] })).statusCode).toBe(403);

    const stranger = await world();
    expect((await stranger.staff.get(path)).statusCode).toBe(404);
    expect((await stranger.staff.post(path, { stage: 'new_processes', effectiveOn: '2026-02-02', note: 'x', evidence: [] })).statusCode).toBe(404);
    expect((await w.staff.get(api(`/clients/${randomUUID()}/journey`))).statusCode).toBe(404);
  });
});

describe('journey satisfaction series', () => {
  it('draws the monthly CSAT average and share of positive answers, and the quarterly NPS', async () => {
    const w = await world();
    const now = new Date();
    const month = (back: number, day: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, day, 12));
    const scores: Array<[number, number]> = [
      [2, 5],
      [2, 4],
      [2, 1],
      [1, 5],
    ];
    for (const [back, score] of scores) await csat(w.tenantId, w.client, (await ticket(w.staff, w.client)).id, score, month(back, 10));
    // Another client's answers stay out.
    await csat(w.tenantId, w.other, (await ticket(w.staff, w.other)).id, 1, month(1, 10));
    const round = await t.ctx.db
      .insertInto('nps_rounds')
      .values({ tenant_id: w.tenantId, quarter_key: quarterKeyOf(now), started_at: now, expires_at: new Date(now.getTime() + 30 * DAY) })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [i, score] of [10, 9, 3, 8].entries()) {
      await t.ctx.db
        .insertInto('nps_surveys')
        .values({ tenant_id: w.tenantId, round_id: round.id, quarter_key: quarterKeyOf(now), client_id: w.client, email: `p${i}-${u()}@example.test`, sent_at: now, expires_at: now, score, responded_at: now })
        .execute();
    }
    const key = (d: Date) => d.toISOString().slice(0, 7);
    const j = await ok(await w.staff.get(api(`/clients/${w.client}/journey`)));
    expect(j.satisfaction).toEqual({
      csat: [
        { month: key(month(2, 10)), average: 3.33, positivePercent: 66.67, responses: 3 },
        { month: key(month(1, 10)), average: 5, positivePercent: 100, responses: 1 },
      ],
      nps: [{ quarter: quarterKeyOf(now), nps: 25, responses: 4 }],
    });
  });
});

describe('journey suggestions', () => {
  it('suggests stages from hand-built tickets, problems and answers; a dismissal sticks', async () => {
    const w = await world();
    const path = api(`/clients/${w.client}/journey`);
    const now = new Date();
    // 40 days ago: 2 security tickets; 10 days ago: 6 (at least double, at least 5).
    t.setNow(new Date(now.getTime() - 40 * DAY));
    for (let i = 0; i < 2; i++) await ticket(w.staff, w.client, { tags: ['mfa'] });
    t.setNow(new Date(now.getTime() - 10 * DAY));
    const recent = [];
    for (let i = 0; i < 6; i++) recent.push(await ticket(w.staff, w.client, { tags: ['security'] }));
    // Training tickets only 4: below the floor of 5.
    for (let i = 0; i < 4; i++) await ticket(w.staff, w.client, { tags: ['how-to'] });
    // Another client's surge is not this client's.
    for (let i = 0; i < 6; i++) await ticket(w.staff, w.other, { tags: ['security'] });
    // A problem opened 100 days ago with a ticket linked from this month.
    t.setNow(new Date(now.getTime() - 100 * DAY));
    const problem = await ok(await w.staff.post(api('/problems'), { clientId: w.client, title: 'Basel printers drop off the network' }), 201);
    t.setNow(null);
    const printer = await ticket(w.staff, w.client);
    await ok(await w.staff.post(api(`/problems/${problem.id}/tickets`), { ticketIds: [printer.id] }));

    const j = await ok(await w.staff.get(path));
    const security = j.suggestions.find((s: { stage: string }) => s.stage === 'enhanced_security_measures');
    expect(security).toMatchObject({ key: `enhanced_security_measures:${quarterKeyOf(now)}`, reason: '6 security tickets in the last 30 days, up from 2 in the 30 days before' });
    expect(security.evidence.map((e: { id: string }) => e.id).sort()).toEqual(recent.map((r) => r.id).sort());
    const old = j.suggestions.find((s: { stage: string }) => s.stage === 'old_intractables');
    expect(old).toMatchObject({ key: `old_intractables:problem-${problem.id}`, evidence: [{ kind: 'problem', id: problem.id, label: `${problem.reference} Basel printers drop off the network` }, { kind: 'ticket', id: printer.id }] });
    expect(old.reason).toContain('has been open 100 days');
    expect(j.suggestions.map((s: { stage: string }) => s.stage).sort()).toEqual(['enhanced_security_measures', 'old_intractables']);

    // Dismissed: gone, and stays gone; the other suggestion stays.
    expect((await w.staff.post(api(`/clients/${w.client}/journey/suggestions/${encodeURIComponent(security.key)}/dismiss`))).statusCode).toBe(204);
    const after = await ok(await w.staff.get(path));
    expect(after.suggestions.map((s: { stage: string }) => s.stage)).toEqual(['old_intractables']);
    expect((await ok(await w.staff.get(path))).suggestions).toHaveLength(1);
    expect((await w.staff.post(api(`/clients/${w.client}/journey/suggestions/nonsense/dismiss`))).json().error.fields).toHaveProperty('key');

    // Applied: the current stage is no longer suggested.
    await ok(await w.staff.post(path, { stage: 'old_intractables', effectiveOn: now.toISOString().slice(0, 10), note: 'The printers again', evidence: old.evidence.map((e: { kind: string; id: string }) => ({ kind: e.kind, id: e.id })) }), 201);
    expect((await ok(await w.staff.get(path))).suggestions).toEqual([]);
  });

  it('suggests comfortable reliability after 10 good answers and no breach in 90 days', async () => {
    const w = await world();
    const now = Date.now();
    for (let i = 0; i < 9; i++) await csat(w.tenantId, w.client, (await ticket(w.staff, w.client)).id, 5, new Date(now - (i + 1) * DAY));
    // An answer older than 90 days does not count.
    await csat(w.tenantId, w.client, (await ticket(w.staff, w.client)).id, 5, new Date(now - 95 * DAY));
    const path = api(`/clients/${w.client}/journey`);
    expect((await ok(await w.staff.get(path))).suggestions).toEqual([]);
    await csat(w.tenantId, w.client, (await ticket(w.staff, w.client)).id, 4, new Date(now - DAY));
    const [s] = (await ok(await w.staff.get(path))).suggestions;
    expect(s).toMatchObject({ stage: 'comfortable_reliability', reason: 'No breached targets and an average satisfaction of 4.90 out of 5 from 10 answers in the last 90 days' });
    expect(s.evidence).toHaveLength(10);
  });
});
