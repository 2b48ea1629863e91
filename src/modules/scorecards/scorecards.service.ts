/**
 * Scorecards: evaluate a contract's month (revision 1, or recompute the current draft), finalise
 * (immutable from then on: the database refuses changes to final rows), re-open (a new draft
 * revision evaluated from the data now; the final one stays), and the reads built on stored
 * scorecards: the list, one revision, a goal's drill-down to its tickets, the trend, the
 * statement and the review pack. Client admins see final revisions only; client users none.
 *
 * Evaluations read the database before any transaction opens (PGlite is one connection), then a
 * short transaction locks the month's latest revision, checks its state and writes.
 */
import type { StatementDocument } from '../../domain/goals/goal-types';
import { scopeOf, type Actor } from '../../http/actor';
import type { AppContext } from '../../http/context';
import { staleWrite } from '../../http/etag';
import { conflict, forbidden, invalid, notFound } from '../../errors';
import { appendAudit } from '../audit/audit.repository';
import { reference } from '../tickets/tickets.service';
import { canReadScorecards, canWriteScorecards, seesDrafts } from './scorecards.policy';
import { goalWithoutContributions, presentScorecard, presentSummary } from './scorecards.presenter';
import * as repo from './scorecards.repository';
import type { ContractHead } from './scorecards.repository';
import { evaluateMonths, loadPacts, monthProblem, type EvaluatedMonth } from './scorecard-evaluation';

const cannotRead = () => forbidden('Scorecards, statements and review packs are for staff and the client administrator');
const cannotWrite = () => forbidden('Only owners, admins and account managers evaluate, finalise and re-open scorecards');

/** The contract for this caller (404 across tenants and clients), after the policy check. */
export async function contractFor(ctx: AppContext, actor: Actor, contractId: string, allowed: (a: Actor) => boolean, refuse: () => Error): Promise<ContractHead> {
  if (!allowed(actor)) throw refuse();
  const c = await repo.findContract(ctx.db, scopeOf(actor), contractId);
  if (!c) throw notFound('Contract');
  return c;
}

const readable = (ctx: AppContext, actor: Actor, contractId: string) => contractFor(ctx, actor, contractId, canReadScorecards, cannotRead);
const writable = (ctx: AppContext, actor: Actor, contractId: string) => contractFor(ctx, actor, contractId, canWriteScorecards, cannotWrite);

// ---------- reads ----------

export async function listScorecards(ctx: AppContext, actor: Actor, contractId: string) {
  const c = await readable(ctx, actor, contractId);
  const rows = await repo.latestSummaries(ctx.db, scopeOf(actor), c.id, !seesDrafts(actor));
  return { items: rows.map(presentSummary) };
}

/** The revision asked for (default: the latest the caller may see), or 404. */
async function loadRevision(ctx: AppContext, actor: Actor, c: ContractHead, periodKey: string, revision?: number) {
  const scope = scopeOf(actor);
  const revisions = await repo.revisionsOf(ctx.db, scope, c.id, periodKey, !seesDrafts(actor));
  const chosen = revision === undefined ? revisions[revisions.length - 1] : revisions.find((r) => r.revision === revision);
  if (!chosen) throw notFound('Scorecard');
  const full = await repo.scorecardWithDocument(ctx.db, scope, c.id, periodKey, chosen.revision);
  if (!full) throw notFound('Scorecard');
  return { full, revisions };
}

export async function getScorecard(ctx: AppContext, actor: Actor, contractId: string, periodKey: string, revision?: number) {
  const c = await readable(ctx, actor, contractId);
  const { full, revisions } = await loadRevision(ctx, actor, c, periodKey, revision);
  return presentScorecard(full, revisions);
}

/** A goal's evaluation with each contribution joined to its ticket (as it is now: number, subject, priority). */
export async function getGoal(ctx: AppContext, actor: Actor, contractId: string, periodKey: string, goalId: string, revision?: number) {
  const c = await readable(ctx, actor, contractId);
  const { full } = await loadRevision(ctx, actor, c, periodKey, revision);
  const goal = full.document.goals.find((g) => g.goalId === goalId);
  if (!goal) throw notFound('Goal');
  const contributions = goal.contributions ?? [];
  const heads = new Map((await repo.ticketHeads(ctx.db, c.tenant_id, c.client_id, [...new Set(contributions.map((x) => x.ticketId))])).map((t) => [t.id, t]));
  return {
    ...goalWithoutContributions(goal),
    scorecard: { periodKey: full.period_key, revision: full.revision, status: full.status },
    contributions: contributions.map((x) => {
      const t = heads.get(x.ticketId);
      const number = t?.number ?? x.number;
      return {
        ticketId: x.ticketId,
        number,
        reference: reference(number),
        subject: t?.subject ?? x.subject,
        outcome: x.outcome,
        value: x.value ?? null,
        note: x.note ?? null,
        priority: t?.priority ?? null,
        createdAt: t ? t.created_at.toISOString() : null,
      };
    }),
  };
}

type TrendView = { goals: Array<{ goalId: string; objective: string; unit: string; target: number; comparator: string; points: Array<{ periodKey: string; monthKey: string; value: number | null; outcome: string; status: 'draft' | 'final' }> }> };

async function trendOf(ctx: AppContext, actor: Actor, c: ContractHead, periods: number): Promise<TrendView> {
  const rows = await repo.trendRows(ctx.db, scopeOf(actor), c.id, !seesDrafts(actor), periods);
  const goals = new Map<string, TrendView['goals'][number]>();
  for (const r of rows) {
    let g = goals.get(r.goal_id);
    if (!g) goals.set(r.goal_id, (g = { goalId: r.goal_id, objective: r.objective, unit: r.unit, target: r.target, comparator: r.comparator, points: [] }));
    // Rows come oldest month first: the latest month's wording of the goal wins.
    Object.assign(g, { objective: r.objective, unit: r.unit, target: r.target, comparator: r.comparator });
    g.points.push({ periodKey: r.goal_period_key, monthKey: r.month_key, value: r.value, outcome: r.outcome, status: r.status });
  }
  return { goals: [...goals.values()] };
}

export async function goalTrend(ctx: AppContext, actor: Actor, contractId: string, periods: number) {
  return trendOf(ctx, actor, await readable(ctx, actor, contractId), periods);
}

export type StatementData = {
  contractId: string;
  contractName: string;
  organisation: string;
  clientName: string;
  periodKey: string;
  revision: number;
  status: 'draft' | 'final';
  statement: StatementDocument;
};

/** The statement of the month's latest revision (client admins: the latest final one). */
export async function getStatement(ctx: AppContext, actor: Actor, contractId: string, periodKey: string): Promise<StatementData> {
  const c = await readable(ctx, actor, contractId);
  const { full } = await loadRevision(ctx, actor, c, periodKey);
  return {
    contractId: c.id,
    contractName: c.name,
    organisation: await repo.tenantName(ctx.db, c.tenant_id),
    clientName: c.client_name,
    periodKey: full.period_key,
    revision: full.revision,
    status: full.status,
    statement: full.document.statement,
  };
}

/** What a service review starts from: the latest scorecard, the trend, open responsibilities, goals missed twice running. */
export async function reviewPack(ctx: AppContext, actor: Actor, contractId: string) {
  const c = await readable(ctx, actor, contractId);
  const scope = scopeOf(actor);
  const [latest] = await repo.latestSummaries(ctx.db, scope, c.id, !seesDrafts(actor), 1);
  const trend = await trendOf(ctx, actor, c, 12);
  let openResponsibilities: Record<string, unknown>[] = [];
  if (latest) {
    const full = await repo.scorecardWithDocument(ctx.db, scope, c.id, latest.period_key, latest.revision);
    openResponsibilities = (full?.document.responsibilities ?? []).filter((r) => r.outcome !== 'kept').map((r) => ({ ...r }));
  }
  const goalsMissedTwiceRunning = trend.goals.flatMap((g) => {
    const [a, b] = g.points.slice(-2);
    return a && b && a.outcome === 'missed' && b.outcome === 'missed' ? [{ goalId: g.goalId, objective: g.objective, periods: [a.periodKey, b.periodKey] }] : [];
  });
  return {
    contract: { id: c.id, name: c.name, clientId: c.client_id, clientName: c.client_name, status: c.status, startsAt: c.starts_at.toISOString(), endsAt: c.ends_at ? c.ends_at.toISOString() : null },
    latest: latest ? presentSummary(latest) : null,
    trend,
    openResponsibilities,
    goalsMissedTwiceRunning,
  };
}

// ---------- writes ----------

/** Evaluates the month from the data now; refuses (400 periodKey) months not ended, or outside the contract. */
async function evaluateNow(ctx: AppContext, c: ContractHead, periodKey: string): Promise<EvaluatedMonth> {
  const pact = (await loadPacts(ctx, c.tenant_id, [c.id])).get(c.id)!;
  const now = ctx.now();
  const problem = monthProblem(c, pact, periodKey, now);
  if (problem) throw invalid({ periodKey: problem });
  const [evaluated] = await evaluateMonths(ctx, c.tenant_id, [{ contract: c, monthKey: periodKey, pact }], now);
  return evaluated!;
}

const finalConflict = (periodKey: string, revision: number) =>
  conflict(`The scorecard of ${periodKey} is final (revision ${revision}) and never changes; re-open it to evaluate the month again`, { periodKey: 'is final' });

/**
 * POST /contracts/:id/scorecards: revision 1 of the month, or the current draft recomputed.
 * `created` says which (201 or 200).
 */
export async function evaluateScorecard(ctx: AppContext, actor: Actor, contractId: string, periodKey: string) {
  const c = await writable(ctx, actor, contractId);
  const tenantId = c.tenant_id;
  // Refuse a final month before doing the work; the transaction checks again.
  const [known] = await repo.revisionsOf(ctx.db, { tenantId }, c.id, periodKey, false).then((r) => r.slice(-1));
  if (known?.status === 'final') throw finalConflict(periodKey, known.revision);
  const e = await evaluateNow(ctx, c, periodKey);
  const created = await ctx.db.transaction().execute(async (trx) => {
    let latest = await repo.lockLatestRevision(trx, tenantId, c.id, periodKey);
    if (!latest) {
      const inserted = await repo.insertScorecards(trx, [
        { tenant_id: tenantId, contract_id: c.id, client_id: c.client_id, period_key: periodKey, period_from: e.bounds.from, period_to: e.bounds.to, revision: 1, document: e.document, evaluated_at: new Date(e.document.evaluatedAt) },
      ]);
      if (inserted.length) return true;
      // Someone else created it a moment ago: recompute theirs, as if we had come second.
      latest = await repo.lockLatestRevision(trx, tenantId, c.id, periodKey);
      if (!latest) throw new Error('scorecard vanished');
    }
    if (latest.status === 'final') throw finalConflict(periodKey, latest.revision);
    await repo.updateDraft(trx, tenantId, latest.id, e.document, new Date(e.document.evaluatedAt), e.bounds);
    return false;
  });
  return { created, view: await getScorecard(ctx, actor, c.id, periodKey) };
}

/** Draft -> final, guarded by If-Match (the draft's version); audited. */
export async function finaliseScorecard(ctx: AppContext, actor: Actor, contractId: string, periodKey: string, expectedVersion: number | null) {
  const c = await writable(ctx, actor, contractId);
  const tenantId = c.tenant_id;
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const latest = await repo.lockLatestRevision(trx, tenantId, c.id, periodKey);
    if (!latest) throw notFound('Scorecard');
    if (latest.status === 'final') throw conflict(`The scorecard of ${periodKey} is already final (revision ${latest.revision})`);
    if (expectedVersion !== null && expectedVersion !== latest.version) throw staleWrite();
    const done = await repo.finaliseDraft(trx, tenantId, latest.id, actor.userId, now);
    if (!done) throw staleWrite();
    await appendAudit(trx, {
      tenantId,
      actorUserId: actor.userId,
      actorLabel: actor.email,
      action: 'scorecard.finalised',
      targetType: 'contract',
      targetId: c.id,
      ip: actor.ip,
      details: { periodKey, revision: latest.revision, scorecardId: latest.id },
    });
  });
  return getScorecard(ctx, actor, c.id, periodKey);
}

/** Final -> a new draft revision evaluated from the data now; the final revision stays as it was. Audited with the reason. */
export async function reopenScorecard(ctx: AppContext, actor: Actor, contractId: string, periodKey: string, reason: string) {
  const c = await writable(ctx, actor, contractId);
  const tenantId = c.tenant_id;
  const [known] = (await repo.revisionsOf(ctx.db, { tenantId }, c.id, periodKey, false)).slice(-1);
  if (!known) throw notFound('Scorecard');
  if (known.status !== 'final') throw conflict(`Revision ${known.revision} of ${periodKey} is a draft; evaluate it again instead of re-opening`);
  const e = await evaluateNow(ctx, c, periodKey);
  const revision = await ctx.db.transaction().execute(async (trx) => {
    const latest = await repo.lockLatestRevision(trx, tenantId, c.id, periodKey);
    if (!latest) throw notFound('Scorecard');
    if (latest.status !== 'final') throw conflict(`Revision ${latest.revision} of ${periodKey} is a draft; evaluate it again instead of re-opening`);
    const next = latest.revision + 1;
    const inserted = await repo.insertScorecards(trx, [
      {
        tenant_id: tenantId,
        contract_id: c.id,
        client_id: c.client_id,
        period_key: periodKey,
        period_from: e.bounds.from,
        period_to: e.bounds.to,
        revision: next,
        document: e.document,
        evaluated_at: new Date(e.document.evaluatedAt),
        reopen_reason: reason,
        reopened_by: actor.userId,
      },
    ]);
    if (!inserted.length) throw conflict(`Revision ${next} of ${periodKey} was just created by someone else; reload`);
    await appendAudit(trx, {
      tenantId,
      actorUserId: actor.userId,
      actorLabel: actor.email,
      action: 'scorecard.reopened',
      targetType: 'contract',
      targetId: c.id,
      ip: actor.ip,
      details: { periodKey, finalRevision: latest.revision, newRevision: next, reason },
    });
    return next;
  });
  return getScorecard(ctx, actor, c.id, periodKey, revision);
}

