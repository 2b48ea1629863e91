/**
 * Months and quarters in a zone. London: BST (+01:00) from Sun 29 Mar 2026 01:00Z to Sun 25 Oct
 * 2026 01:00Z. Santiago: -03:00 until Sat 4 Apr 2026 24:00 (clocks back to 23:00, -04:00), and
 * -04:00 until Sat 5 Sep 24:00 (clocks forward to Sun 6 Sep 01:00): that midnight never happens.
 */
import { describe, expect, it } from 'vitest';
import { dayNumberFromCivil } from '../calendar/civil-day';
import {
  isQuarterEnd,
  lastDayOfMonth,
  monthBounds,
  monthKeyAt,
  monthsOf,
  nextMonthKey,
  periodBounds,
  previousMonthKey,
  quarterBounds,
  quarterOfMonth,
  startOfLocalDay,
} from './period';

const iso = (p: { from: Date; to: Date }) => [p.from.toISOString(), p.to.toISOString()];
const hours = (p: { from: Date; to: Date }) => (p.to.getTime() - p.from.getTime()) / 3_600_000;

describe('monthBounds: local midnights', () => {
  it.each([
    // October has the 25-hour Sunday: 31 x 24 + 1 = 745 hours.
    ['2026-10', 'Europe/London', '2026-09-30T23:00:00.000Z', '2026-11-01T00:00:00.000Z', 745],
    // March has the 23-hour Sunday: 31 x 24 - 1 = 743 hours.
    ['2026-03', 'Europe/London', '2026-03-01T00:00:00.000Z', '2026-03-31T23:00:00.000Z', 743],
    ['2026-07', 'Europe/London', '2026-06-30T23:00:00.000Z', '2026-07-31T23:00:00.000Z', 744],
    ['2026-02', 'UTC', '2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z', 672],
    // Kolkata +05:30 all year.
    ['2026-11', 'Asia/Kolkata', '2026-10-31T18:30:00.000Z', '2026-11-30T18:30:00.000Z', 720],
    // New York: EDT (-04:00) until Sun 1 Nov 2026 06:00Z, then EST.
    ['2026-11', 'America/New_York', '2026-11-01T04:00:00.000Z', '2026-12-01T05:00:00.000Z', 721],
  ])('%s in %s', (key, zone, from, to, h) => {
    const b = monthBounds(key, zone);
    expect(b.key).toBe(key);
    expect(iso(b)).toEqual([from, to]);
    expect(hours(b)).toBe(h);
  });

  it('a day whose midnight is skipped starts when the clocks jump; one whose midnight comes after a fall-back starts then', () => {
    expect(startOfLocalDay(dayNumberFromCivil(2026, 9, 6), 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
    // Sat 4 Apr 24:00 -03:00 (03:00Z) the clocks go back to 23:00 -04:00: 5 Apr 00:00 is at 04:00Z.
    expect(startOfLocalDay(dayNumberFromCivil(2026, 4, 5), 'America/Santiago').toISOString()).toBe('2026-04-05T04:00:00.000Z');
    expect(monthBounds('2026-09', 'America/Santiago').to.toISOString()).toBe('2026-10-01T03:00:00.000Z');
  });
});

describe('quarters', () => {
  it('bounds run from the first month\'s start to the last month\'s end', () => {
    // Q4 in London: 1 Oct 00:00 BST to 1 Jan 00:00 GMT.
    expect(iso(quarterBounds('2026-Q4', 'Europe/London'))).toEqual(['2026-09-30T23:00:00.000Z', '2027-01-01T00:00:00.000Z']);
    expect(iso(periodBounds('2026-Q1', 'UTC'))).toEqual(['2026-01-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z']);
    expect(iso(periodBounds('2026-10', 'UTC'))).toEqual(['2026-10-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z']);
  });

  it.each([
    ['2026-01', '2026-Q1', false],
    ['2026-03', '2026-Q1', true],
    ['2026-06', '2026-Q2', true],
    ['2026-08', '2026-Q3', false],
    ['2026-09', '2026-Q3', true],
    ['2026-12', '2026-Q4', true],
  ])('%s is in %s, quarter end: %s', (month, quarter, end) => {
    expect(quarterOfMonth(month)).toBe(quarter);
    expect(isQuarterEnd(month)).toBe(end);
  });

  it('lists a quarter\'s months', () => {
    expect(monthsOf('2026-Q4')).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(monthsOf('2027-Q1')).toEqual(['2027-01', '2027-02', '2027-03']);
  });
});

describe('month keys', () => {
  it('the month an instant falls in, in the zone', () => {
    // 30 Sep 23:30Z is 1 Oct 00:30 in London.
    expect(monthKeyAt(new Date('2026-09-30T23:30:00Z'), 'Europe/London')).toBe('2026-10');
    expect(monthKeyAt(new Date('2026-09-30T23:30:00Z'), 'UTC')).toBe('2026-09');
    expect(monthKeyAt(new Date('2026-11-01T03:59:59Z'), 'America/New_York')).toBe('2026-10');
  });

  it('steps across years; knows the last day', () => {
    expect(previousMonthKey('2026-01')).toBe('2025-12');
    expect(previousMonthKey('2026-10')).toBe('2026-09');
    expect(nextMonthKey('2026-12')).toBe('2027-01');
    expect(lastDayOfMonth('2028-02')).toBe('2028-02-29');
    expect(lastDayOfMonth('2026-10')).toBe('2026-10-31');
  });

  it.each([
    [() => monthBounds('2026-13', 'UTC'), "'2026-13' is not a month: expected YYYY-MM, e.g. 2026-10"],
    [() => monthBounds('2026-1', 'UTC'), "'2026-1' is not a month"],
    [() => monthsOf('2026-Q5'), "'2026-Q5' is not a quarter: expected YYYY-Qn with n 1..4, e.g. 2026-Q4"],
    [() => quarterOfMonth('2026-Q1'), "'2026-Q1' is not a month"],
    [() => periodBounds('October', 'UTC'), "'October' is not a period"],
    [() => monthBounds('2026-10', 'Mars/Olympus'), "'Mars/Olympus' is not a known IANA time zone"],
    [() => monthBounds('0999-10', 'UTC'), 'years 1000..9999 only'],
  ])('refuses bad input with a RangeError (%#)', (fn, message) => {
    expect(fn).toThrow(RangeError);
    expect(fn).toThrow(message);
  });
});
