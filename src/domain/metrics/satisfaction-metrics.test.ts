/**
 * The satisfaction metrics on hand-built surveys over October 2026 in London
 * ([2026-09-30T23:00Z, 2026-11-01T00:00Z)), and how goals use them: scope, sample, targets, words.
 */
import { describe, expect, it } from 'vitest';
import { evaluateGoal } from '../goals/evaluate-goal';
import { goal } from '../goals/goal-test-fixtures';
import { goalProblems } from '../pact/goal-rules';
import { goalInWords, metricInWords, minSampleInWords, targetInGoalWords } from '../pact/goal-words';
import type { GoalTerms, MetricKey } from '../pact/pact-types';
import { csat, londonOffice, metricInput, npsAnswer, october } from './metric-test-fixtures';
import type { CsatFact, NpsFact } from './metric-types';
import { npsValue } from './nps';
import { listMetrics, metricDefinition } from './registry';

const run = (key: MetricKey, c: CsatFact[], n: NpsFact[] = []) => metricDefinition(key).compute(metricInput([], { surveys: { csat: c, nps: n } }), { key });

// The period's edges in London: 1 Oct 00:00 BST and 1 Nov 00:00 GMT.
const FIRST_INSTANT = '2026-10-01T00:00:00+01:00';
const LAST_INSTANT = '2026-10-31T23:59:59Z';
const NEXT_PERIOD = '2026-11-01T00:00:00Z';
const BEFORE = '2026-09-30T23:59:59+01:00';

describe('csat_average', () => {
  it('is null with nothing answered (surveys sent but not answered count for nothing)', () => {
    expect(run('csat_average', [])).toEqual({ value: null, unit: 'number', sample: 0, contributions: [] });
    expect(run('csat_average', [csat(1), csat(2)])).toMatchObject({ value: null, sample: 0 });
  });

  it('averages scores across scales: five-point 4 and 5, three-point okay (3) -> 12 / 3 = 4', () => {
    const r = run('csat_average', [
      csat(1, { answered: '2026-10-05T10:00:00+01:00', rating: 4 }),
      csat(2, { answered: '2026-10-06T10:00:00+01:00', rating: 5 }),
      csat(3, { answered: '2026-10-07T10:00:00+01:00', scale: 'three', rating: 2 }),
    ]);
    expect(r).toMatchObject({ value: 4, unit: 'number', sample: 3 });
    expect(r.contributions.map((c) => [c.number, c.outcome, c.value, c.note])).toEqual([
      [1, 'counted', 4, 'rated 4 of 5: score 4'],
      [2, 'counted', 5, 'rated 5 of 5: score 5'],
      [3, 'counted', 3, 'rated okay: score 3'],
    ]);
  });

  it('rounds to 2 decimals: 5, 4, 4 -> 4.33; three-point good, bad -> 3', () => {
    expect(run('csat_average', [csat(1, { answered: '2026-10-05T10:00:00+01:00', rating: 5 }), csat(2, { answered: '2026-10-05T11:00:00+01:00', rating: 4 }), csat(3, { answered: '2026-10-05T12:00:00+01:00', rating: 4 })]).value).toBe(4.33);
    expect(run('csat_average', [csat(1, { answered: '2026-10-05T10:00:00+01:00', scale: 'three', rating: 3 }), csat(2, { answered: '2026-10-05T11:00:00+01:00', scale: 'three', rating: 1 })]).value).toBe(3);
  });

  it('counts answers given in the period, whenever the survey was sent: the first instant in, the next period out', () => {
    const r = run('csat_average', [
      csat(1, { sent: '2026-09-20T10:00:00+01:00', answered: FIRST_INSTANT, rating: 2 }),
      csat(2, { answered: LAST_INSTANT, rating: 4 }),
      csat(3, { answered: NEXT_PERIOD, rating: 1 }),
      csat(4, { sent: '2026-09-20T10:00:00+01:00', answered: BEFORE, rating: 1 }),
    ]);
    expect(r).toMatchObject({ value: 3, sample: 2 });
    expect(r.contributions.map((c) => c.number)).toEqual([1, 2]);
  });
});

describe('csat_positive', () => {
  it('is the share of answers scoring 4-5: five-point 4 and 3, three-point good and okay -> 2 of 4 = 50 %', () => {
    const r = run('csat_positive', [
      csat(1, { answered: '2026-10-05T10:00:00+01:00', rating: 4 }),
      csat(2, { answered: '2026-10-05T11:00:00+01:00', rating: 3 }),
      csat(3, { answered: '2026-10-05T12:00:00+01:00', scale: 'three', rating: 3 }),
      csat(4, { answered: '2026-10-05T13:00:00+01:00', scale: 'three', rating: 2 }),
    ]);
    expect(r).toMatchObject({ value: 50, unit: 'percent', sample: 4 });
    expect(r.contributions.map((c) => [c.number, c.outcome, c.note])).toEqual([
      [1, 'met', 'rated 4 of 5'],
      [2, 'counted', 'rated 3 of 5'],
      [3, 'met', 'rated good'],
      [4, 'counted', 'rated okay'],
    ]);
  });

  it('1 of 3 is 33.33 %; none answered is null', () => {
    expect(run('csat_positive', [csat(1, { answered: '2026-10-05T10:00:00+01:00', rating: 5 }), csat(2, { answered: '2026-10-05T11:00:00+01:00', rating: 1 }), csat(3, { answered: '2026-10-05T12:00:00+01:00', rating: 2 })]).value).toBe(33.33);
    expect(run('csat_positive', [csat(1)])).toMatchObject({ value: null, sample: 0 });
  });
});

describe('csat_response_rate', () => {
  it("counts surveys sent in the period; answered means by the period's end", () => {
    const r = run('csat_response_rate', [
      csat(1, { sent: FIRST_INSTANT, answered: '2026-10-02T10:00:00+01:00', rating: 5 }),
      csat(2, { sent: '2026-10-30T16:00:00Z', answered: NEXT_PERIOD, rating: 5 }),
      csat(3, { sent: LAST_INSTANT }),
      // Sent before the period (answered in it) or in the next: not part of this rate.
      csat(4, { sent: BEFORE, answered: '2026-10-02T10:00:00+01:00', rating: 1 }),
      csat(5, { sent: NEXT_PERIOD }),
    ]);
    expect(r).toMatchObject({ value: 33.33, unit: 'percent', sample: 3 });
    expect(r.contributions.map((c) => [c.number, c.outcome, c.note])).toEqual([
      [1, 'met', 'rated 5 of 5'],
      [2, 'counted', "not answered by the period's end"],
      [3, 'counted', "not answered by the period's end"],
    ]);
  });

  it('is null with nothing sent', () => {
    expect(run('csat_response_rate', [csat(1, { sent: BEFORE, answered: '2026-10-02T10:00:00+01:00' })])).toMatchObject({ value: null, sample: 0 });
  });
});

describe('nps', () => {
  const at = '2026-10-15T12:00:00+01:00';
  it('is % promoters - % detractors: 9, 10, 7, 3 -> 50 - 25 = 25', () => {
    const r = run('nps', [], [npsAnswer('a', 9, at), npsAnswer('b', 10, at), npsAnswer('c', 7, at), npsAnswer('d', 3, at)]);
    expect(r).toEqual({ value: 25, unit: 'number', sample: 4, contributions: [], breakdown: { detractors: 1, passives: 1, promoters: 2 } });
  });

  it('edges of the categories: 6 detracts, 7 and 8 are passive, 9 promotes', () => {
    expect(run('nps', [], [npsAnswer('a', 6, at)]).value).toBe(-100);
    expect(run('nps', [], [npsAnswer('a', 7, at), npsAnswer('b', 8, at)]).value).toBe(0);
    expect(run('nps', [], [npsAnswer('a', 9, at)]).value).toBe(100);
    expect(run('nps', [], [npsAnswer('a', 0, at), npsAnswer('b', 10, at)]).value).toBe(0);
  });

  it('rounds to 2 decimals, symmetric for negatives: 1 of 3 -> 33.33, -33.33; halves away from zero', () => {
    expect(npsValue(1, 0, 3)).toBe(33.33);
    expect(npsValue(0, 1, 3)).toBe(-33.33);
    expect(npsValue(2, 0, 3)).toBe(66.67);
    expect(npsValue(0, 2, 3)).toBe(-66.67);
    // 1 of 32 = 3.125 exactly.
    expect(npsValue(1, 0, 32)).toBe(3.13);
    expect(npsValue(0, 1, 32)).toBe(-3.13);
    expect(npsValue(0, 0, 0)).toBeNull();
    expect(Object.is(npsValue(1, 1, 2), 0)).toBe(true);
  });

  it('counts answers given in the period; unanswered surveys and answers outside it do not count', () => {
    const r = run('nps', [], [npsAnswer('a', 10, FIRST_INSTANT), npsAnswer('b', 0, NEXT_PERIOD), npsAnswer('c', 0, BEFORE), npsAnswer('d', null, null), npsAnswer('e', 2, LAST_INSTANT)]);
    expect(r).toMatchObject({ value: 0, sample: 2 });
    expect(run('nps', [], [])).toMatchObject({ value: null, sample: 0 });
  });
});

describe('satisfaction goals', () => {
  const answers = [
    csat(1, { answered: '2026-10-05T10:00:00+01:00', rating: 5, priority: 'P1', category: 'network', siteId: 'hq' }),
    csat(2, { answered: '2026-10-06T10:00:00+01:00', rating: 1, priority: 'P2', category: 'network', siteId: 'branch' }),
    csat(3, { answered: '2026-10-07T10:00:00+01:00', rating: 4, priority: 'P1', category: 'hardware', siteId: null }),
    csat(4, { answered: '2026-10-08T10:00:00+01:00', scale: 'three', rating: 3, priority: 'P3', category: null, siteId: 'hq' }),
  ];
  const evaluate = (g: Partial<GoalTerms>, nps: NpsFact[] = []) =>
    evaluateGoal({ goal: goal(g), period: october, calendar: londonOffice, tickets: [], excluded: new Map(), manual: null, surveys: { csat: answers, nps }, periodFeeMinor: 0, priorCreditsMinor: 0, currency: 'EUR' });

  it('the whole contract: (5 + 1 + 4 + 5) / 4 = 3.75 misses >= 4', () => {
    expect(evaluate({ metric: { key: 'csat_average' }, target: 4 })).toMatchObject({ value: 3.75, sample: 4, outcome: 'missed', reason: '3.75 < 4 (target >= 4)' });
  });

  it.each<[string, GoalTerms['scope'], number | null, number]>([
    ['priorities', { priorities: ['P1'] }, 4.5, 2],
    ['categories', { categories: ['network'] }, 3, 2],
    ['sites (a survey without a site is outside)', { siteIds: ['hq'] }, 5, 2],
    ['all three', { priorities: ['P1', 'P2'], categories: ['network'], siteIds: ['branch'] }, 1, 1],
    ['nothing in scope', { categories: ['security'] }, null, 0],
  ])('scoped by the ticket at resolution: %s', (_, scope, value, sample) => {
    expect(evaluate({ metric: { key: 'csat_average' }, target: 4, scope })).toMatchObject({ value, sample });
  });

  it('below the minimum sample: "4 survey answers, below the minimum sample of 5"', () => {
    expect(evaluate({ metric: { key: 'csat_positive' }, target: 80, minSample: 5, scope: { priorities: ['P1', 'P2', 'P3'] } })).toMatchObject({
      outcome: 'not_evaluable',
      reason: '4 survey answers, below the minimum sample of 5',
    });
  });

  it('an NPS goal ignores the ticket scope of CSAT and counts NPS answers', () => {
    const at = '2026-10-15T12:00:00+01:00';
    expect(evaluate({ metric: { key: 'nps' }, target: 30, minSample: 2 }, [npsAnswer('a', 10, at), npsAnswer('b', 9, at), npsAnswer('c', 8, at)])).toMatchObject({ value: 66.67, sample: 3, outcome: 'met' });
    expect(evaluate({ metric: { key: 'nps' }, target: 30, minSample: 5 }, [npsAnswer('a', 10, at)])).toMatchObject({ outcome: 'not_evaluable', reason: '1 NPS answer, below the minimum sample of 5' });
  });

  it('the drill-down lists the tickets behind a CSAT figure', () => {
    expect(evaluate({ metric: { key: 'csat_positive' }, target: 50 }).contributions.map((c) => [c.ticketId, c.outcome])).toEqual([
      ['t1', 'met'],
      ['t2', 'counted'],
      ['t3', 'met'],
      ['t4', 'met'],
    ]);
  });
});

describe('satisfaction goal targets and words', () => {
  const at = 'goals[0]';
  const sat = (g: Partial<GoalTerms>): GoalTerms => goal({ objective: 'Happy users', method: 'The survey', ...g });

  it.each<[MetricKey, number, string | undefined]>([
    ['csat_average', 4.5, undefined],
    ['csat_average', 1, undefined],
    ['csat_average', 5, undefined],
    ['csat_average', 0.99, 'must be from 1 to 5'],
    ['csat_average', 5.01, 'must be from 1 to 5'],
    ['nps', -100, undefined],
    ['nps', 100, undefined],
    ['nps', 0, undefined],
    ['nps', -100.5, 'must be from -100 to 100'],
    ['nps', 101, 'must be from -100 to 100'],
    ['csat_positive', 101, 'must be a percentage from 0 to 100'],
    ['csat_response_rate', -1, 'must be a percentage from 0 to 100'],
    ['csat_average', 4.555, 'must have at most 2 decimals'],
  ])('%s target %s -> %s', (key, target, message) => {
    expect(goalProblems(at, sat({ metric: { key }, target }))[`${at}.target`]).toBe(message);
  });

  it('NPS takes no ticket scope; CSAT does', () => {
    expect(goalProblems(at, sat({ metric: { key: 'nps' }, target: 20, scope: { priorities: ['P1'] } }))[`${at}.scope`]).toMatch(/does not apply to NPS/);
    expect(goalProblems(at, sat({ metric: { key: 'nps' }, target: 20, scope: {} }))).toEqual({});
    expect(goalProblems(at, sat({ metric: { key: 'csat_average' }, target: 4.5, scope: { categories: ['network'] } }))).toEqual({});
  });

  it('reads in plain words', () => {
    expect(metricInWords({ key: 'csat_average' })).toBe('CSAT average score');
    expect(metricInWords({ key: 'nps' })).toBe('NPS (Net Promoter Score)');
    expect(metricInWords({ key: 'csat_response_rate' })).toBe('CSAT response rate');
    expect(targetInGoalWords({ metric: { key: 'csat_average' }, comparator: 'gte', target: 4.5 }, 'words')).toBe('at least 4.5 out of 5');
    expect(targetInGoalWords({ metric: { key: 'nps' }, comparator: 'gte', target: -10 })).toBe('>= -10');
    expect(minSampleInWords({ metric: { key: 'csat_positive' }, minSample: 10 })).toBe('at least 10 survey answers');
    expect(minSampleInWords({ metric: { key: 'csat_response_rate' }, minSample: 1 })).toBe('at least 1 survey sent');
    expect(goalInWords(sat({ metric: { key: 'csat_positive' }, target: 90, minSample: 20, scope: { priorities: ['P1'] } }))).toBe('CSAT positive answers for P1 tickets >= 90 % per month, at least 20 survey answers');
  });

  it('the library lists them with their units and target ranges', () => {
    const list = listMetrics();
    expect(list.filter((m) => ['csat_average', 'csat_positive', 'csat_response_rate', 'nps'].includes(m.key)).map((m) => [m.key, m.unit, m.higherIsBetter, m.targetRange])).toEqual([
      ['csat_average', 'number', true, [1, 5]],
      ['csat_positive', 'percent', true, undefined],
      ['csat_response_rate', 'percent', true, undefined],
      ['nps', 'number', true, [-100, 100]],
    ]);
  });
});
