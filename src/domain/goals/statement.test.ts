/**
 * Statement lines. November 2026 in UTC has 30 days (720 h), so proration is easy to follow;
 * October 2026 in London lasts 745 h (the clocks go back on the 25th). Amounts worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { entry } from '../metrics/metric-test-fixtures';
import type { TermsVersion } from '../pact/pact-types';
import { goal, plan, rider, terms, version } from './goal-test-fixtures';
import type { GoalEvaluation } from './goal-types';
import { monthBounds } from './period';
import { buildStatement, latestCount, planFeeMinor, termsStretches, type StatementInput, type UnitCount } from './statement';

const always = { startsAt: new Date('2026-01-01T00:00:00Z'), endsAt: null };
const gold = terms();
const platinum = terms({ plan: plan({ planId: 'plan-platinum', name: 'Platinum', price: { amountMinor: 450_000, currency: 'EUR', basis: 'flat' } }) });

function statement(history: TermsVersion[], over: Partial<StatementInput> = {}) {
  return buildStatement({ monthKey: '2026-11', timeZone: 'UTC', contract: always, termsHistory: history, counts: [], timeEntries: [], goals: [], ...over });
}
const lines = (s: ReturnType<typeof statement>) => s.lines.map((l) => [l.kind, l.description, l.amountMinor, l.note]);

describe('plan fee lines', () => {
  it('a plan change mid-month splits the fee by time in force; an amendment that keeps the plan adds no line', () => {
    // Gold 3,100.00 until 16 Nov: 15 of 30 days = 1,550.00. Platinum 4,500.00 from 16 Nov: 15 days = 2,250.00,
    // across versions 2 and 3 (a goals-only amendment on 20 Nov).
    const s = statement([version(1, '2026-01-01T00:00:00Z', gold), version(2, '2026-11-16T00:00:00Z', platinum), version(3, '2026-11-20T00:00:00Z', { ...platinum, goals: [goal()] })]);
    expect(lines(s)).toEqual([
      ['plan_fee', 'Plan fee: Gold', 155_000, 'in force 15 of 30 days'],
      ['plan_fee', 'Plan fee: Platinum', 225_000, 'in force 15 of 30 days'],
    ]);
    expect(s).toMatchObject({ periodKey: '2026-11', periodFrom: '2026-11-01T00:00:00.000Z', periodTo: '2026-12-01T00:00:00.000Z', currency: 'EUR', subtotalMinor: 380_000, warnings: [] });
    expect(s.lines[0]).toMatchObject({ quantity: 1, unitPriceMinor: 310_000, basis: 'flat' });
  });

  it('a contract starting or ending mid-month pays for its days only', () => {
    // From 21 Nov: 10 of 30 days of 3,100.00 = 1,033.3333 -> 1,033.33.
    const starting = statement([version(1, '2026-11-21T00:00:00Z', gold)], { contract: { startsAt: new Date('2026-11-21T00:00:00Z'), endsAt: null } });
    expect(lines(starting)).toEqual([['plan_fee', 'Plan fee: Gold', 103_333, 'in force 10 of 30 days']]);
    // Ended 11 Nov 00:00: 10 days as well.
    const ending = statement([version(1, '2026-01-01T00:00:00Z', gold)], { contract: { startsAt: always.startsAt, endsAt: new Date('2026-11-11T00:00:00Z') } });
    expect(ending.subtotalMinor).toBe(103_333);
    // Started after the month: nothing.
    expect(statement([version(1, '2026-12-01T00:00:00Z', gold)], { contract: { startsAt: new Date('2026-12-01T00:00:00Z'), endsAt: null } }).lines).toEqual([]);
  });

  it('prorates by real time across a DST change (London, October: 745 hours)', () => {
    // Gold until 25 Oct 01:00Z (the change): 24 days + 2 h = 578 h -> 3,100.00 x 578 / 745 = 2,405.1007 -> 2,405.10.
    // Platinum for the other 167 h: 4,500.00 x 167 / 745 = 1,008.7248 -> 1,008.72.
    const s = buildStatement({ monthKey: '2026-10', timeZone: 'Europe/London', contract: always, termsHistory: [version(1, '2026-01-01T00:00:00Z', gold), version(2, '2026-10-25T01:00:00Z', platinum)], counts: [], timeEntries: [], goals: [] });
    expect(lines(s)).toEqual([
      ['plan_fee', 'Plan fee: Gold', 240_510, 'in force 578 of 745 hours'],
      ['plan_fee', 'Plan fee: Platinum', 100_872, 'in force 167 of 745 hours'],
    ]);
    expect([s.periodFrom, s.periodTo]).toEqual(['2026-09-30T23:00:00.000Z', '2026-11-01T00:00:00.000Z']);
  });

  it('per user: the latest count effective on or before the month\'s last day', () => {
    const perUser = terms({ plan: plan({ price: { amountMinor: 2_500, currency: 'EUR', basis: 'per_user' } }) });
    const counts: UnitCount[] = [
      { kind: 'users', count: 40, effectiveFrom: '2026-10-01' },
      { kind: 'users', count: 42, effectiveFrom: '2026-11-30' },
      { kind: 'users', count: 50, effectiveFrom: '2026-12-01' },
      { kind: 'devices', count: 90, effectiveFrom: '2026-11-01' },
    ];
    // 42 users x 25.00 = 1,050.00 for the whole month.
    const s = statement([version(1, '2026-01-01T00:00:00Z', perUser)], { counts });
    expect(s.lines).toEqual([{ kind: 'plan_fee', description: 'Plan fee: Gold', quantity: 42, unitPriceMinor: 2_500, basis: 'per_user', amountMinor: 105_000, note: '42 users x 25.00 EUR; whole month' }]);
    expect(latestCount(counts, 'users', '2026-11-29')?.count).toBe(40);
  });

  it('no count recorded: quantity 0, amount 0 and a warning', () => {
    const perDevice = terms({ plan: plan({ price: { amountMinor: 1_500, currency: 'EUR', basis: 'per_device' } }) });
    const s = statement([version(1, '2026-01-01T00:00:00Z', perDevice)], { counts: [{ kind: 'users', count: 10, effectiveFrom: '2026-01-01' }, { kind: 'devices', count: 70, effectiveFrom: '2026-12-01' }] });
    expect(s.lines[0]).toMatchObject({ quantity: 0, amountMinor: 0 });
    expect(s.warnings).toEqual(['No device count is recorded on or before 2026-11-30: the Gold plan fee (per device) is billed for 0 devices']);
  });

  it('the plan fee of a month is the sum of its plan-fee lines', () => {
    const history = [version(1, '2026-01-01T00:00:00Z', gold), version(2, '2026-11-16T00:00:00Z', platinum)];
    expect(planFeeMinor({ period: monthBounds('2026-11', 'UTC'), contract: always, termsHistory: history, counts: [], currency: 'EUR' })).toBe(380_000);
  });

  it('terms versions taking effect at the same instant: the higher version governs', () => {
    const stretches = termsStretches([version(3, '2026-11-16T00:00:00Z', gold), version(2, '2026-11-16T00:00:00Z', platinum), version(1, '2026-01-01T00:00:00Z', gold)], always, monthBounds('2026-11', 'UTC'));
    expect(stretches.map((s) => [s.version.version, s.from.toISOString(), s.to.toISOString()])).toEqual([
      [1, '2026-11-01T00:00:00.000Z', '2026-11-16T00:00:00.000Z'],
      [3, '2026-11-16T00:00:00.000Z', '2026-12-01T00:00:00.000Z'],
    ]);
  });
});

describe('rider lines', () => {
  it('a rider bought mid-month is prorated from its effective instant, and ends with the version that drops it', () => {
    // Premium Response (310.00) bought in version 2 (10 Nov), effective 10 Nov 12:00, dropped by version 3 on 25 Nov:
    // 14.5 days = 348 of 720 hours -> 310.00 x 348 / 720 = 149.8333 -> 149.83.
    const withRider = terms({ riders: [rider({ effectiveFrom: '2026-11-10T12:00:00Z' })] });
    const s = statement([version(1, '2026-01-01T00:00:00Z', gold), version(2, '2026-11-10T00:00:00Z', withRider), version(3, '2026-11-25T00:00:00Z', gold)]);
    expect(lines(s)).toEqual([
      ['plan_fee', 'Plan fee: Gold', 310_000, 'whole month'],
      ['rider', 'Rider: Premium Response', 14_983, 'in force 348 of 720 hours'],
    ]);
    expect(s.subtotalMinor).toBe(324_983);
  });

  it('a rider carried by every version for the whole month is charged in full', () => {
    const s = statement([version(1, '2026-01-01T00:00:00Z', terms({ riders: [rider()] }))]);
    expect(s.lines[1]).toMatchObject({ kind: 'rider', amountMinor: 31_000, note: 'whole month' });
  });
});

describe('after-hours line', () => {
  const timeEntries = [
    entry('2026-11-03T19:00:00Z', 7_200), // billable, 2 h
    entry('2026-11-05T07:30:00Z', 1_800, true, 3_600), // billable, 30 min after hours of an hour
    entry('2026-11-06T20:00:00Z', 3_600, false), // not billable
    entry('2026-10-31T20:00:00Z', 3_600), // October
  ];

  it('billable after-hours hours x the hourly rate x the multiplier', () => {
    // 9,000 s = 2.5 h x 80.00 x 150 % = 300.00; unit price 80.00 x 150 % = 120.00.
    const s = statement([version(1, '2026-01-01T00:00:00Z', gold)], { timeEntries });
    expect(s.lines[1]).toEqual({ kind: 'after_hours', description: 'After-hours work', quantity: 2.5, unitPriceMinor: 12_000, amountMinor: 30_000, note: '2.5 h billable after hours x 80.00 EUR an hour x 150 %' });
    expect(s.subtotalMinor).toBe(340_000);
  });

  it('rounds once on the exact amount', () => {
    // 1,000 s x 80.00 x 200 % = 44.444 -> 44.44.
    const double = terms({ plan: plan({ afterHoursMultiplierPercent: 200 }) });
    const s = statement([version(1, '2026-01-01T00:00:00Z', double)], { timeEntries: [entry('2026-11-03T19:00:00Z', 1_000)] });
    expect(s.lines[1]).toMatchObject({ quantity: 0.28, unitPriceMinor: 16_000, amountMinor: 4_444 });
  });

  it('no hourly rate: amount 0 and a warning', () => {
    const noRate = terms({ plan: plan({ hourlyRateMinor: undefined }) });
    const s = statement([version(1, '2026-01-01T00:00:00Z', noRate)], { timeEntries });
    expect(s.lines[1]).toMatchObject({ kind: 'after_hours', amountMinor: 0, quantity: 2.5 });
    expect(s.warnings).toEqual(['The Gold plan has no hourly rate: 2.5 h of billable after-hours work are not charged']);
  });
});

describe('credits and incentives', () => {
  const evaluation = (over: Partial<GoalEvaluation>): GoalEvaluation => ({
    goalId: 'g',
    objective: 'Fast answers',
    metric: { key: 'first_response_compliance' },
    metricLabel: 'First-response compliance',
    scope: {},
    comparator: 'gte',
    target: 95,
    period: 'monthly',
    periodKey: '2026-11',
    periodFrom: '2026-11-01T00:00:00.000Z',
    periodTo: '2026-12-01T00:00:00.000Z',
    unit: 'percent',
    value: 90,
    sample: 30,
    minSample: 20,
    outcome: 'missed',
    reason: '90 % < 95 % (target >= 95 %)',
    amountMinor: 0,
    amountExplanation: '',
    method: '',
    contributions: [],
    ...over,
  });

  it('become lines, and the subtotal is the sum of the rounded lines', () => {
    const goals = [
      evaluation({ goalId: 'g1', amountMinor: -15_000, amountExplanation: 'Missed: 5 % of the plan fee 3,100.00 EUR = 155.00 EUR; capped at 150.00 EUR per period; credit 150.00 EUR' }),
      evaluation({ goalId: 'g2', objective: 'Few reopens', outcome: 'met', amountMinor: 10_000, amountExplanation: 'Met: fixed 100.00 EUR; incentive 100.00 EUR' }),
      evaluation({ goalId: 'g3', outcome: 'not_evaluable' }),
    ];
    // From 21 Nov, 10 of 30 days: plan 3,100.00 / 3 = 1,033.33, rider 310.00 / 3 = 103.33; then -150.00 and +100.00.
    const s = statement([version(1, '2026-11-21T00:00:00Z', terms({ riders: [rider()] }))], { contract: { startsAt: new Date('2026-11-21T00:00:00Z'), endsAt: null }, goals });
    expect(lines(s)).toEqual([
      ['plan_fee', 'Plan fee: Gold', 103_333, 'in force 10 of 30 days'],
      ['rider', 'Rider: Premium Response', 10_333, 'in force 10 of 30 days'],
      ['service_credit', 'Service credit: Fast answers (2026-11)', -15_000, 'Missed: 5 % of the plan fee 3,100.00 EUR = 155.00 EUR; capped at 150.00 EUR per period; credit 150.00 EUR'],
      ['incentive', 'Incentive: Few reopens (2026-11)', 10_000, 'Met: fixed 100.00 EUR; incentive 100.00 EUR'],
    ]);
    expect(s.lines[2]!.goalId).toBe('g1');
    // 103,333 + 10,333 - 15,000 + 10,000 = 108,666.
    expect(s.subtotalMinor).toBe(108_666);
  });
});
