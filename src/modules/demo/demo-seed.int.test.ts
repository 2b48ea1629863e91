import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../test/support/test-app';
import { DEMO_PASSWORD, seedDemo } from './demo-seed';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('demo seed', () => {
  it('creates a demo MSP whose every listed account signs in, and runs again without changes', async () => {
    await seedDemo(t.ctx);
    const second = await seedDemo(t.ctx);
    expect(second.created).toBe(false);
    expect(second.accounts.map((a) => a.role).sort()).toEqual(['account_manager', 'admin', 'client_admin', 'client_user', 'dispatcher', 'owner', 'technician']);

    const owner = await signIn(t.app, second.accounts.find((a) => a.role === 'owner')!.email, DEMO_PASSWORD);
    const clients = (await owner.get('/api/v1/clients')).json().items;
    expect(clients).toHaveLength(4);
    for (const c of clients) {
      expect(c.siteCount).toBeGreaterThanOrEqual(1);
      expect(c.siteCount).toBeLessThanOrEqual(3);
      expect(c.contactCount).toBeGreaterThanOrEqual(2);
      expect(c.contactCount).toBeLessThanOrEqual(4);
      expect(c.mainSite).not.toBeNull();
    }
    const zones = new Set<string>();
    for (const c of clients) for (const s of (await owner.get(`/api/v1/clients/${c.id}/sites`)).json().items) zones.add(s.timeZone);
    expect(zones.size).toBeGreaterThanOrEqual(4);

    for (const a of second.accounts) await signIn(t.app, a.email, DEMO_PASSWORD);
    const clientUser = await signIn(t.app, second.accounts.find((a) => a.role === 'client_user')!.email, DEMO_PASSWORD);
    const own = (await clientUser.get('/api/v1/clients')).json().items;
    expect(own).toHaveLength(1);
    const contacts = (await clientUser.get(`/api/v1/clients/${own[0].id}/contacts`)).json().items;
    expect(contacts.filter((c: { userId: string | null }) => c.userId !== null)).toHaveLength(2);
  });

  it("tells one client's journey: three stage changes with evidence, a problem with its plan, satisfaction answers", async () => {
    const { accounts } = await seedDemo(t.ctx);
    const manager = await signIn(t.app, accounts.find((a) => a.role === 'account_manager')!.email, DEMO_PASSWORD);
    const contoso = (await manager.get('/api/v1/clients?q=contoso')).json().items[0];
    expect(contoso.accountManager).toMatchObject({ name: 'Amira Haddad' });
    const journey = (await manager.get(`/api/v1/clients/${contoso.id}/journey`)).json();
    expect(journey.current).toBe('old_intractables');
    expect(journey.changes.map((c: { stage: string }) => c.stage)).toEqual(['old_intractables', 'easy_wins', 'onboarding_pain_points']);
    for (const c of journey.changes) expect(c.evidence.length).toBeGreaterThanOrEqual(2);
    expect(journey.bands).toHaveLength(3);
    expect(journey.satisfaction.csat.length).toBeGreaterThanOrEqual(6);
    expect(journey.satisfaction.nps).toHaveLength(3);

    const problems = (await manager.get('/api/v1/problems')).json().items;
    expect(problems).toHaveLength(1);
    const problem = (await manager.get(`/api/v1/problems/${problems[0].id}`)).json();
    expect(problem).toMatchObject({ status: 'plan_agreed', estimatedCost: { amountMinor: 480_000, currency: 'EUR' }, ticketCount: 4 });
    expect(problem.rootCause).not.toBe('');
    expect(problem.workaround).not.toBe('');
    expect(problem.milestones).toHaveLength(5);
    expect(problem.nextMilestone.title).toBe('Install the new switch in a lab maintenance window');

    const clientAdmin = await signIn(t.app, accounts.find((a) => a.role === 'client_admin')!.email, DEMO_PASSWORD);
    expect((await clientAdmin.get(`/api/v1/problems/${problem.id}`)).json().plan).toBe(problem.plan);
  });

  it('holds every client to an active contract: live clocks on open tickets, Contoso goals with scorecards of the ended months', async () => {
    const { accounts } = await seedDemo(t.ctx);
    const manager = await signIn(t.app, accounts.find((a) => a.role === 'account_manager')!.email, DEMO_PASSWORD);
    const contracts = (await manager.get('/api/v1/contracts?status=active')).json().items;
    expect(contracts.map((c: { clientName: string }) => c.clientName).sort()).toEqual(['Contoso Pharmaceuticals', 'Fabrikam Logistics', 'Tailspin Health Clinics', 'Wide World Importers']);

    const { tenant_id: tenantId } = await t.ctx.db.selectFrom('clients').select('tenant_id').where('name', '=', 'Fabrikam Logistics').executeTakeFirstOrThrow();
    const open = await t.ctx.db.selectFrom('tickets').select(['no_contract', 'next_due_at']).where('tenant_id', '=', tenantId).where('status', 'not in', ['resolved', 'closed']).execute();
    expect(open.length).toBeGreaterThanOrEqual(6);
    expect(open.every((r) => !r.no_contract && r.next_due_at !== null)).toBe(true);

    const contoso = contracts.find((c: { clientName: string }) => c.clientName === 'Contoso Pharmaceuticals');
    const detail = (await manager.get(`/api/v1/contracts/${contoso.id}`)).json();
    expect(detail.termsNow.goals).toHaveLength(3);
    type Summary = { periodKey: string; status: string; goals: { met: number; missed: number; notEvaluable: number } };
    const scorecards = (await manager.get(`/api/v1/contracts/${contoso.id}/scorecards`)).json().items as Summary[];
    // The history gives the goals figures: most months are evaluable, and not every goal is met.
    expect(scorecards.filter((s) => s.goals.notEvaluable === 0).length).toBeGreaterThanOrEqual(6);
    expect(scorecards.some((s) => s.goals.missed > 0)).toBe(true);
    const months = scorecards.map((s) => s.periodKey).sort();
    expect(months.length).toBeGreaterThanOrEqual(9);
    expect(scorecards.find((s) => s.periodKey === months.at(-1))?.status).toBe('draft');
    expect(scorecards.filter((s) => s.periodKey !== months.at(-1)).every((s) => s.status === 'final')).toBe(true);

    // A quarterly review with its participants, and last month's summary published for the client.
    const cadence = (await manager.get(`/api/v1/contracts/${contoso.id}/meetings/cadence`)).json();
    expect(cadence.cadence).toMatchObject({ title: 'Quarterly service review', timeZone: 'Europe/Berlin' });
    const participants = (await manager.get(`/api/v1/contracts/${contoso.id}/meetings/participants`)).json();
    expect(JSON.stringify(participants)).toContain('Amira Haddad');
    const clientAdmin = await signIn(t.app, accounts.find((a) => a.role === 'client_admin')!.email, DEMO_PASSWORD);
    const summaries = (await clientAdmin.get(`/api/v1/clients/${contoso.clientId}/summaries`)).json();
    expect((summaries.items ?? summaries).map((s: { status: string }) => s.status)).toEqual(['published']);
  });
});
