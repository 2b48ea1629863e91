/**
 * The demo's pacts, so a newcomer sees the product's point at once: every demo client has an
 * active contract made through the contracts service (Contoso on Gold with goals and a client
 * responsibility, Fabrikam on Silver with Premium Response, Tailspin on Platinum, Wide World on
 * Silver), live tickets on the dispatcher board, and, once the history is in, the scorecards of
 * the months that have ended (all final but the last, which waits as a draft for the account
 * manager). Idempotent: a client that already has a contract is left alone.
 */
import type { StaffActor } from '../../http/actor';
import type { AppContext } from '../../http/context';
import { monthKeyAt, nextMonthKey, previousMonthKey } from '../../domain/goals';
import type { GoalInput, ResponsibilityInput } from '../contracts/contracts.schema';
import * as contractsRepo from '../contracts/contracts.repository';
import { activateContract, createContract, updateContract } from '../contracts/contracts.service';
import { closeMonthForAllContracts } from '../scorecards/scorecard-evaluation';
import { setCadence, setParticipants } from '../meetings/meetings.service';
import { finaliseScorecard } from '../scorecards/scorecards.service';
import { generateSummary, publishSummary, updateNarrative } from '../summaries/summaries.service';
import { addComment, createTicket, updateTicket } from '../tickets/tickets.service';

const DAY_MS = 86_400_000;

type DemoPact = { client: string; plan: 'Silver' | 'Gold' | 'Platinum'; premiumResponse: boolean; monthsAgo: number; goals: GoalInput[]; responsibilities: ResponsibilityInput[] };

const CONTOSO_GOALS: GoalInput[] = [
  {
    objective: 'Our lab staff hear back quickly',
    metric: { key: 'first_response_compliance' },
    scope: {},
    comparator: 'gte',
    target: 90,
    period: 'monthly',
    minSample: 3,
    incentive: null,
    penalty: { kind: 'percent_of_fee', percent: 5, capPerPeriodMinor: 40_000, capOverallMinor: 200_000 },
    method: 'First responses due or given in the month, on the contract calendar; met when given by the due instant.',
  },
  {
    objective: 'Problems are fixed when promised',
    metric: { key: 'resolution_compliance' },
    scope: {},
    comparator: 'gte',
    target: 85,
    period: 'monthly',
    minSample: 3,
    incentive: { kind: 'fixed', amountMinor: 25_000 },
    penalty: { kind: 'fixed', amountMinor: 20_000, capPerPeriodMinor: 20_000, capOverallMinor: 100_000 },
    method: 'Resolutions due or given in the month; met when resolved by the due instant.',
  },
  {
    objective: 'Few tickets wait for weeks',
    metric: { key: 'backlog_older_than', businessDays: 10 },
    scope: {},
    comparator: 'lte',
    target: 2,
    period: 'monthly',
    minSample: 0,
    incentive: null,
    penalty: null,
    method: 'Open tickets at the end of the month older than 10 business days on the contract calendar.',
  },
];

const CONTOSO_RESPONSIBILITIES: ResponsibilityInput[] = [
  {
    description: 'Answer requests for information within 3 business days',
    measure: { kind: 'waiting_on_client', allowance: { unit: 'business_days', days: 3 } },
    excludeFromCompliance: true,
  },
  { description: 'Keep lab hardware under the manufacturer warranty', measure: { kind: 'attested' }, excludeFromCompliance: false },
];

const PACTS: DemoPact[] = [
  { client: 'Contoso Pharmaceuticals', plan: 'Gold', premiumResponse: false, monthsAgo: 10, goals: CONTOSO_GOALS, responsibilities: CONTOSO_RESPONSIBILITIES },
  { client: 'Fabrikam Logistics', plan: 'Silver', premiumResponse: true, monthsAgo: 6, goals: [], responsibilities: [] },
  { client: 'Tailspin Health Clinics', plan: 'Platinum', premiumResponse: false, monthsAgo: 4, goals: [], responsibilities: [] },
  { client: 'Wide World Importers', plan: 'Silver', premiumResponse: false, monthsAgo: 3, goals: [], responsibilities: [] },
];

/** Open tickets on the board: [client, subject, urgency, impact (keys of the default matrix), assigned, hours ago]. */
const OPEN_TICKETS: Array<[string, string, string, string, boolean, number]> = [
  ['Fabrikam Logistics', 'Scanners at dock 4 cannot reach the warehouse system', 'high', 'department', true, 1],
  ['Fabrikam Logistics', 'Toronto office printer jams on every second page', 'low', 'individual', false, 5],
  ['Tailspin Health Clinics', 'Reception PC shows a certificate warning on the booking site', 'medium', 'team', true, 3],
  ['Wide World Importers', 'New hire in Singapore needs a mailbox and VPN', 'medium', 'individual', false, 20],
  ['Contoso Pharmaceuticals', 'Shared drive mapping missing after the Windows update', 'critical', 'team', true, 2],
  ['Contoso Pharmaceuticals', 'Request: add two users to the QA distribution list', 'low', 'individual', false, 26],
];

/** The first day of the month `monthsAgo` before now's month, in UTC. */
function monthStart(now: Date, monthsAgo: number): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 1));
}

/** Contracts for the demo clients that have none yet; returns the contract id per client name. */
export async function seedDemoPacts(ctx: AppContext, actor: StaffActor): Promise<{ created: boolean; contracts: Map<string, string> }> {
  const now = ctx.now();
  const tenantId = actor.tenantId;
  const plans = await contractsRepo.activePlans(ctx.db, tenantId);
  const premium = (await ctx.db.selectFrom('riders').select('id').where('tenant_id', '=', tenantId).where('name', '=', 'Premium Response').executeTakeFirst())?.id;
  const clients = await ctx.db.selectFrom('clients').select(['id', 'name']).where('tenant_id', '=', tenantId).execute();
  const contracts = new Map<string, string>();
  let created = false;
  for (const pact of PACTS) {
    const client = clients.find((c) => c.name === pact.client);
    const planId = plans.find((p) => p.name === pact.plan)?.id;
    if (!client || !planId) continue;
    const existing = await ctx.db.selectFrom('contracts').select('id').where('tenant_id', '=', tenantId).where('client_id', '=', client.id).orderBy('starts_at').executeTakeFirst();
    if (existing) {
      contracts.set(pact.client, existing.id);
      continue;
    }
    const draft = await createContract(ctx, actor, { clientId: client.id, name: `${pact.plan} support`, planId, startsAt: monthStart(now, pact.monthsAgo).toISOString(), endsAt: null });
    await updateContract(
      ctx,
      actor,
      draft.id,
      { goals: pact.goals, responsibilities: pact.responsibilities, ...(pact.premiumResponse && premium ? { riderIds: [premium] } : {}) },
      null,
    );
    await activateContract(ctx, actor, draft.id);
    contracts.set(pact.client, draft.id);
    created = true;
  }
  return { created, contracts };
}

/** Tickets open now, created through the tickets service so their clocks run on the board. */
export async function seedDemoOpenTickets(ctx: AppContext, actor: StaffActor, technicianId: string | null): Promise<void> {
  const tenantId = actor.tenantId;
  const clients = await ctx.db.selectFrom('clients').select(['id', 'name']).where('tenant_id', '=', tenantId).execute();
  const now = ctx.now().getTime();
  for (const [clientName, subject, urgency, impact, assigned, hoursAgo] of OPEN_TICKETS) {
    const client = clients.find((c) => c.name === clientName);
    if (!client) continue;
    const at = { ...ctx, now: () => new Date(now - hoursAgo * 3600_000) };
    const ticket = await createTicket(at, actor, { clientId: client.id, subject, description: '', urgency, impact });
    if (assigned && technicianId) await updateTicket(at, actor, ticket.id, { assigneeId: technicianId, status: 'in_progress' }, null);
  }
}

/** Routine requests behind the figures: [subject, urgency, impact]. */
const ROUTINE: Array<[string, string, string]> = [
  ['Password reset for a locked-out user', 'medium', 'individual'],
  ['New starter account and laptop', 'low', 'individual'],
  ['Teams calls drop in the meeting room', 'medium', 'team'],
  ['Shared mailbox permissions for the assistant', 'low', 'individual'],
  ['Laptop battery swells, needs replacing', 'medium', 'individual'],
  ['VPN certificate expired on a home worker laptop', 'high', 'individual'],
  ['Printer driver missing after reinstall', 'low', 'individual'],
  ['File share slow in the afternoon', 'medium', 'department'],
  ['Leaver: disable accounts and collect the laptop', 'low', 'individual'],
  ['Phone system voicemail not reaching e-mail', 'medium', 'team'],
];

/** A small deterministic generator, so every demo tells the same story. */
function sequence(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return x / 2_147_483_648;
  };
}

/**
 * Months of routine tickets for the clients named, from their contract's start to last week,
 * worked through the tickets service at the instants they happened: a first reply, then the
 * resolution, mostly in time and sometimes late, so the goals have figures to show.
 */
export async function seedDemoHistory(ctx: AppContext, dispatcher: StaffActor, technician: StaffActor, perMonth: ReadonlyMap<string, number>): Promise<void> {
  const tenantId = dispatcher.tenantId;
  const now = ctx.now();
  const random = sequence(20_261_205);
  const at = (instant: Date): AppContext => ({ ...ctx, now: () => instant });
  for (const [clientName, count] of perMonth) {
    const pact = PACTS.find((p) => p.client === clientName);
    const client = await ctx.db.selectFrom('clients').select('id').where('tenant_id', '=', tenantId).where('name', '=', clientName).executeTakeFirst();
    if (!pact || !client) continue;
    const from = monthStart(now, pact.monthsAgo).getTime();
    const until = now.getTime() - 7 * DAY_MS;
    const total = Math.round(((until - from) / (30 * DAY_MS)) * count);
    const instants = Array.from({ length: total }, () => {
      const d = new Date(from + random() * (until - from));
      // Working hours on a weekday, as most requests come.
      if (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + (d.getUTCDay() === 6 ? 2 : 1));
      d.setUTCHours(7 + Math.floor(random() * 8), Math.floor(random() * 60), 0, 0);
      return d;
    }).sort((a, b) => a.getTime() - b.getTime());
    for (const createdAt of instants) {
      const [subject, urgency, impact] = ROUTINE[Math.floor(random() * ROUTINE.length)]!;
      const ticket = await createTicket(at(createdAt), dispatcher, { clientId: client.id, subject, description: '', urgency, impact });
      const late = random() < 0.12;
      const replyAt = new Date(createdAt.getTime() + (late ? 6 + random() * 20 : 0.2 + random() * 0.6) * 3_600_000);
      await updateTicket(at(new Date(replyAt.getTime() - 60_000)), dispatcher, ticket.id, { assigneeId: technician.userId, status: 'in_progress' }, null);
      await addComment(at(replyAt), technician, ticket.id, { body: 'Thanks, we are on it.', public: true });
      const resolvedAt = new Date(replyAt.getTime() + (random() < 0.15 ? 60 + random() * 100 : 0.5 + random() * 6) * 3_600_000);
      if (resolvedAt.getTime() < until) await updateTicket(at(resolvedAt), technician, ticket.id, { status: 'resolved' }, null);
    }
  }
}

/**
 * Scorecards of every month that has ended since the contracts began: evaluated as the period
 * close does, then finalised by the account manager, except the last month, left as a draft.
 */
export async function seedDemoScorecards(ctx: AppContext, manager: StaffActor, contracts: ReadonlyMap<string, string>): Promise<void> {
  const tenantId = manager.tenantId;
  const now = ctx.now();
  const lastEnded = previousMonthKey(monthKeyAt(now, 'UTC'));
  const first = monthKeyAt(new Date(monthStart(now, Math.max(...PACTS.map((p) => p.monthsAgo))).getTime() + DAY_MS), 'UTC');
  for (let month = first; month <= lastEnded; month = nextMonthKey(month)) {
    await closeMonthForAllContracts(ctx, month, undefined, { tenantIds: [tenantId] });
  }
  for (const contractId of contracts.values()) {
    const drafts = await ctx.db
      .selectFrom('scorecards')
      .select(['period_key'])
      .where('tenant_id', '=', tenantId)
      .where('contract_id', '=', contractId)
      .where('status', '=', 'draft')
      .where('period_key', '<', lastEnded)
      .orderBy('period_key')
      .execute();
    for (const d of drafts) await finaliseScorecard(ctx, manager, contractId, d.period_key, null);
  }
}

/** The second Tuesday of a month (UTC calendar), as a local date 'YYYY-MM-DD'. */
function secondTuesday(year: number, month: number): string {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const day = 1 + ((2 - first + 7) % 7) + 7;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Contoso's service reviews and reporting: a quarterly review on the second Tuesday since the
 * contract began, with the account manager and the client admin, and last month's executive
 * summary written up and published to the portal.
 */
export async function seedDemoReviews(ctx: AppContext, manager: StaffActor, contracts: ReadonlyMap<string, string>): Promise<void> {
  const tenantId = manager.tenantId;
  const contractId = contracts.get('Contoso Pharmaceuticals');
  const contract = contractId ? await ctx.db.selectFrom('contracts').select(['client_id', 'starts_at']).where('tenant_id', '=', tenantId).where('id', '=', contractId).executeTakeFirst() : undefined;
  if (!contractId || !contract) return;
  const start = contract.starts_at;
  await setCadence(ctx, manager, contractId, {
    title: 'Quarterly service review',
    rrule: 'FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU',
    firstStart: `${secondTuesday(start.getUTCFullYear(), start.getUTCMonth() + 1)}T10:00`,
    timeZone: 'Europe/Berlin',
    durationMinutes: 60,
    location: 'Contoso Berlin headquarters, meeting room 4',
    notify: false,
  });
  const admin = await ctx.db.selectFrom('contacts').select('id').where('tenant_id', '=', tenantId).where('client_id', '=', contract.client_id).where('email', 'like', 'client.admin@%').executeTakeFirst();
  await setParticipants(ctx, manager, contractId, { userIds: [manager.userId], contactIds: admin ? [admin.id] : [] });

  const month = previousMonthKey(monthKeyAt(ctx.now(), 'Europe/Berlin'));
  await generateSummary(ctx, manager, contract.client_id, month);
  await updateNarrative(
    ctx,
    manager,
    contract.client_id,
    month,
    'A steady month for the Berlin offices. The Basel lab printers are still the sore point: the new switch is ordered and goes in at the next lab maintenance window, after which we watch the network for a month.\n\nWe would like to agree the MFA roll-out for the sales team at the quarterly review.',
    null,
  );
  await publishSummary(ctx, manager, contract.client_id, month, null);
}
