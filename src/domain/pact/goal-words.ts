/**
 * Goals and client responsibilities in plain words, for amendment summaries, the Service Level
 * Schedule and the contract pages. One wording everywhere, so what the client signs reads the
 * same as what the pages show.
 */
import type { MetricUnit } from '../metrics/metric-types';
import { isMetricKey, METRICS } from '../metrics/registry';
import type { CatalogCategory, Comparator, GoalMetric, GoalPeriod, GoalScope, GoalTerms, MetricKey, MoneyRule, PenaltyRule, ResponsibilityTerms } from './pact-types';
import { minutesInWords, targetInWords } from './target-words';

/** What a metric's sample counts, for "at least 20 tickets". */
const SAMPLE_NOUN: Partial<Record<MetricKey, [string, string]>> = {
  backlog_older_than: ['open ticket', 'open tickets'],
  after_hours_hours: ['time entry', 'time entries'],
  manual: ['value', 'values'],
  csat_average: ['survey answer', 'survey answers'],
  csat_positive: ['survey answer', 'survey answers'],
  csat_response_rate: ['survey sent', 'surveys sent'],
  nps: ['NPS answer', 'NPS answers'],
};

/** The unit a goal's target and value are in: the metric's, or for a manual measure the unit agreed for it. */
export function goalUnit(metric: GoalMetric): MetricUnit {
  if (metric.key === 'manual') return metric.manualUnit ?? 'number';
  return isMetricKey(metric.key) ? METRICS[metric.key].unit : 'number';
}

const CATEGORY_WORDS: Record<CatalogCategory, string> = { hardware: 'hardware', software: 'software', network: 'network', security: 'security', account: 'accounts and access', other: 'other' };

export const COMPARATOR_SYMBOLS: Record<Comparator, string> = { gte: '>=', gt: '>', lte: '<=', lt: '<' };
export const COMPARATOR_WORDS: Record<Comparator, string> = { gte: 'at least', gt: 'more than', lte: 'at most', lt: 'less than' };
export const PERIOD_WORDS: Record<GoalPeriod, { per: string; each: string; fee: string }> = {
  monthly: { per: 'per month', each: 'Each month', fee: 'monthly fee' },
  quarterly: { per: 'per quarter', each: 'Each quarter', fee: 'quarterly fee' },
};

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const moneyFormat = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Minor units as major units with two decimals and thousands separators: 100000 -> "1,000.00" (or "1,000.00 EUR"). */
export const moneyWords = (amountMinor: number, currency?: string) => `${moneyFormat.format(amountMinor / 100)}${currency ? ` ${currency}` : ''}`;

const plural = (n: number, one: string, many = `${one}s`) => `${numberFormat.format(n)} ${n === 1 ? one : many}`;

/** A figure in a unit: "95 %", "45 business minutes", "4 business hours", "3.5 hours", "12". */
export function valueInWords(value: number, unit: MetricUnit): string {
  switch (unit) {
    case 'percent':
      return `${numberFormat.format(value)} %`;
    case 'minutes':
      // Whole hours and more read as hours ("4 business hours", "1 business hour 30 min").
      if (Number.isInteger(value) && value >= 60) return minutesInWords(value);
      return value === 1 ? '1 business minute' : `${numberFormat.format(value)} business minutes`;
    case 'hours':
      return value === 1 ? '1 hour' : `${numberFormat.format(value)} hours`;
    case 'count':
    case 'number':
      return numberFormat.format(value);
    default: {
      const never: never = unit;
      return String(never);
    }
  }
}

/** What is measured: "first-response compliance", "tickets open longer than 5 business days", or the manual measure's name. */
export function metricInWords(metric: GoalMetric): string {
  if (metric.key === 'manual') return metric.manualName?.trim() || 'a measure entered by staff';
  if (metric.key === 'backlog_older_than') return `tickets open longer than ${plural(metric.businessDays ?? 0, 'business day')}`;
  const label = isMetricKey(metric.key) ? METRICS[metric.key].label : metric.key;
  // "CSAT average score" and "NPS (...)" keep their capitals; "First-response compliance" is lowered.
  if (/^[A-Z]{2}/.test(label)) return label;
  return label.charAt(0).toLowerCase() + label.slice(1);
}

const list = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/** Which tickets count, or null for all: "P1 and P2 tickets, hardware issues, at Berlin office". */
export function scopeInWords(scope: GoalScope, siteNames?: ReadonlyMap<string, string>): string | null {
  const parts: string[] = [];
  if (scope.priorities?.length) parts.push(`${list(scope.priorities)} tickets`);
  if (scope.categories?.length) parts.push(`${list(scope.categories.map((c) => CATEGORY_WORDS[c] ?? c))} issues`);
  if (scope.siteIds?.length) {
    const names = scope.siteIds.map((id) => siteNames?.get(id));
    parts.push(names.every((n) => n !== undefined) ? `at ${list(names as string[])}` : scope.siteIds.length === 1 ? 'at one site' : `at ${scope.siteIds.length} sites`);
  }
  return parts.length ? parts.join(', ') : null;
}

/** A goal's figure in words: as `valueInWords`, an average CSAT score "out of 5" so it reads as a score. */
export function goalValueInWords(value: number, metric: GoalMetric): string {
  const words = valueInWords(value, goalUnit(metric));
  return metric.key === 'csat_average' ? `${words} out of 5` : words;
}

/** The target: ">= 95 %" (symbols) or "at least 95 %" (words). */
export function targetInGoalWords(goal: Pick<GoalTerms, 'comparator' | 'target' | 'metric'>, style: 'symbol' | 'words' = 'symbol'): string {
  const cmp = style === 'symbol' ? COMPARATOR_SYMBOLS[goal.comparator] : COMPARATOR_WORDS[goal.comparator];
  return `${cmp} ${goalValueInWords(goal.target, goal.metric)}`;
}

/** Below this sample the goal is not evaluable: "at least 20 tickets", or null when any sample counts. */
export function minSampleInWords(goal: Pick<GoalTerms, 'minSample' | 'metric'>): string | null {
  if (goal.minSample <= 0 || goal.metric.key === 'manual') return null;
  const [one, many] = SAMPLE_NOUN[goal.metric.key] ?? ['ticket', 'tickets'];
  return `at least ${plural(goal.minSample, one, many)}`;
}

/** "5 % of the monthly fee", "150.00" (with the currency when given: "150.00 EUR"). */
export function amountInWords(rule: MoneyRule, period: GoalPeriod, currency?: string): string {
  return rule.kind === 'fixed' ? moneyWords(rule.amountMinor, currency) : `${numberFormat.format(rule.percent)} % of the ${PERIOD_WORDS[period].fee}`;
}

/** "at most 200.00 per month and 1,000.00 in all". */
export function capsInWords(penalty: PenaltyRule, period: GoalPeriod, currency?: string): string {
  return `at most ${moneyWords(penalty.capPerPeriodMinor, currency)} ${PERIOD_WORDS[period].per} and ${moneyWords(penalty.capOverallMinor, currency)} in all`;
}

/** "credit 5 % of the monthly fee when missed, at most 200.00 per month and 1,000.00 in all". */
export function penaltyInWords(penalty: PenaltyRule, period: GoalPeriod, currency?: string): string {
  return `credit ${amountInWords(penalty, period, currency)} when missed, ${capsInWords(penalty, period, currency)}`;
}

/** "bonus 300.00 when met". */
export function incentiveInWords(incentive: MoneyRule, period: GoalPeriod, currency?: string): string {
  return `bonus ${amountInWords(incentive, period, currency)} when met`;
}

/**
 * The goal in one line, as the amendment summary says it: "first-response compliance >= 95 % per
 * month, at least 20 tickets; credit 5 % of the monthly fee when missed, at most 200.00 per month
 * and 1,000.00 in all".
 */
export function goalInWords(goal: GoalTerms, siteNames?: ReadonlyMap<string, string>): string {
  const scope = scopeInWords(goal.scope ?? {}, siteNames);
  const sample = minSampleInWords(goal);
  const head = `${metricInWords(goal.metric)}${scope ? ` for ${scope}` : ''} ${targetInGoalWords(goal)} ${PERIOD_WORDS[goal.period].per}${sample ? `, ${sample}` : ''}`;
  const money = [goal.penalty ? penaltyInWords(goal.penalty, goal.period) : null, goal.incentive ? incentiveInWords(goal.incentive, goal.period) : null].filter((s): s is string => s !== null);
  return [head, ...money].join('; ');
}

/** How a responsibility is measured: "time waiting on you, at most 8 business hours per ticket" or "attested by us each month". */
export function responsibilityMeasureInWords(r: ResponsibilityTerms): string {
  switch (r.measure.kind) {
    case 'waiting_on_client':
      return `measured by the time each ticket waits on you, at most ${targetInWords(r.measure.allowance)} per ticket`;
    case 'attested':
      return 'attested by your service provider each month';
    default: {
      const never: never = r.measure;
      return String(never);
    }
  }
}

/** The responsibility with its measure and consequence, for the amendment summary. */
export function responsibilityInWords(r: ResponsibilityTerms): string {
  const consequence = r.excludeFromCompliance ? '; tickets where it is not kept are left out of the compliance figures' : '';
  return `${responsibilityMeasureInWords(r)}${consequence}`;
}
