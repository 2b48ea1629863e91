/**
 * Table-driven cases. Every expected instant was worked out by hand from the calendar and the
 * zone rules (written with the offset the wall clock has at that instant), never copied from
 * the implementation. Useful facts:
 *   2026-02-02 is a Monday; Berlin is +01:00 in winter, +02:00 in summer.
 *   Europe/Berlin 2026: 02:00 -> 03:00 on Sun 29 Mar (01:00Z); 03:00 -> 02:00 on Sun 25 Oct (01:00Z).
 *   America/New_York 2026: 02:00 -> 03:00 on Sun 8 Mar (07:00Z); 02:00 -> 01:00 on Sun 1 Nov (06:00Z).
 *   Australia/Sydney 2026: 03:00 -> 02:00 on Sun 5 Apr (16:00Z Sat); 02:00 -> 03:00 on Sun 4 Oct (16:00Z Sat).
 *   Asia/Kolkata is +05:30 all year.
 */
import { describe, expect, it } from 'vitest';
import { BusinessCalendar } from './business-calendar';

const H = 3600;
const M = 60;

const OFFICE_WEEK = {
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
};

/** The example from the issue: Mon 8 h with a lunch gap, Tue-Thu 9 h, Fri 8 h. */
const berlinOffice = BusinessCalendar.from({
  timeZone: 'Europe/Berlin',
  week: OFFICE_WEEK,
  holidays: ['2026-12-24', { from: '2026-12-29', to: '2027-01-02' }, { date: '05-01', yearly: true }, { from: '12-25', to: '12-26', yearly: true }],
  holidaySets: ['DE-BE'],
});

const everyDay = (periods: string[][]): Record<string, string[][]> => ({
  mon: periods,
  tue: periods,
  wed: periods,
  thu: periods,
  fri: periods,
  sat: periods,
  sun: periods,
});

const berlinNights = BusinessCalendar.from({ timeZone: 'Europe/Berlin', week: everyDay([['00:00', '06:00']]) });
const berlinDays = BusinessCalendar.from({ timeZone: 'Europe/Berlin', week: everyDay([['08:00', '17:00']]) });
const berlinEarly = BusinessCalendar.from({ timeZone: 'Europe/Berlin', week: everyDay([['02:30', '04:00']]) });
const newYorkNights = BusinessCalendar.from({ timeZone: 'America/New_York', week: everyDay([['00:00', '06:00']]) });
const newYorkEarly = BusinessCalendar.from({ timeZone: 'America/New_York', week: everyDay([['01:30', '05:00']]) });
const sydneyNights = BusinessCalendar.from({ timeZone: 'Australia/Sydney', week: everyDay([['00:00', '06:00']]) });
const sydneyOffice = BusinessCalendar.from({
  timeZone: 'Australia/Sydney',
  week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] },
});
const kolkataOffice = BusinessCalendar.from({
  timeZone: 'Asia/Kolkata',
  week: { mon: [['09:30', '18:00']], tue: [['09:30', '18:00']], wed: [['09:30', '18:00']], thu: [['09:30', '18:00']], fri: [['09:30', '18:00']] },
});
const berlin24x7 = BusinessCalendar.from({ timeZone: 'Europe/Berlin', week: everyDay([['00:00', '24:00']]) });
const plainOffice = (holidays: unknown[], holidaySets: string[] = []): BusinessCalendar =>
  BusinessCalendar.from({ timeZone: 'Europe/Berlin', week: OFFICE_WEEK, holidays, holidaySets });
const yearlyOnly = plainOffice([{ date: '05-01', yearly: true }, { from: '12-25', to: '12-26', yearly: true }]);
const setOnly = plainOffice([], ['DE-BE']);

const d = (iso: string): Date => new Date(iso);

describe('addBusinessTime', () => {
  it.each<[string, BusinessCalendar, string, number, string]>([
    ['inside hours', berlinOffice, '2026-02-02T09:00:00+01:00', 2 * H, '2026-02-02T11:00:00+01:00'],
    ['start before opening counts from 08:00', berlinOffice, '2026-02-02T06:30:00+01:00', 1 * H, '2026-02-02T09:00:00+01:00'],
    // 11:00-12:00 is 1 h, lunch, then 13:00 + 1 h.
    ['across the lunch gap', berlinOffice, '2026-02-02T11:00:00+01:00', 2 * H, '2026-02-02T14:00:00+01:00'],
    ['start inside the lunch gap', berlinOffice, '2026-02-02T12:30:00+01:00', 30 * M, '2026-02-02T13:30:00+01:00'],
    ['start after closing counts from next morning', berlinOffice, '2026-02-02T18:00:00+01:00', 1 * H, '2026-02-03T09:00:00+01:00'],
    ['landing exactly on closing returns the closing', berlinOffice, '2026-02-02T16:00:00+01:00', 1 * H, '2026-02-02T17:00:00+01:00'],
    ['landing exactly on the lunch closing', berlinOffice, '2026-02-02T11:00:00+01:00', 1 * H, '2026-02-02T12:00:00+01:00'],
    ['Friday closing (16:00) exactly', berlinOffice, '2026-02-06T08:00:00+01:00', 8 * H, '2026-02-06T16:00:00+01:00'],
    // Fri 15:00-16:00 is 1 h, the weekend is closed, Mon 08:00 + 1 h.
    ['over the weekend', berlinOffice, '2026-02-06T15:00:00+01:00', 2 * H, '2026-02-09T09:00:00+01:00'],
    ['start on Saturday', berlinOffice, '2026-02-07T10:00:00+01:00', 1 * H, '2026-02-09T09:00:00+01:00'],
    // Mon 8 + Tue 9 + Wed 9 + Thu 9 = 35 h by Thu 17:00; 5 more from Fri 08:00.
    ['a 40-hour week', berlinOffice, '2026-02-02T08:00:00+01:00', 40 * H, '2026-02-06T13:00:00+01:00'],
    ['seconds precision', berlinOffice, '2026-02-02T11:59:59+01:00', 2, '2026-02-02T13:00:01+01:00'],
    // Wed 23 Dec: 16-17 is 1 h; 24 (dated), 25-26 (yearly + DE-BE), 27 (Sun) closed; Mon 28 08:00 + 1 h.
    ['single-date holiday and yearly range', berlinOffice, '2026-12-23T16:00:00+01:00', 2 * H, '2026-12-28T09:00:00+01:00'],
    // Mon 28 Dec: 16-17 is 1 h; 29 Dec - 2 Jan (range), 3 Jan (Sun) closed; Mon 4 Jan 2027 + 1 h.
    ['holiday range over the new year', berlinOffice, '2026-12-28T16:00:00+01:00', 2 * H, '2027-01-04T09:00:00+01:00'],
    // Thu 30 Apr 2026: 1 h; Fri 1 May yearly holiday; weekend; Mon 4 May 08:00 + 1 h (summer time).
    ['yearly single date (1 May)', yearlyOnly, '2026-04-30T16:00:00+02:00', 2 * H, '2026-05-04T09:00:00+02:00'],
    // 2030: 24 Dec is a Tuesday; 25-26 (Wed, Thu) yearly; Fri 27 08:00 + 1 h.
    ['yearly range in another year', yearlyOnly, '2030-12-24T16:00:00+01:00', 2 * H, '2030-12-27T09:00:00+01:00'],
    // DE-BE: Good Friday 3 Apr and Easter Monday 6 Apr 2026; Thu 2 Apr 1 h, Tue 7 Apr 08:00 + 1 h.
    ['country-region holiday set (Easter)', setOnly, '2026-04-02T16:00:00+02:00', 2 * H, '2026-04-07T09:00:00+02:00'],
    ['the same Easter without a set', plainOffice([]), '2026-04-02T16:00:00+02:00', 2 * H, '2026-04-03T09:00:00+02:00'],
    // Spring forward: 00:00-02:00 (+01:00) is 2 h, the clock jumps to 03:00 (+02:00), 1 h more.
    ['Berlin spring-forward night', berlinNights, '2026-03-29T00:00:00+01:00', 3 * H, '2026-03-29T04:00:00+02:00'],
    // Fall back: 3 real hours from 00:00 (+02:00) = 22:00Z + 3 h = 01:00Z, the second 02:00.
    ['Berlin fall-back night', berlinNights, '2026-10-25T00:00:00+02:00', 3 * H, '2026-10-25T02:00:00+01:00'],
    // 05:00-06:00 (+02:00) is the last hour of the 5-hour spring night; next night Mon 00:00 + 1 h.
    ['Berlin spring-forward night rolls over', berlinNights, '2026-03-29T05:00:00+02:00', 2 * H, '2026-03-30T01:00:00+02:00'],
    // 01:30-02:00 EST is 30 min (to 07:00Z), the clock jumps to 03:00 EDT, 30 min more.
    ['New York spring forward', newYorkEarly, '2026-03-08T01:30:00-05:00', 1 * H, '2026-03-08T03:30:00-04:00'],
    // 01:30 EDT = 05:30Z; the wall clock runs 01:30-02:00 EDT, back to 01:00 EST (06:00Z), on to 03:00 EST.
    // Open: 05:30-06:00Z, then 01:30-05:00 EST = 06:30-10:00Z. 1 h = 30 min + 30 min -> 07:00Z = 02:00 EST.
    ['New York fall back lives 01:30-02:00 twice', newYorkEarly, '2026-11-01T01:30:00-04:00', 1 * H, '2026-11-01T02:00:00-05:00'],
    // Sydney autumn (southern) fall back on 5 Apr: 00:00 +11:00 = 13:00Z; 4 real hours -> 17:00Z = 03:00 +10:00.
    ['Sydney April fall back', sydneyNights, '2026-04-05T00:00:00+11:00', 4 * H, '2026-04-05T03:00:00+10:00'],
    // Sydney spring forward on 4 Oct: 00:00-02:00 +10:00 then 03:00 +11:00; 3 h -> 04:00 +11:00.
    ['Sydney October spring forward', sydneyNights, '2026-10-04T00:00:00+10:00', 3 * H, '2026-10-04T04:00:00+11:00'],
    // Mon 17:00-18:00 is 1 h, Tue 09:30 + 1 h.
    ['Kolkata half-hour offset', kolkataOffice, '2026-02-02T17:00:00+05:30', 2 * H, '2026-02-03T10:30:00+05:30'],
    ['24x7 across spring forward is plain arithmetic', berlin24x7, '2026-03-28T23:00:00+01:00', 4 * H, '2026-03-29T04:00:00+02:00'],
  ])('%s', (_name, calendar, start, seconds, expected) => {
    expect(calendar.addBusinessTime(d(start), seconds).toISOString()).toBe(d(expected).toISOString());
  });

  it.each<[string, BusinessCalendar, string, number, string]>([
    // Back from Mon 09:00: 1 h to 08:00, then Fri 16:00 - 1 h.
    ['back over the weekend', berlinOffice, '2026-02-09T09:00:00+01:00', -2 * H, '2026-02-06T15:00:00+01:00'],
    ['back to an opening returns the opening (latest instant)', berlinOffice, '2026-02-09T09:00:00+01:00', -1 * H, '2026-02-09T08:00:00+01:00'],
    ['back from a closed start counts from the previous closing', berlinOffice, '2026-02-07T10:00:00+01:00', -1 * H, '2026-02-06T15:00:00+01:00'],
    // Back from Mon 13:30: 30 min to 13:00, lunch, 12:00 - 30 min.
    ['back over the lunch gap', berlinOffice, '2026-02-02T13:30:00+01:00', -1 * H, '2026-02-02T11:30:00+01:00'],
    // "Warn 30 business minutes before due": due Tue 08:15 -> 15 min back to 08:00, then Mon 17:00 - 15 min.
    ['warning before a due instant', berlinOffice, '2026-02-03T08:15:00+01:00', -30 * M, '2026-02-02T16:45:00+01:00'],
    ['back over the spring-forward night', berlinNights, '2026-03-29T04:00:00+02:00', -3 * H, '2026-03-29T00:00:00+01:00'],
  ])('negative: %s', (_name, calendar, start, seconds, expected) => {
    expect(calendar.addBusinessTime(d(start), seconds).toISOString()).toBe(d(expected).toISOString());
  });

  it('zero returns the start unchanged, even when closed', () => {
    const start = d('2026-02-07T10:00:00.250+01:00');
    expect(berlinOffice.addBusinessTime(start, 0).getTime()).toBe(start.getTime());
  });

  it('drops milliseconds of the start: results are whole seconds', () => {
    expect(berlinOffice.addBusinessTime(d('2026-02-02T09:00:00.999+01:00'), 60).toISOString()).toBe(d('2026-02-02T09:01:00+01:00').toISOString());
    expect(berlinOffice.businessSecondsBetween(d('2026-02-02T09:00:00.900+01:00'), d('2026-02-02T09:00:01.100+01:00'))).toBe(1);
  });

  it('refuses a fractional or non-finite number of seconds', () => {
    expect(() => berlinOffice.addBusinessTime(d('2026-02-02T09:00:00+01:00'), 1.5)).toThrow(RangeError);
    expect(() => berlinOffice.addBusinessTime(d('2026-02-02T09:00:00+01:00'), Number.NaN)).toThrow(RangeError);
    expect(() => berlinOffice.addBusinessTime(new Date(Number.NaN), 1)).toThrow(RangeError);
  });

  it('reaches far dates (chunks are built lazily, also backwards)', () => {
    // 24x7: 10 years of seconds is plain arithmetic.
    const start = d('2026-01-01T00:00:00Z');
    // 2026-2035 hold two leap days (2028, 2032): 3652 days; 2016-2025 hold three (2016, 2020, 2024).
    expect(berlin24x7.addBusinessTime(start, 3652 * 86_400).toISOString()).toBe('2036-01-01T00:00:00.000Z');
    expect(berlin24x7.addBusinessTime(start, -3653 * 86_400).toISOString()).toBe('2016-01-01T00:00:00.000Z');
  });

  it('fails clearly on a calendar that is never open', () => {
    const closed = BusinessCalendar.from({ timeZone: 'UTC', week: {} });
    expect(() => closed.addBusinessTime(d('2026-01-01T00:00:00Z'), 60)).toThrow(/no open hours/);
    const allHolidays = BusinessCalendar.from({ timeZone: 'UTC', week: everyDay([['09:00', '17:00']]), holidays: [{ from: '01-01', to: '12-31', yearly: true }] });
    expect(() => allHolidays.addBusinessTime(d('2026-01-01T00:00:00Z'), 60)).toThrow(/no open time/);
  });
});

describe('addBusinessTime with pauses', () => {
  const start = d('2026-02-02T09:00:00+01:00');
  it.each<[string, { from: string; to: string }[], number, string]>([
    // 09:00-09:30 counts 30 min; paused to 10:30; 90 min more lands on the 12:00 closing.
    ['a pause inside the day', [{ from: '2026-02-02T09:30:00+01:00', to: '2026-02-02T10:30:00+01:00' }], 2 * H, '2026-02-02T12:00:00+01:00'],
    // The pause covers the start; counting begins Tue 10:00.
    ['a pause that starts before the clock and ends after it', [{ from: '2026-02-01T12:00:00+01:00', to: '2026-02-03T10:00:00+01:00' }], 1 * H, '2026-02-03T11:00:00+01:00'],
    // Merged to 09:30-11:00: 30 min before, 30 min from 11:00.
    ['overlapping, unsorted pauses are merged', [
      { from: '2026-02-02T10:00:00+01:00', to: '2026-02-02T11:00:00+01:00' },
      { from: '2026-02-02T09:30:00+01:00', to: '2026-02-02T10:30:00+01:00' },
    ], 1 * H, '2026-02-02T11:30:00+01:00'],
    ['a pause ending before the start changes nothing', [{ from: '2026-02-01T09:00:00+01:00', to: '2026-02-02T09:00:00+01:00' }], 1 * H, '2026-02-02T10:00:00+01:00'],
    ['a pause after the deadline changes nothing', [{ from: '2026-02-02T10:00:00+01:00', to: '2026-02-02T11:00:00+01:00' }], 1 * H, '2026-02-02T10:00:00+01:00'],
    // 09:00-10:00 then paused; lunch pause ignored beyond the gap; 1 more h from 13:00.
    ['a pause over closed time', [{ from: '2026-02-02T10:00:00+01:00', to: '2026-02-02T12:30:00+01:00' }], 2 * H, '2026-02-02T14:00:00+01:00'],
    // Back from 11:00: 30 min to 10:30, paused 10:00-10:30, 30 min back from 10:00.
    ['negative with a pause', [{ from: '2026-02-02T10:00:00+01:00', to: '2026-02-02T10:30:00+01:00' }], -1 * H, '2026-02-02T09:30:00+01:00'],
  ])('%s', (name, pauses, seconds, expected) => {
    const from = name.startsWith('negative') ? d('2026-02-02T11:00:00+01:00') : start;
    const result = berlinOffice.addBusinessTime(from, seconds, { pauses: pauses.map((p) => ({ from: d(p.from), to: d(p.to) })) });
    expect(result.toISOString()).toBe(d(expected).toISOString());
  });

  it('refuses a pause that ends before it starts', () => {
    expect(() => berlinOffice.addBusinessTime(start, 60, { pauses: [{ from: d('2026-02-02T10:00:00Z'), to: d('2026-02-02T09:00:00Z') }] })).toThrow(/pauses\[0\] ends before it starts/);
  });
});

describe('businessSecondsBetween', () => {
  it.each<[string, BusinessCalendar, string, string, number]>([
    ['a whole office week (8+9+9+9+8 h)', berlinOffice, '2026-02-02T00:00:00+01:00', '2026-02-09T00:00:00+01:00', 43 * H],
    ['inside one period', berlinOffice, '2026-02-03T09:15:00+01:00', '2026-02-03T09:45:30+01:00', 30 * M + 30],
    ['both ends closed', berlinOffice, '2026-02-07T00:00:00+01:00', '2026-02-08T23:59:59+01:00', 0],
    ['the spring-forward night is 5 h', berlinNights, '2026-03-28T22:00:00+01:00', '2026-03-29T12:00:00+02:00', 5 * H],
    ['the fall-back night is 7 h', berlinNights, '2026-10-24T22:00:00+02:00', '2026-10-25T12:00:00+01:00', 7 * H],
    ['08:00-17:00 is 9 h on the spring-forward day', berlinDays, '2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00', 9 * H],
    ['08:00-17:00 is 9 h on the fall-back day', berlinDays, '2026-10-25T00:00:00+02:00', '2026-10-26T00:00:00+01:00', 9 * H],
    // 02:30-03:00 does not exist on 29 Mar; 03:00-04:00 does.
    ['a period starting in the spring gap', berlinEarly, '2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00', 1 * H],
    // 02:30-03:00 is lived twice on 25 Oct (00:30-01:00Z and 01:30-02:00Z), then 03:00-04:00 +01:00.
    ['a period overlapping the repeated hour', berlinEarly, '2026-10-25T00:00:00+02:00', '2026-10-26T00:00:00+01:00', 2 * H],
    ['New York spring-forward night is 5 h', newYorkNights, '2026-03-08T00:00:00-05:00', '2026-03-09T00:00:00-04:00', 5 * H],
    ['New York fall-back night is 7 h', newYorkNights, '2026-11-01T00:00:00-04:00', '2026-11-02T00:00:00-05:00', 7 * H],
    ['Sydney April night is 7 h (southern fall back)', sydneyNights, '2026-04-05T00:00:00+11:00', '2026-04-06T00:00:00+10:00', 7 * H],
    ['Sydney October night is 5 h (southern spring forward)', sydneyNights, '2026-10-04T00:00:00+10:00', '2026-10-05T00:00:00+11:00', 5 * H],
    // Fri 16:00-17:00 +11:00 and Mon 09:00-10:00 +10:00 (no holiday set).
    ['Sydney office over the April change', sydneyOffice, '2026-04-03T16:00:00+11:00', '2026-04-06T10:00:00+10:00', 2 * H],
    // 00:00Z-12:30Z is 05:30-18:00 local; open 09:30-18:00.
    ['Kolkata day seen in UTC', kolkataOffice, '2026-02-02T00:00:00Z', '2026-02-02T12:30:00Z', 8 * H + 30 * M],
    ['24x7 across the fall-back is real time', berlin24x7, '2026-10-24T12:00:00+02:00', '2026-10-25T12:00:00+01:00', 25 * H],
  ])('%s', (_name, calendar, from, to, expected) => {
    expect(calendar.businessSecondsBetween(d(from), d(to))).toBe(expected);
    expect(calendar.businessSecondsBetween(d(to), d(from))).toBe(-expected);
  });

  it('subtracts pauses (merged) and ignores pauses outside the range', () => {
    const from = d('2026-02-03T08:00:00+01:00');
    const to = d('2026-02-03T17:00:00+01:00');
    const pauses = [
      { from: d('2026-02-03T10:00:00+01:00'), to: d('2026-02-03T11:00:00+01:00') },
      { from: d('2026-02-03T10:30:00+01:00'), to: d('2026-02-03T12:00:00+01:00') },
      { from: d('2026-02-01T10:00:00+01:00'), to: d('2026-02-01T11:00:00+01:00') },
      { from: d('2026-02-03T16:30:00+01:00'), to: d('2026-02-04T12:00:00+01:00') },
    ];
    // 9 h minus 10:00-12:00 (2 h) minus 16:30-17:00 (30 min).
    expect(berlinOffice.businessSecondsBetween(from, to, { pauses })).toBe(6 * H + 30 * M);
    expect(berlinOffice.businessSecondsBetween(to, from, { pauses })).toBe(-(6 * H + 30 * M));
    expect(berlinOffice.businessSecondsBetween(from, to, { pauses: [{ from: d('2026-02-01T00:00:00Z'), to: d('2026-02-05T00:00:00Z') }] })).toBe(0);
  });
});

describe('addBusinessDays', () => {
  it.each<[string, BusinessCalendar, string, number, boolean, string]>([
    ['next day, same time', berlinOffice, '2026-02-02T10:00:00+01:00', 1, false, '2026-02-03T10:00:00+01:00'],
    ['over the weekend', berlinOffice, '2026-02-05T10:00:00+01:00', 2, false, '2026-02-09T10:00:00+01:00'],
    ['clamped to the Friday 16:00 closing', berlinOffice, '2026-02-05T16:30:00+01:00', 1, false, '2026-02-06T16:00:00+01:00'],
    // Tue 3 -> Wed 4 (1), Thu 5 (2), Fri 6 (3), Mon 9 (4); 12:30 is Monday's lunch gap -> 13:00.
    ['clamped out of a lunch gap to the next opening', berlinOffice, '2026-02-03T12:30:00+01:00', 4, false, '2026-02-09T13:00:00+01:00'],
    ['a start on Saturday first moves to Monday 08:00', berlinOffice, '2026-02-07T10:00:00+01:00', 1, false, '2026-02-10T08:00:00+01:00'],
    ['zero days from a closed start is the next opening', berlinOffice, '2026-02-07T10:00:00+01:00', 0, false, '2026-02-09T08:00:00+01:00'],
    ['end of day', berlinOffice, '2026-02-02T10:00:00+01:00', 1, true, '2026-02-03T17:00:00+01:00'],
    ['end of day on a Friday', berlinOffice, '2026-02-02T10:00:00+01:00', 4, true, '2026-02-06T16:00:00+01:00'],
    ['end of the same day', berlinOffice, '2026-02-02T10:00:00+01:00', 0, true, '2026-02-02T17:00:00+01:00'],
    ['backwards over the weekend', berlinOffice, '2026-02-09T10:00:00+01:00', -1, false, '2026-02-06T10:00:00+01:00'],
    ['backwards, clamped to Friday closing', berlinOffice, '2026-02-10T16:30:00+01:00', -2, false, '2026-02-06T16:00:00+01:00'],
    // 24 Dec (dated), 25-26, 27 (Sun) are not business days.
    ['over holidays', berlinOffice, '2026-12-23T10:00:00+01:00', 1, false, '2026-12-28T10:00:00+01:00'],
    // Same wall time on the next day although that day is 23 h long.
    ['across spring forward', berlinDays, '2026-03-28T10:00:00+01:00', 1, false, '2026-03-29T10:00:00+02:00'],
    ['across fall back', berlinDays, '2026-10-24T10:00:00+02:00', 1, false, '2026-10-25T10:00:00+01:00'],
    ['a closing time kept as is (12:00 is Monday lunch closing)', berlinOffice, '2026-02-03T11:59:59+01:00', 4, false, '2026-02-09T11:59:59+01:00'],
  ])('%s', (_name, calendar, start, days, endOfDay, expected) => {
    expect(calendar.addBusinessDays(d(start), days, { endOfDay }).toISOString()).toBe(d(expected).toISOString());
  });
});

describe('isOpen, isHoliday, nextOpen', () => {
  it.each<[string, BusinessCalendar, string, boolean]>([
    ['at opening', berlinOffice, '2026-02-02T08:00:00+01:00', true],
    ['at closing (periods are half-open)', berlinOffice, '2026-02-02T17:00:00+01:00', false],
    ['in the lunch gap', berlinOffice, '2026-02-02T12:30:00+01:00', false],
    ['Saturday', berlinOffice, '2026-02-07T10:00:00+01:00', false],
    ['a holiday', berlinOffice, '2026-12-24T10:00:00+01:00', false],
    ['first 02:45 on fall-back day', berlinEarly, '2026-10-25T00:45:00Z', true],
    ['second 02:15 on fall-back day (not in 02:30-04:00)', berlinEarly, '2026-10-25T01:15:00Z', false],
    ['second 02:45 on fall-back day', berlinEarly, '2026-10-25T01:45:00Z', true],
  ])('isOpen: %s', (_name, calendar, at, expected) => {
    expect(calendar.isOpen(d(at))).toBe(expected);
  });

  it.each<[string, BusinessCalendar, string, boolean]>([
    ['a dated holiday', berlinOffice, '2026-12-24T23:59:59+01:00', true],
    ['the day after it', berlinOffice, '2026-12-24T23:00:00Z', true], // 00:00 on the 25th locally: yearly
    ['the 27th (Sunday, not a holiday)', berlinOffice, '2026-12-27T12:00:00+01:00', false],
    ['inside a range', berlinOffice, '2027-01-01T12:00:00+01:00', true],
    ['yearly 1 May in 2035', berlinOffice, '2035-05-01T12:00:00+02:00', true],
    // The local day decides: 23:30Z on 30 Apr is 01:30 on 1 May in Berlin.
    ['local day, not UTC day', yearlyOnly, '2026-04-30T23:30:00Z', true],
    ['International Women\'s Day from DE-BE', setOnly, '2027-03-08T12:00:00+01:00', true],
    ['not a holiday in DE-BE', setOnly, '2027-03-09T12:00:00+01:00', false],
  ])('isHoliday: %s', (_name, calendar, at, expected) => {
    expect(calendar.isHoliday(d(at))).toBe(expected);
  });

  it('recognises holidays of other country sets', () => {
    const ny = BusinessCalendar.from({ timeZone: 'America/New_York', week: OFFICE_WEEK, holidaySets: ['US-NY'] });
    expect(ny.isHoliday(d('2026-11-26T12:00:00-05:00'))).toBe(true); // Thanksgiving: 4th Thursday of November
    expect(ny.isHoliday(d('2026-07-03T12:00:00-04:00'))).toBe(true); // 4 July is a Saturday: observed Friday
    const nsw = BusinessCalendar.from({ timeZone: 'Australia/Sydney', week: OFFICE_WEEK, holidaySets: ['AU-NSW'] });
    expect(nsw.isHoliday(d('2026-01-26T12:00:00+11:00'))).toBe(true); // Australia Day
  });

  it.each<[string, BusinessCalendar, string, string]>([
    ['open: itself', berlinOffice, '2026-02-02T09:10:11.500+01:00', '2026-02-02T09:10:11.500+01:00'],
    ['lunch gap', berlinOffice, '2026-02-02T12:00:00+01:00', '2026-02-02T13:00:00+01:00'],
    ['Friday evening', berlinOffice, '2026-02-06T16:00:00+01:00', '2026-02-09T08:00:00+01:00'],
    ['over a holiday range', berlinOffice, '2026-12-28T17:00:00+01:00', '2027-01-04T08:00:00+01:00'],
    ['in the spring gap', berlinEarly, '2026-03-29T00:00:00+01:00', '2026-03-29T03:00:00+02:00'],
  ])('nextOpen: %s', (_name, calendar, at, expected) => {
    expect(calendar.nextOpen(d(at)).getTime()).toBe(d(expected).getTime());
  });
});

describe('formatLocal', () => {
  it('writes the zone offset', () => {
    expect(berlinOffice.formatLocal(d('2026-03-29T01:00:00Z'))).toBe('2026-03-29T03:00:00+02:00');
    expect(kolkataOffice.formatLocal(d('2026-02-02T04:00:00Z'))).toBe('2026-02-02T09:30:00+05:30');
    expect(newYorkNights.formatLocal(d('2026-11-01T06:30:00.250Z'))).toBe('2026-11-01T01:30:00.250-05:00');
  });
});
