import { describe, expect, it } from 'vitest';
import { BusinessCalendar } from './business-calendar';
import { CalendarError } from './calendar-error';
import { calendarSchema, parseCalendarDefinition } from './calendar-schema';

const valid = {
  timeZone: 'Europe/Berlin',
  week: {
    mon: [
      ['08:00', '12:00'],
      ['13:00', '17:00'],
    ],
    tue: [['08:00', '17:00']],
    wed: [['08:00', '17:00']],
    thu: [['08:00', '17:00']],
    fri: [['08:00', '16:00']],
    sat: [],
    sun: [],
  },
  holidays: ['2026-12-24', { from: '2026-12-29', to: '2027-01-02' }, { date: '05-01', yearly: true }, { from: '12-25', to: '12-26', yearly: true }],
  holidaySets: ['DE-BE'],
};

function withChange(change: Record<string, unknown>): Record<string, unknown> {
  return { ...valid, ...change };
}

function issuesOf(input: unknown): { path: string; message: string }[] {
  try {
    BusinessCalendar.from(input);
  } catch (error) {
    expect(error).toBeInstanceOf(CalendarError);
    return [...(error as CalendarError).issues];
  }
  throw new Error('expected a CalendarError');
}

describe('calendar validation', () => {
  it('accepts the documented example, HH:MM:SS, 24:00 and touching periods', () => {
    expect(() => BusinessCalendar.from(valid)).not.toThrow();
    expect(() =>
      BusinessCalendar.from({
        timeZone: 'UTC',
        week: { mon: [['00:00', '12:00'], ['12:00', '24:00']], tue: [['08:30:15', '17:45:59']], sun: [['00:00:00', '24:00:00']] },
      }),
    ).not.toThrow();
    expect(() => BusinessCalendar.from({ timeZone: 'Asia/Kolkata', week: {} })).not.toThrow();
  });

  it('exports the zod schema for reuse', () => {
    expect(calendarSchema.safeParse(valid).success).toBe(true);
    expect(parseCalendarDefinition(valid).timeZone).toBe('Europe/Berlin');
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, 'timeZone', /unknown time zone 'Mars\/Olympus_Mons'/],
    ['offset instead of a zone', { timeZone: '+01:00' }, 'timeZone', /unknown time zone/],
    ['hour 25', { week: { mon: [['08:00', '12:00'], ['13:00', '25:00']] } }, 'week.mon[1]', /invalid end time '25:00'/],
    ['minute 60', { week: { tue: [['08:60', '12:00']] } }, 'week.tue[0]', /invalid start time '08:60'/],
    ['24:00 as a start', { week: { tue: [['24:00', '24:00']] } }, 'week.tue[0]', /invalid start time '24:00'/],
    ['24:30', { week: { tue: [['08:00', '24:30']] } }, 'week.tue[0]', /invalid end time '24:30'/],
    ['malformed time', { week: { wed: [['8am', '12:00']] } }, 'week.wed[0]', /invalid start time '8am'/],
    ['end before start', { week: { thu: [['17:00', '08:00']] } }, 'week.thu[0]', /ends \(08:00\) at or before it starts \(17:00\)/],
    ['empty period', { week: { thu: [['08:00', '08:00']] } }, 'week.thu[0]', /at or before it starts/],
    ['overlapping periods', { week: { fri: [['08:00', '12:00'], ['11:00', '16:00']] } }, 'week.fri[1]', /11:00-16:00 overlaps 08:00-12:00/],
    ['overlap given out of order', { week: { fri: [['11:00', '16:00'], ['08:00', '12:00']] } }, 'week.fri[1]', /overlaps/],
    ['a period that is not a pair', { week: { fri: [['08:00']] } }, 'week.fri[0]', /./],
    ['unknown weekday key', { week: { monday: [['08:00', '12:00']] } }, 'week.monday', /unknown key/],
    ['unknown top-level key', { workingHours: {} }, 'workingHours', /unknown key/],
    ['invalid date', { holidays: ['2026-02-30'] }, 'holidays[0]', /invalid date '2026-02-30'/],
    ['range to before from', { holidays: [{ from: '2026-12-29', to: '2026-12-01' }] }, 'holidays[0].to', /range ends \(2026-12-01\) before it starts \(2026-12-29\)/],
    ['yearly range to before from', { holidays: [{ from: '12-24', to: '01-02', yearly: true }] }, 'holidays[0].to', /before it starts.*two entries/],
    ['yearly date with a year', { holidays: [{ date: '2026-05-01', yearly: true }] }, 'holidays[0].date', /expected MM-DD/],
    ['invalid month-day', { holidays: [{ date: '02-30', yearly: true }] }, 'holidays[0].date', /invalid date '02-30'/],
    ['range missing its end', { holidays: [{ from: '2026-12-29' }] }, 'holidays[0].to', /needs both/],
    ['holiday with date and range', { holidays: [{ date: '2026-12-24', from: '2026-12-29', to: '2026-12-30' }] }, 'holidays[0]', /either "date" or/],
    ['holiday of the wrong type', { holidays: [20261224] }, 'holidays[0]', /expected a date string or a holiday object, got a number/],
    ['unknown key in a holiday', { holidays: [{ date: '2026-12-24', observed: true }] }, 'holidays[0].observed', /unknown key/],
    ['unknown country', { holidaySets: ['XX'] }, 'holidaySets[0]', /unknown holiday set 'XX'/],
    ['unknown region', { holidaySets: ['DE', 'DE-ZZ'] }, 'holidaySets[1]', /unknown holiday set 'DE-ZZ'/],
    ['lower-case code', { holidaySets: ['de-be'] }, 'holidaySets[0]', /unknown holiday set/],
    ['missing week', { week: undefined }, 'week', /expected object/],
  ])('%s', (_name, change, path, message) => {
    const issues = issuesOf(withChange(change));
    const issue = issues.find((candidate) => candidate.path === path);
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue?.message).toMatch(message);
  });

  it('names the field and the problem in the error message, listing every problem', () => {
    expect(() => BusinessCalendar.from(withChange({ timeZone: 'Nowhere/Land', week: { mon: [['08:00', '25:00']] } }))).toThrow(
      /invalid calendar: timeZone: unknown time zone 'Nowhere\/Land'.*; week\.mon\[0\]: invalid end time '25:00'/,
    );
  });

  it('rejects a non-object', () => {
    expect(issuesOf('Europe/Berlin')[0]?.message).toMatch(/expected object, got a string/);
  });

  it('accepts known country-region codes', () => {
    for (const code of ['DE', 'DE-BE', 'US-NY', 'AU-NSW', 'IN', 'DE-BY-A']) {
      expect(() => BusinessCalendar.from(withChange({ holidaySets: [code] })), code).not.toThrow();
    }
  });
});
