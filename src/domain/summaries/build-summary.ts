/**
 * Builds an executive summary document from loaded facts. Every figure is the metrics library's
 * (or the goals library's) own result on the same tickets and surveys, so a summary never
 * disagrees with a scorecard or the satisfaction page about what happened. No I/O; `generatedAt`
 * is passed in.
 */
import type { GoalEvaluation } from '../goals/goal-types';
import { lastDayOfMonth, periodBounds } from '../goals/period';
import { METRICS } from '../metrics/registry';
import { csatAverageOf } from '../metrics/csat-average';
import { csatPositiveOf } from '../metrics/csat-positive';
import { csatResponseRateOf } from '../metrics/csat-response-rate';
import { npsOf } from '../metrics/nps';
import { resolvedIn } from '../metrics/ticket-history';
import type { MetricInput, MetricResult, Period, TicketFacts } from '../metrics/metric-types';
import type { GoalMetric, MetricKey } from '../pact/pact-types';
import { currentStage } from '../satisfaction/journey-timeline';
import { JOURNEY_STAGE_LABELS } from '../satisfaction/satisfaction-types';
import { monthsOfPeriod, npsQuarterOf, periodLabel, trendKeys } from './summary-period';
import {
  CATEGORY_LABELS,
  type CountRow,
  type Figure,
  type GoalSummary,
  type ProblemFact,
  type ProblemSummary,
  type ServiceLevelPoint,
  type SummaryDocument,
  type SummaryInput,
  type SummaryTicket,
} from './summary-types';

/** Backlog "aged" threshold the summary reports (business days on the contract calendar). */
export const AGED_DAYS = 5;
export const TOP_ITEMS = 5;

export const NO_CHANGES_NOTE =
  'Change requests and transitions are not yet recorded in servicepact, so none are listed for this period. They will appear here once change and transition records are kept.';

const figure = (r: MetricResult): Figure => ({ value: r.value, sample: r.sample });

function metric(key: MetricKey, input: MetricInput, extra: Partial<GoalMetric> = {}): MetricResult {
  return METRICS[key].compute(input, { key, ...extra });
}

/** The metric input of a period: every ticket of the client, no exclusions, the client's surveys. */
function inputFor(period: Period, input: SummaryInput, tickets: readonly TicketFacts[] = input.tickets): MetricInput {
  return { period, calendar: input.calendar, tickets, excluded: new Map(), manual: null, surveys: input.surveys };
}

function servicePoint(period: Period, input: SummaryInput): ServiceLevelPoint {
  const mi = inputFor(period, input);
  let resolved = 0;
  for (const t of input.tickets) if (resolvedIn(t, period)) resolved += 1;
  return {
    periodKey: period.key,
    label: periodLabel(period.key),
    firstResponseCompliance: figure(metric('first_response_compliance', mi)),
    resolutionCompliance: figure(metric('resolution_compliance', mi)),
    meanTimeToRespond: figure(metric('mean_time_to_respond', mi)),
    medianTimeToRespond: figure(metric('median_time_to_respond', mi)),
    meanTimeToResolve: figure(metric('mean_time_to_resolve', mi)),
    medianTimeToResolve: figure(metric('median_time_to_resolve', mi)),
    opened: metric('ticket_volume', mi).value ?? 0,
    resolved,
    csatAverage: figure(csatAverageOf(input.surveys.csat, period)),
  };
}

/** Breakdown keys of a dimension ('category:hardware' -> hardware), largest first, then by label. */
function breakdownRows(breakdown: Record<string, number>, dimension: string, label: (key: string) => string): CountRow[] {
  const prefix = `${dimension}:`;
  const rows: CountRow[] = [];
  for (const [k, count] of Object.entries(breakdown)) if (k.startsWith(prefix)) rows.push({ key: k.slice(prefix.length), label: label(k.slice(prefix.length)), count });
  return rows.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

function withRest(rows: CountRow[], total: number, key: string, label: string): CountRow[] {
  const counted = rows.reduce((s, r) => s + r.count, 0);
  return total > counted ? [...rows, { key, label, count: total - counted }] : rows;
}

function topCatalogItems(tickets: readonly SummaryTicket[], period: Period): CountRow[] {
  const from = period.from.getTime();
  const to = period.to.getTime();
  const counts = new Map<string, CountRow>();
  for (const t of tickets) {
    const at = t.createdAt.getTime();
    if (at < from || at >= to || t.catalogItemId === null) continue;
    let row = counts.get(t.catalogItemId);
    if (!row) counts.set(t.catalogItemId, (row = { key: t.catalogItemId, label: t.catalogItemName ?? 'Catalog item', count: 0 }));
    row.count += 1;
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)).slice(0, TOP_ITEMS);
}

/** Problems open at some point of the period: opened before its end and not resolved before its start. */
function problemsOf(problems: readonly ProblemFact[], period: Period): ProblemSummary[] {
  return problems
    .filter((p) => p.openedAt < period.to && (p.resolvedAt === null || p.resolvedAt >= period.from))
    .sort((a, b) => a.number - b.number)
    .map((p) => {
      const next = [...p.milestones].filter((m) => m.doneOn === null).sort((a, b) => a.position - b.position)[0];
      return {
        id: p.id,
        number: p.number,
        title: p.title,
        // The status as it stands when the summary is generated (a later resolution shows).
        status: p.status,
        plan: p.plan,
        workaround: p.workaround,
        openedAt: p.openedAt.toISOString(),
        resolvedAt: p.resolvedAt ? p.resolvedAt.toISOString() : null,
        linkedTickets: p.linkedTickets,
        nextMilestone: next ? { title: next.title, dueOn: next.dueOn } : null,
      };
    });
}

/** The period's first and last civil days ('2026-07-01', '2026-09-30'). */
function civilSpan(periodKey: string): { first: string; last: string } {
  const months = monthsOfPeriod(periodKey);
  return { first: `${months[0]}-01`, last: lastDayOfMonth(months[months.length - 1]!) };
}

function journeyOf(input: SummaryInput): SummaryDocument['satisfaction']['journey'] {
  const { first, last } = civilSpan(input.periodKey);
  const upToEnd = input.journey.filter((c) => c.effectiveOn <= last);
  const stage = currentStage(upToEnd);
  let since: string | null = null;
  if (stage) {
    // The stage holds since the earliest change of the unbroken run of changes to it.
    const sorted = [...upToEnd].sort((a, b) => (a.effectiveOn < b.effectiveOn ? -1 : a.effectiveOn > b.effectiveOn ? 1 : a.createdAt.getTime() - b.createdAt.getTime()));
    for (let i = sorted.length - 1; i >= 0 && sorted[i]!.stage === stage; i--) since = sorted[i]!.effectiveOn;
  }
  const changes = input.journey
    .filter((c) => c.effectiveOn >= first && c.effectiveOn <= last)
    .sort((a, b) => (a.effectiveOn < b.effectiveOn ? -1 : a.effectiveOn > b.effectiveOn ? 1 : a.createdAt.getTime() - b.createdAt.getTime()))
    .map((c) => ({ stage: c.stage, label: JOURNEY_STAGE_LABELS[c.stage], effectiveOn: c.effectiveOn, note: c.note }));
  return { current: stage && since ? { stage, label: JOURNEY_STAGE_LABELS[stage], since } : null, changes };
}

function goalsOf(input: SummaryInput): SummaryDocument['goals'] {
  const months = monthsOfPeriod(input.periodKey);
  const cards = [...input.scorecards].filter((s) => months.includes(s.periodKey)).sort((a, b) => a.periodKey.localeCompare(b.periodKey) || a.contractName.localeCompare(b.contractName));
  const items: GoalSummary[] = [];
  let credits = 0;
  let incentives = 0;
  for (const s of cards) {
    for (const g of s.goals) {
      items.push({ ...g, contractName: s.contractName });
      if (g.amountMinor < 0) credits += g.amountMinor;
      else incentives += g.amountMinor;
    }
  }
  const currencies = [...new Set(cards.map((s) => s.currency).filter((c): c is string => c !== null))];
  return {
    scorecards: cards.map((s) => ({ contractName: s.contractName, periodKey: s.periodKey, revision: s.revision, status: s.status })),
    missingMonths: months.filter((m) => !cards.some((s) => s.periodKey === m)),
    items,
    creditsMinor: credits,
    incentivesMinor: incentives,
    netMinor: credits + incentives,
    currency: currencies[0] ?? null,
  };
}

function afterHoursOf(input: SummaryInput, period: Period): SummaryDocument['afterHours'] {
  const only = (billable: boolean): TicketFacts[] => input.tickets.map((t) => ({ ...t, timeEntries: t.timeEntries.filter((e) => e.billable === billable) }));
  const all = metric('after_hours_hours', inputFor(period, input));
  return {
    hours: all.value ?? 0,
    billableHours: metric('after_hours_hours', inputFor(period, input, only(true))).value ?? 0,
    nonBillableHours: metric('after_hours_hours', inputFor(period, input, only(false))).value ?? 0,
    entries: all.sample,
  };
}

/** A stored goal evaluation as the summary lists it (what a scorecard document holds per goal). */
export function goalSummaryOf(g: Pick<GoalEvaluation, 'periodKey' | 'objective' | 'metricLabel' | 'unit' | 'value' | 'comparator' | 'target' | 'outcome' | 'reason' | 'amountMinor'>): Omit<GoalSummary, 'contractName'> {
  return { periodKey: g.periodKey, objective: g.objective, metricLabel: g.metricLabel, unit: g.unit, value: g.value, comparator: g.comparator, target: g.target, outcome: g.outcome, reason: g.reason, amountMinor: g.amountMinor };
}

export function buildSummary(input: SummaryInput): SummaryDocument {
  const periods = trendKeys(input.periodKey).map((k) => periodBounds(k, input.timeZone));
  const period = periods[periods.length - 1]!;
  const serviceLevels = periods.map((p) => servicePoint(p, input));
  const current = serviceLevels[serviceLevels.length - 1]!;
  const mi = inputFor(period, input);

  const volume = metric('ticket_volume', mi);
  const breakdown = volume.breakdown ?? {};
  const opened = volume.value ?? 0;
  const backlog = metric('backlog_older_than', mi, { businessDays: AGED_DAYS });

  const npsQuarter = npsQuarterOf(input.periodKey);
  const npsResult = npsOf(input.surveys.nps, periodBounds(npsQuarter, input.timeZone));
  const nb = npsResult.breakdown ?? {};
  const goals = goalsOf(input);

  const notes = [
    `Times are business time on the contract calendar (${input.timeZone}); compliance counts each clock once, in the period its target was met or missed.`,
    'Service levels here count every ticket of the client; goals in the scorecard may leave out tickets on which the client did not keep a responsibility.',
    `Earlier periods are measured with what was known at the end of ${periodLabel(input.periodKey, true)}.`,
  ];
  if (goals.missingMonths.length) notes.push(`No scorecard has been evaluated yet for ${goals.missingMonths.map((m) => periodLabel(m, true)).join(', ')}.`);
  if (!input.contract) notes.push('The client had no contract in force at the end of the period: tickets have no service-level targets.');

  return {
    kind: 'executive_summary',
    version: 1,
    clientId: input.client.id,
    clientName: input.client.name,
    organisation: input.organisation,
    periodKey: input.periodKey,
    periodLabel: periodLabel(input.periodKey, true),
    periodFrom: period.from.toISOString(),
    periodTo: period.to.toISOString(),
    timeZone: input.timeZone,
    contract: input.contract,
    generatedAt: input.generatedAt.toISOString(),
    headline: {
      opened,
      resolved: current.resolved,
      firstResponseCompliance: current.firstResponseCompliance,
      resolutionCompliance: current.resolutionCompliance,
      csatAverage: current.csatAverage,
      nps: figure(npsResult),
      goalsMet: goals.items.filter((g) => g.outcome === 'met').length,
      goalsEvaluated: goals.items.filter((g) => g.outcome !== 'not_evaluable').length,
      netAmountMinor: goals.netMinor,
      currency: goals.currency,
    },
    serviceLevels,
    volumes: {
      opened,
      resolved: current.resolved,
      byCategory: withRest(
        breakdownRows(breakdown, 'category', (k) => CATEGORY_LABELS[k as keyof typeof CATEGORY_LABELS] ?? k),
        opened,
        'none',
        'No category',
      ),
      byPriority: breakdownRows(breakdown, 'priority', (k) => k).sort((a, b) => a.key.localeCompare(b.key)),
      bySite: withRest(
        breakdownRows(breakdown, 'site', (k) => input.sites.get(k) ?? 'Former site'),
        opened,
        'none',
        'No site',
      ),
      backlogAtEnd: backlog.sample,
      backlogAged: backlog.value ?? 0,
      agedDays: AGED_DAYS,
    },
    topIssues: { catalogItems: topCatalogItems(input.tickets, period), problems: problemsOf(input.problems, period) },
    satisfaction: {
      csatAverage: figure(csatAverageOf(input.surveys.csat, period)),
      csatPositive: figure(csatPositiveOf(input.surveys.csat, period)),
      csatResponseRate: figure(csatResponseRateOf(input.surveys.csat, period)),
      npsQuarter,
      nps: { ...figure(npsResult), promoters: nb.promoters ?? 0, passives: nb.passives ?? 0, detractors: nb.detractors ?? 0 },
      journey: journeyOf(input),
    },
    goals,
    afterHours: afterHoursOf(input, period),
    changes: { recorded: false, note: NO_CHANGES_NOTE },
    notes,
  };
}
