/**
 * The stored calendar format and its validation. The zod schema is exported so HTTP routes can
 * reuse it; `parseCalendarDefinition` turns zod's issues into one `CalendarError` whose message
 * names each offending field by path (`week.mon[1]`, `holidays[3].to`).
 */

import { z } from 'zod';
import { CalendarError, type CalendarIssue } from './calendar-error';
import { isValidCivilDate } from './civil-day';
import { isKnownHolidaySet } from './holiday-sets';
import { formatTimeOfDay, parseTimeOfDay } from './time-of-day';
import { isKnownTimeZone } from './zone';

export const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

const TIME_HINT = 'expected HH:MM or HH:MM:SS from 00:00 to 23:59:59 (24:00 only as an end)';

const periodsOfDaySchema = z
  .array(z.tuple([z.string(), z.string()]))
  .superRefine((periods, ctx) => {
    const parsed: { start: number; end: number; index: number }[] = [];
    periods.forEach(([startText, endText], index) => {
      const start = parseTimeOfDay(startText);
      const end = parseTimeOfDay(endText);
      if (start === null || start === 86_400) {
        ctx.addIssue({ code: 'custom', path: [index], message: `invalid start time '${startText}' (${TIME_HINT})` });
        return;
      }
      if (end === null) {
        ctx.addIssue({ code: 'custom', path: [index], message: `invalid end time '${endText}' (${TIME_HINT})` });
        return;
      }
      if (end <= start) {
        ctx.addIssue({ code: 'custom', path: [index], message: `period ends (${endText}) at or before it starts (${startText})` });
        return;
      }
      parsed.push({ start, end, index });
    });
    parsed.sort((a, b) => a.start - b.start);
    for (let i = 1; i < parsed.length; i += 1) {
      const previous = parsed[i - 1]!;
      const current = parsed[i]!;
      if (current.start < previous.end) {
        ctx.addIssue({
          code: 'custom',
          path: [Math.max(previous.index, current.index)],
          message: `period ${formatTimeOfDay(current.start)}-${formatTimeOfDay(current.end)} overlaps ${formatTimeOfDay(previous.start)}-${formatTimeOfDay(previous.end)}`,
        });
      }
    }
  });

const weekSchema = z.strictObject({
  mon: periodsOfDaySchema.optional(),
  tue: periodsOfDaySchema.optional(),
  wed: periodsOfDaySchema.optional(),
  thu: periodsOfDaySchema.optional(),
  fri: periodsOfDaySchema.optional(),
  sat: periodsOfDaySchema.optional(),
  sun: periodsOfDaySchema.optional(),
});

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_DAY_PATTERN = /^(\d{2})-(\d{2})$/;

/** Ordinal for comparisons (YYYYMMDD or MMDD), or null when the text is not a real date. */
function dateOrdinal(text: string): number | null {
  const match = DATE_PATTERN.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return isValidCivilDate(year, month, day) ? year * 10_000 + month * 100 + day : null;
}

function monthDayOrdinal(text: string): number | null {
  const match = MONTH_DAY_PATTERN.exec(text);
  if (!match) return null;
  const month = Number(match[1]);
  const day = Number(match[2]);
  // 2000 is a leap year, so 02-29 is a valid yearly holiday (it only matches in leap years).
  return isValidCivilDate(2000, month, day) ? month * 100 + day : null;
}

const holidayObjectSchema = z.strictObject({
  date: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  yearly: z.boolean().optional(),
  name: z.string().optional(),
});

const holidayEntrySchema = z.union([z.string(), holidayObjectSchema]);

function checkHolidayEntry(entry: z.infer<typeof holidayEntrySchema>, ctx: z.RefinementCtx): void {
  if (typeof entry === 'string') {
    if (dateOrdinal(entry) === null) ctx.addIssue({ code: 'custom', message: `invalid date '${entry}' (expected YYYY-MM-DD)` });
    return;
  }
  const yearly = entry.yearly === true;
  const ordinal = yearly ? monthDayOrdinal : dateOrdinal;
  const expected = yearly ? 'MM-DD for a yearly holiday' : 'YYYY-MM-DD';
  const hasDate = entry.date !== undefined;
  const hasRange = entry.from !== undefined || entry.to !== undefined;
  if (hasDate === hasRange) {
    ctx.addIssue({ code: 'custom', message: 'a holiday needs either "date" or both "from" and "to"' });
    return;
  }
  if (entry.date !== undefined) {
    if (ordinal(entry.date) === null) ctx.addIssue({ code: 'custom', path: ['date'], message: `invalid date '${entry.date}' (expected ${expected})` });
    return;
  }
  if (entry.from === undefined || entry.to === undefined) {
    ctx.addIssue({ code: 'custom', path: [entry.from === undefined ? 'from' : 'to'], message: 'a holiday range needs both "from" and "to"' });
    return;
  }
  const from = ordinal(entry.from);
  const to = ordinal(entry.to);
  if (from === null) ctx.addIssue({ code: 'custom', path: ['from'], message: `invalid date '${entry.from}' (expected ${expected})` });
  if (to === null) ctx.addIssue({ code: 'custom', path: ['to'], message: `invalid date '${entry.to}' (expected ${expected})` });
  if (from !== null && to !== null && to < from) {
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: `range ends (${entry.to}) before it starts (${entry.from})${yearly ? '; a yearly range cannot wrap the year end, write two entries' : ''}`,
    });
  }
}

export const calendarSchema = z.strictObject({
  timeZone: z.string().superRefine((zone, ctx) => {
    if (!isKnownTimeZone(zone)) ctx.addIssue({ code: 'custom', message: `unknown time zone '${zone}' (expected an IANA zone such as Europe/Berlin)` });
  }),
  week: weekSchema,
  holidays: z.array(holidayEntrySchema.superRefine(checkHolidayEntry)).optional(),
  holidaySets: z
    .array(
      z.string().superRefine((code, ctx) => {
        if (!isKnownHolidaySet(code)) {
          ctx.addIssue({ code: 'custom', message: `unknown holiday set '${code}' (expected a country or country-region code such as DE, DE-BE, US-NY)` });
        }
      }),
    )
    .optional(),
});

export type CalendarDefinition = z.infer<typeof calendarSchema>;
export type HolidayEntry = NonNullable<CalendarDefinition['holidays']>[number];

/** `["week","mon",1]` -> `week.mon[1]`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? String(segment) : `.${String(segment)}`;
  }
  return text;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function toCalendarIssues(issues: readonly z.core.$ZodIssue[], input: unknown): CalendarIssue[] {
  const result: CalendarIssue[] = [];
  for (const issue of issues) {
    const path = formatIssuePath(issue.path);
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) result.push({ path: formatIssuePath([...issue.path, key]), message: 'unknown key' });
        break;
      case 'invalid_union': {
        // Holiday entries are the only union: report against the branch the value's shape chose.
        const value = valueAt(input, issue.path);
        const branch = issue.errors[typeof value === 'string' ? 0 : 1] ?? [];
        if (typeof value !== 'string' && (typeof value !== 'object' || value === null || Array.isArray(value))) {
          result.push({ path, message: `expected a date string or a holiday object, got ${describeValue(value)}` });
        } else {
          result.push(...toCalendarIssues(branch.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] })), input));
        }
        break;
      }
      case 'invalid_type':
        result.push({ path, message: `expected ${issue.expected}, got ${describeValue(valueAt(input, issue.path))}` });
        break;
      default:
        result.push({ path, message: issue.message });
    }
  }
  return result;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

/** Validates an untrusted calendar; throws `CalendarError` naming every problem. */
export function parseCalendarDefinition(input: unknown): CalendarDefinition {
  const result = calendarSchema.safeParse(input);
  if (!result.success) throw new CalendarError(toCalendarIssues(result.error.issues, input));
  return result.data;
}
