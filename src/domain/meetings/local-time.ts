/**
 * Wall-clock date-times of a zone (`2027-03-09T10:00`) and the instants they name. A meeting is
 * set for 10:00 in Berlin; across a DST change it stays at 10:00 local and moves in UTC.
 */
import { civilFromDayNumber, dayNumberFromCivil, SECONDS_PER_DAY } from '../calendar/civil-day';
import { canonicalTimeZone, isKnownTimeZone, zoneOffsetAt } from '../calendar/zone';

export type LocalDateTime = { day: number; secondOfDay: number };

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** `2027-03-09T10:00` (seconds optional) -> day number and second of day; null when not a real date-time. */
export function parseLocal(text: string): LocalDateTime | null {
  const m = LOCAL.exec(text);
  if (!m) return null;
  const [year, month, date, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || date < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const day = dayNumberFromCivil(year, month, date);
  const back = civilFromDayNumber(day);
  if (back.month !== month || back.day !== date) return null;
  return { day, secondOfDay: hour * 3600 + minute * 60 + second };
}

const two = (n: number) => String(n).padStart(2, '0');

export function formatLocal(l: LocalDateTime): string {
  const c = civilFromDayNumber(l.day);
  return `${String(c.year).padStart(4, '0')}-${two(c.month)}-${two(c.day)}T${two(Math.floor(l.secondOfDay / 3600))}:${two(Math.floor((l.secondOfDay % 3600) / 60))}`;
}

/** `20270309T100000`: the form of DTSTART;TZID=... in iCalendar. */
export function formatIcsLocal(l: LocalDateTime): string {
  const c = civilFromDayNumber(l.day);
  const s = l.secondOfDay;
  return `${String(c.year).padStart(4, '0')}${two(c.month)}${two(c.day)}T${two(Math.floor(s / 3600))}${two(Math.floor((s % 3600) / 60))}${two(s % 60)}`;
}

/**
 * The instant the wall clock names in the zone, as RFC 5545 reads it: a time that occurs twice
 * (the autumn hour) is its first occurrence; a time skipped by the spring change is read with
 * the offset before the gap, so 02:30 on the night Berlin skips to 03:00 becomes 03:30 CEST.
 */
export function localToInstant(timeZone: string, l: LocalDateTime): Date {
  const wall = l.day * SECONDS_PER_DAY + l.secondOfDay;
  const before = zoneOffsetAt(timeZone, wall - SECONDS_PER_DAY);
  const after = zoneOffsetAt(timeZone, wall + SECONDS_PER_DAY);
  const valid = [...new Set([before, after])].map((o) => wall - o).filter((u) => zoneOffsetAt(timeZone, u) + u === wall);
  if (valid.length) return new Date(Math.min(...valid) * 1000);
  return new Date((wall - before) * 1000);
}

/** The zone's wall clock at an instant. */
export function instantToLocal(timeZone: string, at: Date): LocalDateTime {
  const utc = Math.floor(at.getTime() / 1000);
  const wall = utc + zoneOffsetAt(timeZone, utc);
  const day = Math.floor(wall / SECONDS_PER_DAY);
  return { day, secondOfDay: wall - day * SECONDS_PER_DAY };
}

/** The zone's canonical IANA name, or null when it is not a named zone. */
export function canonicalZone(timeZone: string): string | null {
  return isKnownTimeZone(timeZone) ? canonicalTimeZone(timeZone) : null;
}
