/**
 * Generating executive summaries: load everything the pure summary builder reads, for a batch of
 * clients of one tenant and one period, in a handful of set-based statements (contracts and their
 * terms, the tickets of the trend window with their history, surveys, catalog items, sites,
 * problems, journey, the period's scorecards), then build each client's document. No writes here.
 */
import { periodBounds } from '../../domain/goals/period';
import { groupBy } from '../../domain/group-by';
import type { CsatFact, NpsFact } from '../../domain/metrics/metric-types';
import { versionAt } from '../../domain/pact/terms-at';
import { buildSummary, goalSummaryOf, monthsOfPeriod, npsQuarterOf, periodLabel, trendKeys, type SummaryDocument, type SummaryTicket } from '../../domain/summaries';
import type { AppContext } from '../../http/context';
import { loadPacts, ticketFactsReader, windowDataInParts, type ContractPact } from '../scorecards/scorecard-evaluation';
import * as cards from '../scorecards/scorecards.repository';
import { calendarFor } from '../tickets/tickets.service';
import { csatFactOf } from '../satisfaction/csat-facts';
import * as repo from './summaries.repository';
import type { ClientHead, SummaryContract } from './summaries.repository';

export type SummaryJob = { client: ClientHead; periodKey: string };
export type GeneratedSummary = { job: SummaryJob; document: SummaryDocument } | { job: SummaryJob; problem: string };

const DAY = 86_400_000;

/** The period's UTC bounds widened by a day each side: covers it in every zone. */
function rough(periodKey: string): { from: Date; to: Date } {
  const keys = trendKeys(periodKey);
  const first = periodBounds(keys[0]!, 'UTC');
  const last = periodBounds(periodKey, 'UTC');
  const nps = periodBounds(npsQuarterOf(periodKey), 'UTC');
  return { from: new Date(Math.min(first.from.getTime(), nps.from.getTime()) - DAY), to: new Date(last.to.getTime() + DAY) };
}

type Plan = {
  job: SummaryJob;
  contract: SummaryContract;
  pact: ContractPact;
  contracts: SummaryContract[];
  period: { from: Date; to: Date };
  trendFrom: Date;
  surveyFrom: Date;
};

/** The contract a client's period is judged by: the latest activated one with terms and a calendar that started before the period's end. */
function mainContract(contracts: readonly SummaryContract[], pacts: ReadonlyMap<string, ContractPact>, periodKey: string): { contract: SummaryContract; pact: ContractPact } | null {
  const candidates = contracts.filter((k) => {
    const p = pacts.get(k.id);
    return p && p.calendar && p.history.length > 0;
  });
  for (let i = candidates.length - 1; i >= 0; i--) {
    const k = candidates[i]!;
    const pact = pacts.get(k.id)!;
    const b = periodBounds(periodKey, pact.zone);
    if (k.starts_at < b.to && (k.ends_at === null || k.ends_at > b.from)) return { contract: k, pact };
  }
  return null;
}

/** Why the client's period cannot be summarised, in words that follow "periodKey"; null when it can. */
function planFor(job: SummaryJob, contracts: SummaryContract[], pacts: ReadonlyMap<string, ContractPact>, now: Date): Plan | string {
  const main = mainContract(contracts, pacts, job.periodKey);
  if (!main) return `cannot be summarised: ${job.client.name} has no activated contract with accepted terms in force in ${periodLabel(job.periodKey, true)}`;
  const zone = main.pact.zone;
  const periods = trendKeys(job.periodKey).map((k) => periodBounds(k, zone));
  const period = periods[periods.length - 1]!;
  if (period.to > now) return `has not ended yet in the contract's time zone (${zone}): ${job.periodKey} ends ${period.to.toISOString()}`;
  const nps = periodBounds(npsQuarterOf(job.periodKey), zone);
  const trendFrom = periods[0]!.from;
  return {
    job,
    contract: main.contract,
    pact: main.pact,
    contracts: contracts.filter((k) => k.starts_at < period.to && (k.ends_at === null || k.ends_at > trendFrom)),
    period,
    trendFrom,
    surveyFrom: nps.from < trendFrom ? nps.from : trendFrom,
  };
}

/**
 * Builds the summaries of the jobs (clients of one tenant, all for the same period) from the data
 * now. A client that cannot be summarised (no contract, period not ended) gets a `problem`.
 */
export async function generateSummaries(ctx: AppContext, tenantId: string, periodKey: string, clients: readonly ClientHead[], generatedAt: Date): Promise<GeneratedSummary[]> {
  if (!clients.length) return [];
  const db = ctx.db;
  const window = rough(periodKey);
  const clientIds = clients.map((c) => c.id);
  const contracts = await repo.contractsOverlapping(db, tenantId, clientIds, window.from, window.to);
  const pacts = await loadPacts(ctx, tenantId, contracts.map((k) => k.id));
  const contractsOf = groupBy(contracts, (k) => k.client_id);

  const out: GeneratedSummary[] = [];
  const plans: Plan[] = [];
  for (const client of clients) {
    const job = { client, periodKey };
    const p = planFor(job, contractsOf.get(client.id) ?? [], pacts, generatedAt);
    if (typeof p === 'string') out.push({ job, problem: p });
    else plans.push(p);
  }
  if (!plans.length) return out;

  const planClients = plans.map((p) => p.job.client.id);
  const widestFrom = new Date(Math.min(...plans.map((p) => p.trendFrom.getTime())));
  const latestTo = new Date(Math.max(...plans.map((p) => p.period.to.getTime())));
  const [data, surveys, catalog, sites, problems, journey, scorecards, organisation] = await Promise.all([
    windowDataInParts(ctx, tenantId, plans.flatMap((p) => p.contracts.map((k) => ({ contractId: k.id, from: p.trendFrom, to: p.period.to })))),
    cards.surveysOfWindows(db, tenantId, plans.map((p) => ({ clientId: p.job.client.id, from: p.surveyFrom, to: p.period.to }))),
    repo.catalogItemsOfWindows(db, tenantId, plans.flatMap((p) => p.contracts.map((k) => ({ contractId: k.id, from: p.period.from, to: p.period.to })))),
    repo.sitesOf(db, tenantId, planClients),
    repo.problemsOf(db, tenantId, planClients, widestFrom, latestTo),
    repo.journeyOf(db, tenantId, planClients),
    repo.latestScorecards(db, tenantId, planClients, monthsOfPeriod(periodKey)),
    cards.tenantName(db, tenantId),
  ]);

  const ticketsOf = groupBy(data.tickets, (t) => t.contract_id);
  const catalogOf = new Map(catalog.map((c) => [c.ticket_id, c]));
  const sitesOf = groupBy(sites, (s) => s.client_id);
  const problemsOf = groupBy(problems, (p) => p.client_id);
  const journeyOf = groupBy(journey, (j) => j.client_id);
  const cardsOf = groupBy(scorecards, (s) => s.client_id);
  const csatOf = new Map<number, CsatFact[]>();
  const npsOf = new Map<number, NpsFact[]>();
  for (const r of surveys.csat) {
    let list = csatOf.get(r.win);
    if (!list) csatOf.set(r.win, (list = []));
    list.push(csatFactOf(r));
  }
  for (const r of surveys.nps) {
    let list = npsOf.get(r.win);
    if (!list) npsOf.set(r.win, (list = []));
    list.push({ surveyId: r.id, score: r.score, sentAt: r.sent_at, respondedAt: r.responded_at });
  }

  const factsOf = ticketFactsReader(data);

  plans.forEach((plan, index) => {
    const clientId = plan.job.client.id;
    try {
      const tickets: SummaryTicket[] = [];
      for (const k of plan.contracts) {
        for (const t of ticketsOf.get(k.id) ?? []) {
          if (t.created_at >= plan.period.to) continue;
          const facts = factsOf(t, plan.period.to);
          const item = catalogOf.get(t.id);
          tickets.push({ ...facts, catalogItemId: item?.catalog_item_id ?? null, catalogItemName: item?.name ?? null });
        }
      }
      const terms = versionAt(plan.pact.history, new Date(plan.period.to.getTime() - 1))?.terms ?? plan.pact.history[0]?.terms;
      const document = buildSummary({
        client: { id: clientId, name: plan.job.client.name },
        organisation,
        contract: { id: plan.contract.id, name: plan.contract.name, planName: terms?.plan.name ?? null },
        periodKey,
        timeZone: plan.pact.zone,
        calendar: calendarFor(plan.pact.calendarId!, plan.pact.calendar!),
        tickets,
        surveys: { csat: csatOf.get(index) ?? [], nps: npsOf.get(index) ?? [] },
        sites: new Map((sitesOf.get(clientId) ?? []).map((s) => [s.id, s.name])),
        problems: (problemsOf.get(clientId) ?? []).map((p) => ({
          id: p.id,
          number: p.number,
          title: p.title,
          status: p.status,
          plan: p.plan,
          workaround: p.workaround,
          openedAt: p.opened_at,
          resolvedAt: p.resolved_at,
          linkedTickets: p.linked,
          milestones: p.milestones.map((m) => ({ title: m.title, dueOn: m.due_on, doneOn: m.done_on, position: Number(m.position) })),
        })),
        journey: (journeyOf.get(clientId) ?? []).map((j) => ({ stage: j.stage, effectiveOn: j.effective_on, createdAt: j.created_at, note: j.note })),
        scorecards: (cardsOf.get(clientId) ?? []).map((s) => ({
          contractName: s.contract_name,
          periodKey: s.period_key,
          revision: s.revision,
          status: s.status,
          currency: s.currency,
          // Goal evaluations as stored (without their per-ticket contributions).
          goals: s.goals.map(goalSummaryOf),
        })),
        generatedAt,
      });
      out.push({ job: plan.job, document });
    } catch (err) {
      out.push({ job: plan.job, problem: `could not be summarised: ${err instanceof Error ? err.message : String(err)}` });
    }
  });
  return out;
}
