/**
 * The rules a goal or client responsibility must follow to be part of a contract's terms
 * (docs/api-goals.md, "Validation"). Problems are keyed by field path under the caller's prefix
 * (`changes[0].goal.target`, `goals[1].penalty.capPerPeriodMinor`) so the API names the field.
 */
import type { MetricUnit } from '../metrics/metric-types';
import { isMetricKey, METRICS } from '../metrics/registry';
import type { FieldProblems } from './priority-matrix';
import type { CatalogCategory, GoalTerms, MoneyRule, PenaltyRule, Priority, ResponsibilityTerms, Target } from './pact-types';
import { targetProblem } from './target-words';

/** What a goal may refer to: the tenant's matrix priorities and the contract client's sites. Unchecked when absent. */
export type GoalContext = {
  priorities?: readonly Priority[];
  siteIds?: ReadonlySet<string>;
};

export const MAX_GOALS = 50;
export const MAX_RESPONSIBILITIES = 50;
const MAX_TEXT = 2000;
const MAX_MONEY = 2_000_000_000;
const CATEGORIES: readonly CatalogCategory[] = ['hardware', 'software', 'network', 'security', 'account', 'other'];
const MANUAL_UNITS: readonly string[] = ['percent', 'count', 'minutes', 'hours', 'number'];
const COMPARATORS: readonly string[] = ['gte', 'gt', 'lte', 'lt'];
const PERIODS: readonly string[] = ['monthly', 'quarterly'];

const isWhole = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n);
const isNumber = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
const twoDecimals = (n: number) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6;

function checkText(problems: FieldProblems, path: string, value: unknown, what: string) {
  if (typeof value !== 'string' || value.trim() === '') problems[path] = `is required: ${what}`;
  else if (value.length > MAX_TEXT) problems[path] = `must be at most ${MAX_TEXT} characters`;
}

function checkMoneyRule(problems: FieldProblems, path: string, rule: MoneyRule) {
  if (rule.kind === 'fixed') {
    if (!isWhole(rule.amountMinor) || rule.amountMinor <= 0) problems[`${path}.amountMinor`] = 'must be a whole number of minor units (cents) above 0';
    else if (rule.amountMinor > MAX_MONEY) problems[`${path}.amountMinor`] = 'is too large';
  } else if (rule.kind === 'percent_of_fee') {
    if (!isNumber(rule.percent) || rule.percent <= 0 || rule.percent > 100) problems[`${path}.percent`] = 'must be a percentage above 0 and at most 100';
    else if (!twoDecimals(rule.percent)) problems[`${path}.percent`] = 'must have at most 2 decimals';
  } else {
    problems[`${path}.kind`] = "must be 'fixed' or 'percent_of_fee'";
  }
}

function checkPenalty(problems: FieldProblems, path: string, penalty: PenaltyRule) {
  checkMoneyRule(problems, path, penalty);
  const perPeriod = penalty.capPerPeriodMinor as unknown;
  const overall = penalty.capOverallMinor as unknown;
  if (perPeriod === undefined || perPeriod === null) problems[`${path}.capPerPeriodMinor`] = 'is required: a penalty is always capped per period';
  else if (!isWhole(perPeriod) || perPeriod <= 0) problems[`${path}.capPerPeriodMinor`] = 'must be a whole number of minor units (cents) above 0';
  else if (perPeriod > MAX_MONEY) problems[`${path}.capPerPeriodMinor`] = 'is too large';
  if (overall === undefined || overall === null) problems[`${path}.capOverallMinor`] = 'is required: a penalty is always capped over the contract';
  else if (!isWhole(overall) || overall <= 0) problems[`${path}.capOverallMinor`] = 'must be a whole number of minor units (cents) above 0';
  else if (overall > MAX_MONEY) problems[`${path}.capOverallMinor`] = 'is too large';
  if (isWhole(perPeriod) && isWhole(overall) && perPeriod > 0 && overall > 0 && perPeriod > overall && !problems[`${path}.capPerPeriodMinor`]) {
    problems[`${path}.capPerPeriodMinor`] = 'must not be more than the overall cap';
  }
}

function checkTarget(problems: FieldProblems, path: string, target: unknown, unit: MetricUnit, range?: readonly [number, number]) {
  if (!isNumber(target)) {
    problems[path] = 'must be a number';
    return;
  }
  // A metric's own range (an average score 1..5, NPS -100..100) is what a 'number' unit cannot say.
  if (range && (target < range[0] || target > range[1])) problems[path] = `must be from ${range[0]} to ${range[1]}`;
  else if (unit === 'percent' && (target < 0 || target > 100)) problems[path] = 'must be a percentage from 0 to 100';
  else if (unit !== 'number' && target < 0) problems[path] = 'must be 0 or more';
  else if (Math.abs(target) > 1e9) problems[path] = 'is too large';
  else if (!twoDecimals(target)) problems[path] = 'must have at most 2 decimals';
}

/** Problems of one goal, keyed under `path`; empty when it may be agreed. */
export function goalProblems(path: string, goal: GoalTerms, ctx: GoalContext = {}): FieldProblems {
  const problems: FieldProblems = {};
  checkText(problems, `${path}.objective`, goal.objective, "the client's objective in its own words");
  checkText(problems, `${path}.method`, goal.method, 'how it is measured, as agreed with the client');

  const metric = goal.metric;
  const key = String(metric.key);
  const libraryUnit = isMetricKey(key) ? METRICS[key].unit : undefined;
  let unit: MetricUnit | undefined = libraryUnit;
  if (libraryUnit === undefined) problems[`${path}.metric.key`] = 'is not a metric of the library';
  if (key === 'backlog_older_than') {
    if (!isWhole(metric.businessDays) || metric.businessDays < 1 || metric.businessDays > 365) problems[`${path}.metric.businessDays`] = 'must be a whole number of business days from 1 to 365';
  } else if (metric.businessDays !== undefined) problems[`${path}.metric.businessDays`] = 'applies only to the backlog metric';
  if (key === 'manual') {
    if (typeof metric.manualName !== 'string' || metric.manualName.trim() === '') problems[`${path}.metric.manualName`] = 'is required: say what is measured';
    else if (metric.manualName.length > 200) problems[`${path}.metric.manualName`] = 'must be at most 200 characters';
    if (metric.manualUnit === undefined || !MANUAL_UNITS.includes(metric.manualUnit)) {
      problems[`${path}.metric.manualUnit`] = 'is required: percent, count, minutes, hours or number';
      unit = undefined;
    } else unit = metric.manualUnit;
  } else {
    if (metric.manualName !== undefined) problems[`${path}.metric.manualName`] = 'applies only to a manual measure';
    if (metric.manualUnit !== undefined) problems[`${path}.metric.manualUnit`] = 'applies only to a manual measure';
  }

  if (!COMPARATORS.includes(goal.comparator)) problems[`${path}.comparator`] = 'must be gte, gt, lte or lt';
  const range = key !== 'manual' && isMetricKey(key) ? METRICS[key].targetRange : undefined;
  if (unit) checkTarget(problems, `${path}.target`, goal.target, unit, range);
  else if (!isNumber(goal.target)) problems[`${path}.target`] = 'must be a number';
  if (!PERIODS.includes(goal.period)) problems[`${path}.period`] = 'must be monthly or quarterly';
  if (!isWhole(goal.minSample) || goal.minSample < 0) problems[`${path}.minSample`] = 'must be a whole number, 0 or more';
  else if (key === 'manual' && goal.minSample > 1) problems[`${path}.minSample`] = 'must be 0 or 1 for a manual measure (one value per period)';
  else if (goal.minSample > 1_000_000) problems[`${path}.minSample`] = 'is too large';

  const scope = goal.scope ?? {};
  if (key === 'nps' && (scope.priorities?.length || scope.categories?.length || scope.siteIds?.length)) {
    problems[`${path}.scope`] = "does not apply to NPS: it asks the client's people, not about tickets (leave the scope empty)";
  }
  (scope.priorities ?? []).forEach((p, i) => {
    if (ctx.priorities && !ctx.priorities.includes(p)) problems[`${path}.scope.priorities[${i}]`] = `'${p}' is not a priority of the matrix`;
    else if (scope.priorities!.indexOf(p) !== i) problems[`${path}.scope.priorities[${i}]`] = 'is listed twice';
  });
  (scope.categories ?? []).forEach((c, i) => {
    if (!CATEGORIES.includes(c)) problems[`${path}.scope.categories[${i}]`] = `'${c}' is not a catalog category`;
    else if (scope.categories!.indexOf(c) !== i) problems[`${path}.scope.categories[${i}]`] = 'is listed twice';
  });
  (scope.siteIds ?? []).forEach((s, i) => {
    if (ctx.siteIds && !ctx.siteIds.has(s)) problems[`${path}.scope.siteIds[${i}]`] = "is not a site of the contract's client";
    else if (scope.siteIds!.indexOf(s) !== i) problems[`${path}.scope.siteIds[${i}]`] = 'is listed twice';
  });

  if (goal.incentive) checkMoneyRule(problems, `${path}.incentive`, goal.incentive);
  if (goal.penalty) checkPenalty(problems, `${path}.penalty`, goal.penalty);
  return problems;
}

/** Problems of one client responsibility, keyed under `path`. */
export function responsibilityProblems(path: string, r: ResponsibilityTerms): FieldProblems {
  const problems: FieldProblems = {};
  checkText(problems, `${path}.description`, r.description, 'the obligation in plain words');
  switch (r.measure.kind) {
    case 'waiting_on_client': {
      // Bodies are checked for shape elsewhere; a missing allowance still gets a named message here.
      const allowance = (r.measure as { allowance?: Target }).allowance;
      if (!allowance) problems[`${path}.measure.allowance`] = 'is required: how long a ticket may wait on the client';
      else {
        const p = targetProblem(allowance);
        if (p) problems[`${path}.measure.allowance`] = p;
      }
      break;
    }
    case 'attested':
      break;
    default:
      problems[`${path}.measure.kind`] = "must be 'waiting_on_client' or 'attested'";
  }
  if (typeof r.excludeFromCompliance !== 'boolean') problems[`${path}.excludeFromCompliance`] = 'must be true or false';
  return problems;
}

/** A whole list of goals (a draft's), each checked, ids unique. */
export function goalListProblems(path: string, goals: readonly GoalTerms[], ctx: GoalContext = {}): FieldProblems {
  const problems: FieldProblems = {};
  if (goals.length > MAX_GOALS) problems[path] = `has ${goals.length} goals; at most ${MAX_GOALS} are allowed`;
  const seen = new Set<string>();
  goals.forEach((g, i) => {
    Object.assign(problems, goalProblems(`${path}[${i}]`, g, ctx));
    if (seen.has(g.goalId)) problems[`${path}[${i}].goalId`] = 'is listed twice';
    seen.add(g.goalId);
  });
  return problems;
}

/** A whole list of responsibilities (a draft's), each checked, ids unique. */
export function responsibilityListProblems(path: string, list: readonly ResponsibilityTerms[]): FieldProblems {
  const problems: FieldProblems = {};
  if (list.length > MAX_RESPONSIBILITIES) problems[path] = `has ${list.length} responsibilities; at most ${MAX_RESPONSIBILITIES} are allowed`;
  const seen = new Set<string>();
  list.forEach((r, i) => {
    Object.assign(problems, responsibilityProblems(`${path}[${i}]`, r));
    if (seen.has(r.responsibilityId)) problems[`${path}[${i}].responsibilityId`] = 'is listed twice';
    seen.add(r.responsibilityId);
  });
  return problems;
}
