/**
 * Prices of riders bought or dropped mid-period, prorated by the time they were in effect.
 *
 * Rounding: the exact amount is `amountMinor * activeMs / periodMs`; it is computed with
 * integers (no floating point) and rounded half up once, on the final amount. So 1000 minor
 * units for 1 day of a 3-day period give 333, for 2 days 667, and 1 minor unit for half the
 * period gives 1.
 */
export type Interval = { from: Date; to: Date };

export type Proration = { amountMinor: number; activeSeconds: number; periodSeconds: number };

/** Half-up division of non-negative integers. */
function divHalfUp(n: bigint, d: bigint): bigint {
  return (2n * n + d) / (2n * d);
}

/**
 * The part of `amountMinor` (the price for the whole period) due for the time `[active.from,
 * active.to)` overlaps the period `[period.from, period.to)`; `active.to` null means still in effect.
 */
export function prorate(amountMinor: number, period: Interval, active: { from: Date; to: Date | null }): Proration {
  if (!Number.isInteger(amountMinor) || amountMinor < 0) throw new RangeError('amountMinor must be a whole number, 0 or more');
  const p0 = period.from.getTime();
  const p1 = period.to.getTime();
  if (!(p1 > p0)) throw new RangeError('the period must end after it starts');
  const a0 = Math.max(p0, active.from.getTime());
  const a1 = Math.min(p1, active.to ? active.to.getTime() : p1);
  const activeMs = Math.max(0, a1 - a0);
  const amount = activeMs === p1 - p0 ? amountMinor : Number(divHalfUp(BigInt(amountMinor) * BigInt(activeMs), BigInt(p1 - p0)));
  return { amountMinor: amount, activeSeconds: Math.floor(activeMs / 1000), periodSeconds: Math.floor((p1 - p0) / 1000) };
}

/** Several intervals of the same rider (added, dropped, added again): overlaps are counted once. */
export function prorateIntervals(amountMinor: number, period: Interval, actives: readonly { from: Date; to: Date | null }[]): Proration {
  const p0 = period.from.getTime();
  const p1 = period.to.getTime();
  if (!(p1 > p0)) throw new RangeError('the period must end after it starts');
  const clipped = actives
    .map((a) => [Math.max(p0, a.from.getTime()), Math.min(p1, a.to ? a.to.getTime() : p1)] as const)
    .filter(([s, e]) => e > s)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let curS = -Infinity;
  let curE = -Infinity;
  for (const [s, e] of clipped) {
    if (s > curE) {
      if (curE > curS) total += curE - curS;
      curS = s;
      curE = e;
    } else curE = Math.max(curE, e);
  }
  if (curE > curS) total += curE - curS;
  return prorate(amountMinor, period, { from: new Date(p0), to: new Date(p0 + total) });
}
