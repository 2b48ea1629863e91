import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csatAverageOf } from '../../domain/metrics/csat-average';
import { csatPositiveOf } from '../../domain/metrics/csat-positive';
import { csatResponseRateOf } from '../../domain/metrics/csat-response-rate';
import type { CsatFact, NpsFact, Period } from '../../domain/metrics/metric-types';
import { npsOf } from '../../domain/metrics/nps';
import type { GoalTerms } from '../../domain/pact/pact-types';
import { csatScore, type CsatScale, type JourneyStage } from '../../domain/satisfaction/satisfaction-types';
import { agentFrom, createTenant, createTestApp, createUser, TEST_PASSWORD, type Agent, type TestApp } from '../../../test/support/test-app';

/**
 * The satisfaction summary, the at-risk signals and satisfaction goals in a scorecard, on
 * hand-built surveys, journey changes, problems and scorecards (written straight into their
 * tables: the survey, journey and problem features have their own tests). Every figure is
 * checked against the metric functions on the same surveys, and against the number by hand.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const api = (p: string) => `/api/v1${p}`;
const u = () => randomUUID().slice(0, 8);
const at = (s: string) => new Date(s);
const NOW = at('2026-11-20T12:00:00Z');
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY);

let address = 0;
async function signIn(email: string): Promise<Agent> {
  address++;
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password: TEST_PASSWORD }, remoteAddress: `10.91.${Math.floor(address / 250)}.${(address % 250) + 1}` });
  if (res.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'sp_session')!;
  return agentFrom(t.app, `sp_session=${cookie.value}`, res.json().csrfToken);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function ok(res: { statusCode: number; body: string; json(): any }, status = 200): Promise<any> {
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

type World = Awaited<ReturnType<typeof world>>;

async function world() {
  t.setNow(NOW);
  const { tenant, owner } = await createTenant(t.ctx);
  const agent = await signIn(owner.email);
  const acme = await ok(await agent.post(api('/clients'), { name: `Acme ${u()}` }), 201);
  const birch = await ok(await agent.post(api('/clients'), { name: `Birch ${u()}` }), 201);
  const cedar = await ok(await agent.post(api('/clients'), { name: `Cedar ${u()}` }), 201);
  const ann = await createUser(t.ctx, tenant.id, 'technician', { name: `Ann ${u()}` });
  const bob = await createUser(t.ctx, tenant.id, 'technician', { name: `Bob ${u()}` });
  const amy = await createUser(t.ctx, tenant.id, 'account_manager', { name: 'Amy Account' });
  const max = await createUser(t.ctx, tenant.id, 'account_manager', { name: 'Max Account' });
  return { tenant, owner, agent, acme, birch, cedar, ann, bob, amy, max };
}

async function newTicket(w: World, clientId: string): Promise<{ id: string; number: number }> {
  const r = await ok(await w.agent.post(api('/tickets'), { clientId, subject: `Printer ${u()}` }), 201);
  return { id: r.id, number: r.number };
}

type SurveySpec = {
  clientId: string;
  technicianId?: string | null;
  planName?: string | null;
  category?: string | null;
  priority?: string;
  scale?: CsatScale;
  rating?: number | null;
  sent: string | Date;
  answered?: string | Date | null;
};

/** A ticket of the client and its CSAT survey as the resolution writes it; returns the fact the metrics read. */
async function survey(w: World, s: SurveySpec): Promise<CsatFact> {
  const ticket = await newTicket(w, s.clientId);
  const scale = s.scale ?? 'five';
  const answered = s.answered ? new Date(s.answered) : null;
  const rating = answered ? (s.rating ?? 5) : null;
  const score = rating === null ? null : csatScore(scale, rating);
  const sent = new Date(s.sent);
  const row = await t.ctx.db
    .insertInto('csat_surveys')
    .values({
      tenant_id: w.tenant.id,
      ticket_id: ticket.id,
      client_id: s.clientId,
      recipient_email: `r-${u()}@example.test`,
      technician_id: s.technicianId ?? null,
      category: s.category === undefined ? 'network' : s.category,
      priority: s.priority ?? 'P2',
      plan_name: s.planName === undefined ? 'Gold' : s.planName,
      scale,
      sent_at: sent,
      expires_at: new Date(sent.getTime() + 14 * DAY),
      rating,
      score,
      responded_at: answered,
      response_count: answered ? 1 : 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    surveyId: row.id,
    ticketId: ticket.id,
    ticketNumber: ticket.number,
    ticketSubject: '',
    priority: s.priority ?? 'P2',
    category: (s.category === undefined ? 'network' : s.category) as CsatFact['category'],
    siteId: null,
    technicianId: s.technicianId ?? null,
    planName: s.planName === undefined ? 'Gold' : s.planName,
    scale,
    rating,
    score,
    sentAt: sent,
    respondedAt: answered,
  };
}

const rounds = new Map<string, string>();
/** An NPS answer of a contact of the client in the quarter's round. */
async function npsAnswer(w: World, clientId: string, quarter: string, score: number | null, answered: string | Date): Promise<NpsFact> {
  const key = `${w.tenant.id}|${quarter}`;
  let roundId = rounds.get(key);
  if (!roundId) {
    roundId = (
      await t.ctx.db
        .insertInto('nps_rounds')
        .values({ tenant_id: w.tenant.id, quarter_key: quarter, started_at: at('2026-01-01T00:00:00Z'), expires_at: at('2027-12-31T00:00:00Z'), recipient_count: 0 })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    rounds.set(key, roundId);
  }
  const respondedAt = score === null ? null : new Date(answered);
  const sentAt = at('2026-01-01T00:00:00Z');
  const row = await t.ctx.db
    .insertInto('nps_surveys')
    .values({ tenant_id: w.tenant.id, round_id: roundId, quarter_key: quarter, client_id: clientId, email: `c-${u()}@example.test`, sent_at: sentAt, expires_at: at('2027-12-31T00:00:00Z'), score, responded_at: respondedAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { surveyId: row.id, score, sentAt, respondedAt };
}

// October 2026 as the summary's period (UTC days 1 to 31).
const OCTOBER: Period = { key: 'october', from: at('2026-10-01T00:00:00Z'), to: at('2026-11-01T00:00:00Z') };
const figures = (csat: CsatFact[], nps: NpsFact[] | null) => ({
  csat: {
    average: csatAverageOf(csat, OCTOBER).value,
    positivePercent: csatPositiveOf(csat, OCTOBER).value,
    responses: csatAverageOf(csat, OCTOBER).sample,
    sent: csatResponseRateOf(csat, OCTOBER).sample,
    responseRate: csatResponseRateOf(csat, OCTOBER).value,
  },
  nps: nps ? { nps: npsOf(nps, OCTOBER).value, responses: npsOf(nps, OCTOBER).sample } : null,
});

describe('GET /satisfaction/summary', () => {
  let w: World;
  let s: Record<string, CsatFact>;
  let n: Record<string, NpsFact>;
  beforeAll(async () => {
    w = await world();
    s = {
      // Acme: answered in October (good, and three-point bad), answered after it, never answered.
      t1: await survey(w, { clientId: w.acme.id, technicianId: w.ann.id, category: 'network', priority: 'P1', rating: 5, sent: '2026-10-02T09:00:00Z', answered: '2026-10-02T10:00:00Z' }),
      t2: await survey(w, { clientId: w.acme.id, technicianId: w.ann.id, category: 'network', scale: 'three', rating: 1, sent: '2026-10-03T09:00:00Z', answered: '2026-10-04T10:00:00Z' }),
      t3: await survey(w, { clientId: w.acme.id, technicianId: w.bob.id, category: 'hardware', rating: 4, sent: '2026-10-05T09:00:00Z', answered: '2026-11-02T10:00:00Z' }),
      t4: await survey(w, { clientId: w.acme.id, technicianId: w.bob.id, category: null, planName: null, sent: '2026-10-10T09:00:00Z' }),
      // Birch: sent in September, answered "good" on 1 October.
      t5: await survey(w, { clientId: w.birch.id, technicianId: null, category: 'software', planName: 'Silver', scale: 'three', rating: 3, sent: '2026-09-28T09:00:00Z', answered: '2026-10-01T00:00:00Z' }),
      // Outside the period altogether: sent and answered in November, answered on the last second of September.
      t6: await survey(w, { clientId: w.acme.id, technicianId: w.ann.id, rating: 1, sent: '2026-11-05T09:00:00Z', answered: '2026-11-05T10:00:00Z' }),
      t7: await survey(w, { clientId: w.acme.id, technicianId: w.ann.id, rating: 1, sent: '2026-09-29T09:00:00Z', answered: '2026-09-30T23:59:59Z' }),
    };
    n = {
      a1: await npsAnswer(w, w.acme.id, '2026-Q4', 10, '2026-10-10T09:00:00Z'),
      a2: await npsAnswer(w, w.acme.id, '2026-Q4', 9, '2026-10-11T09:00:00Z'),
      a3: await npsAnswer(w, w.acme.id, '2026-Q4', 3, '2026-10-31T23:59:00Z'),
      a4: await npsAnswer(w, w.acme.id, '2026-Q3', 0, '2026-09-15T09:00:00Z'),
      b1: await npsAnswer(w, w.birch.id, '2026-Q4', 7, '2026-10-12T09:00:00Z'),
    };
    // Another MSP's survey in the same month is never counted.
    const other = await world();
    await survey(other, { clientId: other.acme.id, rating: 1, sent: '2026-10-02T09:00:00Z', answered: '2026-10-02T10:00:00Z' });
  });
  const query = (by: string, extra = '') => api(`/satisfaction/summary?from=2026-10-01&to=2026-10-31&by=${by}${extra}`);

  it('by client: CSAT and NPS per client, figures from the metric functions', async () => {
    const r = await ok(await w.agent.get(query('client')));
    expect(r).toMatchObject({ by: 'client', from: '2026-10-01', to: '2026-10-31' });
    const acme = [s.t1!, s.t2!, s.t3!, s.t4!, s.t6!, s.t7!];
    expect(r.rows).toEqual([
      { key: w.acme.id, label: w.acme.name, ...figures(acme, [n.a1!, n.a2!, n.a3!, n.a4!]) },
      { key: w.birch.id, label: w.birch.name, ...figures([s.t5!], [n.b1!]) },
    ]);
    // By hand: Acme answered 5 and bad (1) in October -> 3, 50 %; sent t1-t4, two answered by the end -> 50 %; NPS 10, 9, 3 -> 33.33.
    expect(r.rows[0]).toMatchObject({ csat: { average: 3, positivePercent: 50, responses: 2, sent: 4, responseRate: 50 }, nps: { nps: 33.33, responses: 3 } });
    // Birch: one "good" (5) answered at the first instant of October, sent in September; NPS one passive -> 0.
    expect(r.rows[1]).toMatchObject({ csat: { average: 5, positivePercent: 100, responses: 1, sent: 0, responseRate: null }, nps: { nps: 0, responses: 1 } });
    // All: 5, 1, 5 -> 3.67; NPS 10, 9, 3, 7 -> 50 - 25 = 25.
    expect(r.total).toEqual({ key: null, label: 'All', ...figures([s.t1!, s.t2!, s.t3!, s.t4!, s.t5!], [n.a1!, n.a2!, n.a3!, n.b1!]) });
    expect(r.total).toMatchObject({ csat: { average: 3.67, positivePercent: 66.67, responses: 3, sent: 4, responseRate: 50 }, nps: { nps: 25, responses: 4 } });
  });

  it('by technician, plan and category: groups as captured at resolution, the unassigned last; NPS only by client', async () => {
    const byTech = await ok(await w.agent.get(query('technician')));
    expect(byTech.rows).toEqual([
      { key: w.ann.id, label: w.ann.name, ...figures([s.t1!, s.t2!], null) },
      { key: w.bob.id, label: w.bob.name, ...figures([s.t3!, s.t4!], null) },
      { key: null, label: 'Unassigned', ...figures([s.t5!], null) },
    ]);
    expect(byTech.rows[1].csat).toEqual({ average: null, positivePercent: null, responses: 0, sent: 2, responseRate: 0 });

    const byPlan = await ok(await w.agent.get(query('plan')));
    expect(byPlan.rows.map((x: { label: string; csat: unknown }) => [x.label, x.csat])).toEqual([
      ['Gold', { average: 3, positivePercent: 50, responses: 2, sent: 3, responseRate: 66.67 }],
      ['Silver', { average: 5, positivePercent: 100, responses: 1, sent: 0, responseRate: null }],
      ['No plan', { average: null, positivePercent: null, responses: 0, sent: 1, responseRate: 0 }],
    ]);

    const byCategory = await ok(await w.agent.get(query('category')));
    expect(byCategory.rows.map((x: { key: string | null; label: string }) => [x.key, x.label])).toEqual([
      ['hardware', 'Hardware'],
      ['network', 'Network'],
      ['software', 'Software'],
      [null, 'Uncategorised'],
    ]);
    expect(byCategory.rows[1]).toEqual({ key: 'network', label: 'Network', ...figures([s.t1!, s.t2!], null) });
    expect(byCategory.total).toEqual(byTech.total);
  });

  it('one client: clientId narrows rows and total', async () => {
    const r = await ok(await w.agent.get(query('category', `&clientId=${w.birch.id}`)));
    expect(r.rows.map((x: { label: string }) => x.label)).toEqual(['Software']);
    expect(r.total).toEqual({ key: null, label: 'All', ...figures([s.t5!], [n.b1!]) });
    await ok(await w.agent.get(query('client', `&clientId=${randomUUID()}`)), 404);
  });

  it("the client admin sees its own client by category (the default), and nothing else", async () => {
    const admin = await signIn((await createUser(t.ctx, w.tenant.id, 'client_admin', { clientId: w.acme.id })).email);
    const r = await ok(await admin.get(api('/satisfaction/summary?from=2026-10-01&to=2026-10-31')));
    expect(r.by).toBe('category');
    expect(r.rows.map((x: { label: string }) => x.label)).toEqual(['Hardware', 'Network', 'Uncategorised']);
    expect(r.total).toEqual({ key: null, label: 'All', ...figures([s.t1!, s.t2!, s.t3!, s.t4!], [n.a1!, n.a2!, n.a3!]) });
    for (const by of ['client', 'technician', 'plan']) expect((await admin.get(query(by))).statusCode).toBe(403);
    await ok(await admin.get(query('category', `&clientId=${w.birch.id}`)), 404);
    const user = await signIn((await createUser(t.ctx, w.tenant.id, 'client_user', { clientId: w.acme.id })).email);
    expect((await user.get(query('category'))).statusCode).toBe(403);
  });

  it('names the field of bad input', async () => {
    const err = async (url: string, field: string) => {
      const r = await w.agent.get(api(url));
      expect(r.statusCode, r.body).toBe(400);
      expect(Object.keys(r.json().error.fields ?? {}).join(',')).toContain(field);
    };
    await err('/satisfaction/summary?from=2026-10-31&to=2026-10-01', 'to');
    await err('/satisfaction/summary?from=2026-02-30&to=2026-03-01', 'from');
    await err('/satisfaction/summary?from=yesterday', 'from');
    await err('/satisfaction/summary?by=site', 'by');
    await err('/satisfaction/summary?from=2020-01-01&to=2026-01-01', 'to');
    await err('/satisfaction/summary?clientId=acme', 'clientId');
  });

  it('defaults to the 90 days up to today', async () => {
    const r = await ok(await w.agent.get(api('/satisfaction/summary')));
    expect(r).toMatchObject({ by: 'client', from: '2026-08-23', to: '2026-11-20' });
  });
});

describe('at risk', () => {
  let w: World;
  let acmeStreak: CsatFact[];
  const GOAL_A = randomUUID();
  const GOAL_B = randomUUID();
  const GOAL_Q = randomUUID();
  let contractId: string;
  let problemId: string;
  beforeAll(async () => {
    w = await world();
    await t.ctx.db.updateTable('tenants').set({ risk_window_days: 30, risk_csat_drop: 0.5, risk_bad_streak: 3, risk_problem_days: 60 }).where('id', '=', w.tenant.id).execute();
    await t.ctx.db.updateTable('clients').set({ account_manager_id: w.amy.id }).where('tenant_id', '=', w.tenant.id).where('id', 'in', [w.acme.id, w.cedar.id]).execute();
    await t.ctx.db.updateTable('clients').set({ account_manager_id: w.max.id }).where('tenant_id', '=', w.tenant.id).where('id', '=', w.birch.id).execute();

    // Acme: happy 40-45 days ago, then three bad ratings in the last 30 days (a streak, and the trend).
    for (const ago of [40, 42, 45]) await survey(w, { clientId: w.acme.id, rating: 5, sent: daysAgo(ago + 1), answered: daysAgo(ago) });
    acmeStreak = [];
    for (const ago of [3, 2, 1]) acmeStreak.push(await survey(w, { clientId: w.acme.id, rating: 2, sent: daysAgo(ago + 1), answered: daysAgo(ago) }));
    // Acme is in 'old intractables' (the latest effective change; of two that day, the later recorded) with a problem open 100 days.
    const change = (stage: JourneyStage, effectiveOn: string, createdAt: string) =>
      t.ctx.db.insertInto('journey_stage_changes').values({ tenant_id: w.tenant.id, client_id: w.acme.id, stage, effective_on: effectiveOn, note: 'As discussed', evidence: JSON.stringify([]), created_by: w.owner.id, created_at: at(createdAt) }).execute();
    await change('refresh_or_migration', '2026-08-01', '2026-08-01T09:00:00Z');
    await change('old_intractables', '2026-08-01', '2026-08-01T10:00:00Z');
    await change('easy_wins', '2026-07-01', '2026-08-02T09:00:00Z');
    problemId = (
      await t.ctx.db
        .insertInto('problems')
        .values({ tenant_id: w.tenant.id, number: 41, client_id: w.acme.id, title: 'VPN drops every morning', status: 'known_error', opened_at: daysAgo(100), created_by: w.owner.id })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await t.ctx.db.insertInto('problems').values({ tenant_id: w.tenant.id, number: 42, client_id: w.acme.id, title: 'Old printer', status: 'resolved', opened_at: daysAgo(300), resolved_at: daysAgo(10), created_by: w.owner.id }).execute();

    // Acme's contract: goal A missed in September and (latest revision of) October; goal B missed in September, met in October's latest revision.
    const gold = (await t.ctx.db.selectFrom('plans').select('id').where('tenant_id', '=', w.tenant.id).where('name', '=', 'Gold').executeTakeFirstOrThrow()).id;
    const k = await ok(await w.agent.post(api('/contracts'), { clientId: w.acme.id, name: 'Managed services', planId: gold, startsAt: '2026-01-01T00:00:00Z' }), 201);
    await ok(await w.agent.post(api(`/contracts/${k.id}/activate`)));
    contractId = k.id;
    // A quarterly goal (in quarter-end months, with its quarter as period) missed in Q2 and Q3: a second goal missed twice.
    const quarterly = (periodKey: string) => (periodKey.endsWith('-06') || periodKey.endsWith('-09') ? [{ goalId: GOAL_Q, objective: 'Quarterly review held', periodKey: periodKey.endsWith('-06') ? '2026-Q2' : '2026-Q3', outcome: 'missed' }] : []);
    const doc = (periodKey: string, a: string, b: string) =>
      JSON.stringify({ goals: [{ goalId: GOAL_A, objective: 'Fast answers', periodKey, outcome: a }, { goalId: GOAL_B, objective: 'Few repeats', periodKey, outcome: b }, ...quarterly(periodKey)] });
    const card = (periodKey: string, revision: number, a: string, b: string) => ({
      tenant_id: w.tenant.id,
      contract_id: contractId,
      client_id: w.acme.id,
      period_key: periodKey,
      period_from: at(`${periodKey}-01T00:00:00Z`),
      period_to: at(`${periodKey}-28T00:00:00Z`),
      revision,
      status: 'draft' as const,
      document: doc(periodKey, a, b),
      evaluated_at: NOW,
    });
    await t.ctx.db
      .insertInto('scorecards')
      .values([card('2026-06', 1, 'met', 'met'), card('2026-07', 1, 'met', 'met'), card('2026-08', 1, 'met', 'met'), card('2026-09', 1, 'missed', 'missed'), card('2026-10', 1, 'met', 'missed'), card('2026-10', 2, 'missed', 'met')])
      .execute();

    // Birch: NPS 100 in Q2, -100 in Q3 (a drop); a single bad rating is no streak.
    for (const score of [10, 9, 10]) await npsAnswer(w, w.birch.id, '2026-Q2', score, '2026-05-10T09:00:00Z');
    for (const score of [0, 3, 6]) await npsAnswer(w, w.birch.id, '2026-Q3', score, '2026-08-10T09:00:00Z');
    await survey(w, { clientId: w.birch.id, rating: 1, sent: daysAgo(3), answered: daysAgo(2) });
    // Cedar: all well.
    for (const ago of [1, 2, 3]) await survey(w, { clientId: w.cedar.id, rating: 5, sent: daysAgo(ago + 1), answered: daysAgo(ago) });
  });

  it('lists clients with reasons in plain words, highest score first', async () => {
    const list = await ok(await w.agent.get(api('/at-risk')));
    expect(list.map((x: { client: { id: string } }) => x.client.id)).toEqual([w.acme.id, w.birch.id]);
    const [acme, birch] = list;
    expect(acme).toMatchObject({ client: { id: w.acme.id, name: w.acme.name }, accountManager: { id: w.amy.id, name: 'Amy Account' }, stage: 'old_intractables', stageLabel: 'Old intractables', score: 6 });
    expect(acme.reasons).toEqual([
      {
        rule: 'bad_rating_streak',
        text: `The last 3 satisfaction ratings were all negative (tickets ${[...acmeStreak].reverse().map((s) => `T-${s.ticketNumber}`).join(', ')}).`,
        count: 3,
        ticketIds: [...acmeStreak].reverse().map((s) => s.ticketId),
      },
      {
        rule: 'goals_missed_twice',
        text: 'Goal "Fast answers" of Managed services was missed in 2026-09 and again in 2026-10 (and 1 other goal missed twice).',
        goalId: GOAL_A,
        periods: ['2026-09', '2026-10'],
      },
      {
        rule: 'satisfaction_trend',
        text: 'Satisfaction is falling: the average rating of the last 30 days is 2 out of 5 (3 answers), down from 5 in the 30 days before (3 answers).',
        previous: 5,
        current: 2,
      },
      { rule: 'intractable_problem', text: 'Problem PRB-41 "VPN drops every morning" has been open for 100 days while the client is in "Old intractables".', problemId, openDays: 100 },
    ]);
    expect(birch).toMatchObject({ accountManager: { id: w.max.id }, stage: null, stageLabel: null, score: 1, reasons: [{ rule: 'nps_drop', previous: 100, current: -100, text: 'NPS dropped from 100 in 2026-Q2 to -100 in 2026-Q3 (3 answers).' }] });
  });

  it("filters by account manager; a client's own risk; other MSPs' clients are not found", async () => {
    const mine = await ok(await w.agent.get(api(`/at-risk?accountManagerId=${w.max.id}`)));
    expect(mine.map((x: { client: { id: string } }) => x.client.id)).toEqual([w.birch.id]);
    expect(await ok(await w.agent.get(api(`/at-risk?accountManagerId=${randomUUID()}`)))).toEqual([]);

    const cedar = await ok(await w.agent.get(api(`/clients/${w.cedar.id}/risk`)));
    expect(cedar).toEqual({ reasons: [], score: 0, evaluatedAt: NOW.toISOString() });
    const acme = await ok(await w.agent.get(api(`/clients/${w.acme.id}/risk`)));
    expect(acme.score).toBe(6);
    expect(acme.reasons.map((r: { rule: string }) => r.rule)).toEqual(['bad_rating_streak', 'goals_missed_twice', 'satisfaction_trend', 'intractable_problem']);

    const other = await world();
    await ok(await other.agent.get(api(`/clients/${w.acme.id}/risk`)), 404);
    expect(await ok(await other.agent.get(api('/at-risk')))).toEqual([]);
  });

  it('follows the tenant settings and the data: a longer streak setting, a resolved problem, an ended contract', async () => {
    await t.ctx.db.updateTable('tenants').set({ risk_bad_streak: 4, risk_problem_days: 100 }).where('id', '=', w.tenant.id).execute();
    const r = await ok(await w.agent.get(api(`/clients/${w.acme.id}/risk`)));
    // 4 latest are 2, 2, 2 and a 5: no streak; open exactly 100 days is not more than 100.
    expect(r.reasons.map((x: { rule: string }) => x.rule)).toEqual(['goals_missed_twice', 'satisfaction_trend']);
    expect(r.score).toBe(3);
    await t.ctx.db.updateTable('tenants').set({ risk_bad_streak: 3, risk_problem_days: 60 }).where('id', '=', w.tenant.id).execute();
  });

  it('is for staff only, and says why to a client admin', async () => {
    const admin = await signIn((await createUser(t.ctx, w.tenant.id, 'client_admin', { clientId: w.acme.id })).email);
    expect((await admin.get(api('/at-risk'))).statusCode).toBe(403);
    expect((await admin.get(api(`/clients/${w.acme.id}/risk`))).statusCode).toBe(403);
    const tech = await signIn((await createUser(t.ctx, w.tenant.id, 'technician')).email);
    expect((await tech.get(api('/at-risk'))).statusCode).toBe(200);
    expect((await w.agent.get(api('/at-risk?accountManagerId=amy'))).json().error.fields).toHaveProperty('accountManagerId');
  });
});

describe('satisfaction goals in a scorecard', () => {
  it('evaluates CSAT and NPS goals from the surveys of the contract client, scoped by the ticket, with the tickets behind each figure', async () => {
    const w = await world();
    const facts = [
      await survey(w, { clientId: w.acme.id, category: 'network', priority: 'P1', rating: 5, sent: '2026-10-02T09:00:00Z', answered: '2026-10-02T10:00:00Z' }),
      await survey(w, { clientId: w.acme.id, category: 'network', scale: 'three', rating: 1, sent: '2026-10-03T09:00:00Z', answered: '2026-10-04T10:00:00Z' }),
      await survey(w, { clientId: w.acme.id, category: 'hardware', rating: 4, sent: '2026-10-05T09:00:00Z', answered: '2026-11-02T10:00:00Z' }),
      await survey(w, { clientId: w.acme.id, category: null, sent: '2026-10-10T09:00:00Z' }),
    ];
    // Another client's surveys are not this contract's.
    await survey(w, { clientId: w.birch.id, category: 'network', rating: 1, sent: '2026-10-02T09:00:00Z', answered: '2026-10-02T10:00:00Z' });
    const nps = [await npsAnswer(w, w.acme.id, '2026-Q4', 10, '2026-10-10T09:00:00Z'), await npsAnswer(w, w.acme.id, '2026-Q4', 9, '2026-10-11T09:00:00Z'), await npsAnswer(w, w.acme.id, '2026-Q4', 3, '2026-10-12T09:00:00Z')];
    await npsAnswer(w, w.birch.id, '2026-Q4', 0, '2026-10-10T09:00:00Z');

    const base = { incentive: null, penalty: null, period: 'monthly', method: 'The survey', minSample: 1 } as const;
    const ids = { network: randomUUID(), rate: randomUUID(), nps: randomUUID(), p1: randomUUID() };
    const goals: GoalTerms[] = [
      { ...base, goalId: ids.network, objective: 'Happy with the network', metric: { key: 'csat_average' }, scope: { categories: ['network'] }, comparator: 'gte', target: 4 },
      { ...base, goalId: ids.rate, objective: 'People answer', metric: { key: 'csat_response_rate' }, scope: {}, comparator: 'gte', target: 50 },
      { ...base, goalId: ids.nps, objective: 'Promoters', metric: { key: 'nps' }, scope: {}, comparator: 'gte', target: 30 },
      { ...base, goalId: ids.p1, objective: 'Urgent fixes please', metric: { key: 'csat_positive' }, scope: { priorities: ['P1'] }, comparator: 'gte', target: 90 },
    ];
    const gold = (await t.ctx.db.selectFrom('plans').select('id').where('tenant_id', '=', w.tenant.id).where('name', '=', 'Gold').executeTakeFirstOrThrow()).id;
    const k = await ok(await w.agent.post(api('/contracts'), { clientId: w.acme.id, name: 'Managed services', planId: gold, startsAt: '2026-01-01T00:00:00Z' }), 201);
    // Targets outside a metric's range are refused, naming the field.
    const bad = await w.agent.patch(api(`/contracts/${k.id}`), { goals: [{ ...goals[0], target: 6 }] });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(JSON.stringify(bad.json().error.fields)).toContain('must be from 1 to 5');
    await ok(await w.agent.patch(api(`/contracts/${k.id}`), { goals }));
    await ok(await w.agent.post(api(`/contracts/${k.id}/activate`)));

    const card = await ok(await w.agent.post(api(`/contracts/${k.id}/scorecards`), { periodKey: '2026-10' }), 201);
    const byId = new Map((card.document.goals as Array<{ goalId: string; periodFrom: string; periodTo: string }>).map((g) => [g.goalId, g]));
    const g = byId.get(ids.network)!;
    const month: Period = { key: '2026-10', from: at(g.periodFrom), to: at(g.periodTo) };
    const network = facts.filter((f) => f.category === 'network');
    expect(byId.get(ids.network)).toMatchObject({ value: csatAverageOf(network, month).value, sample: 2, outcome: 'missed', unit: 'number' });
    expect(byId.get(ids.network)).toMatchObject({ value: 3 });
    expect(byId.get(ids.rate)).toMatchObject({ value: csatResponseRateOf(facts, month).value, sample: 4, outcome: 'met' });
    expect(byId.get(ids.rate)).toMatchObject({ value: 50 });
    expect(byId.get(ids.nps)).toMatchObject({ value: npsOf(nps, month).value, sample: 3, outcome: 'met', breakdown: { promoters: 2, passives: 0, detractors: 1 } });
    expect(byId.get(ids.nps)).toMatchObject({ value: 33.33 });
    expect(byId.get(ids.p1)).toMatchObject({ value: 100, sample: 1, outcome: 'met' });

    const drill = await ok(await w.agent.get(api(`/contracts/${k.id}/scorecards/2026-10/goals/${ids.network}`)));
    expect(drill.contributions.map((c: { number: number; outcome: string; value: number; note: string }) => [c.number, c.outcome, c.value, c.note])).toEqual([
      [facts[0]!.ticketNumber, 'counted', 5, 'rated 5 of 5: score 5'],
      [facts[1]!.ticketNumber, 'counted', 1, 'rated bad: score 1'],
    ]);
  });
});
