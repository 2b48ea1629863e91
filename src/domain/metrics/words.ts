/** Short phrases for contribution notes, so a drill-down reads as sentences, not numbers. */
import type { BusinessCalendar } from '../calendar';

/** Seconds of business time as "42 min", "3 h", "3 h 12 min" (whole minutes, rounded down). */
export function durationWords(seconds: number): string {
  const minutes = Math.floor(Math.max(0, seconds) / 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** An instant as the calendar's wall clock reads it, to the minute: "2026-10-14 10:00". */
export function localMinute(calendar: BusinessCalendar, at: Date): string {
  return calendar.formatLocal(at).slice(0, 16).replace('T', ' ');
}

/** "1 ticket", "3 tickets". */
export function countWords(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
