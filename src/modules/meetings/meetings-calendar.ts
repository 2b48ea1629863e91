/**
 * From stored cadences and touched meetings to occurrences and iCalendar events. A cadence is in
 * force over [effective_from, effective_until): occurrences outside that window belong to
 * another cadence (or none), so the list, the meeting page and every calendar agree.
 */
import { expand, formatRule, instantToLocal, localToInstant, parseRule, type IcsEvent, type IcsPerson, type Rule, type Series } from '../../domain/meetings';
import type { CadenceRow, MeetingRow } from './meetings.repository';

export function seriesOf(c: CadenceRow): Series {
  const parsed = parseRule(c.rrule);
  // Stored rules were parsed when set; one failing now is a bug, not bad input.
  if (!parsed.ok) throw new Error(`stored rule of cadence ${c.id} does not parse: ${parsed.error}`);
  return { rule: parsed.rule, start: instantToLocal(c.time_zone, c.first_start), timeZone: c.time_zone };
}

export type Occurrence = {
  cadence: CadenceRow;
  recurrenceStart: Date;
  startsAt: Date;
  endsAt: Date;
  status: MeetingRow['status'];
  row: MeetingRow | null;
};

const later = (a: Date, b: Date) => (a > b ? a : b);

/** The cadence's rule starts within [from, to) and its window. */
export function ruleStarts(c: CadenceRow, from: Date, to: Date): Date[] {
  const lo = later(from, c.effective_from);
  const hi = c.effective_until && c.effective_until < to ? c.effective_until : to;
  if (lo >= hi) return [];
  return expand(seriesOf(c), { from: lo, to: hi, limit: 5000 });
}

/** Whether `start` is one of the cadence's occurrences in its window. */
export function isOccurrence(c: CadenceRow, start: Date): boolean {
  const [hit] = ruleStarts(c, start, new Date(start.getTime() + 1));
  return hit?.getTime() === start.getTime();
}

const inWindow = (c: CadenceRow, d: Date) => d >= c.effective_from && (!c.effective_until || d < c.effective_until);

/**
 * Occurrences whose (possibly moved) start lies in [from, to), sorted by start: the rule's
 * dates merged with the touched rows, and moved meetings found by where they are now.
 */
export function occurrencesBetween(cadences: readonly CadenceRow[], rows: readonly MeetingRow[], from: Date, to: Date): Occurrence[] {
  const byKey = new Map(rows.map((r) => [`${r.cadence_id}|${r.recurrence_start.getTime()}`, r]));
  const out = new Map<string, Occurrence>();
  for (const c of cadences) {
    // A moved meeting may start up to a while from its rule date: look a year around the window.
    for (const start of ruleStarts(c, new Date(from.getTime() - 366 * 86_400_000), new Date(to.getTime() + 366 * 86_400_000))) {
      const key = `${c.id}|${start.getTime()}`;
      const row = byKey.get(key) ?? null;
      const startsAt = row?.starts_at ?? start;
      if (startsAt < from || startsAt >= to) continue;
      out.set(key, { cadence: c, recurrenceStart: start, startsAt, endsAt: row?.ends_at ?? new Date(start.getTime() + c.duration_minutes * 60_000), status: row?.status ?? 'scheduled', row });
    }
  }
  return [...out.values()].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.cadence.id.localeCompare(b.cadence.id));
}

export type EventText = { summary: (c: CadenceRow) => string; description?: (c: CadenceRow) => string; url?: (c: CadenceRow) => string };

/**
 * The series as iCalendar events: one VEVENT per cadence starting at its first occurrence in its
 * window (COUNT or UNTIL cut to the window), EXDATE for cancelled meetings, and one VEVENT with
 * RECURRENCE-ID per moved meeting.
 */
export function cadenceEvents(c: CadenceRow, rows: readonly MeetingRow[], text: EventText, people: { organizer?: IcsPerson; attendees?: IcsPerson[] } = {}): IcsEvent[] {
  const series = seriesOf(c);
  const { rule } = series;
  const [first] = expand(series, { from: c.effective_from, limit: 1, ...(c.effective_until ? { to: c.effective_until } : {}) });
  if (!first) return [];
  const skipped = expand(series, { to: c.effective_from, limit: 5000 }).length;
  let rrule: string;
  if (c.effective_until) {
    rrule = formatRule(rule, { count: expand(series, { from: c.effective_from, to: c.effective_until, limit: 5000 }).length });
  } else if (rule.count !== null) {
    rrule = formatRule(rule, { count: rule.count - skipped });
  } else if (rule.until) {
    rrule = formatRule(rule, { untilInstant: untilInstant(rule, c.time_zone) });
  } else rrule = formatRule(rule);
  const uid = `${c.id}@servicepact`;
  const minutes = c.duration_minutes * 60_000;
  const mine = rows.filter((r) => r.cadence_id === c.id && inWindow(c, r.recurrence_start) && r.recurrence_start >= first);
  const base = { uid, timeZone: c.time_zone, summary: text.summary(c), location: c.location || undefined, description: text.description?.(c), url: text.url?.(c), ...people };
  const events: IcsEvent[] = [
    // An ended cadence was cut short after calendars first got it: SEQUENCE 1 makes them apply the end.
    { ...base, start: first, end: new Date(first.getTime() + minutes), rrule, exdates: mine.filter((r) => r.status === 'cancelled').map((r) => r.recurrence_start), sequence: c.effective_until ? 1 : 0, status: 'CONFIRMED' },
  ];
  for (const r of mine) {
    if (r.status === 'cancelled' || r.starts_at.getTime() === r.recurrence_start.getTime()) continue;
    events.push({ ...base, recurrenceId: r.recurrence_start, start: r.starts_at, end: r.ends_at, sequence: r.sequence, status: 'CONFIRMED' });
  }
  return events;
}

/** UNTIL as the instant a calendar needs (a date UNTIL is the end of that day in the zone). */
function untilInstant(rule: Rule, timeZone: string): Date {
  if (!rule.until) throw new Error('no UNTIL');
  if (rule.until.kind === 'instant') return rule.until.at;
  const [y, m, d] = rule.until.date.split('-').map(Number) as [number, number, number];
  const day = Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
  return localToInstant(timeZone, { day, secondOfDay: 86_399 });
}

/** One meeting as an event of its series (an update or a cancellation sent by e-mail). */
export function occurrenceEvent(c: CadenceRow, row: MeetingRow, text: EventText, people: { organizer?: IcsPerson; attendees?: IcsPerson[] }): IcsEvent {
  return {
    uid: `${c.id}@servicepact`,
    timeZone: c.time_zone,
    recurrenceId: row.recurrence_start,
    start: row.starts_at,
    end: row.ends_at,
    summary: text.summary(c),
    location: c.location || undefined,
    description: text.description?.(c),
    url: text.url?.(c),
    sequence: row.sequence,
    status: row.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    ...people,
  };
}
