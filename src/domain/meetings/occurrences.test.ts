import { describe, expect, it } from 'vitest';
import { parseLocal } from './local-time';
import { expand, ruleProblem, type Series } from './occurrences';
import { describe as describeRule, presetRule } from './presets';
import { parseRule } from './rrule';

function series(rrule: string, firstStart: string, timeZone: string): Series {
  const r = parseRule(rrule);
  if (!r.ok) throw new Error(r.error);
  const start = parseLocal(firstStart);
  if (!start) throw new Error(firstStart);
  return { rule: r.rule, start, timeZone };
}
const iso = (ds: Date[]) => ds.map((d) => d.toISOString());

describe('expand', () => {
  it('keeps 10:00 Berlin across the spring and autumn changes (09:00 UTC in winter, 08:00 UTC in summer)', () => {
    const s = series('FREQ=MONTHLY;BYDAY=-1SU', '2027-01-31T10:00', 'Europe/Berlin');
    expect(iso(expand(s, { limit: 11 }))).toEqual([
      '2027-01-31T09:00:00.000Z',
      '2027-02-28T09:00:00.000Z',
      '2027-03-28T08:00:00.000Z', // the day of the spring change itself
      '2027-04-25T08:00:00.000Z',
      '2027-05-30T08:00:00.000Z',
      '2027-06-27T08:00:00.000Z',
      '2027-07-25T08:00:00.000Z',
      '2027-08-29T08:00:00.000Z',
      '2027-09-26T08:00:00.000Z',
      '2027-10-31T09:00:00.000Z', // the day of the autumn change
      '2027-11-28T09:00:00.000Z',
    ]);
  });

  it('keeps 09:30 New York across the US changes, which come on other days than in Europe', () => {
    const s = series('FREQ=WEEKLY;BYDAY=MO', '2027-03-08T09:30', 'America/New_York');
    // US clocks go forward on 14 March 2027, Europe's on 28 March.
    expect(iso(expand(s, { limit: 3 }))).toEqual(['2027-03-08T14:30:00.000Z', '2027-03-15T13:30:00.000Z', '2027-03-22T13:30:00.000Z']);
    const autumn = series('FREQ=DAILY;COUNT=3', '2027-11-06T09:30', 'America/New_York');
    expect(iso(expand(autumn, {}))).toEqual(['2027-11-06T13:30:00.000Z', '2027-11-07T14:30:00.000Z', '2027-11-08T14:30:00.000Z']);
  });

  it('reads a time skipped by the spring change with the offset before the gap, and a doubled time as its first occurrence', () => {
    const gap = series('FREQ=DAILY;COUNT=2', '2027-03-27T02:30', 'Europe/Berlin');
    expect(iso(expand(gap, {}))).toEqual(['2027-03-27T01:30:00.000Z', '2027-03-28T01:30:00.000Z']); // 03:30 CEST on the 28th
    const doubled = series('FREQ=DAILY;COUNT=2', '2027-10-30T02:30', 'Europe/Berlin');
    expect(iso(expand(doubled, {}))).toEqual(['2027-10-30T00:30:00.000Z', '2027-10-31T00:30:00.000Z']); // 02:30 CEST, the first of the two
  });

  it('gives the second Tuesday of every month (2TU)', () => {
    const s = series('FREQ=MONTHLY;BYDAY=2TU', '2027-01-12T10:00', 'Europe/Berlin');
    expect(expand(s, { limit: 6 }).map((d) => d.toISOString().slice(0, 10))).toEqual(['2027-01-12', '2027-02-09', '2027-03-09', '2027-04-13', '2027-05-11', '2027-06-08']);
  });

  it('gives the last Friday of every quarter month (-1FR, INTERVAL=3)', () => {
    const s = series('FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR', '2027-01-29T14:00', 'Europe/Berlin');
    expect(expand(s, { limit: 4 }).map((d) => d.toISOString().slice(0, 10))).toEqual(['2027-01-29', '2027-04-30', '2027-07-30', '2027-10-29']);
  });

  it('stops after COUNT meetings, the first one counted', () => {
    const s = series('FREQ=MONTHLY;BYDAY=2TU;COUNT=3', '2027-01-12T10:00', 'Europe/Berlin');
    expect(expand(s, { limit: 10 })).toHaveLength(3);
    expect(expand(s, { from: new Date('2027-02-01T00:00:00Z') }).map((d) => d.toISOString().slice(0, 10))).toEqual(['2027-02-09', '2027-03-09']);
  });

  it('stops at UNTIL, inclusive, given as a UTC instant or as a date in the zone', () => {
    const instant = series('FREQ=MONTHLY;BYDAY=2TU;UNTIL=20270309T090000Z', '2027-01-12T10:00', 'Europe/Berlin');
    expect(expand(instant, { limit: 10 }).map((d) => d.toISOString().slice(0, 10))).toEqual(['2027-01-12', '2027-02-09', '2027-03-09']);
    const date = series('FREQ=MONTHLY;BYDAY=2TU;UNTIL=20270309', '2027-01-12T10:00', 'Europe/Berlin');
    expect(expand(date, { limit: 10 })).toHaveLength(3);
  });

  it('skips months without the day (BYMONTHDAY=31) and reads negative month days from the end', () => {
    const s = series('FREQ=MONTHLY;BYMONTHDAY=31', '2027-01-31T10:00', 'UTC');
    expect(expand(s, { limit: 3 }).map((d) => d.toISOString().slice(0, 10))).toEqual(['2027-01-31', '2027-03-31', '2027-05-31']);
    const last = series('FREQ=MONTHLY;BYMONTHDAY=-1', '2027-01-31T10:00', 'UTC');
    expect(expand(last, { limit: 3 }).map((d) => d.toISOString().slice(0, 10))).toEqual(['2027-01-31', '2027-02-28', '2027-03-31']);
  });

  it('expands yearly rules by month and weekly rules by weekday', () => {
    const yearly = series('FREQ=YEARLY;BYMONTH=3,9;BYDAY=1MO', '2027-03-01T10:00', 'UTC');
    expect(expand(yearly, { limit: 4 }).map((d) => d.toISOString().slice(0, 10))).toEqual(['2027-03-01', '2027-09-06', '2028-03-06', '2028-09-04']);
    const weekly = series('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH', '2027-01-04T10:00', 'UTC');
    expect(expand(weekly, { limit: 4 }).map((d) => d.toISOString().slice(0, 10))).toEqual(['2027-01-04', '2027-01-07', '2027-01-18', '2027-01-21']);
  });

  it('returns only occurrences in the window asked for', () => {
    const s = series('FREQ=MONTHLY;BYDAY=2TU', '2027-01-12T10:00', 'Europe/Berlin');
    expect(expand(s, { from: new Date('2027-03-01T00:00:00Z'), to: new Date('2027-05-01T00:00:00Z') }).map((d) => d.toISOString().slice(0, 10))).toEqual(['2027-03-09', '2027-04-13']);
  });
});

describe('ruleProblem', () => {
  it('refuses a first meeting the rule would not give, naming the first day it gives', () => {
    expect(ruleProblem(series('FREQ=MONTHLY;BYDAY=2TU', '2027-01-05T10:00', 'Europe/Berlin'))).toMatch(/first such day is 2027-01-12/);
    expect(ruleProblem(series('FREQ=MONTHLY;BYDAY=2TU', '2027-01-12T10:00', 'Europe/Berlin'))).toBeNull();
  });
  it('refuses a rule that gives no dates, and an UNTIL before the first meeting', () => {
    expect(ruleProblem(series('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', '2027-02-28T10:00', 'UTC'))).toMatch(/gives no dates/);
    expect(ruleProblem(series('FREQ=DAILY;UNTIL=20261231', '2027-01-12T10:00', 'UTC'))).toMatch(/UNTIL is before the first meeting/);
  });
});

describe('presetRule', () => {
  it.each([
    ['monthly', '2027-01-12T10:00', 'FREQ=MONTHLY;BYDAY=2TU'],
    ['quarterly', '2027-01-12T10:00', 'FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU'],
    ['monthly', '2027-01-29T10:00', 'FREQ=MONTHLY;BYDAY=-1FR'],
    ['quarterly', '2027-01-22T10:00', 'FREQ=MONTHLY;INTERVAL=3;BYDAY=4FR'],
  ] as const)('%s from %s is %s, and the first meeting is its first date', (preset, first, rule) => {
    expect(presetRule(preset, parseLocal(first)!)).toBe(rule);
    expect(ruleProblem(series(rule, first, 'Europe/Berlin'))).toBeNull();
  });
});

describe('describeRule', () => {
  it.each([
    ['FREQ=MONTHLY;BYDAY=2TU', 'every month on the second Tuesday'],
    ['FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR;COUNT=4', 'every quarter (3 months) on the last Friday, 4 times'],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;UNTIL=20271231', 'every 2 weeks on Monday and Thursday, until 2027-12-31'],
    ['FREQ=YEARLY;BYMONTH=3,9;BYMONTHDAY=1', 'every year in March and September on day 1 of the month'],
  ])('puts %s in words for e-mails', (rule, words) => {
    const r = parseRule(rule);
    if (!r.ok) throw new Error(r.error);
    expect(describeRule(r.rule)).toBe(words);
  });
});
