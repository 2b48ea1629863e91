import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentFrom, createTenant, createTestApp, createUser, TEST_PASSWORD, type Agent, type TestApp } from '../../../test/support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const api = (p: string) => `/api/v1${p}`;

// Each sign-in from its own address, so the per-address sign-in limit never trips in this file.
let address = 0;
async function signIn(_app: unknown, email: string): Promise<Agent> {
  address++;
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password: TEST_PASSWORD }, remoteAddress: `10.77.${Math.floor(address / 250)}.${(address % 250) + 1}` });
  if (res.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'sp_session')!;
  return agentFrom(t.app, `sp_session=${cookie.value}`, res.json().csrfToken);
}

async function ok(res: { statusCode: number; body: string; json(): any }, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

/** A tenant with its seeded pact, a client with a main site 35 min away, and its client admin. */
async function world() {
  const { tenant, owner } = await createTenant(t.ctx);
  const agent = await signIn(t.app, owner.email);
  const client = await ok(await agent.post(api('/clients'), { name: `Contoso ${randomUUID().slice(0, 6)}` }), 201);
  const site = await ok(await agent.post(api(`/clients/${client.id}/sites`), { name: 'Berlin office', timeZone: 'Europe/Berlin', travelMinutes: 35, isMain: true }), 201);
  const adminUser = await createUser(t.ctx, tenant.id, 'client_admin', { clientId: client.id, name: 'Clara Client' });
  const clientAdmin = await signIn(t.app, adminUser.email);
  const id = async (table: 'plans' | 'riders' | 'catalog_items', name: string) =>
    (await t.ctx.db.selectFrom(table).select('id').where('tenant_id', '=', tenant.id).where('name', '=', name).executeTakeFirstOrThrow()).id;
  return { tenant, owner, agent, client, site, clientAdmin, adminUser, gold: await id('plans', 'Gold'), platinum: await id('plans', 'Platinum'), premium: await id('riders', 'Premium Response'), id };
}

async function activeContract(w: Awaited<ReturnType<typeof world>>, body: Record<string, unknown> = {}) {
  const c = await ok(await w.agent.post(api('/contracts'), { clientId: w.client.id, name: 'Managed services', planId: w.gold, startsAt: '2026-01-01T00:00:00Z', ...body }), 201);
  await ok(await w.agent.post(api(`/contracts/${c.id}/activate`)));
  return c;
}

const simulate = (agent: Agent, body: Record<string, unknown>) => agent.post(api('/targets/simulate'), body);

describe('contracts and amendments: the key story', () => {
  it('Gold contract, Premium Response proposed, accepted, faster targets, travel, schedule, immutability', async () => {
    const w = await world();
    // A draft with the Gold plan; the calendar defaults to business hours in the main site zone.
    const draft = await ok(await w.agent.post(api('/contracts'), { clientId: w.client.id, name: 'Managed services 2026', planId: w.gold, startsAt: '2026-01-01T00:00:00Z' }), 201);
    expect(draft).toMatchObject({ status: 'draft', planName: 'Gold', termsVersion: null, amendments: [] });
    const cal = await t.ctx.db.selectFrom('calendars').select(['name', 'definition']).where('id', '=', draft.calendarId).executeTakeFirstOrThrow();
    expect(cal.name).toBe('Business hours (Europe/Berlin)');
    expect(draft.termsNow.plan.targets.P2.calendarId).toBe(draft.calendarId);

    // No contract in force yet.
    const none = await simulate(w.agent, { clientId: w.client.id, urgency: 'high', impact: 'department', deliveryMode: 'remote' });
    expect(none.statusCode).toBe(409);
    expect(none.json().error.message).toMatch(/has no active contract/);

    const active = await ok(await w.agent.post(api(`/contracts/${draft.id}/activate`)));
    expect(active).toMatchObject({ status: 'active', termsVersion: 1, planName: 'Gold' });
    expect(active.amendments).toEqual([expect.objectContaining({ number: 1, status: 'accepted', summary: expect.stringMatching(/^Original agreement, in force from 1 Jan 2026/), inForceFrom: '2026-01-01T00:00:00.000Z' })]);

    // Gold targets with the explanation.
    const gold = await ok(await simulate(w.agent, { clientId: w.client.id, urgency: 'high', impact: 'department', deliveryMode: 'remote' }));
    expect(gold).toMatchObject({ contractId: draft.id, termsVersion: 1, priority: 'P2', firstResponse: { target: { unit: 'minutes', minutes: 60 }, pausesStopClock: false, thresholds: [50, 75, 90, 100] }, resolution: { target: { unit: 'minutes', minutes: 480 }, pausesStopClock: true } });
    expect(gold.resolution.explanation).toEqual(["8 business hours: the Gold plan's remote resolution target for P2"]);
    expect(gold.explanation[0]).toMatch(/^Priority P2 from the priority matrix/);

    // Premium Response proposed, effective now: not yet accepted, so still Gold.
    const proposed = await ok(await w.agent.post(api(`/contracts/${draft.id}/amendments`), { effectiveAt: new Date().toISOString(), changes: [{ type: 'rider_added', riderId: w.premium }] }), 201);
    expect(proposed).toMatchObject({ number: 2, status: 'proposed', inForceFrom: null, decision: null });
    expect(proposed.summary).toMatch(/^Adds Premium Response from .*: response and resolution targets halved, never below 15 minutes\.$/);
    const still = await ok(await simulate(w.agent, { clientId: w.client.id, urgency: 'high', impact: 'department', deliveryMode: 'remote' }));
    expect(still.resolution.target).toEqual({ unit: 'minutes', minutes: 480 });
    const pending = await ok(await w.clientAdmin.get(api(`/contracts/${draft.id}`)));
    expect(pending.pendingAmendments.map((a: { number: number }) => a.number)).toEqual([2]);

    // The client admin accepts: name, time and IP are recorded, here and in the audit log.
    const accepted = await ok(await w.clientAdmin.post(api(`/contracts/${draft.id}/amendments/2/accept`)));
    expect(accepted).toMatchObject({ status: 'accepted', decision: { byName: 'Clara Client', ip: expect.any(String) } });
    expect(new Date(accepted.inForceFrom).getTime()).toBeGreaterThanOrEqual(new Date(accepted.effectiveAt).getTime());
    const audit = await t.ctx.db.selectFrom('audit_log').selectAll().where('tenant_id', '=', w.tenant.id).where('action', '=', 'amendment.accepted').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_user_id: w.adminUser.id, target_id: draft.id, ip: accepted.decision.ip });
    expect(audit.details).toMatchObject({ number: 2, name: 'Clara Client', ip: accepted.decision.ip });

    const fast = await ok(await simulate(w.agent, { clientId: w.client.id, urgency: 'high', impact: 'department', deliveryMode: 'remote' }));
    expect(fast).toMatchObject({ termsVersion: 2, firstResponse: { target: { unit: 'minutes', minutes: 30 } }, resolution: { target: { unit: 'minutes', minutes: 240 } } });
    expect(fast.resolution.explanation).toContain('Premium Response halves it: 4 business hours');
    // Asking about an instant before the acceptance still gives Gold.
    const before = await ok(await simulate(w.agent, { clientId: w.client.id, urgency: 'high', impact: 'department', deliveryMode: 'remote', at: '2026-03-01T10:00:00Z' }));
    expect(before).toMatchObject({ termsVersion: 1, resolution: { target: { unit: 'minutes', minutes: 480 } } });

    // On site at the main site, 35 min away: travel is added last to resolution.
    const onsite = await ok(await simulate(w.clientAdmin, { clientId: w.client.id, urgency: 'critical', impact: 'organisation', deliveryMode: 'onsite' }));
    expect(onsite).toMatchObject({ priority: 'P1', site: { name: 'Berlin office', travelMinutes: 35 }, firstResponse: { target: { unit: 'minutes', minutes: 15 } }, resolution: { target: { unit: 'minutes', minutes: 240 + 35 } } });
    expect(onsite.resolution.explanation.at(-1)).toBe('plus 35 min travel to Berlin office: 4 business hours + 35 min travel');
    const days = await ok(await simulate(w.agent, { clientId: w.client.id, urgency: 'high', impact: 'department', deliveryMode: 'onsite', siteId: w.site.id }));
    expect(days.resolution.target).toEqual({ unit: 'business_days', days: 1, plusMinutes: 35 });

    // The schedule, as HTML and as PDF, for the client admin.
    const html = await w.clientAdmin.get(api(`/contracts/${draft.id}/schedule`));
    expect(html.statusCode, html.body).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('Service Level Schedule');
    expect(html.body).toContain('Premium Response');
    expect(html.body).toContain('4 business hours + 35 min travel');
    expect(html.body).toContain('1 business day + 35 min travel');
    expect(html.body).toContain('Accounts and access');
    const pdf = await w.clientAdmin.get(api(`/contracts/${draft.id}/schedule.pdf`));
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.rawPayload.length).toBeGreaterThan(5000);

    // Decided amendments never change: not through the API, not in the database.
    const again = await w.clientAdmin.post(api(`/contracts/${draft.id}/amendments/2/reject`), { reason: 'Changed my mind' });
    expect(again.statusCode).toBe(409);
    await expect(sql`update amendments set summary = 'x' where tenant_id = ${w.tenant.id} and contract_id = ${draft.id} and number = 2`.execute(t.ctx.db)).rejects.toThrow(/cannot change/);
    await expect(sql`update amendments set status = 'proposed' where tenant_id = ${w.tenant.id} and contract_id = ${draft.id} and number = 1`.execute(t.ctx.db)).rejects.toThrow(/cannot change/);
    await expect(sql`delete from amendments where tenant_id = ${w.tenant.id} and contract_id = ${draft.id}`.execute(t.ctx.db)).rejects.toThrow(/never deleted/);

    const view = await ok(await w.agent.get(api(`/contracts/${draft.id}`)));
    expect(view.termsNow.riders.map((r: { name: string }) => r.name)).toEqual(['Premium Response']);
    expect(view.amendments.map((a: { number: number; status: string }) => [a.number, a.status])).toEqual([
      [1, 'accepted'],
      [2, 'accepted'],
    ]);
    expect(view.pendingAmendments).toEqual([]);
  });
});

describe('one active contract per client', () => {
  it('refuses overlapping active contracts and allows consecutive ones', async () => {
    const w = await world();
    const first = await activeContract(w, { startsAt: '2026-01-01T00:00:00Z' });
    const second = await ok(await w.agent.post(api('/contracts'), { clientId: w.client.id, name: 'Second', planId: w.platinum, startsAt: '2026-06-01T00:00:00Z', endsAt: '2026-12-01T00:00:00Z' }), 201);
    const refused = await w.agent.post(api(`/contracts/${second.id}/activate`));
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/already has an active contract "Managed services" from 1 Jan 2026 with no end date/);
    expect((await ok(await w.agent.get(api(`/contracts/${second.id}`)))).status).toBe('draft');
    // End the first before the second starts: now it may be activated.
    expect((await ok(await w.agent.post(api(`/contracts/${first.id}/end`), { endsAt: '2026-06-01T00:00:00Z' }))).status).toBe('ended');
    expect((await ok(await w.agent.post(api(`/contracts/${second.id}/activate`)))).status).toBe('active');
    // Extending the first over the second is refused too.
    expect((await w.agent.post(api(`/contracts/${first.id}/end`), { endsAt: '2026-07-01T00:00:00Z' })).statusCode).toBe(409);
    // The simulator picks the contract in force at the instant.
    const may = await ok(await simulate(w.agent, { clientId: w.client.id, urgency: 'low', impact: 'individual', at: '2026-05-31T23:59:59Z' }));
    const june = await ok(await simulate(w.agent, { clientId: w.client.id, urgency: 'low', impact: 'individual', at: '2026-06-01T00:00:00Z' }));
    expect([may.contractId, june.contractId]).toEqual([first.id, second.id]);
    expect((await simulate(w.agent, { clientId: w.client.id, urgency: 'low', impact: 'individual', at: '2026-12-01T00:00:00Z' })).statusCode).toBe(409);
    const list = await ok(await w.agent.get(api(`/contracts?clientId=${w.client.id}`)));
    expect(list.items.map((c: { name: string; status: string; planName: string }) => [c.name, c.status, c.planName])).toEqual([
      ['Second', 'active', 'Platinum'],
      ['Managed services', 'ended', 'Gold'],
    ]);
    expect((await ok(await w.agent.get(api('/contracts?status=ended')))).items).toHaveLength(1);
  });
});

describe('amendments', () => {
  it('refuses an amendment effective before the contract start, and names bad changes by index', async () => {
    const w = await world();
    const c = await activeContract(w);
    const early = await w.agent.post(api(`/contracts/${c.id}/amendments`), { effectiveAt: '2025-12-31T23:59:59Z', changes: [{ type: 'rider_added', riderId: w.premium }] });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields).toHaveProperty('effectiveAt');
    const bad = await w.agent.post(api(`/contracts/${c.id}/amendments`), {
      effectiveAt: '2026-02-01T00:00:00Z',
      changes: [
        { type: 'plan_changed', toPlanId: w.platinum },
        { type: 'rider_removed', riderId: w.premium },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual({ 'changes[1].riderId': 'is not on this contract' });
    const empty = await w.agent.post(api(`/contracts/${c.id}/amendments`), { effectiveAt: '2026-02-01T00:00:00Z', changes: [] });
    expect(empty.json().error.fields).toHaveProperty('changes');
    // Nothing was half-applied: no amendment #2.
    expect((await w.agent.get(api(`/contracts/${c.id}/amendments/2`))).statusCode).toBe(404);
  });

  it('a plan change re-snapshots the plan; accepted after its effective instant it applies from acceptance', async () => {
    const w = await world();
    const c = await activeContract(w);
    const a = await ok(await w.agent.post(api(`/contracts/${c.id}/amendments`), { effectiveAt: '2026-01-31T23:00:00Z', changes: [{ type: 'plan_changed', toPlanId: w.platinum }] }), 201);
    expect(a.summary).toBe('Moves from Gold to Platinum from 1 Feb 2026.');
    expect(a.terms.plan.name).toBe('Platinum');
    expect(a.changes).toEqual([{ type: 'plan_changed', fromPlanId: w.gold, toPlanId: w.platinum }]);
    const accepted = await ok(await w.clientAdmin.post(api(`/contracts/${c.id}/amendments/2/accept`)));
    expect(accepted.inForceFrom).toBe(accepted.decision.at);
    // Platinum's P1 keeps its 24x7 coverage calendar; other priorities run on the contract's calendar.
    const view = await ok(await w.agent.get(api(`/contracts/${c.id}`)));
    expect(view.planName).toBe('Platinum');
    const cal247 = (await t.ctx.db.selectFrom('calendars').select('id').where('tenant_id', '=', w.tenant.id).where('name', '=', '24x7').executeTakeFirstOrThrow()).id;
    expect(view.termsNow.plan.targets.P1.calendarId).toBe(cal247);
    expect(view.termsNow.plan.targets.P2.calendarId).toBe(view.calendarId);
  });

  it('only the client admin of the client decides; a rejection needs a reason and is recorded', async () => {
    const w = await world();
    const c = await activeContract(w);
    await ok(await w.agent.post(api(`/contracts/${c.id}/amendments`), { effectiveAt: '2026-03-01T00:00:00Z', changes: [{ type: 'rider_added', riderId: w.premium }] }), 201);
    const url = api(`/contracts/${c.id}/amendments/2`);
    // Staff cannot accept for the client.
    const staff = await w.agent.post(`${url}/accept`);
    expect(staff.statusCode).toBe(403);
    const user = await signIn(t.app, (await createUser(t.ctx, w.tenant.id, 'client_user', { clientId: w.client.id })).email);
    expect((await user.post(`${url}/accept`)).statusCode).toBe(403);
    expect((await user.get(url)).statusCode).toBe(200);
    // Another client's admin does not see the contract at all.
    const other = await ok(await w.agent.post(api('/clients'), { name: `Other ${randomUUID().slice(0, 6)}` }), 201);
    const otherAdmin = await signIn(t.app, (await createUser(t.ctx, w.tenant.id, 'client_admin', { clientId: other.id })).email);
    expect((await otherAdmin.post(`${url}/accept`)).statusCode).toBe(404);
    expect((await otherAdmin.get(api(`/contracts/${c.id}`))).statusCode).toBe(404);
    expect((await otherAdmin.get(api(`/contracts/${c.id}/schedule`))).statusCode).toBe(404);
    expect((await simulate(otherAdmin, { clientId: w.client.id, urgency: 'low', impact: 'team' })).statusCode).toBe(404);
    expect((await ok(await otherAdmin.get(api('/contracts')))).items).toEqual([]);

    const noReason = await w.clientAdmin.post(`${url}/reject`, { reason: '   ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields).toHaveProperty('reason');
    const rejected = await ok(await w.clientAdmin.post(`${url}/reject`, { reason: 'Too expensive this year' }));
    expect(rejected).toMatchObject({ status: 'rejected', inForceFrom: null, decision: { byName: 'Clara Client', reason: 'Too expensive this year' } });
    expect((await w.clientAdmin.post(`${url}/accept`)).statusCode).toBe(409);
    const audit = await t.ctx.db.selectFrom('audit_log').select('details').where('tenant_id', '=', w.tenant.id).where('action', '=', 'amendment.rejected').executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ number: 2, reason: 'Too expensive this year' });
    // Never in force.
    const sim = await ok(await simulate(w.agent, { clientId: w.client.id, urgency: 'high', impact: 'department', deliveryMode: 'remote', at: '2026-04-01T00:00:00Z' }));
    expect(sim.termsVersion).toBe(1);
  });

  it('withdraws a proposal, and refuses to accept one proposed on terms that have since changed', async () => {
    const w = await world();
    const c = await activeContract(w);
    const item = await w.id('catalog_items', (await t.ctx.db.selectFrom('catalog_items').select('name').where('tenant_id', '=', w.tenant.id).executeTakeFirstOrThrow()).name);
    await ok(await w.agent.post(api(`/contracts/${c.id}/amendments`), { effectiveAt: '2026-03-01T00:00:00Z', changes: [{ type: 'rider_added', riderId: w.premium }] }), 201);
    await ok(
      await w.agent.post(api(`/contracts/${c.id}/amendments`), {
        effectiveAt: '2026-03-01T00:00:00Z',
        changes: [{ type: 'catalog_override_set', catalogItemId: item, turnaround: { remote: { resolution: { unit: 'minutes', minutes: 90 } } } }],
      }),
      201,
    );
    await ok(await w.clientAdmin.post(api(`/contracts/${c.id}/amendments/3/accept`)));
    const stale = await w.clientAdmin.post(api(`/contracts/${c.id}/amendments/2/accept`));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toMatch(/#3 was accepted after this one was proposed/);
    expect((await w.clientAdmin.post(api(`/contracts/${c.id}/amendments/2/withdraw`))).statusCode).toBe(403);
    expect((await ok(await w.agent.post(api(`/contracts/${c.id}/amendments/2/withdraw`)))).status).toBe('withdrawn');
    // The schedule of a proposed or past amendment can be asked for by number.
    const html = await w.agent.get(api(`/contracts/${c.id}/schedule?amendment=2`));
    expect(html.body).toContain('Amendment #2 (withdrawn; never in force)');
  });
});

describe('drafts', () => {
  it('changes a draft (plan, riders, overrides) with If-Match, and refuses to change an active contract', async () => {
    const w = await world();
    const c = await ok(await w.agent.post(api('/contracts'), { clientId: w.client.id, name: 'Draft', planId: w.gold, startsAt: '2026-01-01T00:00:00Z' }), 201);
    const stale = await w.agent.patch(api(`/contracts/${c.id}`), { name: 'x' }, { 'if-match': '"9"' });
    expect(stale.statusCode).toBe(412);
    const changed = await ok(await w.agent.patch(api(`/contracts/${c.id}`), { planId: w.platinum, riderIds: [w.premium], endsAt: '2027-01-01T00:00:00Z' }, { 'if-match': `"${c.version}"` }));
    expect(changed).toMatchObject({ planName: 'Platinum', endsAt: '2027-01-01T00:00:00.000Z', version: c.version + 1 });
    expect(changed.termsNow.riders).toEqual([expect.objectContaining({ name: 'Premium Response', effectiveFrom: '2026-01-01T00:00:00.000Z' })]);
    const badRider = await w.agent.patch(api(`/contracts/${c.id}`), { riderIds: [randomUUID()] });
    expect(badRider.json().error.fields).toHaveProperty('riderIds[0]');
    const badEnd = await w.agent.patch(api(`/contracts/${c.id}`), { endsAt: '2025-01-01T00:00:00Z' });
    expect(badEnd.json().error.fields).toHaveProperty('endsAt');
    const html = await ok2(await w.agent.get(api(`/contracts/${c.id}/schedule`)));
    expect(html).toContain('Draft contract (not yet in force)');
    await ok(await w.agent.post(api(`/contracts/${c.id}/activate`)));
    expect((await w.agent.patch(api(`/contracts/${c.id}`), { name: 'y' })).statusCode).toBe(409);
    expect((await w.agent.post(api(`/contracts/${c.id}/activate`))).statusCode).toBe(409);
  });

  it('lets every staff role read but only owners, admins and account managers write', async () => {
    const w = await world();
    const tech = await signIn(t.app, (await createUser(t.ctx, w.tenant.id, 'technician')).email);
    const dispatcher = await signIn(t.app, (await createUser(t.ctx, w.tenant.id, 'dispatcher')).email);
    const am = await signIn(t.app, (await createUser(t.ctx, w.tenant.id, 'account_manager')).email);
    const body = { clientId: w.client.id, name: 'By role', planId: w.gold, startsAt: '2026-01-01T00:00:00Z' };
    expect((await tech.post(api('/contracts'), body)).statusCode).toBe(403);
    expect((await dispatcher.post(api('/contracts'), body)).statusCode).toBe(403);
    const c = await ok(await am.post(api('/contracts'), body), 201);
    expect((await tech.get(api(`/contracts/${c.id}`))).statusCode).toBe(200);
    expect((await w.clientAdmin.post(api('/contracts'), body)).statusCode).toBe(403);
    // Another tenant's contract does not exist for this one.
    const x = await world();
    expect((await x.agent.get(api(`/contracts/${c.id}`))).statusCode).toBe(404);
  });
});

async function ok2(res: { statusCode: number; body: string }) {
  expect(res.statusCode, res.body).toBe(200);
  return res.body;
}
