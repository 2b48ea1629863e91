import { describe, expect, it } from 'vitest';
import { prorate, prorateIntervals } from './proration';

const d = (s: string) => new Date(s);
const nov = { from: d('2026-11-01T00:00:00Z'), to: d('2026-12-01T00:00:00Z') }; // 30 days
const threeDays = { from: d('2026-11-01T00:00:00Z'), to: d('2026-11-04T00:00:00Z') };

describe('prorate (half up on the final amount)', () => {
  it.each<[string, number, { from: Date; to: Date }, { from: Date; to: Date | null }, number]>([
    ['whole period', 30000, nov, { from: d('2026-10-01T00:00:00Z'), to: null }, 30000],
    ['from the 16th: 15 of 30 days', 30000, nov, { from: d('2026-11-16T00:00:00Z'), to: null }, 15000],
    ['not active in the period', 30000, nov, { from: d('2026-12-05T00:00:00Z'), to: null }, 0],
    ['ended before the period', 30000, nov, { from: d('2026-09-01T00:00:00Z'), to: d('2026-10-01T00:00:00Z') }, 0],
    ['1/3 of 1000 = 333.33 -> 333', 1000, threeDays, { from: d('2026-11-03T00:00:00Z'), to: null }, 333],
    ['2/3 of 1000 = 666.67 -> 667', 1000, threeDays, { from: d('2026-11-02T00:00:00Z'), to: null }, 667],
    ['exactly half of 1 -> 1 (half up)', 1, { from: d('2026-11-01T00:00:00Z'), to: d('2026-11-03T00:00:00Z') }, { from: d('2026-11-02T00:00:00Z'), to: null }, 1],
    ['just under half of 1 -> 0', 1, { from: d('2026-11-01T00:00:00Z'), to: d('2026-11-03T00:00:00Z') }, { from: d('2026-11-02T00:00:00.001Z'), to: null }, 0],
    ['large amounts stay exact', 2_000_000_000, nov, { from: d('2026-11-01T00:00:00.001Z'), to: null }, 1_999_999_999],
  ])('%s', (_n, amount, period, active, expected) => {
    expect(prorate(amount, period, active).amountMinor).toBe(expected);
  });

  it('reports the seconds', () => {
    expect(prorate(100, nov, { from: d('2026-11-30T00:00:00Z'), to: null })).toEqual({ amountMinor: 3, activeSeconds: 86400, periodSeconds: 30 * 86400 });
  });

  it('refuses bad input', () => {
    expect(() => prorate(-1, nov, { from: nov.from, to: null })).toThrow(RangeError);
    expect(() => prorate(1.5, nov, { from: nov.from, to: null })).toThrow(RangeError);
    expect(() => prorate(1, { from: nov.to, to: nov.from }, { from: nov.from, to: null })).toThrow(RangeError);
  });

  it('adds several intervals, counting overlaps once, rounding once', () => {
    const r = prorateIntervals(1000, threeDays, [
      { from: d('2026-11-01T00:00:00Z'), to: d('2026-11-01T12:00:00Z') },
      { from: d('2026-11-01T06:00:00Z'), to: d('2026-11-01T16:00:00Z') },
      { from: d('2026-11-03T16:00:00Z'), to: null },
    ]);
    // 16 h + 8 h = 24 h of 72 h
    expect(r).toMatchObject({ amountMinor: 333, activeSeconds: 86400 });
  });
});
