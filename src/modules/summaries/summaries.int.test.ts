import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GoalTerms } from '../../domain/pact/pact-types';
import type { SummaryDocument } from '../../domain/summaries';
import { agentFrom, createTenant, createTestApp, createUser, TEST_PASSWORD, type Agent, type TestApp } from '../../../test/support/test-app';
import { runSchedules } from './summary-batches.service';

/**
 * Executive summaries through the API with a controlled clock. The Gold contract runs on business
 * hours in Europe/London (Mon-Fri 08:00-18:00; March 2026 before the 29th is GMT = UTC). P2 on
 * Gold (remote): response 1 h, resolution 8 h.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const api = (p: string) => `/api/v1${p}`;
const at = (s: string) => new Date(s);
const u = () => randomUUID().slice(0, 8);

let address = 0;
async function signIn(email: string): Promise<Agent> {
  address++;
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password: TEST_PASSWORD }, remoteAddress: `10.79.${Math.floor(address / 250)}.${(address % 250) + 1}` });
  if (res.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'sp_session')!;
  return agentFrom(t.app, `sp_session=${cookie.value}`, res.json().csrfToken);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function ok(res: { statusCode: number; body: string; json(): any }, status = 200): Promise<any> {
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

const FAST = randomUUID();
const CALM = randomUUID();
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
    penalty: { kind: 'fixed', amountMinor: 20_000, capPerPeriodMinor: 20_000, capOverallMinor: 100_000 },
    method: 'Share of first responses within target',
  },
  { goalId: CALM, objective: 'A calm month', metric: { key: 'ticket_volume' }, scope: {}, comparator: 'lte', target: 100, period: 'monthly', minSample: 0, incentive: { kind: 'fixed', amountMinor: 5_000 }, penalty: null, method: 'Tickets opened' },
];

async function contract(agent: Agent, clientId: string, planId: string) {
  const c = await ok(await agent.post(api('/contracts'), { clientId, name: `Managed services ${u()}`, planId, startsAt: '2026-01-01T00:00:00Z' }), 201);
  await ok(await agent.patch(api(`/contracts/${c.id}`), { goals: GOALS }));
  await ok(await agent.post(api(`/contracts/${c.id}/activate`)));
  return c as { id: string };
}

async function world() {
  const { tenant, owner } = await createTenant(t.ctx);
  const agent = await signIn(owner.email);
  const client = await ok(await agent.post(api('/clients'), { name: `Acme ${u()}` }), 201);
  const site = await ok(await agent.post(api(`/clients/${client.id}/sites`), { name: 'London office', timeZone: 'Europe/London', isMain: true }), 201);
  const other = await ok(await agent.post(api('/clients'), { name: `Quiet ${u()}` }), 201);
  await ok(await agent.post(api(`/clients/${other.id}/sites`), { name: 'Leeds office', timeZone: 'Europe/London', isMain: true }), 201);
  const gold = (await t.ctx.db.selectFrom('plans').select('id').where('tenant_id', '=', tenant.id).where('name', '=', 'Gold').executeTakeFirstOrThrow()).id;
  const k = await contract(agent, client.id, gold);
  await contract(agent, other.id, gold);
  const ceo = await ok(await agent.post(api(`/clients/${client.id}/contacts`), { name: 'Carla CEO', email: `carla-${u()}@acme.test`, roles: ['primary'] }), 201);
  const cfo = await ok(await agent.post(api(`/clients/${client.id}/contacts`), { name: 'Frank CFO', email: `frank-${u()}@acme.test`, roles: ['billing'] }), 201);
  const stranger = await ok(await agent.post(api(`/clients/${other.id}/contacts`), { name: 'Quinn', email: `quinn-${u()}@quiet.test`, roles: ['technical'] }), 201);
  const clientAdmin = await signIn((await createUser(t.ctx, tenant.id, 'client_admin', { clientId: client.id })).email);
  const clientUser = await signIn((await createUser(t.ctx, tenant.id, 'client_user', { clientId: client.id })).email);
  const otherAdmin = await signIn((await createUser(t.ctx, tenant.id, 'client_admin', { clientId: other.id })).email);
  const technician = await signIn((await createUser(t.ctx, tenant.id, 'technician')).email);
  const accountManager = await signIn((await createUser(t.ctx, tenant.id, 'account_manager')).email);
  return { tenant, owner, agent, client, site, other, contract: k, ceo, cfo, stranger, clientAdmin, clientUser, otherAdmin, technician, accountManager };
}
type W = Awaited<ReturnType<typeof world>>;

async function ticket(w: W, openedAt: string, answeredAt: string | null, subject = `Printer ${u()}`) {
  t.setNow(at(openedAt));
  const created = await ok(await w.agent.post(api('/tickets'), { clientId: w.client.id, siteId: w.site.id, subject, urgency: 'high', impact: 'team' }), 201);
  if (answeredAt) {
    t.setNow(at(answeredAt));
    await ok(await w.agent.post(api(`/tickets/${created.id}/comments`), { body: 'On it', public: true }), 201);
  }
  return created as { id: string; number: number };
}

describe('an executive summary generated, written, published, delivered', () => {
  let w: W;
  const tickets: Array<{ id: string; number: number }> = [];

  beforeAll(async () => {
    w = await world();
    tickets.push(await ticket(w, '2026-03-02T09:00:00Z', '2026-03-02T09:30:00Z'));
    tickets.push(await ticket(w, '2026-03-02T10:00:00Z', '2026-03-02T12:00:00Z'));
    tickets.push(await ticket(w, '2026-03-03T09:00:00Z', '2026-03-03T09:10:00Z'));
    tickets.push(await ticket(w, '2026-02-10T09:00:00Z', '2026-02-10T09:20:00Z'));
    t.setNow(at('2026-03-02T15:00:00Z'));
    await ok(await w.agent.patch(api(`/tickets/${tickets[0]!.id}`), { status: 'resolved' }));
    await ok(await w.agent.post(api(`/tickets/${tickets[1]!.id}/time-entries`), { startedAt: '2026-03-03T07:00:00Z', endedAt: '2026-03-03T08:00:00Z', note: 'Early fix', billable: true }), 201);
    // Satisfaction, journey and a problem, written as their own features store them.
    const db = t.ctx.db;
    await db
      .insertInto('csat_surveys')
      .values([
        { tenant_id: w.tenant.id, ticket_id: tickets[0]!.id, client_id: w.client.id, recipient_email: 'x@acme.test', priority: 'P2', scale: 'five', sent_at: at('2026-03-02T15:00:00Z'), expires_at: at('2026-04-02T15:00:00Z'), rating: 5, score: 5, responded_at: at('2026-03-03T10:00:00Z') },
        { tenant_id: w.tenant.id, ticket_id: tickets[2]!.id, client_id: w.client.id, recipient_email: 'x@acme.test', priority: 'P2', scale: 'three', sent_at: at('2026-03-04T15:00:00Z'), expires_at: at('2026-04-04T15:00:00Z'), rating: 2, score: 3, responded_at: at('2026-03-05T10:00:00Z') },
      ])
      .execute();
    const round = await db.insertInto('nps_rounds').values({ tenant_id: w.tenant.id, quarter_key: '2026-Q1', started_at: at('2026-02-01T09:00:00Z'), expires_at: at('2026-03-31T00:00:00Z') }).returning('id').executeTakeFirstOrThrow();
    await db
      .insertInto('nps_surveys')
      .values([9, 10, 3].map((score, i) => ({ tenant_id: w.tenant.id, round_id: round.id, quarter_key: '2026-Q1', client_id: w.client.id, email: `n${i}@acme.test`, sent_at: at('2026-02-01T09:00:00Z'), expires_at: at('2026-03-31T00:00:00Z'), score, responded_at: at(`2026-02-1${i}T09:00:00Z`) })))
      .execute();
    await db.insertInto('journey_stage_changes').values({ tenant_id: w.tenant.id, client_id: w.client.id, stage: 'easy_wins', effective_on: '2026-03-10', note: 'Quick fixes landed', evidence: JSON.stringify([]) as never, created_by: w.owner.id }).execute();
    await db.insertInto('problems').values({ tenant_id: w.tenant.id, number: 1, client_id: w.client.id, title: 'Printers jam', plan: 'Replace the fleet', opened_at: at('2026-02-01T00:00:00Z'), created_by: w.owner.id }).execute();
    t.setNow(at('2026-04-10T10:00:00Z'));
    // The month's scorecard, so the summary's goals have something to read.
    await ok(await w.agent.post(api(`/contracts/${w.contract.id}/scorecards`), { periodKey: '2026-03' }), 201);
  });
  afterAll(() => t.setNow(null));

  it('refuses periods not ended or malformed, naming periodKey, and writes nothing', async () => {
    for (const [periodKey, why] of [
      ['2026-04', /not ended/],
      ['2026-Q2', /not ended/],
      ['2026-13', /month|quarter/],
      ['2025-06', /no activated contract/],
    ] as const) {
      const r = await w.agent.post(api(`/clients/${w.client.id}/summaries`), { periodKey });
      expect(r.statusCode, periodKey).toBe(400);
      expect(r.json().error.fields.periodKey).toMatch(why);
    }
    expect(await t.ctx.db.selectFrom('executive_summaries').select('id').where('tenant_id', '=', w.tenant.id).execute()).toEqual([]);
  });

  it('generates a draft whose figures are the scorecard and satisfaction figures', async () => {
    const r = await w.accountManager.post(api(`/clients/${w.client.id}/summaries`), { periodKey: '2026-03' });
    const s = await ok(r, 201);
    expect(r.headers.etag).toBe(`"${s.version}"`);
    expect(s).toMatchObject({ clientId: w.client.id, periodKey: '2026-03', periodLabel: 'March 2026', status: 'draft', narrative: '', publishedAt: null });
    const doc = s.document as SummaryDocument;
    const card = await ok(await w.agent.get(api(`/contracts/${w.contract.id}/scorecards/2026-03`)));
    const fast = card.document.goals.find((g: { goalId: string }) => g.goalId === FAST);
    // 2 of 3 first responses in time, as the scorecard's goal measured it.
    expect(doc.headline.firstResponseCompliance).toEqual({ value: fast.value, sample: fast.sample });
    expect(doc.headline.firstResponseCompliance.value).toBe(66.67);
    expect(doc.serviceLevels.map((p) => p.periodKey)).toEqual(['2025-12', '2026-01', '2026-02', '2026-03']);
    expect(doc.serviceLevels[2]).toMatchObject({ opened: 1, firstResponseCompliance: { value: 100, sample: 1 } });
    // Open at the end of March: the two March tickets not resolved and February's.
    expect(doc.volumes).toMatchObject({ opened: 3, resolved: 1, backlogAtEnd: 3, bySite: [{ label: 'London office', count: 3 }] });
    expect(doc.goals.items.map((g) => [g.objective, g.outcome, g.amountMinor])).toEqual([
      ['Fast answers', 'missed', -20_000],
      ['A calm month', 'met', 5_000],
    ]);
    expect(doc.goals).toMatchObject({ creditsMinor: -20_000, incentivesMinor: 5_000, netMinor: -15_000, currency: 'EUR', missingMonths: [] });
    // CSAT: a 5 and a three-point "okay" (3): mean 4, one of two positive. NPS of Q1: 2 promoters, 1 detractor.
    expect(doc.satisfaction.csatAverage).toEqual({ value: 4, sample: 2 });
    expect(doc.satisfaction.csatPositive.value).toBe(50);
    expect(doc.satisfaction.nps).toMatchObject({ value: 33.33, sample: 3, promoters: 2, detractors: 1 });
    expect(doc.satisfaction.journey.current).toMatchObject({ stage: 'easy_wins', since: '2026-03-10' });
    expect(doc.topIssues.problems.map((p) => p.title)).toEqual(['Printers jam']);
    expect(doc.afterHours).toMatchObject({ hours: 1, billableHours: 1, nonBillableHours: 0 });
    expect(doc.changes.recorded).toBe(false);

    const list = await ok(await w.agent.get(api(`/clients/${w.client.id}/summaries`)));
    expect(list.items).toEqual([expect.objectContaining({ periodKey: '2026-03', status: 'draft', headline: expect.objectContaining({ opened: 3 }) })]);
  });

  it('keeps the narrative when regenerated, guards it with If-Match', async () => {
    const s = await ok(await w.agent.get(api(`/clients/${w.client.id}/summaries/2026-03`)));
    const stale = await w.agent.request(api(`/clients/${w.client.id}/summaries/2026-03`), { method: 'PATCH', body: { narrative: 'x' }, headers: { 'if-match': `"${s.version + 5}"` } });
    expect(stale.statusCode).toBe(412);
    const long = await w.agent.patch(api(`/clients/${w.client.id}/summaries/2026-03`), { narrative: 'x'.repeat(20_001) });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.fields).toHaveProperty('narrative');
    const written = await ok(await w.agent.request(api(`/clients/${w.client.id}/summaries/2026-03`), { method: 'PATCH', body: { narrative: 'March was busy.  \r\n\r\nPrinters are being replaced.' }, headers: { 'if-match': `"${s.version}"` } }));
    expect(written.narrative).toBe('March was busy.\n\nPrinters are being replaced.');
    expect(written.narrativeBy.id).toBeTruthy();
    const again = await ok(await w.agent.post(api(`/clients/${w.client.id}/summaries`), { periodKey: '2026-03' }));
    expect(again).toMatchObject({ narrative: 'March was busy.\n\nPrinters are being replaced.', status: 'draft' });
  });

  it('hides drafts from the client admin; publishing shows it, and freezes it', async () => {
    expect((await ok(await w.clientAdmin.get(api(`/clients/${w.client.id}/summaries`)))).items).toEqual([]);
    expect((await w.clientAdmin.get(api(`/clients/${w.client.id}/summaries/2026-03`))).statusCode).toBe(404);
    expect((await w.clientAdmin.get(api(`/clients/${w.client.id}/summaries/2026-03.pdf`))).statusCode).toBe(404);
    expect((await w.technician.post(api(`/clients/${w.client.id}/summaries/2026-03/publish`))).statusCode).toBe(403);

    const published = await ok(await w.accountManager.post(api(`/clients/${w.client.id}/summaries/2026-03/publish`)));
    expect(published).toMatchObject({ status: 'published', publishedAt: '2026-04-10T10:00:00.000Z' });
    const seen = await ok(await w.clientAdmin.get(api(`/clients/${w.client.id}/summaries/2026-03`)));
    expect(seen).toMatchObject({ status: 'published', narrative: 'March was busy.\n\nPrinters are being replaced.' });
    const pdf = await w.clientAdmin.get(api(`/clients/${w.client.id}/summaries/2026-03.pdf`));
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/executive-summary-acme-.*-2026-03\.pdf/);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const regen = await w.agent.post(api(`/clients/${w.client.id}/summaries`), { periodKey: '2026-03' });
    expect(regen.statusCode).toBe(409);
    expect((await w.agent.patch(api(`/clients/${w.client.id}/summaries/2026-03`), { narrative: 'later' })).statusCode).toBe(409);
    expect((await w.agent.post(api(`/clients/${w.client.id}/summaries/2026-03/publish`))).statusCode).toBe(409);
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('tenant_id', '=', w.tenant.id).where('action', '=', 'executive_summary.published').execute();
    expect(audit).toHaveLength(1);
  });

  it('e-mails the PDF to chosen contacts of the client only, and logs each delivery', async () => {
    const foreign = await w.agent.post(api(`/clients/${w.client.id}/summaries/2026-03/deliveries`), { contactIds: [w.ceo.id, w.stranger.id] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.fields.contactIds).toContain(w.stranger.id);
    expect((await w.agent.post(api(`/clients/${w.client.id}/summaries/2026-03/deliveries`), { contactIds: [] })).statusCode).toBe(400);

    const sent = await ok(await w.accountManager.post(api(`/clients/${w.client.id}/summaries/2026-03/deliveries`), { contactIds: [w.ceo.id, w.cfo.id] }), 201);
    expect(sent.items.map((d: { email: string }) => d.email).sort()).toEqual([w.ceo.email, w.cfo.email].sort());
    const mails = await t.ctx.db.selectFrom('outbox_emails').select(['id', 'to_address', 'subject', 'body_text']).where('tenant_id', '=', w.tenant.id).where('kind', '=', 'executive_summary').execute();
    expect(mails.map((m) => m.to_address).sort()).toEqual([w.ceo.email, w.cfo.email].sort());
    expect(mails[0]!.subject).toBe(`Executive summary for ${w.client.name}, March 2026`);
    expect(mails.find((m) => m.to_address === w.ceo.email)!.body_text).toContain('Dear Carla CEO');
    const files = await t.ctx.db.selectFrom('outbox_attachments').select(['email_id', 'filename', 'content_type', 'content']).where('tenant_id', '=', w.tenant.id).execute();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatchObject({ content_type: 'application/pdf' });
    expect(files[0]!.filename).toMatch(/^executive-summary-acme-.*-2026-03\.pdf$/);
    expect(Buffer.from(files[0]!.content).subarray(0, 5).toString()).toBe('%PDF-');

    // The log reads each e-mail's state from the outbox.
    await t.ctx.db.updateTable('outbox_emails').set({ sent_at: at('2026-04-10T10:01:00Z') }).where('id', '=', mails.find((m) => m.to_address === w.ceo.email)!.id).execute();
    const log = await ok(await w.agent.get(api(`/clients/${w.client.id}/summaries/2026-03/deliveries`)));
    const byEmail = Object.fromEntries(log.items.map((d: { email: string }) => [d.email, d]));
    expect(byEmail[w.ceo.email]).toMatchObject({ status: 'sent', sentAt: '2026-04-10T10:01:00.000Z', contact: { id: w.ceo.id, name: 'Carla CEO' } });
    expect(byEmail[w.cfo.email]).toMatchObject({ status: 'queued', sentAt: null });
    expect((await w.clientAdmin.get(api(`/clients/${w.client.id}/summaries/2026-03/deliveries`))).statusCode).toBe(403);
  });

  it('delivering a draft publishes it first', async () => {
    t.setNow(at('2026-04-10T11:00:00Z'));
    await ok(await w.agent.post(api(`/clients/${w.client.id}/summaries`), { periodKey: '2026-02' }), 201);
    await ok(await w.agent.post(api(`/clients/${w.client.id}/summaries/2026-02/deliveries`), { contactIds: [w.ceo.id] }), 201);
    expect(await ok(await w.clientAdmin.get(api(`/clients/${w.client.id}/summaries/2026-02`)))).toMatchObject({ status: 'published', publishedAt: '2026-04-10T11:00:00.000Z' });
  });

  it('keeps other tenants and clients out', async () => {
    const { owner } = await createTenant(t.ctx);
    const outsider = await signIn(owner.email);
    expect((await outsider.get(api(`/clients/${w.client.id}/summaries`))).statusCode).toBe(404);
    expect((await outsider.get(api(`/clients/${w.client.id}/summaries/2026-03`))).statusCode).toBe(404);
    expect((await outsider.post(api(`/clients/${w.client.id}/summaries`), { periodKey: '2026-03' })).statusCode).toBe(404);
    expect((await w.otherAdmin.get(api(`/clients/${w.client.id}/summaries`))).statusCode).toBe(404);
    expect((await w.otherAdmin.get(api(`/clients/${w.client.id}/summaries/2026-03.pdf`))).statusCode).toBe(404);
    expect((await w.clientUser.get(api(`/clients/${w.client.id}/summaries`))).statusCode).toBe(403);
    expect((await w.technician.get(api(`/clients/${w.client.id}/summaries/2026-03`))).statusCode).toBe(200);
    expect((await w.technician.post(api(`/clients/${w.client.id}/summaries`), { periodKey: '2026-01' })).statusCode).toBe(403);
  });
});

describe('schedules and batches', () => {
  let w: W;
  beforeAll(async () => {
    w = await world();
    await ticket(w, '2026-03-02T09:00:00Z', '2026-03-02T09:30:00Z');
  });
  afterAll(() => t.setNow(null));

  it('lists both schedules, saves one with contacts of the client only', async () => {
    const none = await ok(await w.agent.get(api(`/clients/${w.client.id}/summary-schedules`)));
    expect(none.items).toEqual([expect.objectContaining({ period: 'monthly', enabled: false, configured: false, daysAfter: 3 }), expect.objectContaining({ period: 'quarterly', configured: false })]);
    const foreign = await w.agent.request(api(`/clients/${w.client.id}/summary-schedules/monthly`), { method: 'PUT', body: { daysAfter: 2, contactIds: [w.stranger.id], enabled: true } });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.fields).toHaveProperty('contactIds');
    const tooLate = await w.agent.request(api(`/clients/${w.client.id}/summary-schedules/monthly`), { method: 'PUT', body: { daysAfter: 21, contactIds: [], enabled: false } });
    expect(tooLate.json().error.fields).toHaveProperty('daysAfter');
    const empty = await w.agent.request(api(`/clients/${w.client.id}/summary-schedules/monthly`), { method: 'PUT', body: { daysAfter: 2, contactIds: [], enabled: true } });
    expect(empty.json().error.fields).toHaveProperty('contactIds');
    const saved = await ok(await w.agent.request(api(`/clients/${w.client.id}/summary-schedules/monthly`), { method: 'PUT', body: { daysAfter: 2, contactIds: [w.ceo.id], enabled: true } }));
    expect(saved).toMatchObject({ period: 'monthly', daysAfter: 2, contactIds: [w.ceo.id], enabled: true, configured: true });
    expect((await w.technician.request(api(`/clients/${w.client.id}/summary-schedules/monthly`), { method: 'PUT', body: { daysAfter: 2, contactIds: [], enabled: false } })).statusCode).toBe(403);
  });

  it('sends the last month once, two business days after it ended', async () => {
    // March ended Tuesday 31 March at midnight (London, BST); two business days later is Thursday 2 April.
    t.setNow(at('2026-04-01T12:00:00Z'));
    expect((await runSchedules(t.ctx)).failed).toEqual([]);
    expect(await t.ctx.db.selectFrom('executive_summaries').select('id').where('client_id', '=', w.client.id).execute()).toEqual([]);
    t.setNow(at('2026-04-03T09:00:00Z'));
    await runSchedules(t.ctx);
    const rows = await t.ctx.db.selectFrom('executive_summaries').select(['period_key', 'status']).where('client_id', '=', w.client.id).execute();
    expect(rows).toEqual([{ period_key: '2026-03', status: 'published' }]);
    const mails = await t.ctx.db.selectFrom('outbox_emails').select('to_address').where('tenant_id', '=', w.tenant.id).where('kind', '=', 'executive_summary').execute();
    expect(mails.map((m) => m.to_address)).toEqual([w.ceo.email]);
    t.setNow(at('2026-04-06T09:00:00Z'));
    await runSchedules(t.ctx);
    expect(await t.ctx.db.selectFrom('outbox_emails').select('id').where('tenant_id', '=', w.tenant.id).where('kind', '=', 'executive_summary').execute()).toHaveLength(1);
  });

  it("generates a period for every client with a contract in the background, leaving published ones", async () => {
    t.setNow(at('2026-04-20T09:00:00Z'));
    const refused = await w.agent.post(api('/summary-batches'), { periodKey: '2026-05' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toHaveProperty('periodKey');
    const batch = await ok(await w.accountManager.post(api('/summary-batches'), { periodKey: '2026-03' }), 202);
    expect(batch).toMatchObject({ periodKey: '2026-03', status: 'queued' });
    let b = batch;
    for (let i = 0; i < 100 && b.status !== 'done' && b.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      b = await ok(await w.agent.get(api(`/summary-batches/${batch.id}`)));
    }
    // The published March summary of the first client is left; the other client's is generated.
    expect(b).toMatchObject({ status: 'done', total: 1, done: 1, failed: 0 });
    const rows = await t.ctx.db.selectFrom('executive_summaries').select(['client_id', 'status']).where('tenant_id', '=', w.tenant.id).where('period_key', '=', '2026-03').execute();
    expect(rows.map((r) => [r.client_id, r.status]).sort()).toEqual([[w.client.id, 'published'], [w.other.id, 'draft']].sort());
    expect((await w.technician.post(api('/summary-batches'), { periodKey: '2026-03' })).statusCode).toBe(403);
    expect((await w.clientAdmin.get(api(`/summary-batches/${batch.id}`))).statusCode).toBe(403);
    const { owner } = await createTenant(t.ctx);
    expect((await (await signIn(owner.email)).get(api(`/summary-batches/${batch.id}`))).statusCode).toBe(404);
  });
});
