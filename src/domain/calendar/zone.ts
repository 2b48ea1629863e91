/**
 * Wall-clock <-> UTC for IANA zones, on epoch seconds. Only `Intl.DateTimeFormat` knows the zone
 * rules, and it only answers "what does the wall clock read at this instant"; everything else
 * (offset spans, DST transitions) is derived from that question, asked as rarely as possible.
 */

import { dayNumberFromCivil, formatDayNumber, SECONDS_PER_DAY } from './civil-day';

/** No zone has ever been further than this from UTC (LMT included); used as a safety margin. */
export const MAX_ZONE_OFFSET_SECONDS = 15 * 3600;

/** Years outside this range are refused: Intl's output for them is not dependable. */
export const MIN_SUPPORTED_YEAR = 1000;
export const MAX_SUPPORTED_YEAR = 9999;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when Intl knows the zone as a named zone (offset strings such as "+01:00" are refused). */
export function isKnownTimeZone(timeZone: string): boolean {
  if (!/^[A-Za-z]/.test(timeZone)) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's canonical spelling as Intl reports it (e.g. "europe/berlin" -> "Europe/Berlin"). */
export function canonicalTimeZone(timeZone: string): string {
  return formatterFor(timeZone).resolvedOptions().timeZone;
}

/** Offset (wall minus UTC, in seconds) in force at `utcSeconds`. */
export function zoneOffsetAt(timeZone: string, utcSeconds: number): number {
  const parts = formatterFor(timeZone).formatToParts(utcSeconds * 1000);
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let bc = false;
  for (const part of parts) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        hour = Number(part.value);
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        second = Number(part.value);
        break;
      case 'era':
        bc = part.value.startsWith('B');
        break;
      default:
        break;
    }
  }
  if (bc) year = 1 - year;
  const wall = dayNumberFromCivil(year, month, day) * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second;
  return wall - utcSeconds;
}

/**
 * Stretches of constant offset covering [fromUtc, toUtc): `starts[i]` is where stretch i begins
 * (the first is `fromUtc`), `offsets[i]` its offset. Offsets are sampled every few hours and each
 * change is located to the second by bisection; zone rules never change twice within that step.
 */
export interface OffsetSpans {
  starts: number[];
  offsets: number[];
}

const SAMPLE_STEP_SECONDS = 6 * 3600;

export function offsetSpans(timeZone: string, fromUtc: number, toUtc: number): OffsetSpans {
  const starts = [fromUtc];
  let current = zoneOffsetAt(timeZone, fromUtc);
  const offsets = [current];
  let previous = fromUtc;
  while (previous < toUtc) {
    const next = Math.min(previous + SAMPLE_STEP_SECONDS, toUtc);
    const offset = zoneOffsetAt(timeZone, next);
    if (offset !== current) {
      // Invariant: offset at `low` is `current`, offset at `high` differs.
      let low = previous;
      let high = next;
      while (high - low > 1) {
        const mid = Math.floor((low + high) / 2);
        if (zoneOffsetAt(timeZone, mid) === current) low = mid;
        else high = mid;
      }
      starts.push(high);
      offsets.push(offset);
      current = offset;
    }
    previous = next;
  }
  return { starts, offsets };
}

/** `2026-03-29T03:00:00+02:00` for an instant, as the zone's wall clock reads it. */
export function formatIsoInZone(timeZone: string, utcMilliseconds: number): string {
  const utcSeconds = Math.floor(utcMilliseconds / 1000);
  const milliseconds = utcMilliseconds - utcSeconds * 1000;
  const offset = zoneOffsetAt(timeZone, utcSeconds);
  const wall = utcSeconds + offset;
  const dayNumber = Math.floor(wall / SECONDS_PER_DAY);
  const secondOfDay = wall - dayNumber * SECONDS_PER_DAY;
  const two = (n: number): string => String(n).padStart(2, '0');
  const time = `${two(Math.floor(secondOfDay / 3600))}:${two(Math.floor((secondOfDay % 3600) / 60))}:${two(secondOfDay % 60)}`;
  const fraction = milliseconds === 0 ? '' : `.${String(milliseconds).padStart(3, '0')}`;
  const sign = offset < 0 ? '-' : '+';
  const absolute = Math.abs(offset);
  const offsetText = `${sign}${two(Math.floor(absolute / 3600))}:${two(Math.floor((absolute % 3600) / 60))}`;
  return `${formatDayNumber(dayNumber)}T${time}${fraction}${offsetText}`;
}
