/**
 * The periods an executive summary covers: a month ('2026-10') or a quarter ('2026-Q3') in the
 * zone of the client's contract calendar, the three periods before it (the trend), and the
 * quarter whose NPS the summary reports (the period's own quarter once it has ended, else the one
 * before). Keys and bounds come from the goals' period module, so a summary's October is the
 * scorecard's October.
 */
import { isMonthKey, isQuarterKey, monthsOf, parseMonthKey, parseQuarterKey, periodBounds, previousMonthKey, quarterOfMonth, isQuarterEnd } from '../goals/period';
import type { Period } from '../metrics/metric-types';

export type PeriodKind = 'month' | 'quarter';

export function periodKind(key: string): PeriodKind {
  if (isQuarterKey(key)) return 'quarter';
  if (isMonthKey(key)) return 'month';
  throw new RangeError(`'${key}' is not a period: expected a month YYYY-MM or a quarter YYYY-Qn`);
}

/** Whether the key is a month or quarter the period module accepts (years in range included). */
export function isPeriodKey(key: string): boolean {
  try {
    if (isQuarterKey(key)) parseQuarterKey(key);
    else if (isMonthKey(key)) parseMonthKey(key);
    else return false;
    return true;
  } catch {
    return false;
  }
}

export function previousQuarterKey(key: string): string {
  const { year, quarter } = parseQuarterKey(key);
  return quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`;
}

export function previousPeriodKey(key: string): string {
  return periodKind(key) === 'quarter' ? previousQuarterKey(key) : previousMonthKey(key);
}

/** The period and the `count - 1` before it, oldest first: ['2026-Q1', ..., '2026-Q4']. */
export function trendKeys(key: string, count = 4): string[] {
  const keys = [key];
  while (keys.length < count) keys.unshift(previousPeriodKey(keys[0]!));
  return keys;
}

/** The months of the period: one for a month, three for a quarter. */
export function monthsOfPeriod(key: string): string[] {
  return periodKind(key) === 'quarter' ? [...monthsOf(key)] : [key];
}

/** The quarter whose NPS the summary reports: the quarter itself, or the last one ended by the month's end. */
export function npsQuarterOf(key: string): string {
  if (periodKind(key) === 'quarter') return key;
  const q = quarterOfMonth(key);
  return isQuarterEnd(key) ? q : previousQuarterKey(q);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "October 2026", "Q3 2026 (July to September)". */
export function periodLabel(key: string, long = false): string {
  if (periodKind(key) === 'quarter') {
    const { year, quarter } = parseQuarterKey(key);
    const first = MONTHS[(quarter - 1) * 3]!;
    const last = MONTHS[(quarter - 1) * 3 + 2]!;
    return long ? `Q${quarter} ${year} (${first} to ${last})` : `Q${quarter} ${year}`;
  }
  const { year, month } = parseMonthKey(key);
  return long ? `${MONTHS[month - 1]} ${year}` : `${MONTHS[month - 1]!.slice(0, 3)} ${year}`;
}

/** Bounds of each key in the zone. */
export function boundsOfKeys(keys: readonly string[], timeZone: string): Period[] {
  return keys.map((k) => periodBounds(k, timeZone));
}
