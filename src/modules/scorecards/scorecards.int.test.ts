import { randomUUID } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContractTerms, GoalTerms, ResponsibilityTerms } from '../../domain/pact/pact-types';
import { agentFrom, createTenant, createTestApp, createUser, TEST_PASSWORD, type Agent, type TestApp } from '../../../test/support/test-app';
import { closeEndedMonths, closeMonthForAllContracts, evaluateContractMonth } from './scorecard-evaluation';

/**
 * Scorecards through the API with a controlled clock. The Gold contract runs on business hours in
 * Europe/London (Mon-Fri 08:00-18:00; March 2026 before the 29th is GMT = UTC, April is BST).
 * P2 on Gold (remote): response 1 h, resolution 8 h. Gold costs 6,000.00 EUR a month (flat),
 * after-hours work 90.00 an hour x 150 %.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const api = (p: string) => `/api/v1${p}`;
const at = (s: string) => new Date(s);
const u = () => randomUUID().slice(0, 8);

// Each sign-in from its own address, so the per-address sign-in limit never trips in this file.
let address = 0;
async function signIn(email: string): Promise<Agent> {
  address++;
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password: TEST_PASSWORD }, remoteAddress: `10.78.${Math.floor(address / 250)}.${(address % 250) + 1}` });
  if (res.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'sp_session')!;
  return agentFrom(t.app, `sp_session=${cookie.value}`, res.json().csrfToken);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function ok(res: { statusCode: number; body: string; json(): any }, status = 200): Promise<any> {
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

// Goal and responsibility ids are the client's to keep across amendments: fixed here, so tests can name them.
const FAST = randomUUID();
const CALM = randomUUID();
const FIXED = randomUUID();
const HAPPY = randomUUID();
const APPROVE = randomUUID();

const GOALS: GoalTerms[] = [
  {
    goalId: FAST,
    objective: 'Fast answers',
    metric: { key: 'first_response_compliance' },
    scope: {},
    comparator: 'gte',
    target: 75,
    period: 'monthly',
    minSample: 3,
    incentive: null,
    penalty: { kind: 'percent_of_fee', percent: 10, capPerPeriodMinor: 40_000, capOverallMinor: 50_000 },
    method: 'Share of first responses within target',
  },
  {
    goalId: CALM,
    objective: 'A calm month',
    metric: { key: 'ticket_volume' },
    scope: {},
    comparator: 'lte',
    target: 100,
    period: 'monthly',
    minSample: 0,
    incentive: { kind: 'fixed', amountMinor: 5_000 },
    penalty: null,
    method: 'Tickets opened in the month',
  },
  {
    goalId: FIXED,
    objective: 'Fixed in time',
    metric: { key: 'resolution_compliance' },
    scope: {},
    comparator: 'gte',
    target: 90,
    period: 'quarterly',
    minSample: 1,
    incentive: null,
    penalty: null,
    method: 'Share of resolutions within target over the quarter',
  },
  {
    goalId: HAPPY,
    objective: 'Happy users',
    metric: { key: 'manual', manualName: 'CSAT survey score', manualUnit: 'percent' },
    scope: {},
    comparator: 'gte',
    target: 90,
    period: 'monthly',
    minSample: 1,
    incentive: null,
    penalty: null,
    method: 'The monthly user survey',
  },
];

const RESPONSIBILITIES: ResponsibilityTerms[] = [{ responsibilityId: APPROVE, description: 'Approve changes within 2 business days', measure: { kind: 'attested' }, excludeFromCompliance: false }];

/** A tenant with a client (main site in London), an active Gold contract from 2026-01-01 with the goals above, and the people around it. */
async function world() {
  const { tenant, owner } = await createTenant(t.ctx);
  const agent = await signIn(owner.email);
  const client = await ok(await agent.post(api('/clients'), { name: `Acme ${u()}` }), 201);
  await ok(await agent.post(api(`/clients/${client.id}/sites`), { name: 'London office', timeZone: 'Europe/London', isMain: true }), 201);
  const other = await ok(await agent.post(api('/clients'), { name: `Quiet ${u()}` }), 201);
  await ok(await agent.post(api(`/clients/${other.id}/sites`), { name: 'Leeds office', timeZone: 'Europe/London', isMain: true }), 201);
  const gold = (await t.ctx.db.selectFrom('plans').select('id').where('tenant_id', '=', tenant.id).where('name', '=', 'Gold').executeTakeFirstOrThrow()).id;
  const contract = await contractWithGoals(agent, client.id, gold);
  const quietContract = await contractWithGoals(agent, other.id, gold);
  const clientAdmin = await signIn((await createUser(t.ctx, tenant.id, 'client_admin', { clientId: client.id })).email);
  const clientUser = await signIn((await createUser(t.ctx, tenant.id, 'client_user', { clientId: client.id })).email);
  const otherAdmin = await signIn((await createUser(t.ctx, tenant.id, 'client_admin', { clientId: other.id })).email);
  const technician = await signIn((await createUser(t.ctx, tenant.id, 'technician')).email);
  const accountManager = await signIn((await createUser(t.ctx, tenant.id, 'account_manager')).email);
  return { tenant, owner, agent, client, other, contract, quietContract, clientAdmin, clientUser, otherAdmin, technician, accountManager };
}

/** A draft Gold contract given the goals and responsibilities, then activated. */
async function contractWithGoals(agent: Agent, clientId: string, planId: string): Promise<{ id: string }> {
  const c = await ok(await agent.post(api('/contracts'), { clientId, name: `Managed services ${u()}`, planId, startsAt: '2026-01-01T00:00:00Z' }), 201);
  const withGoals = await ok(await agent.patch(api(`/contracts/${c.id}`), { goals: GOALS, responsibilities: RESPONSIBILITIES }));
  expect((withGoals.termsNow as ContractTerms).goals?.map((g) => g.goalId)).toEqual(GOALS.map((g) => g.goalId));
  await ok(await agent.post(api(`/contracts/${c.id}/activate`)));
  return { id: c.id };
}

type W = Awaited<ReturnType<typeof world>>;

/** A P2 ticket opened at `openedAt`, answered publicly at `answeredAt`. */
async function ticket(w: W, openedAt: string, answeredAt: string | null, subject = `Printer ${u()}`) {
  t.setNow(at(openedAt));
  const created = await ok(await w.agent.post(api('/tickets'), { clientId: w.client.id, subject, urgency: 'high', impact: 'team' }), 201);
  expect(created.priority).toBe('P2');
  if (answeredAt) {
    t.setNow(at(answeredAt));
    await ok(await w.agent.post(api(`/tickets/${created.id}/comments`), { body: 'On it', public: true }), 201);
  }
  return created as { id: string; number: number; reference: string; version: number };
}

/** The text a PDF shows: its content streams inflated, hex and literal strings decoded (no pdftotext needed). */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const out: string[] = [];
  const streams = /stream\r?\n([\s\S]*?)\r?\nendstream/g;
  for (let m = streams.exec(raw); m; m = streams.exec(raw)) {
    let body: string;
    try {
      body = inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
    } catch {
      body = m[1]!;
    }
    for (const s of body.matchAll(/<([0-9a-fA-F]+)>|\(((?:\\.|[^\\)])*)\)/g)) {
      out.push(s[1] ? Buffer.from(s[1], 'hex').toString('latin1') : s[2]!.replace(/\\(.)/g, '$1'));
    }
  }
  // Standard fonts use WinAnsi, where the euro sign is byte 0x80.
  return out.join('').replace(/\x80/g, '€');
}

describe('a month evaluated, finalised and re-opened', () => {
  let w: W;
  const tickets: Array<{ id: string; number: number; reference: string }> = [];

  beforeAll(async () => {
    w = await world();
    // Monday 2 March 2026. Answered within 1 h: met; later: breached.
    tickets.push(await ticket(w, '2026-03-02T09:00:00Z', '2026-03-02T09:30:00Z', 'Met in time'));
    tickets.push(await ticket(w, '2026-03-02T10:00:00Z', '2026-03-02T12:00:00Z', 'Answered late'));
    tickets.push(await ticket(w, '2026-03-03T09:00:00Z', '2026-03-03T09:10:00Z', 'Quick one'));
    tickets.push(await ticket(w, '2026-03-04T09:00:00Z', '2026-03-04T11:00:00Z', '=HYPERLINK("http://evil")'));
    // The first is resolved within its 8 business hours; the others never are in March.
    t.setNow(at('2026-03-02T15:00:00Z'));
    await ok(await w.agent.patch(api(`/tickets/${tickets[0]!.id}`), { status: 'resolved' }));
    // One hour of billable work before opening time: after hours.
    await ok(await w.agent.post(api(`/tickets/${tickets[1]!.id}/time-entries`), { startedAt: '2026-03-03T07:00:00Z', endedAt: '2026-03-03T08:00:00Z', note: 'Early fix', billable: true }), 201);
    t.setNow(at('2026-04-02T10:00:00Z'));
  });
  afterAll(() => t.setNow(null));

  it('refuses months not yet ended or before the contract, naming periodKey', async () => {
    const notEnded = await w.agent.post(api(`/contracts/${w.contract.id}/scorecards`), { periodKey: '2026-04' });
    expect(notEnded.statusCode).toBe(400);
    expect(notEnded.json().error.fields.periodKey).toMatch(/not ended/);
    const before = await w.agent.post(api(`/contracts/${w.contract.id}/scorecards`), { periodKey: '2025-12' });
    expect(before.statusCode).toBe(400);
    expect(before.json().error.fields.periodKey).toMatch(/before the contract starts/);
    const bad = await w.agent.post(api(`/contracts/${w.contract.id}/scorecards`), { periodKey: '2026-13' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('periodKey');
    const unknownField = await w.agent.post(api(`/contracts/${w.contract.id}/scorecards`), { periodKey: '2026-03', extra: 1 });
    expect(unknownField.statusCode).toBe(400);
    // (A period-close job of another test may close the month that ended last in real time; not these.)
    expect(await t.ctx.db.selectFrom('scorecards').select('id').where('tenant_id', '=', w.tenant.id).where('period_key', 'in', ['2025-12', '2026-03', '2026-04']).execute()).toEqual([]);
  });

  it('evaluates the month: figures, outcomes, credit with its cap, incentive, statement', async () => {
    // A manual value needs its evidence note; with it, the goal is met.
    const noEvidence = await w.agent.post(api(`/contracts/${w.contract.id}/manual-values`), { goalId: HAPPY, periodKey: '2026-03', value: 95 });
    expect(noEvidence.statusCode).toBe(400);
    expect(noEvidence.json().error.fields).toHaveProperty('evidenceNote');
    const blank = await w.agent.post(api(`/contracts/${w.contract.id}/manual-values`), { goalId: HAPPY, periodKey: '2026-03', value: 95, evidenceNote: '   ' });
    expect(blank.json().error.fields).toHaveProperty('evidenceNote');
    expect((await t.ctx.db.selectFrom('manual_metric_values').select('id').where('tenant_id', '=', w.tenant.id).execute()).length).toBe(0);
    const entered = await ok(
      await w.agent.post(api(`/contracts/${w.contract.id}/manual-values`), {
        goalId: HAPPY,
        periodKey: '2026-03',
        value: 95,
        evidenceNote: 'March survey, 41 answers',
        evidenceFile: { filename: 'survey.csv', contentType: 'text/csv', dataBase64: Buffer.from('score\n95\n').toString('base64') },
      }),
      201,
    );
    expect(entered).toMatchObject({ goalId: HAPPY, periodKey: '2026-03', value: 95, hasFile: true, evidenceFilename: 'survey.csv', current: true });

    const first = await w.agent.post(api(`/contracts/${w.contract.id}/scorecards`), { periodKey: '2026-03' });
    expect(first.statusCode, first.body).toBe(201);
    const sc = first.json();
    expect(sc).toMatchObject({ periodKey: '2026-03', revision: 1, status: 'draft', finalisedAt: null, revisions: [{ revision: 1, status: 'draft' }] });
    expect(first.headers.etag).toBe(`"${sc.version}"`);
    const goals = Object.fromEntries(sc.document.goals.map((g: { goalId: string }) => [g.goalId, g]));
    expect(sc.document.goals.map((g: { goalId: string }) => g.goalId).sort()).toEqual([CALM, FAST, FIXED, HAPPY].sort());
    // 2 of 4 first responses in time: 50 % < 75 %, missed; 10 % of 6,000.00 = 600.00, capped at 400.00.
    expect(goals[FAST]).toMatchObject({ value: 50, sample: 4, outcome: 'missed', amountMinor: -40_000, periodKey: '2026-03' });
    expect(goals[FAST].contributions).toBeUndefined();
    expect(goals[CALM]).toMatchObject({ value: 4, outcome: 'met', amountMinor: 5_000 });
    // March ends the quarter: the quarterly goal is evaluated over Q1 (1 of 4 resolutions in time).
    expect(goals[FIXED]).toMatchObject({ periodKey: '2026-Q1', value: 25, sample: 4, outcome: 'missed', amountMinor: 0 });
    expect(goals[HAPPY]).toMatchObject({ value: 95, outcome: 'met', amountMinor: 0 });
    const lines = sc.document.statement.lines as Array<{ kind: string; amountMinor: number }>;
    expect(lines.find((l) => l.kind === 'plan_fee')?.amountMinor).toBe(600_000);
    expect(lines.find((l) => l.kind === 'after_hours')?.amountMinor).toBe(13_500);
    expect(lines.filter((l) => l.kind === 'service_credit').map((l) => l.amountMinor)).toEqual([-40_000]);
    expect(lines.filter((l) => l.kind === 'incentive').map((l) => l.amountMinor)).toEqual([5_000]);
    expect(sc.document.statement.subtotalMinor).toBe(600_000 + 13_500 - 40_000 + 5_000);

    // The list: latest revision per month, with its money.
    const list = await ok(await w.agent.get(api(`/contracts/${w.contract.id}/scorecards`)));
    expect(list.items).toEqual([
      expect.objectContaining({ periodKey: '2026-03', revision: 1, status: 'draft', goals: { met: 2, missed: 2, notEvaluable: 0 }, creditMinor: -40_000, incentiveMinor: 5_000, currency: 'EUR' }),
    ]);

    // Recomputing the draft gives the same figures (200, same revision, next version).
    const again = await w.agent.post(api(`/contracts/${w.contract.id}/scorecards`), { periodKey: '2026-03' });
    expect(again.statusCode).toBe(200);
    const sc2 = again.json();
    expect(sc2).toMatchObject({ revision: 1, status: 'draft', version: sc.version + 1 });
    const strip = (d: { evaluatedAt?: string }) => ({ ...d, evaluatedAt: undefined });
    expect(strip(sc2.document)).toEqual(strip(sc.document));
  });

  it('drills a goal down to its tickets', async () => {
    const g = await ok(await w.agent.get(api(`/contracts/${w.contract.id}/scorecards/2026-03/goals/${FAST}`)));
    expect(g).toMatchObject({ goalId: FAST, outcome: 'missed', scorecard: { periodKey: '2026-03', revision: 1, status: 'draft' } });
    const byNumber = new Map(g.contributions.map((c: { number: number }) => [c.number, c]));
    expect(g.contributions).toHaveLength(4);
    expect(byNumber.get(tickets[0]!.number)).toMatchObject({ ticketId: tickets[0]!.id, reference: tickets[0]!.reference, subject: 'Met in time', outcome: 'met', priority: 'P2', createdAt: '2026-03-02T09:00:00.000Z' });
    expect(byNumber.get(tickets[1]!.number)).toMatchObject({ reference: `T-${tickets[1]!.number}`, subject: 'Answered late', outcome: 'breached' });
    expect(g.contributions.filter((c: { outcome: string }) => c.outcome === 'met').map((c: { number: number }) => c.number).sort()).toEqual([tickets[0]!.number, tickets[2]!.number].sort());
    expect((await w.agent.get(api(`/contracts/${w.contract.id}/scorecards/2026-03/goals/nope`))).statusCode).toBe(404);
    expect((await w.agent.get(api(`/contracts/${w.contract.id}/scorecards/2026-02`))).statusCode).toBe(404);
  });

  it('client admins see nothing of a draft-only month; client users are refused; other clients and tenants see nothing', async () => {
    expect((await w.clientAdmin.get(api(`/contracts/${w.contract.id}/scorecards`))).json().items).toEqual([]);
    expect((await w.clientAdmin.get(api(`/contracts/${w.contract.id}/scorecards/2026-03`))).statusCode).toBe(404);
    expect((await w.clientAdmin.get(api(`/contracts/${w.contract.id}/statements/2026-03`))).statusCode).toBe(404);
    expect((await w.clientAdmin.get(api(`/contracts/${w.contract.id}/scorecards/2026-03/goals/${FAST}`))).statusCode).toBe(404);
    for (const path of ['/scorecards', '/scorecards/2026-03', '/statements/2026-03', '/statements/2026-03.csv', '/review-pack', '/goals/trend']) {
      expect((await w.clientUser.get(api(`/contracts/${w.contract.id}${path}`))).statusCode, path).toBe(403);
    }
    expect((await w.otherAdmin.get(api(`/contracts/${w.contract.id}/scorecards`))).statusCode).toBe(404);
    expect((await w.clientAdmin.post(api(`/contracts/${w.contract.id}/scorecards`), { periodKey: '2026-03' })).statusCode).toBe(403);
    expect((await w.technician.post(api(`/contracts/${w.contract.id}/scorecards`), { periodKey: '2026-03' })).statusCode).toBe(403);
    const stranger = await signIn((await createTenant(t.ctx)).owner.email);
    expect((await stranger.get(api(`/contracts/${w.contract.id}/scorecards`))).statusCode).toBe(404);
    expect((await stranger.post(api(`/contracts/${w.contract.id}/scorecards`), { periodKey: '2026-03' })).statusCode).toBe(404);
    expect((await stranger.get(api(`/contracts/${w.contract.id}/statements/2026-03.pdf`))).statusCode).toBe(404);
  });

  it('the draft statement: JSON, CSV with guarded cells and the credit line, PDF marked Draft', async () => {
    const json = await ok(await w.agent.get(api(`/contracts/${w.contract.id}/statements/2026-03`)));
    expect(json).toMatchObject({ periodKey: '2026-03', revision: 1, status: 'draft', clientName: w.client.name, statement: { currency: 'EUR', subtotalMinor: 578_500 } });
    const csv = await w.agent.get(api(`/contracts/${w.contract.id}/statements/2026-03.csv`));
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="statement-.*-2026-03-draft\.csv"/);
    const rows = csv.body.split('\r\n');
    expect(rows[0]).toBe('kind,description,quantity,unit_price (EUR),amount (EUR),note');
    expect(rows.find((r) => r.startsWith('plan_fee,'))).toMatch(/,6000\.00,/);
    expect(rows.find((r) => r.startsWith('service_credit,'))).toMatch(/,-400\.00,/);
    expect(rows.find((r) => r.startsWith('incentive,'))).toMatch(/,50\.00,/);
    expect(rows.find((r) => r.startsWith('after_hours,'))).toMatch(/,135\.00,/);
    expect(rows.find((r) => r.startsWith('subtotal,'))).toMatch(/,5785\.00,/);
    expect(rows.find((r) => r.startsWith('draft,'))).toMatch(/Draft/);
    // No cell of text starts a formula.
    for (const row of rows) for (const cell of row.split(',')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+@]/);

    const pdf = await w.agent.get(api(`/contracts/${w.contract.id}/statements/2026-03.pdf`));
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Statement (Draft)');
    expect(text).toContain(w.client.name);
    expect(text).toContain('Service credit');
    expect(text).toMatch(/-€400\.00/);
    expect(text).toContain('€5,785.00');
  });

  it('finalises with If-Match, audited; a final scorecard never changes; re-opening adds revision 2', async () => {
    const current = await w.agent.get(api(`/contracts/${w.contract.id}/scorecards/2026-03`));
    const version = current.json().version as number;
    expect(current.headers.etag).toBe(`"${version}"`);
    // Only owners, admins and account managers finalise.
    expect((await w.technician.post(api(`/contracts/${w.contract.id}/scorecards/2026-03/finalise`), {}, { 'if-match': `"${version}"` })).statusCode).toBe(403);
    expect((await w.agent.post(api(`/contracts/${w.contract.id}/scorecards/2026-03/finalise`), {}, { 'if-match': `"${version - 1}"` })).statusCode).toBe(412);
    t.setNow(at('2026-04-03T09:00:00Z'));
    const fin = await ok(await w.accountManager.post(api(`/contracts/${w.contract.id}/scorecards/2026-03/finalise`), {}, { 'if-match': `"${version}"` }));
    expect(fin).toMatchObject({ revision: 1, status: 'final', finalisedAt: '2026-04-03T09:00:00.000Z', finalisedBy: { name: 'Test account_manager' } });
    const audit = await t.ctx.db.selectFrom('audit_log').selectAll().where('tenant_id', '=', w.tenant.id).where('action', '=', 'scorecard.finalised').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ periodKey: '2026-03', revision: 1 });

    // Immutable: evaluating again is a conflict naming the state; the database refuses changes.
    const again = await w.agent.post(api(`/contracts/${w.contract.id}/scorecards`), { periodKey: '2026-03' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/final/);
    expect((await w.agent.post(api(`/contracts/${w.contract.id}/scorecards/2026-03/finalise`))).statusCode).toBe(409);
    const row = await t.ctx.db.selectFrom('scorecards').select(['id', 'document']).where('tenant_id', '=', w.tenant.id).where('contract_id', '=', w.contract.id).executeTakeFirstOrThrow();
    await expect(sql`update scorecards set status = 'draft', finalised_at = null where tenant_id = ${w.tenant.id} and id = ${row.id}`.execute(t.ctx.db)).rejects.toThrow(/final/);
    await expect(sql`update scorecards set document = '{}' where tenant_id = ${w.tenant.id} and id = ${row.id}`.execute(t.ctx.db)).rejects.toThrow(/final/);
    await expect(sql`delete from scorecards where tenant_id = ${w.tenant.id} and id = ${row.id}`.execute(t.ctx.db)).rejects.toThrow(/never deleted/);

    // The client admin now sees the final revision, and its statement.
    const seen = await ok(await w.clientAdmin.get(api(`/contracts/${w.contract.id}/scorecards/2026-03`)));
    expect(seen).toMatchObject({ revision: 1, status: 'final' });
    expect((await ok(await w.clientAdmin.get(api(`/contracts/${w.contract.id}/scorecards`)))).items).toHaveLength(1);
    const drill = await ok(await w.clientAdmin.get(api(`/contracts/${w.contract.id}/scorecards/2026-03/goals/${FAST}`)));
    expect(drill.contributions).toHaveLength(4);
    // ... and can open the tickets behind it.
    expect((await w.clientAdmin.get(api(`/tickets/${tickets[1]!.id}`))).statusCode).toBe(200);
    const finalPdf = await w.clientAdmin.get(api(`/contracts/${w.contract.id}/statements/2026-03.pdf`));
    expect(finalPdf.statusCode).toBe(200);
    expect(pdfText(finalPdf.rawPayload)).not.toContain('Draft');

    // Re-opening needs a reason.
    const noReason = await w.agent.post(api(`/contracts/${w.contract.id}/scorecards/2026-03/reopen`), {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields).toHaveProperty('reason');
    t.setNow(at('2026-04-05T09:00:00Z'));
    const reopened = await ok(await w.agent.post(api(`/contracts/${w.contract.id}/scorecards/2026-03/reopen`), { reason: 'The client disputes ticket 2' }), 201);
    expect(reopened).toMatchObject({ revision: 2, status: 'draft', reopenReason: 'The client disputes ticket 2', revisions: [{ revision: 1, status: 'final' }, { revision: 2, status: 'draft', reopenReason: 'The client disputes ticket 2' }] });
    const reopenAudit = await t.ctx.db.selectFrom('audit_log').selectAll().where('tenant_id', '=', w.tenant.id).where('action', '=', 'scorecard.reopened').execute();
    expect(reopenAudit).toHaveLength(1);
    expect(reopenAudit[0]!.details).toMatchObject({ periodKey: '2026-03', finalRevision: 1, newRevision: 2, reason: 'The client disputes ticket 2' });
    // Re-opening a draft is a conflict.
    expect((await w.agent.post(api(`/contracts/${w.contract.id}/scorecards/2026-03/reopen`), { reason: 'again' })).statusCode).toBe(409);

    // Revision 1 is untouched, and revision 2 has the same figures (same data).
    const r1 = await ok(await w.agent.get(api(`/contracts/${w.contract.id}/scorecards/2026-03?revision=1`)));
    expect(r1).toMatchObject({ revision: 1, status: 'final' });
    const after = await t.ctx.db.selectFrom('scorecards').select('document').where('tenant_id', '=', w.tenant.id).where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(after.document).toEqual(row.document);
    const strip = (d: { evaluatedAt?: string }) => ({ ...d, evaluatedAt: undefined });
    expect(strip(reopened.document)).toEqual(strip(r1.document));

    // The client admin still sees revision 1 (final), never the draft.
    expect(await ok(await w.clientAdmin.get(api(`/contracts/${w.contract.id}/scorecards/2026-03`)))).toMatchObject({ revision: 1, status: 'final' });
    expect((await w.clientAdmin.get(api(`/contracts/${w.contract.id}/scorecards/2026-03?revision=2`))).statusCode).toBe(404);
    expect((await ok(await w.clientAdmin.get(api(`/contracts/${w.contract.id}/statements/2026-03`)))).revision).toBe(1);
    // Staff see the draft revision 2 as the month's latest.
    expect((await ok(await w.agent.get(api(`/contracts/${w.contract.id}/scorecards`)))).items[0]).toMatchObject({ revision: 2, status: 'draft' });
  });

  it('caps credits over the contract: April gives what the overall cap leaves', async () => {
    // Three late first responses in April (BST: 09:00 local = 08:00 UTC).
    for (const day of ['06', '07', '08']) await ticket(w, `2026-04-${day}T08:00:00Z`, `2026-04-${day}T11:00:00Z`);
    t.setNow(at('2026-05-01T10:00:00Z'));
    const april = await ok(await w.agent.post(api(`/contracts/${w.contract.id}/scorecards`), { periodKey: '2026-04' }), 201);
    const g = april.document.goals.find((x: { goalId: string }) => x.goalId === FAST);
    // 400.00 capped per month, but 500.00 in all less 400.00 in March leaves 100.00.
    expect(g).toMatchObject({ value: 0, sample: 3, outcome: 'missed', amountMinor: -10_000 });
    // Not a quarter end: the quarterly goal is not listed.
    expect(april.document.goals.map((x: { goalId: string }) => x.goalId)).not.toContain(FIXED);
    // The manual goal has no value for April: not evaluable.
    expect(april.document.goals.find((x: { goalId: string }) => x.goalId === HAPPY)).toMatchObject({ outcome: 'not_evaluable', amountMinor: 0 });

    // Trend and review pack from the stored scorecards.
    const trend = await ok(await w.agent.get(api(`/contracts/${w.contract.id}/goals/trend?periods=12`)));
    const fast = trend.goals.find((x: { goalId: string }) => x.goalId === FAST);
    expect(fast).toMatchObject({ objective: 'Fast answers', unit: 'percent', target: 75, comparator: 'gte' });
    expect(fast.points).toEqual([
      { periodKey: '2026-03', monthKey: '2026-03', value: 50, outcome: 'missed', status: 'draft' },
      { periodKey: '2026-04', monthKey: '2026-04', value: 0, outcome: 'missed', status: 'draft' },
    ]);
    expect((await w.agent.get(api(`/contracts/${w.contract.id}/goals/trend?periods=0`))).statusCode).toBe(400);
    const clientTrend = await ok(await w.clientAdmin.get(api(`/contracts/${w.contract.id}/goals/trend`)));
    expect(clientTrend.goals.find((x: { goalId: string }) => x.goalId === FAST).points).toEqual([{ periodKey: '2026-03', monthKey: '2026-03', value: 50, outcome: 'missed', status: 'final' }]);

    const pack = await ok(await w.agent.get(api(`/contracts/${w.contract.id}/review-pack`)));
    expect(pack.latest).toMatchObject({ periodKey: '2026-04', revision: 1 });
    expect(pack.goalsMissedTwiceRunning).toEqual([{ goalId: FAST, objective: 'Fast answers', periods: ['2026-03', '2026-04'] }]);
    expect(pack.openResponsibilities).toEqual([expect.objectContaining({ responsibilityId: APPROVE, outcome: 'not_assessed' })]);
    const clientPack = await ok(await w.clientAdmin.get(api(`/contracts/${w.contract.id}/review-pack`)));
    expect(clientPack.latest).toMatchObject({ periodKey: '2026-03', revision: 1, status: 'final' });
    expect(clientPack.goalsMissedTwiceRunning).toEqual([]);
  });

  it('the same figures from evaluateContractMonth (not stored)', async () => {
    const doc = await evaluateContractMonth(t.ctx, w.tenant.id, w.contract.id, '2026-03');
    expect(doc.goals.find((g) => g.goalId === FAST)).toMatchObject({ value: 50, outcome: 'missed', amountMinor: -40_000 });
  });
});

describe('manual values, attestations and counts', () => {
  let w: W;
  beforeAll(async () => {
    w = await world();
    t.setNow(at('2026-04-02T10:00:00Z'));
  });
  afterAll(() => t.setNow(null));

  it('validates entries, keeps each one, marks the one in use, serves the evidence to staff only', async () => {
    const post = (body: Record<string, unknown>, agent = w.agent) => agent.post(api(`/contracts/${w.contract.id}/manual-values`), body);
    const base = { goalId: HAPPY, periodKey: '2026-03', value: 91, evidenceNote: 'Survey' };
    expect((await post({ ...base, goalId: FAST })).json().error.fields).toHaveProperty('goalId');
    expect((await post({ ...base, goalId: 'nope' })).json().error.fields).toHaveProperty('goalId');
    expect((await post({ ...base, periodKey: '2026-Q1' })).json().error.fields).toHaveProperty('periodKey');
    expect((await post({ ...base, value: 140 })).json().error.fields).toHaveProperty('value');
    expect((await post({ ...base, value: 'high' })).json().error.fields).toHaveProperty('value');
    expect((await post({ ...base, evidenceUrl: 'javascript:alert(1)' })).json().error.fields).toHaveProperty('evidenceUrl');
    const badType = await post({ ...base, evidenceFile: { filename: 'x.exe', contentType: 'application/x-msdownload', dataBase64: 'TVo=' } });
    expect(badType.statusCode).toBe(415);
    expect(badType.json().error.fields).toHaveProperty(['evidenceFile.contentType']);
    const tooBig = await post({ ...base, evidenceFile: { filename: 'big.txt', contentType: 'text/plain', dataBase64: Buffer.alloc(5 * 1024 * 1024 + 10, 65).toString('base64') } });
    expect(tooBig.statusCode).toBe(413);
    expect((await post(base, w.technician)).statusCode).toBe(403);
    expect((await post(base, w.clientAdmin)).statusCode).toBe(403);
    expect((await t.ctx.db.selectFrom('manual_metric_values').select('id').where('tenant_id', '=', w.tenant.id).execute()).length).toBe(0);

    const first = await ok(await post({ ...base, evidenceUrl: 'https://surveys.example/march', evidenceFile: { filename: 'march.pdf', contentType: 'application/pdf', dataBase64: Buffer.from('%PDF-1.4 test').toString('base64') } }), 201);
    t.setNow(at('2026-04-02T11:00:00Z'));
    const second = await ok(await post({ ...base, value: 93, evidenceNote: 'Survey, late answers added' }), 201);
    const list = await ok(await w.agent.get(api(`/contracts/${w.contract.id}/manual-values?periodKey=2026-03`)));
    expect(list.items.map((i: { id: string; current: boolean }) => [i.id, i.current])).toEqual([
      [second.id, true],
      [first.id, false],
    ]);
    expect((await w.clientAdmin.get(api(`/contracts/${w.contract.id}/manual-values`))).statusCode).toBe(403);

    const file = await w.agent.get(api(`/contracts/${w.contract.id}/manual-values/${first.id}/evidence`));
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="march.pdf"/);
    expect(file.rawPayload.toString()).toBe('%PDF-1.4 test');
    expect((await w.agent.get(api(`/contracts/${w.contract.id}/manual-values/${second.id}/evidence`))).statusCode).toBe(404);
    expect((await w.clientAdmin.get(api(`/contracts/${w.contract.id}/manual-values/${first.id}/evidence`))).statusCode).toBe(403);
    expect((await w.agent.get(api(`/contracts/${w.quietContract.id}/manual-values/${first.id}/evidence`))).statusCode).toBe(404);

    // The value in use is the latest one.
    const sc = await ok(await w.agent.post(api(`/contracts/${w.contract.id}/scorecards`), { periodKey: '2026-03' }), 201);
    expect(sc.document.goals.find((g: { goalId: string }) => g.goalId === HAPPY)).toMatchObject({ value: 93, outcome: 'met' });
  });

  it('attestations need a note when not kept; the latest counts', async () => {
    const post = (body: Record<string, unknown>, agent = w.agent) => agent.post(api(`/contracts/${w.contract.id}/attestations`), body);
    const missingNote = await post({ responsibilityId: APPROVE, periodKey: '2026-03', kept: false });
    expect(missingNote.statusCode).toBe(400);
    expect(missingNote.json().error.fields).toHaveProperty('note');
    expect((await post({ responsibilityId: 'nope', periodKey: '2026-03', kept: true })).json().error.fields).toHaveProperty('responsibilityId');
    expect((await post({ responsibilityId: APPROVE, periodKey: '2025-11', kept: true })).json().error.fields).toHaveProperty('periodKey');
    expect((await post({ responsibilityId: APPROVE, periodKey: '2026-03', kept: true }, w.clientAdmin)).statusCode).toBe(403);
    await ok(await post({ responsibilityId: APPROVE, periodKey: '2026-03', kept: true, note: '' }), 201);
    t.setNow(at('2026-04-02T12:00:00Z'));
    const latest = await ok(await post({ responsibilityId: APPROVE, periodKey: '2026-03', kept: false, note: 'Change 12 waited a week' }), 201);
    const list = await ok(await w.clientAdmin.get(api(`/contracts/${w.contract.id}/attestations?periodKey=2026-03`)));
    expect(list.items[0]).toMatchObject({ id: latest.id, kept: false, current: true });
    expect(list.items[1]).toMatchObject({ kept: true, current: false });
    expect((await w.clientUser.get(api(`/contracts/${w.contract.id}/attestations`))).statusCode).toBe(403);
    const sc = await ok(await w.agent.post(api(`/contracts/${w.contract.id}/scorecards`), { periodKey: '2026-03' }));
    expect(sc.document.responsibilities).toEqual([expect.objectContaining({ responsibilityId: APPROVE, outcome: 'breached' })]);
  });

  it('counts: validated, listed newest first, read by the client admin', async () => {
    const post = (body: Record<string, unknown>) => w.agent.post(api(`/contracts/${w.contract.id}/counts`), body);
    expect((await post({ kind: 'people', count: 3, effectiveFrom: '2026-03-01' })).json().error.fields).toHaveProperty('kind');
    expect((await post({ kind: 'users', count: -1, effectiveFrom: '2026-03-01' })).json().error.fields).toHaveProperty('count');
    expect((await post({ kind: 'users', count: 3, effectiveFrom: '2026-02-30' })).json().error.fields).toHaveProperty('effectiveFrom');
    await ok(await post({ kind: 'users', count: 40, effectiveFrom: '2026-01-01' }), 201);
    const c = await ok(await post({ kind: 'users', count: 45, effectiveFrom: '2026-03-01', note: 'New hires' }), 201);
    expect(c).toMatchObject({ kind: 'users', count: 45, effectiveFrom: '2026-03-01', note: 'New hires' });
    const list = await ok(await w.clientAdmin.get(api(`/contracts/${w.contract.id}/counts`)));
    expect(list.items.map((i: { count: number }) => i.count)).toEqual([45, 40]);
    expect((await w.clientUser.get(api(`/contracts/${w.contract.id}/counts`))).statusCode).toBe(403);
    expect((await w.otherAdmin.get(api(`/contracts/${w.contract.id}/counts`))).statusCode).toBe(404);
  });
});

describe('period close', () => {
  it('closes a month for every contract, a contract without tickets included: not evaluable, no credit; idempotent', async () => {
    const w = await world();
    await ticket(w, '2026-03-02T09:00:00Z', '2026-03-02T12:00:00Z');
    t.setNow(at('2026-04-01T00:30:00Z'));
    try {
      // March has ended in London (GMT+1 from 29 March: it ended 31 March 23:00 UTC).
      const progress: Array<[number, number]> = [];
      const r = await closeMonthForAllContracts(t.ctx, '2026-03', (done, total) => progress.push([done, total]), { tenantIds: [w.tenant.id] });
      expect(r).toMatchObject({ contracts: 2, created: 2, existing: 0, failed: [] });
      expect(progress.at(-1)).toEqual([2, 2]);
      const quiet = await ok(await w.agent.get(api(`/contracts/${w.quietContract.id}/scorecards/2026-03`)));
      expect(quiet).toMatchObject({ revision: 1, status: 'draft' });
      for (const g of quiet.document.goals as Array<{ goalId: string; outcome: string; amountMinor: number }>) {
        if (g.goalId === CALM) continue; // 0 tickets <= 100, no minimum sample
        expect(g, g.goalId).toMatchObject({ outcome: 'not_evaluable', amountMinor: 0 });
      }
      expect((quiet.document.statement.lines as Array<{ kind: string }>).some((l) => l.kind === 'service_credit')).toBe(false);
      const busy = await ok(await w.agent.get(api(`/contracts/${w.contract.id}/scorecards/2026-03`)));
      expect(busy.document.goals.find((g: { goalId: string }) => g.goalId === FAST)).toMatchObject({ sample: 1, outcome: 'not_evaluable', amountMinor: 0 });

      // Again: nothing new. Two at once (two servers): still one revision 1 each.
      const [a, b] = await Promise.all([closeMonthForAllContracts(t.ctx, '2026-03', undefined, { tenantIds: [w.tenant.id] }), closeMonthForAllContracts(t.ctx, '2026-03', undefined, { tenantIds: [w.tenant.id] })]);
      expect(a.created + b.created).toBe(0);
      const rows = await t.ctx.db.selectFrom('scorecards').select(['contract_id', 'revision']).where('tenant_id', '=', w.tenant.id).where('period_key', '=', '2026-03').execute();
      expect(rows).toHaveLength(2);

      // A month not yet ended is left alone.
      expect(await closeMonthForAllContracts(t.ctx, '2026-04', undefined, { tenantIds: [w.tenant.id] })).toMatchObject({ contracts: 0, created: 0 });
    } finally {
      t.setNow(null);
    }
  });

  it('the job closes each contract\'s last ended month once', async () => {
    const w = await world();
    t.setNow(at('2026-06-01T09:00:00Z'));
    try {
      const [a, b] = await Promise.all([closeEndedMonths(t.ctx, { tenantIds: [w.tenant.id] }), closeEndedMonths(t.ctx, { tenantIds: [w.tenant.id] })]);
      expect(a.created + b.created).toBe(2);
      const rows = await t.ctx.db
        .selectFrom('scorecards')
        .select(['contract_id', 'period_key', 'revision', 'status'])
        .where('tenant_id', '=', w.tenant.id)
        .where('period_key', '<=', '2026-05')
        .orderBy('contract_id')
        .execute();
      expect(rows.map((r) => [r.period_key, r.revision, r.status])).toEqual([
        ['2026-05', 1, 'draft'],
        ['2026-05', 1, 'draft'],
      ]);
      expect((await closeEndedMonths(t.ctx, { tenantIds: [w.tenant.id] })).created).toBe(0);
    } finally {
      t.setNow(null);
    }
  });
});
