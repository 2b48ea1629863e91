/**
 * A calendar's open time as sorted UTC intervals with prefix sums of open seconds, built per
 * local calendar year on first use and extended in either direction as queries reach further.
 * Business-time questions then become one or two binary searches over typed arrays.
 *
 * Intervals come from intersecting the open wall-clock periods of each local day with the
 * zone's stretches of constant offset, so a wall-clock minute skipped by a DST gap is never
 * open and one lived twice at a fall-back is open twice. Intervals are half-open [start, end),
 * never empty, never span two local days or two offsets, and adjacent ones are not merged (an
 * instant at which one ends and the next starts behaves as open, which is all callers need).
 */

import { dayNumberFromCivil, civilFromDayNumber, SECONDS_PER_DAY, weekdayOfDayNumber } from './civil-day';
import type { HolidayRules } from './holidays';
import type { WeekTemplate } from './week-template';
import { MAX_SUPPORTED_YEAR, MAX_ZONE_OFFSET_SECONDS, MIN_SUPPORTED_YEAR, offsetSpans, type OffsetSpans } from './zone';

interface YearChunk {
  starts: number[];
  ends: number[];
  days: number[];
  offsets: number[];
}

/** Zone rules are shared by every calendar in the zone; compute each year's stretches once. */
const spanCache = new Map<string, OffsetSpans>();

function yearSpans(timeZone: string, year: number, fromUtc: number, toUtc: number): OffsetSpans {
  const key = `${timeZone}/${year}`;
  let spans = spanCache.get(key);
  if (!spans) {
    spans = offsetSpans(timeZone, fromUtc, toUtc);
    spanCache.set(key, spans);
  }
  return spans;
}

/** The year has no open time at all after this many consecutive empty years: give up. */
const MAX_EMPTY_YEARS = 10;

export class NeverOpenError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'NeverOpenError';
  }
}

export class IntervalIndex {
  starts = new Float64Array(0);
  ends = new Float64Array(0);
  /** open seconds before interval i (relative to the first covered interval) */
  cumStart = new Float64Array(0);
  /** open seconds up to the end of interval i */
  cumEnd = new Float64Array(0);
  /** local day number of interval i */
  days = new Int32Array(0);
  /** zone offset (wall - UTC) in force during interval i */
  offsets = new Int32Array(0);
  /** position of interval i's day among the covered business days */
  businessDayOf = new Int32Array(0);
  /** first interval of each covered business day */
  businessDayFirst = new Int32Array(0);
  count = 0;
  businessDayCount = 0;
  total = 0;
  /**
   * For each UTC day since `bucketOrigin`, the first interval ending after that day's start:
   * turns "first interval ending after t" into a lookup plus a scan of at most a day's periods.
   */
  dayBuckets = new Int32Array(0);
  bucketOrigin = 0;
  /** UTC seconds [coveredFrom, coveredTo) whose local day is certainly inside the built years */
  coveredFrom = 0;
  coveredTo = 0;

  private firstYear = 0;
  private lastYear = -1;
  private readonly chunks = new Map<number, YearChunk>();

  constructor(
    private readonly timeZone: string,
    private readonly week: WeekTemplate,
    private readonly holidays: HolidayRules,
  ) {}

  /** Makes `t` (UTC seconds) a valid query point: every open instant near it is indexed. */
  ensureCovers(t: number): void {
    if (t >= this.coveredFrom && t < this.coveredTo) return;
    if (this.lastYear < this.firstYear) {
      const year = civilFromDayNumber(Math.floor(t / SECONDS_PER_DAY)).year;
      this.checkYear(year);
      this.firstYear = Math.max(MIN_SUPPORTED_YEAR, year - 1);
      this.lastYear = Math.min(MAX_SUPPORTED_YEAR, year + 1);
    }
    while (t < dayNumberFromCivil(this.firstYear, 1, 1) * SECONDS_PER_DAY + MAX_ZONE_OFFSET_SECONDS) {
      this.checkYear(this.firstYear - 1);
      this.firstYear -= 1;
    }
    while (t >= dayNumberFromCivil(this.lastYear + 1, 1, 1) * SECONDS_PER_DAY - MAX_ZONE_OFFSET_SECONDS) {
      this.checkYear(this.lastYear + 1);
      this.lastYear += 1;
    }
    this.rebuild();
  }

  /** Adds years after the covered ones until at least one more open interval exists. */
  extendForward(): void {
    for (let empty = 0; empty < MAX_EMPTY_YEARS; empty += 1) {
      this.checkYear(this.lastYear + 1);
      this.lastYear += 1;
      if (this.chunk(this.lastYear).starts.length > 0) {
        this.rebuild();
        return;
      }
    }
    this.rebuild();
    throw new NeverOpenError(`calendar has no open time in the ${MAX_EMPTY_YEARS} years after ${this.lastYear - MAX_EMPTY_YEARS}`);
  }

  /** Adds years before the covered ones until at least one more open interval exists. */
  extendBackward(): void {
    for (let empty = 0; empty < MAX_EMPTY_YEARS; empty += 1) {
      this.checkYear(this.firstYear - 1);
      this.firstYear -= 1;
      if (this.chunk(this.firstYear).starts.length > 0) {
        this.rebuild();
        return;
      }
    }
    this.rebuild();
    throw new NeverOpenError(`calendar has no open time in the ${MAX_EMPTY_YEARS} years before ${this.firstYear + MAX_EMPTY_YEARS}`);
  }

  /** First interval whose end is after `t` (count when none). */
  firstEndingAfter(t: number): number {
    const ends = this.ends;
    const bucket = Math.floor((t - this.bucketOrigin) / SECONDS_PER_DAY);
    if (bucket >= 0 && bucket < this.dayBuckets.length) {
      let i = this.dayBuckets[bucket]!;
      const count = this.count;
      while (i < count && ends[i]! <= t) i += 1;
      return i;
    }
    let low = 0;
    let high = this.count;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (ends[mid]! > t) high = mid;
      else low = mid + 1;
    }
    return low;
  }

  /** Open seconds from the first covered interval up to `t`; `t` must be covered. */
  openSecondsBefore(t: number): number {
    const i = this.firstEndingAfter(t);
    if (i === this.count) return this.total;
    const start = this.starts[i]!;
    return t > start ? this.cumStart[i]! + (t - start) : this.cumStart[i]!;
  }

  /** Earliest instant at which the prefix sum reaches `target` (0 < target <= total). */
  instantReaching(target: number): number {
    const cumEnd = this.cumEnd;
    let low = 0;
    let high = this.count - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (cumEnd[mid]! >= target) high = mid;
      else low = mid + 1;
    }
    return this.starts[low]! + (target - this.cumStart[low]!);
  }

  /** Latest instant at which the prefix sum is `target` (0 <= target <= total). */
  latestInstantAt(target: number): number {
    const cumStart = this.cumStart;
    let low = 0;
    let high = this.count - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (cumStart[mid]! <= target) low = mid;
      else high = mid - 1;
    }
    return this.starts[low]! + (target - this.cumStart[low]!);
  }

  private checkYear(year: number): void {
    if (year < MIN_SUPPORTED_YEAR || year > MAX_SUPPORTED_YEAR) {
      throw new RangeError(`instant outside the supported years ${MIN_SUPPORTED_YEAR}-${MAX_SUPPORTED_YEAR}`);
    }
  }

  private chunk(year: number): YearChunk {
    let chunk = this.chunks.get(year);
    if (!chunk) {
      chunk = this.buildYear(year);
      this.chunks.set(year, chunk);
    }
    return chunk;
  }

  private buildYear(year: number): YearChunk {
    const firstDay = dayNumberFromCivil(year, 1, 1);
    const endDay = dayNumberFromCivil(year + 1, 1, 1);
    const fromUtc = firstDay * SECONDS_PER_DAY - MAX_ZONE_OFFSET_SECONDS;
    const toUtc = endDay * SECONDS_PER_DAY + MAX_ZONE_OFFSET_SECONDS;

    // Open wall-clock intervals, as seconds of a "wall epoch" (local time read as if UTC).
    const wallStarts: number[] = [];
    const wallEnds: number[] = [];
    const wallDays: number[] = [];
    for (let day = firstDay; day < endDay; day += 1) {
      const periods = this.week[weekdayOfDayNumber(day)] ?? [];
      if (periods.length === 0 || this.holidays.isHoliday(day)) continue;
      for (let p = 0; p < periods.length; p += 2) {
        wallStarts.push(day * SECONDS_PER_DAY + periods[p]!);
        wallEnds.push(day * SECONDS_PER_DAY + periods[p + 1]!);
        wallDays.push(day);
      }
    }

    const chunk: YearChunk = { starts: [], ends: [], days: [], offsets: [] };
    const spans = yearSpans(this.timeZone, year, fromUtc, toUtc);
    for (let s = 0; s < spans.starts.length; s += 1) {
      const offset = spans.offsets[s]!;
      const wallFrom = spans.starts[s]! + offset;
      const wallTo = (s + 1 < spans.starts.length ? spans.starts[s + 1]! : toUtc) + offset;
      // After a fall-back the wall clock repeats, so each stretch searches from scratch.
      let low = 0;
      let high = wallEnds.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (wallEnds[mid]! > wallFrom) high = mid;
        else low = mid + 1;
      }
      for (let w = low; w < wallStarts.length && wallStarts[w]! < wallTo; w += 1) {
        const start = Math.max(wallStarts[w]!, wallFrom) - offset;
        const end = Math.min(wallEnds[w]!, wallTo) - offset;
        if (end > start) {
          chunk.starts.push(start);
          chunk.ends.push(end);
          chunk.days.push(wallDays[w]!);
          chunk.offsets.push(offset);
        }
      }
    }
    return chunk;
  }

  private rebuild(): void {
    let count = 0;
    for (let year = this.firstYear; year <= this.lastYear; year += 1) count += this.chunk(year).starts.length;
    const starts = new Float64Array(count);
    const ends = new Float64Array(count);
    const cumStart = new Float64Array(count);
    const cumEnd = new Float64Array(count);
    const days = new Int32Array(count);
    const offsets = new Int32Array(count);
    const businessDayOf = new Int32Array(count);
    const businessDayFirst: number[] = [];
    let i = 0;
    let total = 0;
    let previousDay = Number.NaN;
    for (let year = this.firstYear; year <= this.lastYear; year += 1) {
      const chunk = this.chunk(year);
      for (let k = 0; k < chunk.starts.length; k += 1) {
        const start = chunk.starts[k]!;
        const end = chunk.ends[k]!;
        const day = chunk.days[k]!;
        starts[i] = start;
        ends[i] = end;
        cumStart[i] = total;
        total += end - start;
        cumEnd[i] = total;
        days[i] = day;
        offsets[i] = chunk.offsets[k]!;
        if (day !== previousDay) {
          businessDayFirst.push(i);
          previousDay = day;
        }
        businessDayOf[i] = businessDayFirst.length - 1;
        i += 1;
      }
    }
    this.starts = starts;
    this.ends = ends;
    this.cumStart = cumStart;
    this.cumEnd = cumEnd;
    this.days = days;
    this.offsets = offsets;
    this.businessDayOf = businessDayOf;
    this.businessDayFirst = Int32Array.from(businessDayFirst);
    this.businessDayCount = businessDayFirst.length;
    this.count = count;
    this.total = total;
    this.coveredFrom = dayNumberFromCivil(this.firstYear, 1, 1) * SECONDS_PER_DAY + MAX_ZONE_OFFSET_SECONDS;
    this.coveredTo = dayNumberFromCivil(this.lastYear + 1, 1, 1) * SECONDS_PER_DAY - MAX_ZONE_OFFSET_SECONDS;
    this.bucketOrigin = Math.floor(this.coveredFrom / SECONDS_PER_DAY) * SECONDS_PER_DAY;
    const bucketCount = Math.ceil((this.coveredTo - this.bucketOrigin) / SECONDS_PER_DAY);
    const dayBuckets = new Int32Array(bucketCount);
    let next = 0;
    for (let b = 0; b < bucketCount; b += 1) {
      const dayStart = this.bucketOrigin + b * SECONDS_PER_DAY;
      while (next < count && ends[next]! <= dayStart) next += 1;
      dayBuckets[b] = next;
    }
    this.dayBuckets = dayBuckets;
  }
}
