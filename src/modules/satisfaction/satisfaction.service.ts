/**
 * The satisfaction summary (CSAT and NPS figures by client, technician, plan or category, from
 * the same functions the goals library uses) and the at-risk signals (the pure rules of
 * src/domain/satisfaction/risk-rules.ts over what the repository loads for all clients at once).
 */
import { csatAverageOf } from '../../domain/metrics/csat-average';
import { csatPositiveOf } from '../../domain/metrics/csat-positive';
import { csatResponseRateOf } from '../../domain/metrics/csat-response-rate';
import type { CsatFact, NpsFact, Period } from '../../domain/metrics/metric-types';
import { npsOf } from '../../domain/metrics/nps';
import type { CatalogCategory } from '../../domain/pact/pact-types';
import { compareRisk, riskReasons, riskScore, type RiskInput } from '../../domain/satisfaction/risk-rules';
import type { Actor } from '../../http/actor';
import type { AppContext } from '../../http/context';
import { forbidden, invalid, notFound } from '../../errors';
import { canReadRisk, canReadSummary, summaryDimensionAllowed } from './satisfaction.policy';
import { presentRiskItem, presentSummaryRow, type SummaryFigures } from './satisfaction.presenter';
import { csatFactOf } from './csat-facts';
import * as repo from './satisfaction.repository';
import type { SummaryDimension } from './satisfaction.schema';

const DAY_MS = 86_400_000;
/** The longest period a summary covers: three years of answers. */
const MAX_DAYS = 1096;

const CATEGORY_LABELS: Record<CatalogCategory, string> = { hardware: 'Hardware', software: 'Software', network: 'Network', security: 'Security', account: 'Accounts and access', other: 'Other' };

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The period [from 00:00, to + 1 day 00:00) in UTC; 400 naming the field when it is not a real day or the wrong way round. */
function periodOf(now: Date, fromDay?: string, toDay?: string): Period & { fromDay: string; toDay: string } {
  const parse = (s: string, field: string) => {
    const d = new Date(`${s}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || isoDay(d) !== s) throw invalid({ [field]: 'is not a day of the calendar' });
    return d;
  };
  const to = toDay ? parse(toDay, 'to') : new Date(`${isoDay(now)}T00:00:00Z`);
  const from = fromDay ? parse(fromDay, 'from') : new Date(to.getTime() - 89 * DAY_MS);
  if (from > to) throw invalid({ to: 'must not be before from' });
  if ((to.getTime() - from.getTime()) / DAY_MS >= MAX_DAYS) throw invalid({ to: `must be at most ${MAX_DAYS} days after from` });
  const end = new Date(to.getTime() + DAY_MS);
  return { key: `${isoDay(from)}..${isoDay(to)}`, from, to: end, fromDay: isoDay(from), toDay: isoDay(to) };
}


function figures(csat: readonly CsatFact[], nps: readonly NpsFact[] | null, period: Period): SummaryFigures {
  return { average: csatAverageOf(csat, period), positive: csatPositiveOf(csat, period), rate: csatResponseRateOf(csat, period), nps: nps ? npsOf(nps, period) : null };
}

/** The group a survey falls in, with its label: the client, technician, plan or category at resolution. */
function groupOf(by: SummaryDimension, r: repo.SummaryCsatRow): { key: string | null; label: string } {
  switch (by) {
    case 'client':
      return { key: r.client_id, label: r.client_name };
    case 'technician':
      return r.technician_id ? { key: r.technician_id, label: r.technician_name ?? 'Former user' } : { key: null, label: 'Unassigned' };
    case 'plan':
      return r.plan_name ? { key: r.plan_name, label: r.plan_name } : { key: null, label: 'No plan' };
    case 'category':
      return r.category ? { key: r.category, label: CATEGORY_LABELS[r.category as CatalogCategory] ?? r.category } : { key: null, label: 'Uncategorised' };
    default: {
      const never: never = by;
      throw new Error(`unknown dimension ${String(never)}`);
    }
  }
}

export type SummaryQuery = { from?: string; to?: string; by?: SummaryDimension; clientId?: string };

export async function summary(ctx: AppContext, actor: Actor, query: SummaryQuery) {
  if (!canReadSummary(actor)) throw forbidden('The satisfaction summary is for staff and the client administrator');
  const q = { ...query, by: query.by ?? (actor.kind === 'client' ? 'category' : 'client') } as const;
  if (!summaryDimensionAllowed(actor, q.by)) throw forbidden('Client administrators see the summary by category');
  let clientId = q.clientId;
  if (actor.kind === 'client') {
    if (clientId && clientId !== actor.clientId) throw notFound('Client');
    clientId = actor.clientId;
  } else if (clientId && !(await repo.clientExists(ctx.db, actor.tenantId, clientId))) throw notFound('Client');
  const period = periodOf(ctx.now(), q.from, q.to);

  const [csatRows, npsRows] = await Promise.all([
    repo.csatForSummary(ctx.db, actor.tenantId, period.from, period.to, clientId),
    repo.npsForSummary(ctx.db, actor.tenantId, period.from, period.to, clientId),
  ]);
  const groups = new Map<string, { key: string | null; label: string; csat: CsatFact[]; nps: NpsFact[] }>();
  for (const r of csatRows) {
    const g = groupOf(q.by, r);
    const k = g.key ?? '';
    let group = groups.get(k);
    if (!group) groups.set(k, (group = { ...g, csat: [], nps: [] }));
    group.csat.push(csatFactOf(r));
  }
  const npsFacts = npsRows.map((r) => ({ surveyId: r.id, score: r.score, sentAt: r.sent_at, respondedAt: r.responded_at }));
  if (q.by === 'client') {
    // A client answering NPS without CSAT in the period still gets its row.
    const names = new Map(csatRows.map((r) => [r.client_id, r.client_name]));
    const missing = npsRows.filter((r) => !groups.has(r.client_id)).map((r) => r.client_id);
    if (missing.length) for (const c of await repo.clientNames(ctx.db, actor.tenantId, [...new Set(missing)])) names.set(c.id, c.name);
    npsRows.forEach((r, i) => {
      let group = groups.get(r.client_id);
      if (!group) groups.set(r.client_id, (group = { key: r.client_id, label: names.get(r.client_id) ?? 'Former client', csat: [], nps: [] }));
      group.nps.push(npsFacts[i]!);
    });
  }
  const rows = [...groups.values()]
    .sort((a, b) => (a.key === null ? 1 : 0) - (b.key === null ? 1 : 0) || a.label.localeCompare(b.label) || (a.key ?? '').localeCompare(b.key ?? ''))
    .map((g) => presentSummaryRow(g.key, g.label, figures(g.csat, q.by === 'client' ? g.nps : null, period)));
  const total = presentSummaryRow(null, 'All', figures(csatRows.map(csatFactOf), npsFacts, period));
  return { by: q.by, from: period.fromDay, to: period.toDay, rows, total };
}

// ---------- at risk ----------

const monthKeyOf = (d: Date) => d.toISOString().slice(0, 7);
const quarterKeyOf = (d: Date) => `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;

/** Every matching client with its reasons and score, evaluated now. */
async function evaluateRisk(ctx: AppContext, tenantId: string, filter: { accountManagerId?: string; clientId?: string }) {
  const now = ctx.now();
  const [settings, clients] = await Promise.all([repo.riskSettings(ctx.db, tenantId), repo.riskClients(ctx.db, tenantId, filter)]);
  const ids = clients.map((c) => c.id);
  // Two trend windows; NPS over the last two years of quarters; scorecards of the last 7 months
  // (two quarters' ends, so a quarterly goal has two periods to compare).
  const since = new Date(now.getTime() - 2 * settings.windowDays * DAY_MS);
  const [csat, nps, problems, goals] = await Promise.all([
    repo.riskCsat(ctx.db, tenantId, ids, since, settings.badStreak),
    repo.riskNps(ctx.db, tenantId, ids, quarterKeyOf(new Date(now.getTime() - 730 * DAY_MS))),
    repo.openProblems(ctx.db, tenantId, ids),
    repo.recentGoalOutcomes(ctx.db, tenantId, ids, monthKeyOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 7, 1)))),
  ]);
  const by = <T extends { client_id: string }>(rows: readonly T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) {
      const list = m.get(r.client_id);
      if (list) list.push(r);
      else m.set(r.client_id, [r]);
    }
    return m;
  };
  const [csatOf, npsByClient, problemsOf, goalsOf] = [by(csat), by(nps), by(problems), by(goals)];
  return clients.map((c) => {
    const input: RiskInput = {
      now,
      settings,
      csat: (csatOf.get(c.id) ?? []).map((r) => ({ ticketId: r.ticket_id, ticketNumber: r.number, score: r.score, respondedAt: r.responded_at })),
      nps: (npsByClient.get(c.id) ?? []).map((r) => ({ quarter: r.quarter_key, score: r.score })),
      stage: c.stage,
      problems: (problemsOf.get(c.id) ?? []).map((p) => ({ id: p.id, number: p.number, title: p.title, status: p.status, openedAt: p.opened_at })),
      goals: (goalsOf.get(c.id) ?? []).map((g) => ({ contractId: g.contract_id, contractName: g.contract_name, goalId: g.goal_id, objective: g.objective, periodKey: g.period_key, outcome: g.outcome })),
    };
    const reasons = riskReasons(input);
    return { client: c, reasons, score: riskScore(reasons) };
  });
}

const cannotReadRisk = () => forbidden('At-risk signals are for staff');

export async function atRisk(ctx: AppContext, actor: Actor, q: { accountManagerId?: string }) {
  if (!canReadRisk(actor)) throw cannotReadRisk();
  const evaluated = await evaluateRisk(ctx, actor.tenantId, { accountManagerId: q.accountManagerId });
  return evaluated
    .filter((e) => e.reasons.length > 0)
    .sort((a, b) => compareRisk({ clientId: a.client.id, clientName: a.client.name, score: a.score, reasons: a.reasons }, { clientId: b.client.id, clientName: b.client.name, score: b.score, reasons: b.reasons }))
    .map((e) => presentRiskItem(e.client, e.reasons, e.score));
}

export async function clientRisk(ctx: AppContext, actor: Actor, clientId: string) {
  if (!canReadRisk(actor)) throw cannotReadRisk();
  const [e] = await evaluateRisk(ctx, actor.tenantId, { clientId });
  if (!e) throw notFound('Client');
  return { reasons: e.reasons, score: e.score, evaluatedAt: ctx.now().toISOString() };
}
