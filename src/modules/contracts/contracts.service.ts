import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database';
import type { AmendmentRow, CalendarRow, CatalogItemRow, PlanRow, RiderRow } from '../../db/schema';
import { amendmentSummary } from '../../domain/pact/amendment-summary';
import { applyChanges, initialTerms, turnaroundProblems, type CatalogSource, type PlanSource, type RiderSource } from '../../domain/pact/apply-changes';
import { goalListProblems, responsibilityListProblems, type GoalContext } from '../../domain/pact/goal-rules';
import type { AmendmentChange, PlanDocument } from '../../domain/pact/pact-documents';
import type { ContractTerms, GoalTerms, ResponsibilityTerms, TermsVersion, Turnaround } from '../../domain/pact/pact-types';
import { priorityKeys } from '../../domain/pact/priority-matrix';
import { versionAt } from '../../domain/pact/terms-at';
import { formatDate } from '../../domain/pact/amendment-summary';
import type { Actor } from '../../http/actor';
import { scopeOf } from '../../http/actor';
import type { AppContext } from '../../http/context';
import { staleWrite } from '../../http/etag';
import { decodeCursor, toPage } from '../../http/pagination';
import { conflict, forbidden, invalid, notFound } from '../../errors';
import { appendAudit } from '../audit/audit.repository';
import { businessHoursDefinition, DEFAULT_TIME_ZONE } from '../pact-defaults/pact-defaults';
import { findPlan } from '../plans/plans.repository';
import { findMatrix } from '../priority-matrix/priority-matrix.repository';
import { canDecideAmendment, canReadContracts, canWriteContracts } from './contracts.policy';
import { contractCursor, presentAmendment, presentContractItem, presentTerms } from './contracts.presenter';
import * as repo from './contracts.repository';
import type { ContractListRow } from './contracts.repository';
import type { CreateContractInput, GoalInput, ListContractsInput, ProposeAmendmentInput, ResponsibilityInput, UpdateContractInput } from './contracts.schema';

const cannotWrite = () => forbidden('Only owners, admins and account managers can change contracts');

// ---------- reads ----------

export async function listContracts(ctx: AppContext, actor: Actor, input: ListContractsInput) {
  if (!canReadContracts(actor)) throw forbidden();
  const rows = await repo.listContracts(ctx.db, scopeOf(actor), { clientId: input.clientId, status: input.status, limit: input.limit, after: decodeCursor(input.cursor), at: ctx.now() });
  return toPage(rows, input.limit, contractCursor, (r) => presentContractItem(r, r.terms_now));
}

/** The contract, or 404 when missing, in another tenant, or (for client users) another client's. */
export async function getContractRow(ctx: AppContext, actor: Actor, id: string): Promise<ContractListRow> {
  if (!canReadContracts(actor)) throw forbidden();
  const row = await repo.findContract(ctx.db, scopeOf(actor), id, ctx.now());
  if (!row) throw notFound('Contract');
  return row;
}

/**
 * Terms in force at `at` for an active or ended contract, with the amendment number that put
 * them there. Uses the stored `in_force_from` (the later of acceptance and the effective
 * instant; for the original agreement, the contract start).
 */
export function termsInForce(amendments: readonly AmendmentRow[], at: Date): TermsVersion | null {
  const history = amendments.filter((a) => a.status === 'accepted' && a.in_force_from).map((a) => ({ version: a.number, inForceFrom: a.in_force_from!, terms: a.terms }));
  return versionAt(history, at);
}

export async function getContract(ctx: AppContext, actor: Actor, id: string) {
  const c = await getContractRow(ctx, actor, id);
  const amendments = await repo.listAmendments(ctx.db, actor.tenantId, c.id);
  let termsNow: ContractTerms | null = c.draft_terms;
  let termsVersion: number | null = null;
  if (c.status !== 'draft') {
    const now = ctx.now();
    // Not started yet: the terms it will start with.
    const v = termsInForce(amendments, now) ?? termsInForce(amendments, c.starts_at > now ? c.starts_at : now);
    termsNow = v?.terms ?? null;
    termsVersion = v?.version ?? null;
  }
  return {
    ...presentContractItem(c, termsNow ?? c.terms_now),
    termsNow: termsNow ? presentTerms(termsNow) : null,
    termsVersion,
    amendments: amendments.map((a) => presentAmendment(a, false)),
    pendingAmendments: amendments.filter((a) => a.status === 'proposed').map((a) => presentAmendment(a)),
  };
}

export async function getAmendment(ctx: AppContext, actor: Actor, contractId: string, number: number) {
  const c = await getContractRow(ctx, actor, contractId);
  const a = await repo.findAmendment(ctx.db, actor.tenantId, c.id, number);
  if (!a) throw notFound('Amendment');
  return presentAmendment(a);
}

// ---------- configuration the terms are built from ----------

/**
 * A goal as the terms hold it; a new one gets its id here. The schema checked its shape; the
 * domain's rules (goal-rules.ts) check the rest, caps included, before anything is stored.
 */
function goalTerms(input: GoalInput): GoalTerms {
  const { goalId, ...rest } = input;
  return { goalId: goalId ?? randomUUID(), ...rest } as GoalTerms;
}

function responsibilityTerms(input: ResponsibilityInput): ResponsibilityTerms {
  const { responsibilityId, ...rest } = input;
  return { responsibilityId: responsibilityId ?? randomUUID(), ...rest } as ResponsibilityTerms;
}

/** What the goals of a client's contract may refer to: the matrix priorities and the client's sites (with names, for summaries). */
async function goalScope(db: Db, tenantId: string, clientId: string): Promise<{ ctx: GoalContext; siteNames: Map<string, string> }> {
  const [{ matrix }, sites] = await Promise.all([findMatrix(db, tenantId), repo.clientSites(db, tenantId, clientId)]);
  return { ctx: { priorities: priorityKeys(matrix), siteIds: new Set(sites.map((s) => s.id)) }, siteNames: new Map(sites.map((s) => [s.id, s.name])) };
}

const planSource = (p: PlanRow): PlanSource => ({ id: p.id, name: p.name, terms: p.terms });
const riderSource = (r: RiderRow): RiderSource => ({ id: r.id, name: r.name, effect: r.effect, price: { amountMinor: r.price_minor, currency: r.currency, basis: r.price_basis } });
const catalogSource = (c: CatalogItemRow): CatalogSource => ({ id: c.id, turnarounds: c.turnarounds });

/**
 * Under a contract, priorities on the plan's usual calendar (the one most of its priorities use)
 * run on the contract's own business calendar, in the client's zone; a priority with its own
 * coverage calendar (Platinum P1 on 24x7) keeps it.
 */
export function coverageCalendarFor(plan: PlanDocument, contractCalendarId: string): (planCalendarId: string) => string {
  const counts = new Map<string, number>();
  for (const t of Object.values(plan.targets)) counts.set(t.calendarId, (counts.get(t.calendarId) ?? 0) + 1);
  let base: string | null = null;
  for (const [id, n] of counts) if (base === null || n > counts.get(base)!) base = id;
  return (id) => (id === base ? contractCalendarId : id);
}

async function activePlan(db: Db, tenantId: string, planId: string, field: string): Promise<PlanRow> {
  const plan = await findPlan(db, tenantId, planId);
  if (!plan || plan.status !== 'active') throw invalid({ [field]: 'is not an active plan of this organisation' });
  return plan;
}

/** The client's default business calendar: "Business hours (<zone>)" in its main site's zone, created when missing. */
async function defaultCalendar(db: Db, tenantId: string, clientId: string, calendars: CalendarRow[]): Promise<CalendarRow> {
  const site = await repo.mainSite(db, tenantId, clientId);
  const zone = site?.time_zone ?? DEFAULT_TIME_ZONE;
  const plain = calendars.find((c) => c.name.toLowerCase() === 'business hours' && c.definition.timeZone === zone);
  if (plain) return plain;
  return repo.ensureCalendar(db, tenantId, `Business hours (${zone})`, businessHoursDefinition(zone));
}

function checkPeriod(startsAt: Date, endsAt: Date | null) {
  if (endsAt && endsAt.getTime() <= startsAt.getTime()) throw invalid({ endsAt: 'must be after startsAt' });
}

async function validateOverrides(db: Db, tenantId: string, overrides: Record<string, Turnaround>) {
  const errors: Record<string, string> = {};
  const known = new Set((await repo.activeCatalogItems(db, tenantId)).map((c) => c.id));
  for (const [itemId, t] of Object.entries(overrides)) {
    if (!known.has(itemId)) errors[`catalogOverrides.${itemId}`] = 'is not an active catalog item of this organisation';
    else Object.assign(errors, turnaroundProblems(`catalogOverrides.${itemId}`, t));
  }
  if (Object.keys(errors).length) throw invalid(errors);
}

async function draftTerms(
  db: Db,
  tenantId: string,
  input: {
    plan: PlanRow;
    calendarId: string;
    riderIds: string[];
    overrides: Record<string, Turnaround>;
    goals?: readonly GoalTerms[];
    responsibilities?: readonly ResponsibilityTerms[];
    startsAt: Date;
    newRiderIds: Set<string>;
  },
): Promise<ContractTerms> {
  const riders = await repo.ridersByIds(db, tenantId, input.riderIds);
  const errors: Record<string, string> = {};
  const seen = new Set<string>();
  input.riderIds.forEach((id, i) => {
    const r = riders.find((x) => x.id === id);
    if (!r || (input.newRiderIds.has(id) && r.status !== 'active')) errors[`riderIds[${i}]`] = 'is not an active rider of this organisation';
    else if (seen.has(id)) errors[`riderIds[${i}]`] = 'is listed twice';
    seen.add(id);
  });
  if (Object.keys(errors).length) throw invalid(errors);
  const catalog = await repo.activeCatalogItems(db, tenantId);
  return initialTerms({
    plan: planSource(input.plan),
    calendarId: input.calendarId,
    catalog: catalog.map(catalogSource),
    riders: input.riderIds.map((id) => riderSource(riders.find((r) => r.id === id)!)),
    catalogOverrides: input.overrides,
    goals: input.goals,
    responsibilities: input.responsibilities,
    effectiveAt: input.startsAt,
    coverageCalendar: coverageCalendarFor(input.plan.terms, input.calendarId),
  });
}

// ---------- contract writes ----------

export async function createContract(ctx: AppContext, actor: Actor, input: CreateContractInput) {
  if (!canWriteContracts(actor)) throw cannotWrite();
  const tenantId = actor.tenantId;
  const client = await repo.findClientRow(ctx.db, scopeOf(actor), input.clientId);
  if (!client) throw invalid({ clientId: 'is not a client of this organisation' });
  const startsAt = new Date(input.startsAt);
  const endsAt = input.endsAt ? new Date(input.endsAt) : null;
  checkPeriod(startsAt, endsAt);
  const plan = await activePlan(ctx.db, tenantId, input.planId, 'planId');
  const calendars = await repo.tenantCalendars(ctx.db, tenantId);
  if (input.calendarId && !calendars.some((c) => c.id === input.calendarId)) throw invalid({ calendarId: 'is not a calendar of this organisation' });
  const row = await ctx.db.transaction().execute(async (trx) => {
    const calendarId = input.calendarId ?? (await defaultCalendar(trx, tenantId, client.id, calendars)).id;
    const terms = await draftTerms(trx, tenantId, { plan, calendarId, riderIds: [], overrides: {}, startsAt, newRiderIds: new Set() });
    const c = await repo.insertContract(trx, tenantId, { client_id: client.id, name: input.name, starts_at: startsAt, ends_at: endsAt, draft_terms: terms, created_by: actor.userId });
    await appendAudit(trx, { tenantId, actorUserId: actor.userId, actorLabel: actor.email, action: 'contract.created', targetType: 'contract', targetId: c.id, ip: actor.ip, details: { clientId: client.id, name: c.name, plan: plan.name } });
    return c;
  });
  return getContract(ctx, actor, row.id);
}

export async function updateContract(ctx: AppContext, actor: Actor, id: string, input: UpdateContractInput, expectedVersion: number | null) {
  const existing = await getContractRow(ctx, actor, id);
  if (!canWriteContracts(actor)) throw cannotWrite();
  if (existing.status !== 'draft') throw conflict('Only a draft contract can be changed; propose an amendment instead');
  const tenantId = actor.tenantId;
  const current = existing.draft_terms!;
  const startsAt = input.startsAt ? new Date(input.startsAt) : existing.starts_at;
  const endsAt = input.endsAt !== undefined ? (input.endsAt ? new Date(input.endsAt) : null) : existing.ends_at;
  checkPeriod(startsAt, endsAt);
  const plan = input.planId ? await activePlan(ctx.db, tenantId, input.planId, 'planId') : await findPlan(ctx.db, tenantId, current.plan.planId);
  if (!plan) throw invalid({ planId: 'the plan of this draft no longer exists; choose another' });
  if (input.calendarId && !(await repo.tenantCalendars(ctx.db, tenantId)).some((c) => c.id === input.calendarId)) throw invalid({ calendarId: 'is not a calendar of this organisation' });
  const overrides = input.catalogOverrides ?? current.catalogOverrides;
  if (input.catalogOverrides) await validateOverrides(ctx.db, tenantId, input.catalogOverrides);
  const riderIds = input.riderIds ?? current.riders.map((r) => r.riderId);
  const goals = input.goals ? input.goals.map(goalTerms) : (current.goals ?? []);
  const responsibilities = input.responsibilities ? input.responsibilities.map(responsibilityTerms) : (current.responsibilities ?? []);
  if (input.goals || input.responsibilities) {
    const { ctx: scope } = await goalScope(ctx.db, tenantId, existing.client_id);
    const problems = { ...(input.goals ? goalListProblems('goals', goals, scope) : {}), ...(input.responsibilities ? responsibilityListProblems('responsibilities', responsibilities) : {}) };
    if (Object.keys(problems).length) throw invalid(problems);
  }
  const terms = await draftTerms(ctx.db, tenantId, {
    plan,
    calendarId: input.calendarId ?? current.calendarId,
    riderIds,
    overrides,
    goals,
    responsibilities,
    startsAt,
    newRiderIds: new Set(input.riderIds ?? []),
  });
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await repo.updateContract(trx, tenantId, id, { name: input.name, starts_at: startsAt, ends_at: endsAt, draft_terms: terms }, expectedVersion);
    if (!updated) throw staleWrite();
    await appendAudit(trx, { tenantId, actorUserId: actor.userId, actorLabel: actor.email, action: 'contract.updated', targetType: 'contract', targetId: id, ip: actor.ip, details: { changed: Object.keys(input) } });
  });
  return getContract(ctx, actor, id);
}

function overlapMessage(clientName: string, others: { name: string; starts_at: Date; ends_at: Date | null }[]) {
  const o = others[0]!;
  const period = o.ends_at ? `from ${formatDate(o.starts_at)} to ${formatDate(o.ends_at)}` : `from ${formatDate(o.starts_at)} with no end date`;
  return `${clientName} already has an active contract "${o.name}" ${period}; a client has at most one active contract at any time. End that contract first, or change the dates of this one`;
}

export async function activateContract(ctx: AppContext, actor: Actor, id: string) {
  const existing = await getContractRow(ctx, actor, id);
  if (!canWriteContracts(actor)) throw cannotWrite();
  const tenantId = actor.tenantId;
  await ctx.db.transaction().execute(async (trx) => {
    await repo.lockClient(trx, tenantId, existing.client_id);
    const c = await repo.lockContract(trx, tenantId, id);
    if (!c) throw notFound('Contract');
    if (c.status !== 'draft' || !c.draft_terms) throw conflict(`This contract is already ${c.status}`);
    const others = await repo.overlappingContracts(trx, tenantId, c.client_id, c.starts_at, c.ends_at, c.id);
    if (others.length) throw conflict(overlapMessage(existing.client_name, others));
    const now = ctx.now();
    const zone = (await repo.tenantCalendars(trx, tenantId)).find((k) => k.id === c.draft_terms!.calendarId)?.definition.timeZone ?? 'UTC';
    await repo.updateContract(trx, tenantId, id, { status: 'active', draft_terms: null }, null);
    await repo.insertAmendment(trx, {
      tenant_id: tenantId,
      contract_id: id,
      number: 1,
      summary: amendmentSummary([{ type: 'initial_terms' }], c.starts_at, {}, zone),
      changes: [{ type: 'initial_terms' }],
      terms: c.draft_terms,
      effective_at: c.starts_at,
      status: 'accepted',
      in_force_from: c.starts_at,
      proposed_by: actor.userId,
      proposed_at: now,
      decided_by: actor.userId,
      decided_by_name: `${actor.name} (for the client, on activation)`,
      decided_at: now,
      decision_ip: actor.ip,
    });
    await appendAudit(trx, { tenantId, actorUserId: actor.userId, actorLabel: actor.email, action: 'contract.activated', targetType: 'contract', targetId: id, ip: actor.ip, details: { clientId: c.client_id, startsAt: c.starts_at.toISOString() } });
  });
  return getContract(ctx, actor, id);
}

export async function endContract(ctx: AppContext, actor: Actor, id: string, endsAtIso: string) {
  const existing = await getContractRow(ctx, actor, id);
  if (!canWriteContracts(actor)) throw cannotWrite();
  const tenantId = actor.tenantId;
  const endsAt = new Date(endsAtIso);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.lockClient(trx, tenantId, existing.client_id);
    const c = await repo.lockContract(trx, tenantId, id);
    if (!c) throw notFound('Contract');
    if (c.status === 'draft') throw conflict('A draft is not in force; change its dates instead');
    checkPeriod(c.starts_at, endsAt);
    const others = await repo.overlappingContracts(trx, tenantId, c.client_id, c.starts_at, endsAt, c.id);
    if (others.length) throw conflict(overlapMessage(existing.client_name, others));
    await repo.updateContract(trx, tenantId, id, { status: 'ended', ends_at: endsAt }, null);
    await appendAudit(trx, { tenantId, actorUserId: actor.userId, actorLabel: actor.email, action: 'contract.ended', targetType: 'contract', targetId: id, ip: actor.ip, details: { endsAt: endsAt.toISOString() } });
  });
  return getContract(ctx, actor, id);
}

// ---------- amendments ----------

export async function proposeAmendment(ctx: AppContext, actor: Actor, contractId: string, input: ProposeAmendmentInput) {
  const contract = await getContractRow(ctx, actor, contractId);
  if (!canWriteContracts(actor)) throw cannotWrite();
  const tenantId = actor.tenantId;
  const effectiveAt = new Date(input.effectiveAt);
  const [plans, riders, catalog, calendars, scope] = await Promise.all([
    repo.activePlans(ctx.db, tenantId),
    repo.activeRiders(ctx.db, tenantId),
    repo.activeCatalogItems(ctx.db, tenantId),
    repo.tenantCalendars(ctx.db, tenantId),
    goalScope(ctx.db, tenantId, contract.client_id),
  ]);
  const number = await ctx.db.transaction().execute(async (trx) => {
    const c = await repo.lockContract(trx, tenantId, contractId);
    if (!c) throw notFound('Contract');
    if (c.status !== 'active') throw conflict(c.status === 'draft' ? 'A draft has no amendments: change it directly, then activate it' : 'This contract has ended; it takes no more amendments');
    if (effectiveAt < c.starts_at) throw invalid({ effectiveAt: `must not be before the contract starts (${c.starts_at.toISOString()})` });
    if (c.ends_at && effectiveAt >= c.ends_at) throw invalid({ effectiveAt: `must be before the contract ends (${c.ends_at.toISOString()})` });
    const amendments = await repo.listAmendments(trx, tenantId, contractId);
    const base = [...amendments].reverse().find((a) => a.status === 'accepted');
    if (!base) throw conflict('This contract has no accepted terms to amend');
    if (base.in_force_from && effectiveAt < base.in_force_from) throw invalid({ effectiveAt: `must not be before amendment #${base.number} takes effect (${base.in_force_from.toISOString()})` });
    const changes: AmendmentChange[] = input.changes.map((ch) => {
      switch (ch.type) {
        case 'plan_changed':
          return { ...ch, fromPlanId: ch.fromPlanId === undefined ? base.terms.plan.planId : ch.fromPlanId };
        case 'goal_set':
          return { type: 'goal_set', goal: goalTerms(ch.goal) };
        case 'responsibility_set':
          return { type: 'responsibility_set', responsibility: responsibilityTerms(ch.responsibility) };
        default:
          return ch;
      }
    });
    const planChange = changes.find((ch) => ch.type === 'plan_changed');
    const targetPlan = planChange ? plans.find((p) => p.id === planChange.toPlanId) : undefined;
    const result = applyChanges(base.terms, changes, {
      effectiveAt,
      plans: new Map(plans.map((p) => [p.id, planSource(p)])),
      riders: new Map(riders.map((r) => [r.id, riderSource(r)])),
      catalog: catalog.map(catalogSource),
      calendarIds: new Set(calendars.map((k) => k.id)),
      coverageCalendar: targetPlan ? coverageCalendarFor(targetPlan.terms, base.terms.calendarId) : undefined,
      goals: scope.ctx,
    });
    if (!result.ok) throw invalid(result.errors);
    const allPlans = await repo.planNames(trx, tenantId);
    const allRiders = await repo.allRiders(trx, tenantId);
    const zone = calendars.find((k) => k.id === base.terms.calendarId)?.definition.timeZone ?? 'UTC';
    const summary = amendmentSummary(
      changes,
      effectiveAt,
      {
        plans: new Map(allPlans.map((p) => [p.id, p.name])),
        riders: new Map(allRiders.map((r) => [r.id, { name: r.name, effect: r.effect }])),
        catalog: new Map(catalog.map((i) => [i.id, i.name])),
        goals: new Map((base.terms.goals ?? []).map((g) => [g.goalId, g.objective])),
        responsibilities: new Map((base.terms.responsibilities ?? []).map((r) => [r.responsibilityId, r.description])),
        sites: scope.siteNames,
      },
      zone,
    );
    const n = (await repo.nextAmendmentNumber(trx, tenantId, contractId)) as number;
    await repo.insertAmendment(trx, {
      tenant_id: tenantId,
      contract_id: contractId,
      number: n,
      summary,
      changes,
      terms: result.terms,
      effective_at: effectiveAt,
      status: 'proposed',
      in_force_from: null,
      proposed_by: actor.userId,
      proposed_at: ctx.now(),
    });
    await repo.updateContract(trx, tenantId, contractId, {}, null);
    await appendAudit(trx, { tenantId, actorUserId: actor.userId, actorLabel: actor.email, action: 'amendment.proposed', targetType: 'contract', targetId: contractId, ip: actor.ip, details: { number: n, summary } });
    return n;
  });
  return getAmendment(ctx, actor, contractId, number);
}

async function decide(ctx: AppContext, actor: Actor, contractId: string, number: number, decision: { kind: 'accept' } | { kind: 'reject'; reason: string } | { kind: 'withdraw' }) {
  const contract = await getContractRow(ctx, actor, contractId);
  if (decision.kind === 'withdraw') {
    if (!canWriteContracts(actor)) throw cannotWrite();
  } else if (!canDecideAmendment(actor, contract)) {
    throw forbidden(`Only an administrator of ${contract.client_name} can ${decision.kind} amendments`);
  }
  const tenantId = actor.tenantId;
  await ctx.db.transaction().execute(async (trx) => {
    await repo.lockContract(trx, tenantId, contractId);
    const a = await repo.findAmendment(trx, tenantId, contractId, number, true);
    if (!a) throw notFound('Amendment');
    if (a.status !== 'proposed') throw conflict(`Amendment #${a.number} is already ${a.status}; a decided amendment never changes`);
    const now = ctx.now();
    if (decision.kind === 'accept') {
      const newer = (await repo.listAmendments(trx, tenantId, contractId)).find((x) => x.status === 'accepted' && x.decided_at && x.decided_at > a.proposed_at);
      if (newer) throw conflict(`Amendment #${newer.number} was accepted after this one was proposed, so these terms are out of date; ask for the change to be proposed again`);
      const inForceFrom = now > a.effective_at ? now : a.effective_at;
      await repo.decideAmendment(trx, tenantId, a.id, { status: 'accepted', decided_by: actor.userId, decided_by_name: actor.name, decided_at: now, decision_ip: actor.ip, in_force_from: inForceFrom });
      await appendAudit(trx, {
        tenantId,
        actorUserId: actor.userId,
        actorLabel: actor.email,
        action: 'amendment.accepted',
        targetType: 'contract',
        targetId: contractId,
        ip: actor.ip,
        details: { number: a.number, name: actor.name, at: now.toISOString(), ip: actor.ip, inForceFrom: inForceFrom.toISOString(), summary: a.summary },
      });
    } else if (decision.kind === 'reject') {
      await repo.decideAmendment(trx, tenantId, a.id, { status: 'rejected', decided_by: actor.userId, decided_by_name: actor.name, decided_at: now, decision_ip: actor.ip, rejection_reason: decision.reason });
      await appendAudit(trx, { tenantId, actorUserId: actor.userId, actorLabel: actor.email, action: 'amendment.rejected', targetType: 'contract', targetId: contractId, ip: actor.ip, details: { number: a.number, name: actor.name, reason: decision.reason } });
    } else {
      await repo.decideAmendment(trx, tenantId, a.id, { status: 'withdrawn', decided_by: actor.userId, decided_by_name: actor.name, decided_at: now, decision_ip: actor.ip });
      await appendAudit(trx, { tenantId, actorUserId: actor.userId, actorLabel: actor.email, action: 'amendment.withdrawn', targetType: 'contract', targetId: contractId, ip: actor.ip, details: { number: a.number } });
    }
    await repo.updateContract(trx, tenantId, contractId, {}, null);
  });
  return getAmendment(ctx, actor, contractId, number);
}

export const acceptAmendment = (ctx: AppContext, actor: Actor, contractId: string, number: number) => decide(ctx, actor, contractId, number, { kind: 'accept' });
export const rejectAmendment = (ctx: AppContext, actor: Actor, contractId: string, number: number, reason: string) => decide(ctx, actor, contractId, number, { kind: 'reject', reason });
export const withdrawAmendment = (ctx: AppContext, actor: Actor, contractId: string, number: number) => decide(ctx, actor, contractId, number, { kind: 'withdraw' });
