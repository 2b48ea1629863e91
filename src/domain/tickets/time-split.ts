import type { BusinessCalendar } from '../calendar';

export type TimeSplit = { durationSeconds: number; inCoverageSeconds: number; afterHoursSeconds: number };

/**
 * Splits worked time [start, end) into the part inside the coverage calendar's open hours and
 * the part outside it (after-hours work, billed at the plan's multiplier). Whole seconds.
 * Without a calendar (no contract) everything counts as in coverage.
 */
export function splitTimeEntry(calendar: BusinessCalendar | null, start: Date, end: Date): TimeSplit {
  if (end.getTime() < start.getTime()) throw new RangeError('a time entry cannot end before it starts');
  const durationSeconds = Math.floor(end.getTime() / 1000) - Math.floor(start.getTime() / 1000);
  if (calendar === null) return { durationSeconds, inCoverageSeconds: durationSeconds, afterHoursSeconds: 0 };
  const inCoverageSeconds = Math.min(durationSeconds, Math.max(0, calendar.businessSecondsBetween(start, end)));
  return { durationSeconds, inCoverageSeconds, afterHoursSeconds: durationSeconds - inCoverageSeconds };
}
