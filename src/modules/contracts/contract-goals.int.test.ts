import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { agentFrom, createTenant, createTestApp, createUser, TEST_PASSWORD, type Agent, type TestApp } from '../../../test/support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const api = (p: string) => `/api/v1${p}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// Each sign-in from its own address, so the per-address sign-in limit never trips in this file.
let address = 0;
async function signIn(email: string): Promise<Agent> {
  address++;
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password: TEST_PASSWORD }, remoteAddress: `10.78.${Math.floor(address / 250)}.${(address % 250) + 1}` });
  if (res.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'sp_session')!;
  return agentFrom(t.app, `sp_session=${cookie.value}`, res.json().csrfToken);
}

async function ok(res: { statusCode: number; body: string; json(): any }, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

/** A tenant, a client with two sites and its client admin, and another client with a site and a user. */
async function world() {
  const { tenant, owner } = await createTenant(t.ctx);
  const agent = await signIn(owner.email);
  const client = await ok(await agent.post(api('/clients'), { name: `Contoso ${randomUUID().slice(0, 6)}` }), 201);
  const berlin = await ok(await agent.post(api(`/clients/${client.id}/sites`), { name: 'Berlin office', timeZone: 'Europe/Berlin', travelMinutes: 35, isMain: true }), 201);
  const hamburg = await ok(await agent.post(api(`/clients/${client.id}/sites`), { name: 'Hamburg depot', timeZone: 'Europe/Berlin' }), 201);
  const other = await ok(await agent.post(api('/clients'), { name: `Other ${randomUUID().slice(0, 6)}` }), 201);
  const elsewhere = await ok(await agent.post(api(`/clients/${other.id}/sites`), { name: 'Paris', timeZone: 'Europe/Paris', isMain: true }), 201);
  const clientAdmin = await signIn((await createUser(t.ctx, tenant.id, 'client_admin', { clientId: client.id, name: 'Clara Client' })).email);
  const otherUser = await signIn((await createUser(t.ctx, tenant.id, 'client_user', { clientId: other.id })).email);
  const otherAdmin = await signIn((await createUser(t.ctx, tenant.id, 'client_admin', { clientId: other.id })).email);
  const gold = (await t.ctx.db.selectFrom('plans').select('id').where('tenant_id', '=', tenant.id).where('name', '=', 'Gold').executeTakeFirstOrThrow()).id;
  return { tenant, agent, client, berlin, hamburg, elsewhere, clientAdmin, otherUser, otherAdmin, gold };
}
type World = Awaited<ReturnType<typeof world>>;

async function activeContract(w: World) {
  const c = await ok(await w.agent.post(api('/contracts'), { clientId: w.client.id, name: 'Managed services', planId: w.gold, startsAt: '2026-01-01T00:00:00Z' }), 201);
  await ok(await w.agent.post(api(`/contracts/${c.id}/activate`)));
  return c;
}

/** The example goal of docs/api-goals.md, without an id: the server assigns one. */
const fastAnswers = (extra: Record<string, unknown> = {}) => ({
  objective: 'Fast answers',
  metric: { key: 'first_response_compliance' },
  comparator: 'gte',
  target: 95,
  period: 'monthly',
  minSample: 20,
  incentive: null,
  penalty: { kind: 'percent_of_fee', percent: 5, capPerPeriodMinor: 20_000, capOverallMinor: 100_000 },
  method: 'Share of first-response clocks met among those decided in the month.',
  ...extra,
});
const answerRequests = { description: 'Answer information requests within 8 business hours', measure: { kind: 'waiting_on_client', allowance: { unit: 'minutes', minutes: 480 } }, excludeFromCompliance: true };

// 1 Mar 2026, midnight in Berlin (the contract's zone).
const propose = (w: World, contractId: string, changes: unknown[], effectiveAt = '2026-02-28T23:00:00Z') => w.agent.post(api(`/contracts/${contractId}/amendments`), { effectiveAt, changes });

describe('goals and responsibilities by amendment', () => {
  it('proposes a goal and a responsibility; the client admin accepts; the terms in force and the schedule list them', async () => {
    t.setNow(new Date('2026-02-20T12:00:00Z'));
    onTestFinished(() => t.setNow(null));
    const w = await world();
    const c = await activeContract(w);
    // Terms agreed before any goal: the view lists none.
    const before = await ok(await w.agent.get(api(`/contracts/${c.id}`)));
    expect(before.termsNow).toMatchObject({ goals: [], responsibilities: [], plan: { hourlyRateMinor: 9000 } });

    const a = await ok(
      await propose(w, c.id, [
        { type: 'goal_set', goal: fastAnswers({ scope: { priorities: ['P1', 'P2'], siteIds: [w.berlin.id] } }) },
        { type: 'responsibility_set', responsibility: answerRequests },
      ]),
      201,
    );
    expect(a.summary).toBe(
      "From 1 Mar 2026: adds goal 'Fast answers' (first-response compliance for P1 and P2 tickets, at Berlin office >= 95 % per month, at least 20 tickets; credit 5 % of the monthly fee when missed, at most 200.00 per month and 1,000.00 in all); adds your responsibility 'Answer information requests within 8 business hours' (measured by the time each ticket waits on you, at most 8 business hours per ticket; tickets where it is not kept are left out of the compliance figures).",
    );
    const goalId = a.changes[0].goal.goalId;
    expect(goalId).toMatch(UUID);
    expect(a.changes[1].responsibility.responsibilityId).toMatch(UUID);
    expect(a.terms.goals).toEqual([{ goalId, scope: { priorities: ['P1', 'P2'], siteIds: [w.berlin.id] }, ...fastAnswers() }].map((g) => expect.objectContaining(g)));

    // The client admin sees the proposal with its terms, and accepts it.
    const pending = await ok(await w.clientAdmin.get(api(`/contracts/${c.id}`)));
    expect(pending.pendingAmendments[0].terms.goals[0]).toMatchObject({ goalId, objective: 'Fast answers' });
    const accepted = await ok(await w.clientAdmin.post(api(`/contracts/${c.id}/amendments/2/accept`)));
    expect(accepted.inForceFrom).toBe('2026-02-28T23:00:00.000Z');
    t.setNow(new Date('2026-03-02T09:00:00Z'));
    const view = await ok(await w.clientAdmin.get(api(`/contracts/${c.id}`)));
    expect(view.termsVersion).toBe(2);
    expect(view.termsNow.goals).toEqual([expect.objectContaining({ goalId, objective: 'Fast answers', target: 95, penalty: { kind: 'percent_of_fee', percent: 5, capPerPeriodMinor: 20_000, capOverallMinor: 100_000 } })]);
    expect(view.termsNow.responsibilities).toEqual([expect.objectContaining({ description: answerRequests.description, excludeFromCompliance: true })]);

    const html = await w.clientAdmin.get(api(`/contracts/${c.id}/schedule`));
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('<h2>Goals</h2>');
    expect(html.body).toContain('<h3>Fast answers</h3>');
    expect(html.body).toContain('First-response compliance, for P1 and P2 tickets, at Berlin office');
    expect(html.body).toContain('A service credit of 5 % of the monthly fee, at most 200.00 EUR per month and 1,000.00 EUR in all');
    expect(html.body).toContain('<h2>Your responsibilities</h2>');
    expect(html.body).toContain('Answer information requests within 8 business hours');
    const pdf = await w.clientAdmin.get(api(`/contracts/${c.id}/schedule.pdf`));
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // Changing the goal by its id replaces it; removing it by id takes it out.
    const april = '2026-03-31T22:00:00Z';
    const changed = await ok(await propose(w, c.id, [{ type: 'goal_set', goal: { ...fastAnswers({ target: 97, penalty: null }), goalId } }], april), 201);
    expect(changed.summary).toBe("Changes goal 'Fast answers' from 1 Apr 2026: first-response compliance >= 97 % per month, at least 20 tickets.");
    expect(changed.terms.goals).toEqual([expect.objectContaining({ goalId, target: 97, penalty: null, scope: {} })]);
    const removed = await ok(await propose(w, c.id, [{ type: 'goal_removed', goalId }], april), 201);
    expect(removed.summary).toBe("Removes goal 'Fast answers' from 1 Apr 2026.");
    expect(removed.terms.goals).toEqual([]);
    expect(removed.terms.responsibilities).toHaveLength(1);
  });

  it('refuses bad goals and responsibilities with 400 naming the field, and stores nothing', async () => {
    const w = await world();
    const c = await activeContract(w);
    const cases: [string, unknown[], string, RegExp?][] = [
      ['a 140 % target', [{ type: 'goal_set', goal: fastAnswers({ target: 140 }) }], 'changes[0].goal.target', /percentage from 0 to 100/],
      ['a penalty with no cap', [{ type: 'goal_set', goal: fastAnswers({ penalty: { kind: 'fixed', amountMinor: 10_000 } }) }], 'changes[0].goal.penalty.capPerPeriodMinor', /capped per period/],
      ['a site of another client', [{ type: 'goal_set', goal: fastAnswers({ scope: { siteIds: [w.hamburg.id, w.elsewhere.id] } }) }], 'changes[0].goal.scope.siteIds[1]', /not a site of the contract's client/],
      ['a priority outside the matrix', [{ type: 'goal_set', goal: fastAnswers({ scope: { priorities: ['P9'] } }) }], 'changes[0].goal.scope.priorities[0]', /not a priority/],
      ['an unknown category', [{ type: 'goal_set', goal: fastAnswers({ scope: { categories: ['printers'] } }) }], 'changes[0].goal.scope.categories[0]', /not a catalog category/],
      ['an unknown metric', [{ type: 'goal_set', goal: fastAnswers({ metric: { key: 'happiness' } }) }], 'changes[0].goal.metric.key', /not a metric of the library/],
      ['a backlog goal without its age', [{ type: 'goal_set', goal: fastAnswers({ metric: { key: 'backlog_older_than' }, target: 3 }) }], 'changes[0].goal.metric.businessDays'],
      ['a manual goal without a name', [{ type: 'goal_set', goal: fastAnswers({ metric: { key: 'manual', manualUnit: 'percent' }, minSample: 1 }) }], 'changes[0].goal.metric.manualName'],
      ['an empty method', [{ type: 'goal_set', goal: fastAnswers({ method: '' }) }], 'changes[0].goal.method', /is required/],
      ['removing an unknown goal, second', [{ type: 'responsibility_set', responsibility: answerRequests }, { type: 'goal_removed', goalId: randomUUID() }], 'changes[1].goalId', /not a goal of this contract/],
      ['removing an unknown responsibility', [{ type: 'responsibility_removed', responsibilityId: randomUUID() }], 'changes[0].responsibilityId'],
      ['a waiting allowance of 0', [{ type: 'responsibility_set', responsibility: { ...answerRequests, measure: { kind: 'waiting_on_client', allowance: { unit: 'minutes', minutes: 0 } } } }], 'changes[0].responsibility.measure.allowance'],
      ['a waiting responsibility without allowance', [{ type: 'responsibility_set', responsibility: { ...answerRequests, measure: { kind: 'waiting_on_client' } } }], 'changes[0].responsibility.measure.allowance'],
      ['an unknown comparator', [{ type: 'goal_set', goal: fastAnswers({ comparator: 'eq' }) }], 'changes.0.goal.comparator', /gte, gt, lte or lt/],
      ['an unknown field', [{ type: 'goal_set', goal: fastAnswers({ weight: 2 }) }], 'changes.0.goal.weight', /not a known field/],
    ];
    for (const [name, changes, field, message] of cases) {
      const r = await propose(w, c.id, changes);
      expect(r.statusCode, name).toBe(400);
      const fields = r.json().error.fields as Record<string, string>;
      expect(Object.keys(fields), name).toContain(field);
      if (message) expect(fields[field], name).toMatch(message);
    }
    expect((await w.agent.get(api(`/contracts/${c.id}/amendments/2`))).statusCode).toBe(404);
  });

  it("another client's users get 404 for the contract, its amendments and their acceptance", async () => {
    const w = await world();
    const c = await activeContract(w);
    await ok(await propose(w, c.id, [{ type: 'goal_set', goal: fastAnswers() }]), 201);
    expect((await w.otherUser.get(api(`/contracts/${c.id}`))).statusCode).toBe(404);
    expect((await w.otherUser.get(api(`/contracts/${c.id}/amendments/2`))).statusCode).toBe(404);
    expect((await w.otherAdmin.post(api(`/contracts/${c.id}/amendments/2/accept`))).statusCode).toBe(404);
    expect((await w.otherAdmin.get(api(`/contracts/${c.id}/schedule`))).statusCode).toBe(404);
    // Nor can client users propose goals.
    expect((await w.clientAdmin.post(api(`/contracts/${c.id}/amendments`), { effectiveAt: '2026-03-01T00:00:00Z', changes: [{ type: 'goal_set', goal: fastAnswers() }] })).statusCode).toBe(403);
  });
});

describe('goals in a draft', () => {
  it('sets, keeps through other changes, validates and carries goals into the original agreement', async () => {
    const w = await world();
    const draft = await ok(await w.agent.post(api('/contracts'), { clientId: w.client.id, name: 'Draft', planId: w.gold, startsAt: '2026-01-01T00:00:00Z' }), 201);
    expect(draft.termsNow).toMatchObject({ goals: [], responsibilities: [] });
    const patched = await ok(
      await w.agent.patch(api(`/contracts/${draft.id}`), { goals: [fastAnswers({ scope: { categories: ['hardware', 'network'] } })], responsibilities: [answerRequests] }, { 'if-match': `"${draft.version}"` }),
    );
    const goalId = patched.termsNow.goals[0].goalId;
    expect(goalId).toMatch(UUID);
    expect(patched.termsNow.goals[0]).toMatchObject({ objective: 'Fast answers', scope: { categories: ['hardware', 'network'] } });
    expect(patched.termsNow.responsibilities[0].responsibilityId).toMatch(UUID);

    // Other draft changes keep the goals; sending the list again with ids keeps the ids.
    const renamed = await ok(await w.agent.patch(api(`/contracts/${draft.id}`), { name: 'Draft 2', riderIds: [] }));
    expect(renamed.termsNow.goals.map((g: { goalId: string }) => g.goalId)).toEqual([goalId]);
    const again = await ok(await w.agent.patch(api(`/contracts/${draft.id}`), { goals: [{ ...patched.termsNow.goals[0], target: 90 }, fastAnswers({ objective: 'Second' })] }));
    expect(again.termsNow.goals.map((g: { goalId: string; target: number }) => [g.goalId === goalId, g.target])).toEqual([
      [true, 90],
      [false, 95],
    ]);

    const bad = await w.agent.patch(api(`/contracts/${draft.id}`), {
      goals: [fastAnswers(), fastAnswers({ target: 140, scope: { siteIds: [w.elsewhere.id] }, penalty: { kind: 'percent_of_fee', percent: 5, capOverallMinor: 100 } })],
      responsibilities: [{ ...answerRequests, description: ' ' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual({
      'goals[1].target': 'must be a percentage from 0 to 100',
      'goals[1].scope.siteIds[0]': "is not a site of the contract's client",
      'goals[1].penalty.capPerPeriodMinor': 'is required: a penalty is always capped per period',
      'responsibilities[0].description': 'is required: the obligation in plain words',
    });
    const dup = await w.agent.patch(api(`/contracts/${draft.id}`), { goals: [{ ...fastAnswers(), goalId }, { ...fastAnswers(), goalId }] });
    expect(dup.json().error.fields).toEqual({ 'goals[1].goalId': 'is listed twice' });

    const active = await ok(await w.agent.post(api(`/contracts/${draft.id}/activate`)));
    expect(active.termsNow.goals.map((g: { objective: string }) => g.objective)).toEqual(['Fast answers', 'Second']);
    const original = await ok(await w.agent.get(api(`/contracts/${draft.id}/amendments/1`)));
    expect(original.terms.goals).toHaveLength(2);
    expect(original.terms.responsibilities).toHaveLength(1);
  });
});
