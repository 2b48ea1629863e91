/**
 * The RFC 5545 recurrence rules servicepact understands: FREQ DAILY, WEEKLY, MONTHLY or YEARLY,
 * INTERVAL, COUNT or UNTIL, BYDAY (with an ordinal such as 2TU or -1FR in monthly and yearly
 * rules), BYMONTHDAY and BYMONTH, weeks starting on Monday. Anything else is refused with a
 * message a person can act on, because a rule a calendar reads differently from us would put
 * the meeting on different days in the client's calendar than in ours.
 */

export const FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A weekday, optionally the nth (1..5) or nth-from-last (-1..-5) of its month or year. */
export type ByDay = { weekday: Weekday; ordinal: number | null };

/** UNTIL as written: a UTC instant (`20271231T235959Z`), or a date (`20271231`) read in the cadence's zone. */
export type Until = { kind: 'instant'; at: Date } | { kind: 'date'; date: string };

export type Rule = {
  freq: Frequency;
  interval: number;
  count: number | null;
  until: Until | null;
  byDay: ByDay[];
  byMonthDay: number[];
  byMonth: number[];
};

export type RuleResult = { ok: true; rule: Rule } | { ok: false; error: string };

const SUPPORTED = 'FREQ, INTERVAL, COUNT, UNTIL, BYDAY, BYMONTHDAY, BYMONTH and WKST=MO';

const fail = (error: string): RuleResult => ({ ok: false, error });

function intIn(text: string, min: number, max: number): number | null {
  if (!/^[+-]?\d{1,4}$/.test(text)) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
}

function parseUntil(value: string): Until | null {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z)?$/.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = `${y}-${mo}-${d}`;
  const check = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== date) return null;
  if (h === undefined) return { kind: 'date', date };
  const at = new Date(`${date}T${h}:${mi}:${s}Z`);
  return Number.isNaN(at.getTime()) ? null : { kind: 'instant', at };
}

/**
 * Parses `FREQ=MONTHLY;BYDAY=2TU` (an optional leading `RRULE:` is allowed). The error says what
 * is wrong in words ("BYDAY: 6TU is not a weekday; use MO..SU, optionally with an ordinal like 2TU or -1FR").
 */
export function parseRule(text: string): RuleResult {
  const source = text.trim().replace(/^RRULE:/i, '');
  if (!source) return fail('is required, e.g. FREQ=MONTHLY;BYDAY=2TU');
  const parts = new Map<string, string>();
  for (const part of source.split(';')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    if (eq < 1) return fail(`"${part}" is not NAME=VALUE`);
    const name = part.slice(0, eq).toUpperCase();
    if (parts.has(name)) return fail(`${name} is given twice`);
    parts.set(name, part.slice(eq + 1).toUpperCase());
  }
  for (const name of parts.keys()) {
    if (!['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'WKST'].includes(name)) {
      return fail(`${name} is not supported; use ${SUPPORTED}`);
    }
  }
  const freqText = parts.get('FREQ');
  if (!freqText) return fail('FREQ is required (DAILY, WEEKLY, MONTHLY or YEARLY)');
  if (!(FREQUENCIES as readonly string[]).includes(freqText)) return fail(`FREQ=${freqText} is not supported; use DAILY, WEEKLY, MONTHLY or YEARLY`);
  const freq = freqText as Frequency;

  const wkst = parts.get('WKST');
  if (wkst !== undefined && wkst !== 'MO') return fail('WKST: only MO (weeks start on Monday) is supported');

  let interval = 1;
  const intervalText = parts.get('INTERVAL');
  if (intervalText !== undefined) {
    const n = intIn(intervalText, 1, 1000);
    if (n === null) return fail('INTERVAL must be a whole number from 1 to 1000');
    interval = n;
  }

  if (parts.has('COUNT') && parts.has('UNTIL')) return fail('COUNT and UNTIL cannot both be given');
  let count: number | null = null;
  const countText = parts.get('COUNT');
  if (countText !== undefined) {
    count = intIn(countText, 1, 1000);
    if (count === null) return fail('COUNT must be a whole number from 1 to 1000');
  }
  let until: Until | null = null;
  const untilText = parts.get('UNTIL');
  if (untilText !== undefined) {
    until = parseUntil(untilText);
    if (!until) return fail('UNTIL must be a date (20271231) or a UTC date-time (20271231T235959Z)');
  }

  const byDay: ByDay[] = [];
  const byDayText = parts.get('BYDAY');
  if (byDayText !== undefined) {
    for (const item of byDayText.split(',')) {
      const m = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(item);
      if (!m) return fail(`BYDAY: ${item || '(empty)'} is not a weekday; use MO..SU, optionally with an ordinal like 2TU or -1FR`);
      let ordinal: number | null = null;
      if (m[1] !== undefined) {
        ordinal = Number(m[1]);
        if (ordinal === 0 || Math.abs(ordinal) > 5) return fail(`BYDAY: the ordinal of ${item} must be 1 to 5 or -1 to -5`);
        if (freq !== 'MONTHLY' && freq !== 'YEARLY') return fail(`BYDAY: an ordinal such as ${item} needs FREQ=MONTHLY or FREQ=YEARLY`);
        if (freq === 'YEARLY' && !parts.has('BYMONTH')) return fail(`BYDAY: ${item} in a yearly rule needs BYMONTH (the nth weekday of a month)`);
      }
      byDay.push({ weekday: m[2] as Weekday, ordinal });
    }
  }

  const byMonthDay: number[] = [];
  const byMonthDayText = parts.get('BYMONTHDAY');
  if (byMonthDayText !== undefined) {
    if (freq === 'WEEKLY') return fail('BYMONTHDAY cannot be used with FREQ=WEEKLY');
    for (const item of byMonthDayText.split(',')) {
      const n = intIn(item, -31, 31);
      if (n === null || n === 0) return fail(`BYMONTHDAY: ${item || '(empty)'} must be a day of the month, 1 to 31 or -1 to -31`);
      byMonthDay.push(n);
    }
  }

  const byMonth: number[] = [];
  const byMonthText = parts.get('BYMONTH');
  if (byMonthText !== undefined) {
    for (const item of byMonthText.split(',')) {
      const n = intIn(item, 1, 12);
      if (n === null) return fail(`BYMONTH: ${item || '(empty)'} must be a month, 1 to 12`);
      byMonth.push(n);
    }
  }

  return { ok: true, rule: { freq, interval, count, until, byDay: dedupe(byDay), byMonthDay: [...new Set(byMonthDay)], byMonth: [...new Set(byMonth)].sort((a, b) => a - b) } };
}

function dedupe(days: ByDay[]): ByDay[] {
  const seen = new Set<string>();
  return days.filter((d) => {
    const key = `${d.ordinal ?? ''}${d.weekday}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** UNTIL as an instant in UTC text: `20271231T235959Z`. */
export function formatUtcStamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * The rule as RFC 5545 text, parts in a stable order. `untilInstant` replaces UNTIL by that UTC
 * instant (a calendar needs UNTIL in UTC when DTSTART has a TZID); `count` replaces COUNT.
 */
export function formatRule(rule: Rule, overrides: { untilInstant?: Date; count?: number } = {}): string {
  const parts = [`FREQ=${rule.freq}`];
  if (rule.interval !== 1) parts.push(`INTERVAL=${rule.interval}`);
  const count = overrides.count ?? rule.count;
  if (overrides.untilInstant) parts.push(`UNTIL=${formatUtcStamp(overrides.untilInstant)}`);
  else if (count !== null) parts.push(`COUNT=${count}`);
  else if (rule.until) parts.push(`UNTIL=${rule.until.kind === 'instant' ? formatUtcStamp(rule.until.at) : rule.until.date.replace(/-/g, '')}`);
  if (rule.byMonth.length) parts.push(`BYMONTH=${rule.byMonth.join(',')}`);
  if (rule.byMonthDay.length) parts.push(`BYMONTHDAY=${rule.byMonthDay.join(',')}`);
  if (rule.byDay.length) parts.push(`BYDAY=${rule.byDay.map((d) => `${d.ordinal ?? ''}${d.weekday}`).join(',')}`);
  return parts.join(';');
}

/** The presets of the cadence form: monthly and quarterly on the weekday and ordinal of the first meeting's date. */
export type Preset = 'monthly' | 'quarterly';
