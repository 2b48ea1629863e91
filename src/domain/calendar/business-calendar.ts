/**
 * Business-time arithmetic on one calendar. Pure: no clock reads, no I/O; every answer depends
 * only on the calendar definition and the arguments.
 *
 * Precision: instants are taken to the whole second, sub-second parts dropped (floored toward
 * the past), so results are always whole seconds. Two answers return an argument as given,
 * milliseconds included: `addBusinessTime(start, 0)` returns `start`, and `nextOpen(at)` returns
 * `at` when the calendar is open at `at`.
 */

import { parseCalendarDefinition, type CalendarDefinition } from './calendar-schema';
import { SECONDS_PER_DAY } from './civil-day';
import { HolidayRules } from './holidays';
import { IntervalIndex, NeverOpenError } from './interval-index';
import { compileWeekTemplate, weekHasOpenTime } from './week-template';
import { canonicalTimeZone, formatIsoInZone, zoneOffsetAt } from './zone';

export interface Pause {
  from: Date;
  to: Date;
}

export interface BusinessTimeOptions {
  /** Intervals during which no business time elapses; may overlap and come in any order. */
  pauses?: readonly Pause[];
}

export interface BusinessDaysOptions {
  /** Return the target day's last closing instant instead of the start's time of day. */
  endOfDay?: boolean;
}

function toSeconds(date: Date, name: string): number {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`${name} is not a valid date`);
  return Math.floor(ms / 1000);
}

function checkWholeNumber(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be a whole number, got ${value}`);
}

export class BusinessCalendar {
  readonly timeZone: string;
  readonly definition: CalendarDefinition;
  private readonly index: IntervalIndex;
  private readonly holidays: HolidayRules;
  private readonly everOpen: boolean;
  /** Reused buffer of normalised pauses as [from0, to0, from1, to1, ...] in UTC seconds. */
  private pauseBuffer = new Float64Array(32);

  private constructor(definition: CalendarDefinition) {
    this.definition = definition;
    this.timeZone = canonicalTimeZone(definition.timeZone);
    const week = compileWeekTemplate(definition.week);
    this.everOpen = weekHasOpenTime(week);
    this.holidays = new HolidayRules(definition.holidays ?? [], definition.holidaySets ?? []);
    this.index = new IntervalIndex(this.timeZone, week, this.holidays);
  }

  /** Validates (throws `CalendarError`) and compiles a calendar definition. */
  static from(input: unknown): BusinessCalendar {
    return new BusinessCalendar(parseCalendarDefinition(input));
  }

  toJSON(): CalendarDefinition {
    return this.definition;
  }

  /**
   * The earliest instant at which `seconds` of open, unpaused time have elapsed since `start`
   * (a start outside open hours counts from the next opening). Negative `seconds` go backwards:
   * the latest instant before `start` from which that much business time leads to `start`.
   */
  addBusinessTime(start: Date, seconds: number, opts?: BusinessTimeOptions): Date {
    checkWholeNumber(seconds, 'seconds');
    if (seconds === 0) return new Date(start.getTime());
    const from = toSeconds(start, 'start');
    const pauses = opts?.pauses;
    if (pauses === undefined || pauses.length === 0) return new Date(this.addSeconds(from, seconds) * 1000);
    const pauseCount = this.normalisePauses(pauses);
    return new Date(this.addSecondsPaused(from, seconds, pauseCount) * 1000);
  }

  /**
   * Open, unpaused seconds between two instants. When `to` precedes `from` the answer is the
   * negative of `businessSecondsBetween(to, from)`.
   */
  businessSecondsBetween(from: Date, to: Date, opts?: BusinessTimeOptions): number {
    const a = toSeconds(from, 'from');
    const b = toSeconds(to, 'to');
    if (b < a) return -this.businessSecondsBetween(to, from, opts);
    const pauses = opts?.pauses;
    if (pauses === undefined || pauses.length === 0) return this.between(a, b);
    const pauseCount = this.normalisePauses(pauses);
    return this.betweenPaused(a, b, pauseCount);
  }

  /**
   * The start's local time of day on the N-th business day after (N < 0: before) the start's
   * day, clamped into that day's open hours; with `endOfDay`, that day's last closing instant.
   * A start outside open hours first moves to the next opening; N = 0 keeps that day.
   */
  addBusinessDays(start: Date, days: number, opts?: BusinessDaysOptions): Date {
    checkWholeNumber(days, 'days');
    this.assertEverOpen();
    const from = toSeconds(start, 'start');
    const index = this.index;
    for (;;) {
      index.ensureCovers(from);
      const i = index.firstEndingAfter(from);
      if (i === index.count) {
        index.extendForward();
        continue;
      }
      const opened = Math.max(from, index.starts[i]!);
      const position = index.businessDayOf[i]! + days;
      if (position < 0) {
        index.extendBackward();
        continue;
      }
      if (position >= index.businessDayCount) {
        index.extendForward();
        continue;
      }
      const first = index.businessDayFirst[position]!;
      const last = (position + 1 < index.businessDayCount ? index.businessDayFirst[position + 1]! : index.count) - 1;
      if (opts?.endOfDay === true) return new Date(index.ends[last]! * 1000);
      if (days === 0) return new Date(opened * 1000);
      const timeOfDay = opened + index.offsets[i]! - index.days[i]! * SECONDS_PER_DAY;
      const wall = index.days[first]! * SECONDS_PER_DAY + timeOfDay;
      // Open hours count as closed intervals here: a start at 12:00 may end at a 12:00 closing.
      for (let k = first; k <= last; k += 1) {
        const wallStart = index.starts[k]! + index.offsets[k]!;
        const wallEnd = index.ends[k]! + index.offsets[k]!;
        if (wall >= wallStart && wall <= wallEnd) return new Date((index.starts[k]! + (wall - wallStart)) * 1000);
      }
      for (let k = first; k <= last; k += 1) {
        if (index.starts[k]! + index.offsets[k]! > wall) return new Date(index.starts[k]! * 1000);
      }
      return new Date(index.ends[last]! * 1000);
    }
  }

  isOpen(at: Date): boolean {
    const t = toSeconds(at, 'at');
    this.index.ensureCovers(t);
    const i = this.index.firstEndingAfter(t);
    return i < this.index.count && this.index.starts[i]! <= t;
  }

  /** Whether the local day of `at` (in the calendar's zone) is a holiday. */
  isHoliday(at: Date): boolean {
    const t = toSeconds(at, 'at');
    return this.holidays.isHoliday(Math.floor((t + zoneOffsetAt(this.timeZone, t)) / SECONDS_PER_DAY));
  }

  /** `at` itself when open, otherwise the next opening instant. */
  nextOpen(at: Date): Date {
    this.assertEverOpen();
    const t = toSeconds(at, 'at');
    const index = this.index;
    for (;;) {
      index.ensureCovers(t);
      const i = index.firstEndingAfter(t);
      if (i === index.count) {
        index.extendForward();
        continue;
      }
      const start = index.starts[i]!;
      return start <= t ? new Date(at.getTime()) : new Date(start * 1000);
    }
  }

  /** ISO 8601 with the calendar zone's offset, e.g. `2026-03-30T09:00:00+02:00`. */
  formatLocal(at: Date): string {
    return formatIsoInZone(this.timeZone, at.getTime());
  }

  private assertEverOpen(): void {
    if (!this.everOpen) throw new NeverOpenError('calendar has no open hours in any day of the week');
  }

  private addSeconds(from: number, seconds: number): number {
    this.assertEverOpen();
    const index = this.index;
    for (;;) {
      index.ensureCovers(from);
      const target = index.openSecondsBefore(from) + seconds;
      if (seconds > 0) {
        if (target <= index.total) return index.instantReaching(target);
        index.extendForward();
      } else {
        if (target >= 0 && index.count > 0) return index.latestInstantAt(target);
        index.extendBackward();
      }
    }
  }

  private between(a: number, b: number): number {
    const index = this.index;
    index.ensureCovers(a);
    index.ensureCovers(b);
    // Covering b may have added years before a's; read both prefix sums after both calls.
    return index.openSecondsBefore(b) - index.openSecondsBefore(a);
  }

  private addSecondsPaused(from: number, seconds: number, pauseCount: number): number {
    const pauses = this.pauseBuffer;
    let current = from;
    if (seconds > 0) {
      let remaining = seconds;
      for (let k = 0; k < pauseCount; k += 1) {
        const pauseFrom = pauses[2 * k]!;
        const pauseTo = pauses[2 * k + 1]!;
        if (pauseTo <= current) continue;
        if (pauseFrom > current) {
          const candidate = this.addSeconds(current, remaining);
          if (candidate <= pauseFrom) return candidate;
          remaining -= this.between(current, pauseFrom);
        }
        current = pauseTo;
      }
      return this.addSeconds(current, remaining);
    }
    let remaining = -seconds;
    for (let k = pauseCount - 1; k >= 0; k -= 1) {
      const pauseFrom = pauses[2 * k]!;
      const pauseTo = pauses[2 * k + 1]!;
      if (pauseFrom >= current) continue;
      if (pauseTo < current) {
        const candidate = this.addSeconds(current, -remaining);
        if (candidate >= pauseTo) return candidate;
        remaining -= this.between(pauseTo, current);
      }
      current = pauseFrom;
    }
    return this.addSeconds(current, -remaining);
  }

  private betweenPaused(a: number, b: number, pauseCount: number): number {
    const pauses = this.pauseBuffer;
    let open = this.between(a, b);
    for (let k = 0; k < pauseCount; k += 1) {
      const pauseFrom = Math.max(pauses[2 * k]!, a);
      const pauseTo = Math.min(pauses[2 * k + 1]!, b);
      if (pauseFrom >= b) break;
      if (pauseTo > pauseFrom) open -= this.between(pauseFrom, pauseTo);
    }
    return open;
  }

  /** Fills `pauseBuffer` with the pauses sorted and merged; returns how many remain. */
  private normalisePauses(pauses: readonly Pause[]): number {
    if (this.pauseBuffer.length < pauses.length * 2) this.pauseBuffer = new Float64Array(pauses.length * 2);
    const buffer = this.pauseBuffer;
    let count = 0;
    let sorted = true;
    for (let k = 0; k < pauses.length; k += 1) {
      const pause = pauses[k]!;
      const from = toSeconds(pause.from, `pauses[${k}].from`);
      const to = toSeconds(pause.to, `pauses[${k}].to`);
      if (to < from) throw new RangeError(`pauses[${k}] ends before it starts`);
      if (to === from) continue;
      if (count > 0 && from < buffer[2 * count - 2]!) sorted = false;
      buffer[2 * count] = from;
      buffer[2 * count + 1] = to;
      count += 1;
    }
    if (!sorted) {
      // Insertion sort of pairs: pause lists are short and this keeps the buffer allocation-free.
      for (let k = 1; k < count; k += 1) {
        const from = buffer[2 * k]!;
        const to = buffer[2 * k + 1]!;
        let j = k - 1;
        while (j >= 0 && buffer[2 * j]! > from) {
          buffer[2 * j + 2] = buffer[2 * j]!;
          buffer[2 * j + 3] = buffer[2 * j + 1]!;
          j -= 1;
        }
        buffer[2 * j + 2] = from;
        buffer[2 * j + 3] = to;
      }
    }
    let merged = 0;
    for (let k = 0; k < count; k += 1) {
      const from = buffer[2 * k]!;
      const to = buffer[2 * k + 1]!;
      if (merged > 0 && from <= buffer[2 * merged - 1]!) {
        if (to > buffer[2 * merged - 1]!) buffer[2 * merged - 1] = to;
      } else {
        buffer[2 * merged] = from;
        buffer[2 * merged + 1] = to;
        merged += 1;
      }
    }
    return merged;
  }
}
