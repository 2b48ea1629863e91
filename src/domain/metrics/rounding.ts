/**
 * Figures are rounded half up to 2 decimals from exact integer ratios (seconds, counts), so a
 * figure never depends on floating-point drift: 1 of 3 tickets is 33.33 %, 2 of 3 is 66.67 %.
 */

/** `numerator / denominator` rounded half up to 2 decimals; both non-negative integers. */
export function ratio2(numerator: number, denominator: number): number {
  if (!(denominator > 0)) throw new RangeError(`cannot divide by ${denominator}`);
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || numerator < 0) {
    // Not whole numbers (never the case for seconds and counts): plain rounding is the best we can do.
    return Math.round((numerator / denominator) * 100) / 100;
  }
  // Half up: floor((200 n + d) / 2d). In doubles while every intermediate is an exact integer
  // (the common case, and allocation-free); in BigInt beyond that.
  const top = numerator * 200 + denominator;
  if (top <= Number.MAX_SAFE_INTEGER && denominator * 2 <= Number.MAX_SAFE_INTEGER) return Math.floor(top / (2 * denominator)) / 100;
  const d = BigInt(denominator);
  return Number((BigInt(numerator) * 200n + d) / (2n * d)) / 100;
}

/** `part` of `whole` as a percentage, 2 decimals; null when there is nothing to count. */
export function percent2(part: number, whole: number): number | null {
  return whole === 0 ? null : ratio2(part * 100, whole);
}

/** Seconds as minutes, 2 decimals. */
export const minutes2 = (seconds: number): number => ratio2(seconds, 60);

/** Seconds as hours, 2 decimals. */
export const hours2 = (seconds: number): number => ratio2(seconds, 3600);
