import { describe, expect, it } from 'vitest';
import {
  badRatingStreak,
  compareRisk,
  goalsMissedTwice,
  intractableProblem,
  npsDrop,
  previousQuarter,
  riskReasons,
  riskScore,
  satisfactionTrend,
  type RiskCsatAnswer,
  type RiskGoalOutcome,
  type RiskInput,
  type RiskNpsAnswer,
  type RiskProblem,
} from './risk-rules';
import type { RiskReason } from './satisfaction-types';

const NOW = new Date('2026-12-01T00:00:00Z');
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY);
const settings = { windowDays: 30, csatDrop: 0.5, badStreak: 3, problemDays: 60 };

let n = 0;
const answer = (score: number, ago: number): RiskCsatAnswer => ({ ticketId: `t${++n}`, ticketNumber: n, score, respondedAt: daysAgo(ago) });
const input = (over: Partial<RiskInput> = {}): RiskInput => ({ now: NOW, settings, csat: [], nps: [], stage: null, problems: [], goals: [], ...over });

describe('satisfaction_trend', () => {
  // Previous window: 31..60 days ago; current: the last 30 days.
  const previous = [answer(5, 40), answer(5, 45), answer(4, 50)]; // 4.67

  it('flags a drop of at least csatDrop between the windows', () => {
    const r = satisfactionTrend(input({ csat: [...previous, answer(4, 1), answer(4, 2), answer(4, 3)] })); // 4.67 -> 4: 0.67
    expect(r).toMatchObject({ rule: 'satisfaction_trend', previous: 4.67, current: 4 });
    expect(r?.text).toBe('Satisfaction is falling: the average rating of the last 30 days is 4 out of 5 (3 answers), down from 4.67 in the 30 days before (3 answers).');
  });

  it('a drop of exactly csatDrop flags; just under does not', () => {
    const five = [answer(5, 40), answer(5, 41), answer(5, 42)];
    expect(satisfactionTrend(input({ csat: [...five, answer(5, 1), answer(4, 2), answer(4, 3), answer(4, 4)] }))).not.toBeNull(); // 5 -> 4.25: 0.75
    expect(satisfactionTrend(input({ csat: [...five, answer(5, 1), answer(4, 2)] }))).toBeNull(); // 2 answers only
    expect(satisfactionTrend(input({ csat: [...five, answer(5, 1), answer(4, 2), answer(5, 3), answer(4, 4)] }))).not.toBeNull(); // 5 -> 4.5: exactly 0.5
    expect(satisfactionTrend(input({ csat: [...five, answer(5, 1), answer(5, 2), answer(5, 3), answer(4, 4), answer(5, 5)] }))).toBeNull(); // 5 -> 4.8: 0.2
  });

  it('needs 3 answers in each window', () => {
    expect(satisfactionTrend(input({ csat: [answer(5, 40), answer(5, 45), answer(1, 1), answer(1, 2), answer(1, 3)] }))).toBeNull();
    expect(satisfactionTrend(input({ csat: [...previous, answer(1, 1), answer(1, 2)] }))).toBeNull();
  });

  it('window edges: an answer exactly windowDays ago belongs to the current window, one 2 x windowDays ago to the previous, older ones to none', () => {
    const edge = [answer(1, 30), answer(1, 10), answer(1, 20)];
    const prev = [answer(5, 60), answer(5, 31), answer(5, 59)];
    expect(satisfactionTrend(input({ csat: [...edge, ...prev] }))).toMatchObject({ previous: 5, current: 1 });
    expect(satisfactionTrend(input({ csat: [...edge, answer(5, 61), answer(5, 31), answer(5, 59)] }))).toBeNull();
  });

  it('a rising average is no reason', () => {
    expect(satisfactionTrend(input({ csat: [answer(1, 40), answer(2, 41), answer(1, 42), answer(5, 1), answer(5, 2), answer(5, 3)] }))).toBeNull();
  });
});

describe('nps_drop', () => {
  const q = (quarter: string, ...scores: number[]): RiskNpsAnswer[] => scores.map((score) => ({ quarter, score }));

  it('flags the latest quarter 20 or more below the one before', () => {
    // Q3: 10, 10, 9 -> 100; Q4: 10, 7, 3 -> 0.
    const r = npsDrop(input({ nps: [...q('2026-Q3', 10, 10, 9), ...q('2026-Q4', 10, 7, 3)] }));
    expect(r).toEqual({ rule: 'nps_drop', text: 'NPS dropped from 100 in 2026-Q3 to 0 in 2026-Q4 (3 answers).', previous: 100, current: 0 });
  });

  it('exactly 20 flags, 19.99 does not', () => {
    // 5 answers: 2 promoters, 0 detractors -> 40; then 1 promoter -> 20.
    expect(npsDrop(input({ nps: [...q('2026-Q3', 10, 10, 8, 8, 8), ...q('2026-Q4', 10, 8, 8, 8, 8)] }))).toMatchObject({ previous: 40, current: 20 });
    // 1 promoter of 3 -> 33.33; 1 of 6 -> 16.67: 16.66 points.
    expect(npsDrop(input({ nps: [...q('2026-Q3', 10, 8, 8), ...q('2026-Q4', 10, 8, 8, 8, 8, 8)] }))).toBeNull();
  });

  it('compares the latest quarter with 3+ answers with the quarter right before it (3+ answers)', () => {
    // Q1 2027 has only two answers yet: Q4 against Q3 is compared.
    expect(npsDrop(input({ nps: [...q('2026-Q3', 10, 10, 10), ...q('2026-Q4', 0, 0, 0), ...q('2027-Q1', 10, 10)] }))).toMatchObject({ previous: 100, current: -100 });
    // The quarter before has two answers: nothing to compare.
    expect(npsDrop(input({ nps: [...q('2026-Q3', 10, 10), ...q('2026-Q4', 0, 0, 0)] }))).toBeNull();
    // A gap: Q2 is not the quarter before Q4.
    expect(npsDrop(input({ nps: [...q('2026-Q2', 10, 10, 10), ...q('2026-Q4', 0, 0, 0)] }))).toBeNull();
    // Across a year end.
    expect(npsDrop(input({ nps: [...q('2026-Q4', 10, 10, 10), ...q('2027-Q1', 0, 0, 0)] }))).toMatchObject({ previous: 100, current: -100 });
  });

  it('quarters', () => {
    expect(previousQuarter('2027-Q1')).toBe('2026-Q4');
    expect(previousQuarter('2026-Q3')).toBe('2026-Q2');
    expect(() => previousQuarter('2026-13')).toThrow(RangeError);
  });
});

describe('bad_rating_streak', () => {
  it("flags when the client's latest badStreak answers are all negative (score 1-2)", () => {
    const latest = [answer(2, 1), answer(1, 2), answer(2, 3)];
    const r = badRatingStreak(input({ csat: [answer(5, 4), ...latest] }));
    expect(r).toEqual({ rule: 'bad_rating_streak', text: `The last 3 satisfaction ratings were all negative (tickets ${latest.map((a) => `T-${a.ticketNumber}`).join(', ')}).`, count: 3, ticketIds: latest.map((a) => a.ticketId) });
  });

  it('an okay (3) breaks the streak; too few answers are no streak; the setting decides the length', () => {
    expect(badRatingStreak(input({ csat: [answer(1, 1), answer(3, 2), answer(1, 3)] }))).toBeNull();
    expect(badRatingStreak(input({ csat: [answer(1, 1), answer(1, 2)] }))).toBeNull();
    expect(badRatingStreak(input({ csat: [answer(1, 1), answer(1, 2)], settings: { ...settings, badStreak: 2 } }))).toMatchObject({ count: 2 });
    // Older good answers do not matter once the latest are bad.
    expect(badRatingStreak(input({ csat: [answer(5, 10), answer(5, 11), answer(1, 1), answer(2, 2), answer(1, 3)] }))).not.toBeNull();
  });
});

describe('intractable_problem', () => {
  const problem = (number: number, openedDaysAgo: number, status: RiskProblem['status'] = 'open'): RiskProblem => ({ id: `p${number}`, number, title: `Problem ${number}`, status, openedAt: daysAgo(openedDaysAgo) });

  it("flags a problem open more than problemDays while in 'old intractables'", () => {
    expect(intractableProblem(input({ stage: 'old_intractables', problems: [problem(7, 75)] }))).toEqual({
      rule: 'intractable_problem',
      text: 'Problem PRB-7 "Problem 7" has been open for 75 days while the client is in "Old intractables".',
      problemId: 'p7',
      openDays: 75,
    });
  });

  it('exactly problemDays is not more; resolved problems and other stages do not count; the oldest is named', () => {
    expect(intractableProblem(input({ stage: 'old_intractables', problems: [problem(1, 60)] }))).toBeNull();
    expect(intractableProblem(input({ stage: 'old_intractables', problems: [problem(1, 61)] }))).toMatchObject({ openDays: 61 });
    expect(intractableProblem(input({ stage: 'old_intractables', problems: [problem(1, 200, 'resolved')] }))).toBeNull();
    expect(intractableProblem(input({ stage: 'refresh_or_migration', problems: [problem(1, 200)] }))).toBeNull();
    expect(intractableProblem(input({ stage: null, problems: [problem(1, 200)] }))).toBeNull();
    const r = intractableProblem(input({ stage: 'old_intractables', problems: [problem(1, 70, 'plan_agreed'), problem(2, 90, 'known_error'), problem(3, 10)] }));
    expect(r).toMatchObject({ problemId: 'p2', openDays: 90 });
    expect(r?.text).toMatch(/\(and 1 other problem open that long\)\.$/);
  });
});

describe('goals_missed_twice', () => {
  const g = (goalId: string, periodKey: string, outcome: RiskGoalOutcome['outcome'], contractId = 'k1'): RiskGoalOutcome => ({ contractId, contractName: 'Managed services', goalId, objective: `Goal ${goalId}`, periodKey, outcome });

  it('flags a goal missed in both of its two latest periods', () => {
    expect(goalsMissedTwice(input({ goals: [g('a', '2026-09', 'met'), g('a', '2026-10', 'missed'), g('a', '2026-11', 'missed')] }))).toEqual({
      rule: 'goals_missed_twice',
      text: 'Goal "Goal a" of Managed services was missed in 2026-10 and again in 2026-11.',
      goalId: 'a',
      periods: ['2026-10', '2026-11'],
    });
  });

  it('missed then met, missed once, or not evaluable in between: no reason', () => {
    expect(goalsMissedTwice(input({ goals: [g('a', '2026-10', 'missed'), g('a', '2026-11', 'met')] }))).toBeNull();
    expect(goalsMissedTwice(input({ goals: [g('a', '2026-11', 'missed')] }))).toBeNull();
    expect(goalsMissedTwice(input({ goals: [g('a', '2026-09', 'missed'), g('a', '2026-10', 'not_evaluable'), g('a', '2026-11', 'missed')] }))).toBeNull();
    // The same goal id on two contracts is two goals.
    expect(goalsMissedTwice(input({ goals: [g('a', '2026-10', 'missed', 'k1'), g('a', '2026-11', 'missed', 'k2')] }))).toBeNull();
  });

  it('a quarterly goal compares its quarters; the latest pair is named first, with the others counted', () => {
    const r = goalsMissedTwice(input({ goals: [g('q', '2026-Q2', 'missed'), g('q', '2026-Q3', 'missed'), g('m', '2026-10', 'missed'), g('m', '2026-11', 'missed')] }));
    expect(r).toMatchObject({ goalId: 'm', periods: ['2026-10', '2026-11'] });
    expect(r?.text).toMatch(/\(and 1 other goal missed twice\)\.$/);
  });
});

describe('score and order', () => {
  const reason = (rule: RiskReason['rule']) => ({ rule }) as RiskReason;

  it('one point per reason; the streak and missed goals weigh two', () => {
    expect(riskScore([])).toBe(0);
    expect(riskScore([reason('satisfaction_trend'), reason('nps_drop'), reason('intractable_problem')])).toBe(3);
    expect(riskScore([reason('bad_rating_streak')])).toBe(2);
    expect(riskScore([reason('goals_missed_twice'), reason('satisfaction_trend')])).toBe(3);
  });

  it('every rule at once, listed streak, goals, trend, NPS, problem: score 7', () => {
    const reasons = riskReasons(
      input({
        csat: [answer(5, 40), answer(5, 41), answer(5, 42), answer(1, 1), answer(1, 2), answer(1, 3)],
        nps: [10, 10, 10].map((score) => ({ quarter: '2026-Q3', score })).concat([0, 0, 0].map((score) => ({ quarter: '2026-Q4', score }))),
        stage: 'old_intractables',
        problems: [{ id: 'p1', number: 1, title: 'VPN drops', status: 'open', openedAt: daysAgo(100) }],
        goals: [
          { contractId: 'k', contractName: 'K', goalId: 'a', objective: 'A', periodKey: '2026-10', outcome: 'missed' },
          { contractId: 'k', contractName: 'K', goalId: 'a', objective: 'A', periodKey: '2026-11', outcome: 'missed' },
        ],
      }),
    );
    expect(reasons.map((r) => r.rule)).toEqual(['bad_rating_streak', 'goals_missed_twice', 'satisfaction_trend', 'nps_drop', 'intractable_problem']);
    expect(riskScore(reasons)).toBe(7);
    expect(riskReasons(input())).toEqual([]);
  });

  it('orders by score, then number of reasons, then client name', () => {
    const rows = [
      { clientId: 'c', clientName: 'Cobalt', score: 2, reasons: [reason('bad_rating_streak')] },
      { clientId: 'a', clientName: 'Acme', score: 1, reasons: [reason('nps_drop')] },
      { clientId: 'b', clientName: 'Birch', score: 2, reasons: [reason('nps_drop'), reason('satisfaction_trend')] },
      { clientId: 'd', clientName: 'Acme', score: 3, reasons: [reason('goals_missed_twice'), reason('nps_drop')] },
      { clientId: 'e', clientName: 'Alder', score: 2, reasons: [reason('goals_missed_twice')] },
    ];
    expect([...rows].sort(compareRisk).map((r) => r.clientId)).toEqual(['d', 'b', 'e', 'c', 'a']);
  });
});
