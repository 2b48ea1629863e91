import { listMetrics } from '../../src/domain/metrics/registry';
import { riderEffectInWords } from '../../src/domain/pact/amendment-summary';
import { COMPARATOR_WORDS, goalUnit, goalValueInWords, metricInWords, minSampleInWords, PERIOD_WORDS, responsibilityMeasureInWords } from '../../src/domain/pact/goal-words';
import { targetInWords } from '../../src/domain/pact/target-words';
import type {
  AmendmentStatus,
  CatalogCategory,
  CatalogDeliveryMode,
  Comparator,
  Complexity,
  GoalPeriod,
  GoalTerms,
  MetricKey,
  MetricListing,
  MetricUnit,
  MoneyRule,
  PenaltyRule,
  PriceBasis,
  ResponsibilityTerms,
  RiderEffect,
  Target,
} from './api/pact-types';

/** A target in words ("30 business minutes", "4 business hours", "3 business days"), as the schedule says it. */
export function targetText(target: Target | undefined | null): string {
  return target ? targetInWords(target) : '—';
}

/** Minutes as people say them: "45 minutes", "1 hour", "2 h 30 min". */
export function durationText(minutes: number): string {
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (m === 0) return `${h} hour${h === 1 ? '' : 's'}`;
  return `${h} h ${m} min`;
}

/** "Respond within 1 business hour" style sentences for plain-language pages. */
export const respondWithin = (t: Target | undefined | null) => (t ? `within ${targetText(t)}` : '—');

export function moneyText(amountMinor: number, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amountMinor / 100);
  } catch {
    return `${(amountMinor / 100).toFixed(2)} ${currency}`;
  }
}

export const priceBasisLabels: Record<PriceBasis, string> = { flat: 'per month', per_user: 'per user per month', per_device: 'per device per month' };
export const priceBasisOptions: { value: PriceBasis; label: string }[] = [
  { value: 'flat', label: 'Flat, per month' },
  { value: 'per_user', label: 'Per user, per month' },
  { value: 'per_device', label: 'Per device, per month' },
];

export const priceText = (p: { amountMinor: number; currency: string; basis: PriceBasis }) => `${moneyText(p.amountMinor, p.currency)} ${priceBasisLabels[p.basis]}`;

export const categoryLabels: Record<CatalogCategory, string> = {
  hardware: 'Hardware',
  software: 'Software',
  network: 'Network',
  security: 'Security',
  account: 'Account',
  other: 'Other',
};
export const categories = Object.keys(categoryLabels) as CatalogCategory[];

export const deliveryModeLabels: Record<CatalogDeliveryMode, string> = { remote: 'Remote', onsite: 'On-site', either: 'Remote or on-site' };
export const complexityLabels: Record<Complexity, string> = { low: 'Low', medium: 'Medium', high: 'High' };

export const amendmentStatusColours: Record<AmendmentStatus, string> = { proposed: 'yellow', accepted: 'teal', rejected: 'red', withdrawn: 'gray' };

/** What a rider does, in one sentence, in the words of the amendment summaries. */
export function riderEffectText(effect: RiderEffect): string {
  const words = riderEffectInWords(effect);
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}.`;
}

/** A compact target for dense tables: "30 min", "2 h", "1 h 30 min", "3 d". */
export function targetShort(target: Target | undefined | null): string {
  if (!target) return '—';
  if (target.unit === 'business_days') return `${target.days} d${target.plusMinutes ? ` + ${target.plusMinutes} min` : ''}`;
  const h = Math.floor(target.minutes / 60);
  const m = target.minutes % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}

// ---------- goals and responsibilities ----------

/** The metrics library, in the order the goal editor lists them (the same list `GET /metrics` answers). */
export const metricList: MetricListing[] = listMetrics();
export const metricByKey = (key: MetricKey): MetricListing | undefined => metricList.find((m) => m.key === key);

export const comparatorOptions: { value: Comparator; label: string }[] = [
  { value: 'gte', label: 'At least (≥)' },
  { value: 'gt', label: 'More than (>)' },
  { value: 'lte', label: 'At most (≤)' },
  { value: 'lt', label: 'Less than (<)' },
];
export const periodLabels: Record<GoalPeriod, string> = { monthly: 'Monthly', quarterly: 'Quarterly' };
export const unitLabels: Record<MetricUnit, string> = { percent: '%', minutes: 'business minutes', hours: 'hours', count: 'tickets', number: '' };
export const manualUnitOptions: { value: MetricUnit; label: string }[] = [
  { value: 'percent', label: 'Percent' },
  { value: 'count', label: 'Count' },
  { value: 'minutes', label: 'Business minutes' },
  { value: 'hours', label: 'Hours' },
  { value: 'number', label: 'Number' },
];

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "First-response compliance", "Tickets open longer than 5 business days", a manual measure's own name. */
export const goalMetricText = (goal: Pick<GoalTerms, 'metric'>) => capitalise(metricInWords(goal.metric));

/** "At least 95 %", "At most 240 business minutes". */
export const goalTargetText = (goal: Pick<GoalTerms, 'comparator' | 'target' | 'metric'>) => capitalise(`${COMPARATOR_WORDS[goal.comparator]} ${goalValueInWords(goal.target, goal.metric)}`);

/** The unit a goal's target is typed in, for the input's label: "%", "business minutes". */
export const goalUnitText = (goal: Pick<GoalTerms, 'metric'>) => unitLabels[goalUnit(goal.metric)];

function moneyRuleText(rule: MoneyRule, period: GoalPeriod, currency: string): string {
  return rule.kind === 'fixed' ? moneyText(rule.amountMinor, currency) : `${rule.percent} % of the ${PERIOD_WORDS[period].fee}`;
}

/** "Credit 5 % of the monthly fee when missed, at most €200.00 per month and €1,000.00 in all". */
export function penaltyText(p: PenaltyRule, period: GoalPeriod, currency: string): string {
  return `Credit ${moneyRuleText(p, period, currency)} when missed, at most ${moneyText(p.capPerPeriodMinor, currency)} ${PERIOD_WORDS[period].per} and ${moneyText(p.capOverallMinor, currency)} in all`;
}

/** "Bonus €300.00 when met". */
export const incentiveText = (i: MoneyRule, period: GoalPeriod, currency: string) => `Bonus ${moneyRuleText(i, period, currency)} when met`;

/** "At least 20 tickets", or null when any number will do. */
export function minSampleText(goal: Pick<GoalTerms, 'minSample' | 'metric'>): string | null {
  const words = minSampleInWords(goal);
  return words ? capitalise(words) : null;
}

/** "Measured by the time each ticket waits on you, at most 8 business hours per ticket". */
export const responsibilityMeasureText = (r: ResponsibilityTerms) => capitalise(responsibilityMeasureInWords(r));
