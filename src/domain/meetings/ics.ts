/**
 * iCalendar (RFC 5545) text for review meetings: a feed (one VEVENT per cadence with its RRULE
 * and EXDATEs for cancelled meetings, one per moved meeting with its RECURRENCE-ID) and e-mailed
 * invitations (METHOD:REQUEST, METHOD:CANCEL). Times are written on the zone's wall clock with
 * TZID and a VTIMEZONE derived from the zone rules, so a calendar anywhere shows a 10:00 Berlin
 * meeting at 10:00 Berlin time on both sides of a DST change.
 */
import { formatDayNumber, SECONDS_PER_DAY } from '../calendar/civil-day';
import { zoneOffsetAt } from '../calendar/zone';
import { formatIcsLocal, instantToLocal } from './local-time';
import { formatUtcStamp } from './rrule';

export type IcsPerson = { name: string; email: string };

export type IcsEvent = {
  /** Stable per cadence (`<cadenceId>@servicepact`): a moved meeting and its series share it. */
  uid: string;
  timeZone: string;
  start: Date;
  end: Date;
  summary: string;
  location?: string;
  description?: string;
  /** The rule as RFC 5545 text (UNTIL in UTC); absent for a single meeting. */
  rrule?: string;
  /** Starts (as the rule gives them) of cancelled meetings of the series. */
  exdates?: readonly Date[];
  /** For one meeting of a series: the start the rule gives it. */
  recurrenceId?: Date;
  sequence: number;
  status: 'CONFIRMED' | 'CANCELLED';
  organizer?: IcsPerson;
  attendees?: readonly IcsPerson[];
  url?: string;
};

export type IcsCalendar = {
  method?: 'PUBLISH' | 'REQUEST' | 'CANCEL';
  /** Shown by calendar apps as the subscribed calendar's name. */
  name?: string;
  events: readonly IcsEvent[];
  now: Date;
};

export const PRODUCT_ID = '-//servicepact//Review meetings//EN';
const YEAR_SECONDS = 366 * SECONDS_PER_DAY;
// How far past the last known meeting the zone's rules are written: open-ended series go on.
const ZONE_HORIZON_YEARS = 10;

/** TEXT values: backslash, semicolon, comma and line breaks escaped (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** A parameter value (CN=...): quoted when it holds : ; or , and never containing a quote. */
function paramValue(value: string): string {
  const clean = value.replace(/["\r\n]/g, '');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

/** Folds a content line at 75 octets (continuations begin with a space), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(line).length <= 75) return line;
  const out: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > limit) {
      out.push(current);
      current = ' ';
      octets = 1;
      limit = 75;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

function offsetText(seconds: number): string {
  const sign = seconds < 0 ? '-' : '+';
  const a = Math.abs(seconds);
  const two = (n: number) => String(n).padStart(2, '0');
  const secs = a % 60;
  return `${sign}${two(Math.floor(a / 3600))}${two(Math.floor((a % 3600) / 60))}${secs ? two(secs) : ''}`;
}

/** The instants in [from, to) where the zone's offset changes, with the offsets either side. */
function transitions(timeZone: string, from: number, to: number): Array<{ at: number; before: number; after: number }> {
  const out: Array<{ at: number; before: number; after: number }> = [];
  let previous = from;
  let current = zoneOffsetAt(timeZone, from);
  // Zone rules never change twice within a day; each change is then found to the second.
  while (previous < to) {
    const next = Math.min(previous + SECONDS_PER_DAY, to);
    const offset = zoneOffsetAt(timeZone, next);
    if (offset !== current) {
      let low = previous;
      let high = next;
      while (high - low > 1) {
        const mid = Math.floor((low + high) / 2);
        if (zoneOffsetAt(timeZone, mid) === current) low = mid;
        else high = mid;
      }
      out.push({ at: high, before: current, after: offset });
      current = offset;
    }
    previous = next;
  }
  return out;
}

const localStamp = (utcSeconds: number, offset: number) => {
  const wall = utcSeconds + offset;
  const day = Math.floor(wall / SECONDS_PER_DAY);
  return formatIcsLocal({ day, secondOfDay: wall - day * SECONDS_PER_DAY });
};

/**
 * A VTIMEZONE for the zone over [from, to): the offset in force at `from`, then each change as
 * its own observance (DAYLIGHT when the clock goes forward). Written from the zone rules the
 * server knows, so it agrees with the occurrences computed here.
 */
export function vtimezone(timeZone: string, from: Date, to: Date): string[] {
  const start = Math.floor(from.getTime() / 1000);
  const end = Math.floor(to.getTime() / 1000);
  const initial = zoneOffsetAt(timeZone, start);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`, 'BEGIN:STANDARD', `DTSTART:${localStamp(start, initial)}`, `TZOFFSETFROM:${offsetText(initial)}`, `TZOFFSETTO:${offsetText(initial)}`, 'END:STANDARD'];
  for (const t of transitions(timeZone, start, end)) {
    const kind = t.after > t.before ? 'DAYLIGHT' : 'STANDARD';
    // DTSTART of an observance is the wall clock just before the change, in the offset before it.
    lines.push(`BEGIN:${kind}`, `DTSTART:${localStamp(t.at, t.before)}`, `TZOFFSETFROM:${offsetText(t.before)}`, `TZOFFSETTO:${offsetText(t.after)}`, `END:${kind}`);
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

const zoned = (name: string, timeZone: string, at: Date) => `${name};TZID=${timeZone}:${formatIcsLocal(instantToLocal(timeZone, at))}`;

function eventLines(e: IcsEvent, now: Date, method: IcsCalendar['method']): string[] {
  const lines = ['BEGIN:VEVENT', `UID:${e.uid}`, `DTSTAMP:${formatUtcStamp(now)}`];
  if (e.recurrenceId) lines.push(zoned('RECURRENCE-ID', e.timeZone, e.recurrenceId));
  lines.push(zoned('DTSTART', e.timeZone, e.start), zoned('DTEND', e.timeZone, e.end));
  if (e.rrule) lines.push(`RRULE:${e.rrule}`);
  if (e.exdates?.length) {
    // One EXDATE per date keeps each line short and is read the same by every client.
    for (const x of [...e.exdates].sort((a, b) => a.getTime() - b.getTime())) lines.push(zoned('EXDATE', e.timeZone, x));
  }
  lines.push(`SUMMARY:${escapeText(e.summary)}`);
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.url) lines.push(`URL:${e.url}`);
  lines.push(`SEQUENCE:${e.sequence}`, `STATUS:${e.status}`);
  if (e.organizer) lines.push(`ORGANIZER;CN=${paramValue(e.organizer.name)}:mailto:${e.organizer.email}`);
  for (const a of e.attendees ?? []) {
    const rsvp = method === 'REQUEST' ? ';RSVP=TRUE' : '';
    lines.push(`ATTENDEE;CN=${paramValue(a.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION${rsvp}:mailto:${a.email}`);
  }
  lines.push('END:VEVENT');
  return lines;
}

/** The whole calendar as text with CRLF line ends, folded. */
export function writeCalendar(cal: IcsCalendar): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${PRODUCT_ID}`, 'CALSCALE:GREGORIAN'];
  if (cal.method) lines.push(`METHOD:${cal.method}`);
  if (cal.name) lines.push(`X-WR-CALNAME:${escapeText(cal.name)}`, 'REFRESH-INTERVAL;VALUE=DURATION:PT1H', 'X-PUBLISHED-TTL:PT1H');
  const zones = new Map<string, { from: number; to: number }>();
  for (const e of cal.events) {
    const instants = [e.start, e.end, ...(e.exdates ?? []), ...(e.recurrenceId ? [e.recurrenceId] : [])].map((d) => d.getTime() / 1000);
    const span = zones.get(e.timeZone) ?? { from: Infinity, to: -Infinity };
    span.from = Math.min(span.from, ...instants);
    span.to = Math.max(span.to, ...instants, e.rrule ? cal.now.getTime() / 1000 : -Infinity);
    zones.set(e.timeZone, span);
  }
  for (const [zone, span] of [...zones.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const from = new Date(`${formatDayNumber(Math.floor((span.from - YEAR_SECONDS) / SECONDS_PER_DAY)).slice(0, 4)}-01-01T00:00:00Z`);
    const to = new Date(`${String(Number(new Date(span.to * 1000).toISOString().slice(0, 4)) + ZONE_HORIZON_YEARS + 1)}-01-01T00:00:00Z`);
    lines.push(...vtimezone(zone, from, to));
  }
  for (const e of cal.events) lines.push(...eventLines(e, cal.now, cal.method));
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
