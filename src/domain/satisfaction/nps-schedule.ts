/**
 * When a tenant's quarterly NPS round goes out: on day `dayOfMonth` of month `monthOfQuarter` of
 * each quarter, from local midnight in the tenant's zone. Pure: the instant comes in.
 */
import { dayNumberFromCivil } from '../calendar/civil-day';
import { monthKeyAt, monthsOf, parseMonthKey, quarterBounds, quarterOfMonth, startOfLocalDay } from '../goals/period';

export type NpsSchedule = { monthOfQuarter: number; dayOfMonth: number; timeZone: string };

/** The quarter ('YYYY-Qn') an instant falls in, as the zone's wall clock reads it. */
export function quarterKeyAt(instant: Date, timeZone: string): string {
  return quarterOfMonth(monthKeyAt(instant, timeZone));
}

/** The instant the quarter's round is due: local midnight of its day. */
export function npsRoundDueAt(quarterKey: string, s: NpsSchedule): Date {
  const month = monthsOf(quarterKey)[s.monthOfQuarter - 1];
  if (!month) throw new RangeError(`month of quarter ${s.monthOfQuarter} is not 1, 2 or 3`);
  const { year, month: m } = parseMonthKey(month);
  return startOfLocalDay(dayNumberFromCivil(year, m, s.dayOfMonth), s.timeZone);
}

/** A round's links last until the quarter ends in the zone. */
export function npsRoundExpiresAt(quarterKey: string, timeZone: string): Date {
  return quarterBounds(quarterKey, timeZone).to;
}

/**
 * The quarter whose round should start now, or null: the current quarter once its day has come,
 * unless its round (or a later one) was sent. A server down on the day still sends it later in
 * the quarter; a missed quarter is not sent after it ended.
 */
export function npsRoundToStart(now: Date, s: NpsSchedule, latestQuarterSent: string | null): string | null {
  const quarter = quarterKeyAt(now, s.timeZone);
  if (latestQuarterSent !== null && latestQuarterSent >= quarter) return null;
  return now.getTime() >= npsRoundDueAt(quarter, s).getTime() ? quarter : null;
}
