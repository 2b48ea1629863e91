/** Short phrases for contribution notes, so a drill-down reads as sentences, not numbers. */
import type { BusinessCalendar } from '../calendar';
import { formatDayNumber, SECONDS_PER_DAY } from '../calendar/civil-day';
import { zoneOffsetAt } from '../calendar/zone';

/** Seconds of business time as "42 min", "3 h", "3 h 12 min" (whole minutes, rounded down). */
export function durationWords(seconds: number): string {
  const minutes = Math.floor(Math.max(0, seconds) / 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/**
 * Offsets per zone in 6-hour buckets: a bucket whose two ends have the same offset has it
 * throughout (zone rules never change twice within 6 hours, as the calendar module assumes too).
 * Notes name instants for thousands of tickets; asking Intl for each would dominate a scorecard.
 */
const BUCKET_SECONDS = 6 * 3600;
const bucketOffsets = new Map<string, Map<number, number | null>>();

function offsetAt(timeZone: string, seconds: number): number {
  let cache = bucketOffsets.get(timeZone);
  if (!cache) bucketOffsets.set(timeZone, (cache = new Map()));
  const bucket = Math.floor(seconds / BUCKET_SECONDS);
  let offset = cache.get(bucket);
  if (offset === undefined) {
    const start = zoneOffsetAt(timeZone, bucket * BUCKET_SECONDS);
    offset = start === zoneOffsetAt(timeZone, (bucket + 1) * BUCKET_SECONDS) ? start : null;
    if (cache.size >= 50_000) cache.clear();
    cache.set(bucket, offset);
  }
  return offset ?? zoneOffsetAt(timeZone, seconds);
}

const two = (n: number) => String(n).padStart(2, '0');

/** An instant as the calendar's wall clock reads it, to the minute: "2026-10-14 10:00". */
export function localMinute(calendar: BusinessCalendar, at: Date): string {
  const seconds = Math.floor(at.getTime() / 1000);
  const wall = seconds + offsetAt(calendar.timeZone, seconds);
  const day = Math.floor(wall / SECONDS_PER_DAY);
  const second = wall - day * SECONDS_PER_DAY;
  return `${formatDayNumber(day)} ${two(Math.floor(second / 3600))}:${two(Math.floor((second % 3600) / 60))}`;
}

/** "1 ticket", "3 tickets". */
export function countWords(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
