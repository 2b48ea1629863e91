import { describe, expect, it } from 'vitest';
import { comparatorSymbol, meets, negatedSymbol } from './compare';
import { goalAmount, incentiveAmount, penaltyCredit } from './credits';
import { divideHalfUp, formatMinor, formatPercent, percentHundredths, percentOfMinor, scaleMinor } from './money';

describe('money', () => {
  it.each([
    // 2.5 % of 12,345.00 = 308.625 -> 308.63 (half up).
    [1_234_500, 2.5, 30_863],
    // Away from zero for negative amounts.
    [-1_234_500, 2.5, -30_863],
    // 1.75 % of 999.99 = 17.499825 -> 17.50.
    [99_999, 1.75, 1_750],
    // 12.5 % of 10.01 = 1.25125 -> 1.25.
    [1_001, 12.5, 125],
    [400_000, 5, 20_000],
    [0, 5, 0],
    // 0.01 % of 2^52: exact in integers.
    [4_503_599_627_370_496, 0.01, 450_359_962_737],
  ])('%i x %s %% = %i', (amount, percent, expected) => {
    expect(percentOfMinor(amount, percent)).toBe(expected);
  });

  it('percentages have at most 2 decimals; amounts are whole minor units', () => {
    expect(percentHundredths(33.33)).toBe(3333);
    expect(percentHundredths(0.1 + 0.2)).toBe(30);
    expect(() => percentHundredths(2.555)).toThrow(/more than 2 decimals/);
    expect(() => percentOfMinor(10.5, 5)).toThrow(RangeError);
  });

  it('divides half up away from zero', () => {
    expect(divideHalfUp(5n, 2n)).toBe(3n);
    expect(divideHalfUp(-5n, 2n)).toBe(-3n);
    expect(divideHalfUp(4n, 3n)).toBe(1n);
    // 7,200 s x 80.00/h x 150 % = 240.00: 7200 * 8000 * 150 / 360000.
    expect(scaleMinor(7_200, 8_000 * 150, 360_000)).toBe(24_000);
  });

  it.each([
    [400_000, 'EUR', '4,000.00 EUR'],
    [-15_000, 'EUR', '-150.00 EUR'],
    [5, 'EUR', '0.05 EUR'],
    [0, 'EUR', '0.00 EUR'],
    [123_456_789, 'JPY', '123,456,789 JPY'],
    [1_234, 'KWD', '1.234 KWD'],
  ])('formatMinor(%i, %s) = %s', (amount, currency, text) => {
    expect(formatMinor(amount, currency)).toBe(text);
  });

  it('formats percentages', () => {
    expect(formatPercent(5)).toBe('5 %');
    expect(formatPercent(2.5)).toBe('2.5 %');
  });
});

describe('comparators', () => {
  it.each([
    [95, 'gte', 95, true],
    [95, 'gt', 95, false],
    [94.99, 'gte', 95, false],
    [30, 'lte', 30, true],
    [30, 'lt', 30, false],
    [29.5, 'lt', 30, true],
  ] as const)('%s %s %s -> %s', (value, comparator, target, expected) => {
    expect(meets(value, comparator, target)).toBe(expected);
  });

  it('symbols for reasons', () => {
    expect([comparatorSymbol('gte'), negatedSymbol('gte'), comparatorSymbol('lt'), negatedSymbol('lt')]).toEqual(['>=', '<', '<', '>=']);
  });
});

describe('service credits (missed goal with a penalty)', () => {
  const percent = (p: number, perPeriod: number, overall: number) => ({ kind: 'percent_of_fee' as const, percent: p, capPerPeriodMinor: perPeriod, capOverallMinor: overall });

  it('5 % of a 3,100.00 fee = 155.00, under both caps', () => {
    expect(penaltyCredit({ rule: percent(5, 20_000, 100_000), periodFeeMinor: 310_000, priorCreditsMinor: 0, currency: 'EUR' })).toEqual({
      amountMinor: -15_500,
      explanation: 'Missed: 5 % of the plan fee 3,100.00 EUR = 155.00 EUR; credit 155.00 EUR',
    });
  });

  it('capped per period: 5 % of 4,000.00 = 200.00, capped at 150.00', () => {
    expect(penaltyCredit({ rule: percent(5, 15_000, 100_000), periodFeeMinor: 400_000, priorCreditsMinor: 0, currency: 'EUR' })).toEqual({
      amountMinor: -15_000,
      explanation: 'Missed: 5 % of the plan fee 4,000.00 EUR = 200.00 EUR; capped at 150.00 EUR per period; credit 150.00 EUR',
    });
  });

  it('then capped overall: 1,000.00 in all less 950.00 already credited leaves 50.00', () => {
    expect(penaltyCredit({ rule: percent(5, 15_000, 100_000), periodFeeMinor: 400_000, priorCreditsMinor: 95_000, currency: 'EUR' })).toEqual({
      amountMinor: -5_000,
      explanation: 'Missed: 5 % of the plan fee 4,000.00 EUR = 200.00 EUR; capped at 150.00 EUR per period; 1,000.00 EUR in all less 950.00 EUR credited before leaves 50.00 EUR; credit 50.00 EUR',
    });
  });

  it('the overall cap used up: nothing, never below 0 (and not -0)', () => {
    const r = penaltyCredit({ rule: percent(5, 15_000, 100_000), periodFeeMinor: 400_000, priorCreditsMinor: 120_000, currency: 'EUR' });
    expect(Object.is(r.amountMinor, 0)).toBe(true);
    expect(r.explanation).toBe('Missed: 5 % of the plan fee 4,000.00 EUR = 200.00 EUR; capped at 150.00 EUR per period; 1,000.00 EUR in all less 1,200.00 EUR credited before leaves 0.00 EUR; no credit');
  });

  it('prior credits given as a negative sum count the same', () => {
    expect(penaltyCredit({ rule: percent(5, 15_000, 100_000), periodFeeMinor: 400_000, priorCreditsMinor: -95_000, currency: 'EUR' }).amountMinor).toBe(-5_000);
  });

  it('rounds the percentage once, half up: 2.5 % of 1,234.50 = 30.8625 -> 30.86', () => {
    expect(penaltyCredit({ rule: percent(2.5, 100_000, 1_000_000), periodFeeMinor: 123_450, priorCreditsMinor: 0, currency: 'EUR' }).amountMinor).toBe(-3_086);
    // 2.5 % of 12,345.00 = 308.625 -> 308.63.
    expect(penaltyCredit({ rule: percent(2.5, 100_000, 1_000_000), periodFeeMinor: 1_234_500, priorCreditsMinor: 0, currency: 'EUR' }).amountMinor).toBe(-30_863);
  });

  it('a fixed credit is capped the same way', () => {
    expect(penaltyCredit({ rule: { kind: 'fixed', amountMinor: 50_000, capPerPeriodMinor: 30_000, capOverallMinor: 200_000 }, periodFeeMinor: 0, priorCreditsMinor: 0, currency: 'EUR' })).toEqual({
      amountMinor: -30_000,
      explanation: 'Missed: fixed 500.00 EUR; capped at 300.00 EUR per period; credit 300.00 EUR',
    });
  });
});

describe('incentives and outcomes', () => {
  it('a met goal earns its incentive, uncapped and positive', () => {
    expect(incentiveAmount({ rule: { kind: 'fixed', amountMinor: 10_000 }, periodFeeMinor: 310_000, currency: 'EUR' })).toEqual({ amountMinor: 10_000, explanation: 'Met: fixed 100.00 EUR; incentive 100.00 EUR' });
    // 2 % of 9,300.00 (a quarter's fee) = 186.00.
    expect(incentiveAmount({ rule: { kind: 'percent_of_fee', percent: 2 }, periodFeeMinor: 930_000, currency: 'EUR' }).amountMinor).toBe(18_600);
  });

  it('only the matching rule applies', () => {
    const rules = { incentive: { kind: 'fixed' as const, amountMinor: 10_000 }, penalty: { kind: 'fixed' as const, amountMinor: 20_000, capPerPeriodMinor: 20_000, capOverallMinor: 60_000 }, periodFeeMinor: 0, priorCreditsMinor: 0, currency: 'EUR' };
    expect(goalAmount({ ...rules, outcome: 'met' }).amountMinor).toBe(10_000);
    expect(goalAmount({ ...rules, outcome: 'missed' }).amountMinor).toBe(-20_000);
    expect(goalAmount({ ...rules, outcome: 'not_evaluable' })).toEqual({ amountMinor: 0, explanation: 'Not evaluable: no credit or incentive' });
    expect(goalAmount({ ...rules, incentive: null, outcome: 'met' })).toEqual({ amountMinor: 0, explanation: 'Met; no incentive agreed' });
    expect(goalAmount({ ...rules, penalty: null, outcome: 'missed' })).toEqual({ amountMinor: 0, explanation: 'Missed; no service credit agreed' });
  });
});
