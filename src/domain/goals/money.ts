/**
 * Money in integer minor units of a currency. Percentages of money are computed exactly (BigInt)
 * and rounded once, half up away from zero: 5 % of 1,234.50 is 61.725 -> 61.73, of -1,234.50 is
 * -61.73. Percentages have at most 2 decimals, so they are whole hundredths of a percent.
 */

/** Half-up (away from zero) integer division; `denominator` > 0. */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('the denominator must be positive');
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  const q = (2n * n + denominator) / (2n * denominator);
  return negative ? -q : q;
}

/** A percentage as whole hundredths of a percent (2.5 -> 250); refused with more than 2 decimals. */
export function percentHundredths(percent: number): number {
  if (!Number.isFinite(percent)) throw new RangeError(`percent must be a number, got ${percent}`);
  const hundredths = Math.round(percent * 100);
  if (Math.abs(percent * 100 - hundredths) > 1e-6) throw new RangeError(`percent ${percent} has more than 2 decimals`);
  return hundredths;
}

function checkMinor(amountMinor: number, name: string): void {
  if (!Number.isSafeInteger(amountMinor)) throw new RangeError(`${name} must be a whole number of minor units, got ${amountMinor}`);
}

/** `amountMinor * percent / 100`, rounded half up away from zero. */
export function percentOfMinor(amountMinor: number, percent: number): number {
  checkMinor(amountMinor, 'amountMinor');
  return Number(divideHalfUp(BigInt(amountMinor) * BigInt(percentHundredths(percent)), 10_000n));
}

/** `amountMinor * numerator / denominator`, rounded half up away from zero (denominator > 0). */
export function scaleMinor(amountMinor: number, numerator: number, denominator: number): number {
  checkMinor(amountMinor, 'amountMinor');
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator)) throw new RangeError('scaleMinor takes whole numbers');
  return Number(divideHalfUp(BigInt(amountMinor) * BigInt(numerator), BigInt(denominator)));
}

const digitsCache = new Map<string, number>();

/** Digits after the decimal point of a currency's minor unit (EUR 2, JPY 0, KWD 3). */
export function minorDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2; // not an ISO code Intl knows: show cents
    }
    digitsCache.set(currency, digits);
  }
  return digits;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Major units without the currency: 400000 EUR -> "4,000.00"; -15000 -> "-150.00". */
export function formatMajor(amountMinor: number, currency: string): string {
  checkMinor(amountMinor, 'amountMinor');
  const digits = minorDigits(currency);
  const negative = amountMinor < 0;
  const text = String(Math.abs(amountMinor)).padStart(digits + 1, '0');
  const whole = groupThousands(text.slice(0, text.length - digits));
  const fraction = digits === 0 ? '' : `.${text.slice(text.length - digits)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** "4,000.00 EUR", "-150.00 EUR", "1,000 JPY": for explanations and notes. */
export function formatMinor(amountMinor: number, currency: string): string {
  return `${formatMajor(amountMinor, currency)} ${currency}`;
}

/** "5 %", "2.5 %", "12.75 %". */
export function formatPercent(percent: number): string {
  return `${String(percentHundredths(percent) / 100)} %`;
}
