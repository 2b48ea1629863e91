/**
 * One goal over its period: the metric computed on the tickets in the goal's scope, the
 * outcome (below the minimum sample or without a value: not evaluable; otherwise the comparator
 * decides), and the money that outcome moves.
 */
import type { BusinessCalendar } from '../calendar';
import type { ManualValue, MetricUnit, Period, SurveyFacts, TicketFacts } from '../metrics/metric-types';
import { metricDefinition, metricLabel } from '../metrics/registry';
import { inScope, isWholeContract } from '../metrics/scope';
import { countWords } from '../metrics/words';
import type { GoalTerms, MetricKey } from '../pact/pact-types';
import { comparatorSymbol, meets, negatedSymbol } from './compare';
import { goalAmount } from './credits';
import type { GoalEvaluation, GoalOutcome } from './goal-types';

export type GoalInput = {
  goal: GoalTerms;
  /** The goal's own period: the month, or the quarter ending with the scorecard's month. */
  period: Period;
  calendar: BusinessCalendar;
  /** The contract's tickets; the goal's scope is applied here. */
  tickets: readonly TicketFacts[];
  excluded: ReadonlyMap<string, string>;
  manual: ManualValue | null;
  /** The surveys of the contract's client; the goal's scope narrows CSAT here (through each survey's ticket). */
  surveys: SurveyFacts;
  /** The plan fee of the goal's period, for percent-of-fee amounts. */
  periodFeeMinor: number;
  /** Credits this goal gave in earlier periods (absolute sum), for the overall cap. */
  priorCreditsMinor: number;
  currency: string;
};

/** A figure with its unit: "96.4 %", "42.5 min", "12.25 h", "7". */
export function formatValue(value: number, unit: MetricUnit): string {
  switch (unit) {
    case 'percent':
      return `${value} %`;
    case 'minutes':
      return `${value} min`;
    case 'hours':
      return `${value} h`;
    case 'count':
    case 'number':
      return String(value);
    default: {
      const unreachable: never = unit;
      throw new Error(`unknown unit ${String(unreachable)}`);
    }
  }
}

function sampleWords(key: MetricKey, n: number): string {
  switch (key) {
    case 'after_hours_hours':
      return countWords(n, 'time entry', 'time entries');
    case 'manual':
      return countWords(n, 'entered value');
    case 'csat_average':
    case 'csat_positive':
      return countWords(n, 'survey answer');
    case 'csat_response_rate':
      return countWords(n, 'survey sent', 'surveys sent');
    case 'nps':
      return countWords(n, 'NPS answer');
    default:
      return countWords(n, 'ticket');
  }
}

export function evaluateGoal(input: GoalInput): GoalEvaluation {
  const { goal, period } = input;
  const definition = metricDefinition(goal.metric.key);
  const whole = isWholeContract(goal.scope);
  const scoped = whole ? input.tickets : input.tickets.filter((t) => inScope(t, goal.scope));
  // A CSAT survey is in scope when its ticket was (priority, category and site as at resolution).
  const surveys = whole ? input.surveys : { csat: input.surveys.csat.filter((s) => inScope(s, goal.scope)), nps: input.surveys.nps };
  const result = definition.compute({ period, calendar: input.calendar, tickets: scoped, excluded: input.excluded, manual: input.manual, surveys }, goal.metric);

  let outcome: GoalOutcome;
  let reason: string;
  const target = formatValue(goal.target, result.unit);
  if (result.value === null || result.sample < goal.minSample) {
    outcome = 'not_evaluable';
    if (goal.metric.key === 'manual' && result.value === null) reason = `No value entered for ${period.key}`;
    else if (result.value === null) reason = `Nothing to measure in ${period.key}`;
    else reason = `${sampleWords(goal.metric.key, result.sample)}, below the minimum sample of ${goal.minSample}`;
  } else if (meets(result.value, goal.comparator, goal.target)) {
    outcome = 'met';
    reason = `${formatValue(result.value, result.unit)} ${comparatorSymbol(goal.comparator)} ${target}`;
  } else {
    outcome = 'missed';
    reason = `${formatValue(result.value, result.unit)} ${negatedSymbol(goal.comparator)} ${target} (target ${comparatorSymbol(goal.comparator)} ${target})`;
  }
  const amount = goalAmount({ outcome, incentive: goal.incentive, penalty: goal.penalty, periodFeeMinor: input.periodFeeMinor, priorCreditsMinor: input.priorCreditsMinor, currency: input.currency });

  // Ticket order in the drill-down does not depend on the order the tickets were loaded in.
  const contributions = result.contributions.sort((a, b) => a.number - b.number || (a.ticketId < b.ticketId ? -1 : a.ticketId > b.ticketId ? 1 : 0));

  return {
    goalId: goal.goalId,
    objective: goal.objective,
    metric: goal.metric,
    metricLabel: metricLabel(goal.metric),
    scope: goal.scope,
    comparator: goal.comparator,
    target: goal.target,
    period: goal.period,
    periodKey: period.key,
    periodFrom: period.from.toISOString(),
    periodTo: period.to.toISOString(),
    unit: result.unit,
    value: result.value,
    sample: result.sample,
    minSample: goal.minSample,
    outcome,
    reason,
    amountMinor: amount.amountMinor,
    amountExplanation: amount.explanation,
    method: goal.method,
    contributions,
    ...(result.breakdown ? { breakdown: result.breakdown } : {}),
    ...(result.manual ? { manual: result.manual } : {}),
  };
}
