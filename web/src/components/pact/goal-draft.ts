// A goal or responsibility as the editor holds it (numbers may be empty while typing, money in
// major units), and the conversions to and from the terms the API takes. The server decides
// what is valid and names the field; these only shape what was typed.
import { METRICS } from '../../../../src/domain/metrics/registry';
import type { CatalogCategory, Comparator, GoalMetric, GoalPeriod, GoalTerms, MetricKey, MetricUnit, ResponsibilityTerms, Target } from '../../api/pact-types';

export type MoneyKind = 'none' | 'fixed' | 'percent_of_fee';
type Num = number | '';

export type GoalDraft = {
  goalId?: string;
  objective: string;
  metricKey: MetricKey;
  businessDays: Num;
  manualName: string;
  manualUnit: MetricUnit | null;
  priorities: string[];
  categories: CatalogCategory[];
  siteIds: string[];
  comparator: Comparator;
  target: Num;
  period: GoalPeriod;
  minSample: Num;
  incentiveKind: MoneyKind;
  incentiveAmount: Num;
  incentivePercent: Num;
  penaltyKind: MoneyKind;
  penaltyAmount: Num;
  penaltyPercent: Num;
  capPerPeriod: Num;
  capOverall: Num;
  method: string;
  /** Whether the person wrote the method text themselves (otherwise it follows the metric). */
  methodEdited: boolean;
};

/** The metric's own description of how it is measured: the default method text. */
export function metricMethod(metric: GoalMetric): string {
  return METRICS[metric.key]?.describe(metric) ?? '';
}

export function draftMetric(d: Pick<GoalDraft, 'metricKey' | 'businessDays' | 'manualName' | 'manualUnit'>): GoalMetric {
  if (d.metricKey === 'backlog_older_than') return { key: d.metricKey, ...(d.businessDays === '' ? {} : { businessDays: d.businessDays }) };
  if (d.metricKey === 'manual') return { key: d.metricKey, ...(d.manualName.trim() ? { manualName: d.manualName.trim() } : {}), ...(d.manualUnit ? { manualUnit: d.manualUnit } : {}) };
  return { key: d.metricKey };
}

/** A new goal: first-response compliance at least 95 % a month, at least 20 tickets, no money. */
export function newGoalDraft(): GoalDraft {
  const metricKey: MetricKey = 'first_response_compliance';
  return {
    objective: '',
    metricKey,
    businessDays: 5,
    manualName: '',
    manualUnit: null,
    priorities: [],
    categories: [],
    siteIds: [],
    comparator: 'gte',
    target: 95,
    period: 'monthly',
    minSample: 20,
    incentiveKind: 'none',
    incentiveAmount: '',
    incentivePercent: '',
    penaltyKind: 'none',
    penaltyAmount: '',
    penaltyPercent: '',
    capPerPeriod: '',
    capOverall: '',
    method: metricMethod({ key: metricKey }),
    methodEdited: false,
  };
}

const major = (minor: number | undefined): Num => (minor === undefined ? '' : minor / 100);
const minor = (major: Num): number | undefined => (major === '' ? undefined : Math.round(major * 100));

export function goalDraftFrom(goal: GoalTerms): GoalDraft {
  const base = newGoalDraft();
  return {
    ...base,
    goalId: goal.goalId,
    objective: goal.objective,
    metricKey: goal.metric.key,
    businessDays: goal.metric.businessDays ?? base.businessDays,
    manualName: goal.metric.manualName ?? '',
    manualUnit: goal.metric.manualUnit ?? null,
    priorities: goal.scope?.priorities ?? [],
    categories: goal.scope?.categories ?? [],
    siteIds: goal.scope?.siteIds ?? [],
    comparator: goal.comparator,
    target: goal.target,
    period: goal.period,
    minSample: goal.minSample,
    incentiveKind: goal.incentive?.kind ?? 'none',
    incentiveAmount: goal.incentive?.kind === 'fixed' ? major(goal.incentive.amountMinor) : '',
    incentivePercent: goal.incentive?.kind === 'percent_of_fee' ? goal.incentive.percent : '',
    penaltyKind: goal.penalty?.kind ?? 'none',
    penaltyAmount: goal.penalty?.kind === 'fixed' ? major(goal.penalty.amountMinor) : '',
    penaltyPercent: goal.penalty?.kind === 'percent_of_fee' ? goal.penalty.percent : '',
    capPerPeriod: major(goal.penalty?.capPerPeriodMinor),
    capOverall: major(goal.penalty?.capOverallMinor),
    method: goal.method,
    methodEdited: goal.method !== metricMethod(goal.metric),
  };
}

/** What the API takes. Empty numbers are sent as null so the server names the field; an empty cap is left out. */
export function goalBody(d: GoalDraft): Record<string, unknown> {
  const num = (n: Num) => (n === '' ? null : n);
  const scope = {
    ...(d.priorities.length ? { priorities: d.priorities } : {}),
    ...(d.categories.length ? { categories: d.categories } : {}),
    ...(d.siteIds.length ? { siteIds: d.siteIds } : {}),
  };
  const money = (kind: MoneyKind, amount: Num, percent: Num) =>
    kind === 'none' ? null : kind === 'fixed' ? { kind, amountMinor: amount === '' ? null : minor(amount) } : { kind, percent: num(percent) };
  const penalty = money(d.penaltyKind, d.penaltyAmount, d.penaltyPercent);
  return {
    ...(d.goalId ? { goalId: d.goalId } : {}),
    objective: d.objective.trim(),
    metric: draftMetric(d),
    scope,
    comparator: d.comparator,
    target: num(d.target),
    period: d.period,
    minSample: num(d.minSample),
    incentive: money(d.incentiveKind, d.incentiveAmount, d.incentivePercent),
    penalty: penalty && {
      ...penalty,
      ...(d.capPerPeriod === '' ? {} : { capPerPeriodMinor: minor(d.capPerPeriod) }),
      ...(d.capOverall === '' ? {} : { capOverallMinor: minor(d.capOverall) }),
    },
    method: d.method.trim(),
  };
}

export type ResponsibilityDraft = {
  responsibilityId?: string;
  description: string;
  kind: 'waiting_on_client' | 'attested';
  allowance: Target;
  excludeFromCompliance: boolean;
};

export function newResponsibilityDraft(): ResponsibilityDraft {
  return { description: '', kind: 'waiting_on_client', allowance: { unit: 'minutes', minutes: 480 }, excludeFromCompliance: true };
}

export function responsibilityDraftFrom(r: ResponsibilityTerms): ResponsibilityDraft {
  return {
    responsibilityId: r.responsibilityId,
    description: r.description,
    kind: r.measure.kind,
    allowance: r.measure.kind === 'waiting_on_client' ? r.measure.allowance : { unit: 'minutes', minutes: 480 },
    excludeFromCompliance: r.excludeFromCompliance,
  };
}

export function responsibilityBody(d: ResponsibilityDraft): Record<string, unknown> {
  return {
    ...(d.responsibilityId ? { responsibilityId: d.responsibilityId } : {}),
    description: d.description.trim(),
    measure: d.kind === 'waiting_on_client' ? { kind: d.kind, allowance: d.allowance } : { kind: d.kind },
    excludeFromCompliance: d.excludeFromCompliance,
  };
}

/**
 * Field messages of one goal (or responsibility) in an answer, whichever way the server wrote
 * the path (`changes[0].goal.target` from the rules, `changes.0.goal.target` from the schema).
 * `sub` may name a list (`scope.siteIds`): any item's message is the list's.
 */
export function fieldMessage(fields: Record<string, string>, prefixes: readonly string[], sub: string): string | undefined {
  for (const prefix of prefixes) {
    const exact = fields[`${prefix}.${sub}`];
    if (exact) return exact;
  }
  for (const prefix of prefixes) {
    const path = `${prefix}.${sub}`;
    for (const [k, v] of Object.entries(fields)) {
      const rest = k.slice(path.length);
      if (k.startsWith(path) && /^(\[\d+\]|\.\d+)/.test(rest)) {
        const item = /^\[(\d+)\]|^\.(\d+)/.exec(rest);
        return item ? `Item ${Number(item[1] ?? item[2]) + 1}: ${v}` : v;
      }
    }
  }
  return undefined;
}

/** Both spellings of a path prefix: `changes[0].goal` and `changes.0.goal`. */
export function prefixesOf(bracketed: string): string[] {
  return [bracketed, bracketed.replace(/\[(\d+)\]/g, '.$1')];
}
