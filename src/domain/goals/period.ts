/**
 * Goal periods: months ('YYYY-MM') and quarters ('YYYY-Qn') in the time zone of the contract's
 * calendar. A month runs from local midnight of its first day to local midnight of the next
 * month's first day, so a month with a DST change is an hour longer or shorter than its days.
 */
import { civilFromDayNumber, dayNumberFromCivil, daysInMonth, SECONDS_PER_DAY } from '../calendar/civil-day';
import { isKnownTimeZone, MAX_SUPPORTED_YEAR, MAX_ZONE_OFFSET_SECONDS, MIN_SUPPORTED_YEAR, offsetSpans, zoneOffsetAt } from '../calendar/zone';
import type { Period } from '../metrics/metric-types';

const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER_KEY = /^(\d{4})-Q([1-4])$/;

export type MonthParts = { year: number; month: number };
export type QuarterParts = { year: number; quarter: 1 | 2 | 3 | 4 };

function checkYear(year: number, key: string): void {
  if (year < MIN_SUPPORTED_YEAR || year > MAX_SUPPORTED_YEAR) throw new RangeError(`'${key}': years ${MIN_SUPPORTED_YEAR}..${MAX_SUPPORTED_YEAR} only`);
}

export function parseMonthKey(key: string): MonthParts {
  const match = MONTH_KEY.exec(key);
  if (!match) throw new RangeError(`'${key}' is not a month: expected YYYY-MM, e.g. 2026-10`);
  const year = Number(match[1]);
  checkYear(year, key);
  return { year, month: Number(match[2]) };
}

export function parseQuarterKey(key: string): QuarterParts {
  const match = QUARTER_KEY.exec(key);
  if (!match) throw new RangeError(`'${key}' is not a quarter: expected YYYY-Qn with n 1..4, e.g. 2026-Q4`);
  const year = Number(match[1]);
  checkYear(year, key);
  return { year, quarter: Number(match[2]) as QuarterParts['quarter'] };
}

export const isMonthKey = (key: string): boolean => MONTH_KEY.test(key);
export const isQuarterKey = (key: string): boolean => QUARTER_KEY.test(key);

export function monthKey(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function previousMonthKey(key: string): string {
  const { year, month } = parseMonthKey(key);
  return month === 1 ? monthKey(year - 1, 12) : monthKey(year, month - 1);
}

export function nextMonthKey(key: string): string {
  const { year, month } = parseMonthKey(key);
  return month === 12 ? monthKey(year + 1, 1) : monthKey(year, month + 1);
}

/** '2026-11' -> '2026-Q4'. */
export function quarterOfMonth(key: string): string {
  const { year, month } = parseMonthKey(key);
  return `${year}-Q${Math.ceil(month / 3)}`;
}

/** Whether the month ends a quarter (March, June, September, December). */
export function isQuarterEnd(key: string): boolean {
  return parseMonthKey(key).month % 3 === 0;
}

/** '2026-Q4' -> ['2026-10', '2026-11', '2026-12']. */
export function monthsOf(quarterKey: string): [string, string, string] {
  const { year, quarter } = parseQuarterKey(quarterKey);
  const first = (quarter - 1) * 3 + 1;
  return [monthKey(year, first), monthKey(year, first + 1), monthKey(year, first + 2)];
}

/** The month's last day as a civil date, '2026-02-28'. */
export function lastDayOfMonth(key: string): string {
  const { year, month } = parseMonthKey(key);
  return `${key}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
}

function checkZone(timeZone: string): void {
  if (!isKnownTimeZone(timeZone)) throw new RangeError(`'${timeZone}' is not a known IANA time zone`);
}

/**
 * The first instant of a local day: its midnight, or, where a DST change skips midnight, the
 * instant the wall clock jumps past it; where midnight happens twice, the first one. That is the
 * earliest instant whose wall-clock reading is at or after the day's 00:00.
 */
export function startOfLocalDay(dayNumber: number, timeZone: string): Date {
  const wall = dayNumber * SECONDS_PER_DAY;
  const from = wall - MAX_ZONE_OFFSET_SECONDS - 1;
  const to = wall + MAX_ZONE_OFFSET_SECONDS + 1;
  // Almost every day: one offset all around it, and midnight is simply wall - offset.
  const offset = zoneOffsetAt(timeZone, from);
  if (zoneOffsetAt(timeZone, to) === offset && zoneOffsetAt(timeZone, wall - offset) === offset) return new Date((wall - offset) * 1000);
  const spans = offsetSpans(timeZone, from, to);
  for (let i = 0; i < spans.starts.length; i += 1) {
    const start = spans.starts[i]!;
    const end = i + 1 < spans.starts.length ? spans.starts[i + 1]! : to;
    const candidate = Math.max(start, wall - spans.offsets[i]!);
    if (candidate < end) return new Date(candidate * 1000);
  }
  throw new RangeError(`no instant starts day ${dayNumber} in ${timeZone}`);
}

/** [local midnight of the 1st, local midnight of the next month's 1st) in the zone. */
export function monthBounds(key: string, timeZone: string): Period {
  const { year, month } = parseMonthKey(key);
  checkZone(timeZone);
  const first = dayNumberFromCivil(year, month, 1);
  const next = first + daysInMonth(year, month);
  return { key, from: startOfLocalDay(first, timeZone), to: startOfLocalDay(next, timeZone) };
}

/** From the first month's start to the last month's end. */
export function quarterBounds(key: string, timeZone: string): Period {
  const [first, , last] = monthsOf(key);
  return { key, from: monthBounds(first, timeZone).from, to: monthBounds(last, timeZone).to };
}

/** Bounds of a month ('YYYY-MM') or quarter ('YYYY-Qn') key. */
export function periodBounds(key: string, timeZone: string): Period {
  if (isQuarterKey(key)) return quarterBounds(key, timeZone);
  if (isMonthKey(key)) return monthBounds(key, timeZone);
  throw new RangeError(`'${key}' is not a period: expected a month YYYY-MM or a quarter YYYY-Qn`);
}

/** The month an instant falls in, as the zone's wall clock reads it. */
export function monthKeyAt(instant: Date, timeZone: string): string {
  checkZone(timeZone);
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('monthKeyAt needs a valid date');
  const seconds = Math.floor(ms / 1000);
  const day = Math.floor((seconds + zoneOffsetAt(timeZone, seconds)) / SECONDS_PER_DAY);
  const { year, month } = civilFromDayNumber(day);
  return monthKey(year, month);
}
