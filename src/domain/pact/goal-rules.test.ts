import { describe, expect, it } from 'vitest';
import { goalListProblems, goalProblems, responsibilityListProblems, responsibilityProblems, type GoalContext } from './goal-rules';
import type { GoalTerms, ResponsibilityTerms } from './pact-types';
import { answerRequests, fastAnswers } from './pact-test-fixtures';

const ctx: GoalContext = { priorities: ['P1', 'P2', 'P3', 'P4'], siteIds: new Set(['site-berlin', 'site-hamburg']) };
const at = 'changes[0].goal';

describe('goalProblems', () => {
  it('accepts a sound goal, a backlog goal and a manual one', () => {
    expect(goalProblems(at, fastAnswers(), ctx)).toEqual({});
    expect(goalProblems(at, { ...fastAnswers(), metric: { key: 'backlog_older_than', businessDays: 5 }, comparator: 'lte', target: 3, minSample: 0, penalty: null }, ctx)).toEqual({});
    expect(
      goalProblems(at, { ...fastAnswers(), metric: { key: 'manual', manualName: 'Backup restore tests passed', manualUnit: 'percent' }, target: 100, minSample: 1, incentive: { kind: 'fixed', amountMinor: 5000 } }, ctx),
    ).toEqual({});
    expect(goalProblems(at, { ...fastAnswers(), scope: { priorities: ['P1', 'P2'], categories: ['hardware'], siteIds: ['site-hamburg'] } }, ctx)).toEqual({});
  });

  it.each<[string, (g: GoalTerms) => void, Record<string, string | RegExp>]>([
    ['a percentage target of 140', (g) => (g.target = 140), { [`${at}.target`]: 'must be a percentage from 0 to 100' }],
    ['a negative minutes target', (g) => ((g.metric = { key: 'mean_time_to_respond' }), (g.target = -1)), { [`${at}.target`]: 'must be 0 or more' }],
    ['a target with 3 decimals', (g) => (g.target = 95.125), { [`${at}.target`]: 'must have at most 2 decimals' }],
    ['an unknown metric', (g) => (g.metric = { key: 'happiness' as 'manual' }), { [`${at}.metric.key`]: 'is not a metric of the library' }],
    ['a backlog goal without businessDays', (g) => (g.metric = { key: 'backlog_older_than' }), { [`${at}.metric.businessDays`]: /from 1 to 365/ }],
    ['a backlog goal of 366 days', (g) => (g.metric = { key: 'backlog_older_than', businessDays: 366 }), { [`${at}.metric.businessDays`]: /from 1 to 365/ }],
    ['businessDays on another metric', (g) => (g.metric = { key: 'reopen_rate', businessDays: 3 }), { [`${at}.metric.businessDays`]: 'applies only to the backlog metric' }],
    [
      'a manual measure without name and unit',
      (g) => ((g.metric = { key: 'manual' }), (g.minSample = 0)),
      { [`${at}.metric.manualName`]: /is required/, [`${at}.metric.manualUnit`]: /is required/ },
    ],
    ['a manual measure with a sample above 1', (g) => ((g.metric = { key: 'manual', manualName: 'Patches', manualUnit: 'count' }), (g.minSample = 2)), { [`${at}.minSample`]: /0 or 1/ }],
    ['a fractional minimum sample', (g) => (g.minSample = 2.5), { [`${at}.minSample`]: 'must be a whole number, 0 or more' }],
    ['an empty objective and method', (g) => ((g.objective = '  '), (g.method = '')), { [`${at}.objective`]: /is required/, [`${at}.method`]: /is required/ }],
    ['a 2001-character method', (g) => (g.method = 'x'.repeat(2001)), { [`${at}.method`]: 'must be at most 2000 characters' }],
    ['an unknown comparator and period', (g) => ((g.comparator = 'eq' as 'gte'), (g.period = 'weekly' as 'monthly')), { [`${at}.comparator`]: /gte, gt, lte or lt/, [`${at}.period`]: /monthly or quarterly/ }],
    [
      'a penalty without caps',
      (g) => (g.penalty = { kind: 'fixed', amountMinor: 10_000 } as GoalTerms['penalty']),
      { [`${at}.penalty.capPerPeriodMinor`]: 'is required: a penalty is always capped per period', [`${at}.penalty.capOverallMinor`]: /is required/ },
    ],
    ['a per-period cap above the overall cap', (g) => (g.penalty = { kind: 'fixed', amountMinor: 100, capPerPeriodMinor: 500, capOverallMinor: 400 }), { [`${at}.penalty.capPerPeriodMinor`]: 'must not be more than the overall cap' }],
    ['a penalty of 0 %', (g) => (g.penalty = { kind: 'percent_of_fee', percent: 0, capPerPeriodMinor: 1, capOverallMinor: 1 }), { [`${at}.penalty.percent`]: /above 0 and at most 100/ }],
    ['an incentive of 2.555 %', (g) => (g.incentive = { kind: 'percent_of_fee', percent: 2.555 }), { [`${at}.incentive.percent`]: 'must have at most 2 decimals' }],
    ['an incentive of 0.5 cents', (g) => (g.incentive = { kind: 'fixed', amountMinor: 0.5 }), { [`${at}.incentive.amountMinor`]: /whole number/ }],
    ['a priority outside the matrix', (g) => (g.scope = { priorities: ['P1', 'P9'] }), { [`${at}.scope.priorities[1]`]: "'P9' is not a priority of the matrix" }],
    ['a site of another client', (g) => (g.scope = { siteIds: ['site-berlin', 'site-paris'] }), { [`${at}.scope.siteIds[1]`]: "is not a site of the contract's client" }],
    ['an unknown category', (g) => (g.scope = { categories: ['printers' as 'hardware'] }), { [`${at}.scope.categories[0]`]: "'printers' is not a catalog category" }],
    ['a priority listed twice', (g) => (g.scope = { priorities: ['P1', 'P1'] }), { [`${at}.scope.priorities[1]`]: 'is listed twice' }],
  ])('refuses %s, naming the field', (_n, edit, expected) => {
    const g = fastAnswers();
    edit(g);
    const problems = goalProblems(at, g, ctx);
    expect(Object.keys(problems).sort()).toEqual(Object.keys(expected).sort());
    for (const [k, v] of Object.entries(expected)) expect(problems[k]).toMatch(v);
  });

  it('checks a whole list: ids are unique', () => {
    expect(goalListProblems('goals', [fastAnswers(), { ...fastAnswers(), target: 101 }, fastAnswers()], ctx)).toEqual({
      'goals[1].target': 'must be a percentage from 0 to 100',
      'goals[1].goalId': 'is listed twice',
      'goals[2].goalId': 'is listed twice',
    });
  });
});

describe('responsibilityProblems', () => {
  const waiting = answerRequests();
  it('accepts a measured and an attested responsibility', () => {
    expect(responsibilityProblems('r', waiting)).toEqual({});
    expect(responsibilityProblems('r', { ...waiting, measure: { kind: 'attested' }, excludeFromCompliance: false })).toEqual({});
  });
  it.each<[string, ResponsibilityTerms, Record<string, RegExp>]>([
    ['a zero allowance', { ...waiting, measure: { kind: 'waiting_on_client', allowance: { unit: 'minutes', minutes: 0 } } }, { 'r.measure.allowance': /above 0/ }],
    ['no allowance', { ...waiting, measure: { kind: 'waiting_on_client' } as ResponsibilityTerms['measure'] }, { 'r.measure.allowance': /is required/ }],
    ['zero days', { ...waiting, measure: { kind: 'waiting_on_client', allowance: { unit: 'business_days', days: 0 } } }, { 'r.measure.allowance': /at least 1/ }],
    ['no description', { ...waiting, description: '' }, { 'r.description': /is required/ }],
  ])('refuses %s', (_n, r, expected) => {
    const problems = responsibilityProblems('r', r);
    expect(Object.keys(problems)).toEqual(Object.keys(expected));
    for (const [k, v] of Object.entries(expected)) expect(problems[k]).toMatch(v);
  });
  it('checks a whole list: ids are unique', () => {
    expect(responsibilityListProblems('responsibilities', [waiting, waiting])).toEqual({ 'responsibilities[1].responsibilityId': 'is listed twice' });
  });
});
