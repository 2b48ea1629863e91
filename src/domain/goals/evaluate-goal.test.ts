/** One goal over October 2026 in London (office calendar Mon-Fri 09-17, response target 60 min). */
import { describe, expect, it } from 'vitest';
import { londonOffice, october, ticket } from '../metrics/metric-test-fixtures';
import { NO_SURVEYS } from '../metrics/metric-types';
import type { GoalTerms } from '../pact/pact-types';
import { evaluateGoal, type GoalInput } from './evaluate-goal';
import { goal } from './goal-test-fixtures';

// Answered after 30 min (met), 90 min (breached, P1), 20 min (met, P1).
const tickets = [
  ticket({ number: 3, created: '2026-10-07T09:00:00+01:00', priority: 'P1', events: [['respond', '2026-10-07T09:20:00+01:00']] }),
  ticket({ number: 1, created: '2026-10-05T09:00:00+01:00', events: [['respond', '2026-10-05T09:30:00+01:00']] }),
  ticket({ number: 2, created: '2026-10-06T09:00:00+01:00', priority: 'P1', events: [['respond', '2026-10-06T10:30:00+01:00']] }),
];
const penalty = { kind: 'percent_of_fee' as const, percent: 5, capPerPeriodMinor: 10_000, capOverallMinor: 100_000 };
const run = (g: Partial<GoalTerms>, over: Partial<GoalInput> = {}) =>
  evaluateGoal({ goal: goal(g), period: october, calendar: londonOffice, tickets, excluded: new Map(), manual: null, surveys: NO_SURVEYS, periodFeeMinor: 310_000, priorCreditsMinor: 0, currency: 'EUR', ...over });

describe('evaluateGoal', () => {
  it('missed: 2 of 3 = 66.67 % against >= 95 %; 5 % of 3,100.00 = 155.00 capped at 100.00', () => {
    const e = run({ minSample: 3, penalty });
    expect(e).toMatchObject({
      goalId: 'g-response',
      metricLabel: 'First-response compliance',
      periodKey: '2026-10',
      periodFrom: '2026-09-30T23:00:00.000Z',
      periodTo: '2026-11-01T00:00:00.000Z',
      unit: 'percent',
      value: 66.67,
      sample: 3,
      outcome: 'missed',
      reason: '66.67 % < 95 % (target >= 95 %)',
      amountMinor: -10_000,
      amountExplanation: 'Missed: 5 % of the plan fee 3,100.00 EUR = 155.00 EUR; capped at 100.00 EUR per period; credit 100.00 EUR',
    });
    // Drill-down in ticket order, whatever order the tickets came in.
    expect(e.contributions.map((c) => [c.number, c.outcome])).toEqual([
      [1, 'met'],
      [2, 'breached'],
      [3, 'met'],
    ]);
  });

  it('below the minimum sample: not evaluable, no money', () => {
    expect(run({ minSample: 4, penalty })).toMatchObject({ outcome: 'not_evaluable', reason: '3 tickets, below the minimum sample of 4', amountMinor: 0, value: 66.67 });
  });

  it('the scope filters tickets: P1 only is 1 of 2 = 50 %', () => {
    expect(run({ scope: { priorities: ['P1'] } })).toMatchObject({ value: 50, sample: 2, outcome: 'missed', amountMinor: 0, amountExplanation: 'Missed; no service credit agreed' });
  });

  it('met with an incentive: 66.67 % >= 60 %, 1 % of 3,100.00 = 31.00', () => {
    expect(run({ target: 60, incentive: { kind: 'percent_of_fee', percent: 1 } })).toMatchObject({ outcome: 'met', reason: '66.67 % >= 60 %', amountMinor: 3_100 });
  });

  it('a lower-is-better metric: mean time to respond 46.67 min <= 60 min is met', () => {
    // (30 + 90 + 20) / 3 = 46.666 -> 46.67.
    expect(run({ metric: { key: 'mean_time_to_respond' }, comparator: 'lte', target: 60 })).toMatchObject({ unit: 'minutes', value: 46.67, outcome: 'met', reason: '46.67 min <= 60 min' });
  });

  it('a manual goal without a value is not evaluable; with one it is compared', () => {
    const manual = { key: 'manual' as const, manualName: 'Patch coverage', manualUnit: 'percent' as const };
    expect(run({ metric: manual })).toMatchObject({ metricLabel: 'Patch coverage', outcome: 'not_evaluable', reason: 'No value entered for 2026-10', sample: 0 });
    const value = { value: 97, evidenceNote: 'Report', evidenceUrl: null, hasFile: false, enteredBy: 'Ann', enteredAt: new Date('2026-11-01T09:00:00Z') };
    expect(run({ metric: manual }, { manual: value })).toMatchObject({ outcome: 'met', value: 97, reason: '97 % >= 95 %', manual: value });
  });

  it('a volume goal carries its breakdown', () => {
    const e = run({ metric: { key: 'ticket_volume' }, comparator: 'lt', target: 3, minSample: 0 });
    expect(e).toMatchObject({ value: 3, outcome: 'missed', reason: '3 >= 3 (target < 3)', breakdown: { 'category:software': 3, 'priority:P1': 2, 'priority:P2': 1 } });
  });
});
