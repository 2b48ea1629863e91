/**
 * The dates a recurrence rule gives, expanded on the zone's wall clock: each occurrence keeps the
 * first meeting's local time of day, so a 10:00 Berlin review is at 09:00 UTC in winter and
 * 08:00 UTC in summer. The first meeting is always the first occurrence (RFC 5545 counts DTSTART
 * in COUNT); `ruleProblem` refuses a first meeting the rule itself would not give, so that every
 * calendar expands the series to the same dates.
 */
import { civilFromDayNumber, dayNumberFromCivil, daysInMonth, weekdayOfDayNumber } from '../calendar/civil-day';
import { localToInstant, type LocalDateTime } from './local-time';
import { WEEKDAYS, type ByDay, type Rule } from './rrule';

export type Series = { rule: Rule; start: LocalDateTime; timeZone: string };

// Periods searched without finding a day before a rule is taken to give no (more) dates.
const MAX_EMPTY_PERIODS = 400;
// No series is expanded past this many periods (a daily rule over 130 years).
const MAX_PERIODS = 50_000;

const jsWeekday = (d: ByDay) => (WEEKDAYS.indexOf(d.weekday) + 1) % 7;

function daysOfMonth(rule: Rule, year: number, month: number, defaultDate: number): number[] {
  const first = dayNumberFromCivil(year, month, 1);
  const length = daysInMonth(year, month);
  let days: number[] | null = null;
  if (rule.byMonthDay.length) {
    days = rule.byMonthDay.map((n) => (n > 0 ? n : length + n + 1)).filter((n) => n >= 1 && n <= length).map((n) => first + n - 1);
  }
  if (rule.byDay.length) {
    const byDay = new Set<number>();
    for (const d of rule.byDay) {
      const wd = jsWeekday(d);
      const all: number[] = [];
      for (let i = 0; i < length; i++) if (weekdayOfDayNumber(first + i) === wd) all.push(first + i);
      if (d.ordinal === null) all.forEach((x) => byDay.add(x));
      else {
        const pick = d.ordinal > 0 ? all[d.ordinal - 1] : all[all.length + d.ordinal];
        if (pick !== undefined) byDay.add(pick);
      }
    }
    days = days ? days.filter((x) => byDay.has(x)) : [...byDay];
  }
  if (!days) days = defaultDate <= length ? [first + defaultDate - 1] : [];
  return days;
}

/** The candidate days (local day numbers) of the rule's k-th period, ascending. */
function periodDays(rule: Rule, startDay: number, k: number): number[] {
  const start = civilFromDayNumber(startDay);
  const inMonths = (d: number) => !rule.byMonth.length || rule.byMonth.includes(civilFromDayNumber(d).month);
  let days: number[];
  switch (rule.freq) {
    case 'DAILY': {
      const d = startDay + k * rule.interval;
      const c = civilFromDayNumber(d);
      const length = daysInMonth(c.year, c.month);
      const dayOk = !rule.byMonthDay.length || rule.byMonthDay.some((n) => (n > 0 ? n : length + n + 1) === c.day);
      const weekdayOk = !rule.byDay.length || rule.byDay.some((b) => jsWeekday(b) === weekdayOfDayNumber(d));
      days = dayOk && weekdayOk ? [d] : [];
      break;
    }
    case 'WEEKLY': {
      const monday = startDay - ((weekdayOfDayNumber(startDay) + 6) % 7) + 7 * k * rule.interval;
      const weekdays = rule.byDay.length ? rule.byDay.map((b) => WEEKDAYS.indexOf(b.weekday)) : [(weekdayOfDayNumber(startDay) + 6) % 7];
      days = [...new Set(weekdays)].map((i) => monday + i);
      break;
    }
    case 'MONTHLY': {
      const index = start.year * 12 + (start.month - 1) + k * rule.interval;
      days = daysOfMonth(rule, Math.floor(index / 12), (index % 12) + 1, start.day);
      break;
    }
    case 'YEARLY': {
      const year = start.year + k * rule.interval;
      const months = rule.byMonth.length ? rule.byMonth : rule.byDay.length || rule.byMonthDay.length ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] : [start.month];
      days = months.flatMap((m) => daysOfMonth(rule, year, m, start.day));
      break;
    }
    default: {
      const never: never = rule.freq;
      throw new Error(`unknown frequency ${String(never)}`);
    }
  }
  return days.filter(inMonths).sort((a, b) => a - b);
}

/** Local days the rule gives from the start's period on, at or after the start day; stops when the rule runs dry. */
function* candidateDays(rule: Rule, startDay: number): Generator<number> {
  let empty = 0;
  for (let k = 0; k < MAX_PERIODS; k++) {
    const days = periodDays(rule, startDay, k).filter((d) => d >= startDay);
    if (!days.length) {
      if (++empty > MAX_EMPTY_PERIODS) return;
      continue;
    }
    empty = 0;
    yield* days;
  }
}

export type ExpandOptions = {
  /** Occurrences starting at or after this instant (default: all from the first). */
  from?: Date;
  /** Occurrences starting before this instant. */
  to?: Date;
  /** At most this many results. */
  limit?: number;
};

/** The series' occurrence starts within the options' bounds, in order; COUNT and UNTIL apply from the first meeting. */
export function expand(series: Series, options: ExpandOptions): Date[] {
  const { rule, start, timeZone } = series;
  if (options.to === undefined && options.limit === undefined && rule.count === null && rule.until === null) {
    throw new Error('an open-ended series needs `to` or `limit`');
  }
  const out: Date[] = [];
  const untilDay = rule.until?.kind === 'date' ? dayNumberOf(rule.until.date) : null;
  const untilAt = rule.until?.kind === 'instant' ? rule.until.at.getTime() : null;
  let n = 0;
  for (const day of candidateDays(rule, start.day)) {
    if (untilDay !== null && day > untilDay) break;
    const at = localToInstant(timeZone, { day, secondOfDay: start.secondOfDay });
    if (untilAt !== null && at.getTime() > untilAt) break;
    n++;
    if (rule.count !== null && n > rule.count) break;
    if (options.to && at.getTime() >= options.to.getTime()) break;
    if (options.from && at.getTime() < options.from.getTime()) continue;
    out.push(at);
    if (options.limit !== undefined && out.length >= options.limit) break;
  }
  return out;
}

function dayNumberOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return dayNumberFromCivil(y, m, d);
}

/** How many occurrences start before `before` (for a series cut short by a change of cadence). */
export function countBefore(series: Series, before: Date): number {
  return expand(series, { to: before, limit: 100_000 }).length;
}

/**
 * Why the series cannot be a cadence, or null: the rule gives no date at all, or the first
 * meeting is not on a day the rule gives (the message names the rule's first date instead).
 */
export function ruleProblem(series: Series): string | null {
  const first = candidateDays(series.rule, series.start.day).next();
  if (first.done) return 'gives no dates; check BYMONTH and BYMONTHDAY together';
  if (first.value !== series.start.day) {
    const c = civilFromDayNumber(first.value);
    const date = `${c.year}-${String(c.month).padStart(2, '0')}-${String(c.day).padStart(2, '0')}`;
    return `the first meeting must be on a day the rule gives; its first such day is ${date}`;
  }
  if (!expand(series, { limit: 1 }).length) return 'UNTIL is before the first meeting';
  return null;
}
