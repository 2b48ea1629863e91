import { describe, expect, it } from 'vitest';
import { readCalendar } from '../../../test/support/ical-reader';
import { escapeText, foldLine, writeCalendar, type IcsEvent } from './ics';
import { parseLocal } from './local-time';
import { expand, type Series } from './occurrences';
import { formatRule, parseRule } from './rrule';

const now = new Date('2026-12-05T12:00:00Z');

function series(rrule: string, firstStart: string, timeZone: string): Series {
  const r = parseRule(rrule);
  if (!r.ok) throw new Error(r.error);
  return { rule: r.rule, start: parseLocal(firstStart)!, timeZone };
}

function seriesEvent(s: Series, extra: Partial<IcsEvent> = {}): IcsEvent {
  const [start] = expand(s, { limit: 1 });
  return {
    uid: 'c1@servicepact',
    timeZone: s.timeZone,
    start: start!,
    end: new Date(start!.getTime() + 60 * 60_000),
    summary: 'Quarterly service review',
    rrule: formatRule(s.rule),
    sequence: 0,
    status: 'CONFIRMED',
    ...extra,
  };
}

describe('text rules', () => {
  it('escapes backslashes, semicolons, commas and line breaks', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });
  it('folds lines at 75 octets without splitting a UTF-8 character', () => {
    const line = `SUMMARY:${'ä'.repeat(60)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(new TextEncoder().encode(p).length).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
  });
});

describe('writeCalendar read back by ical.js', () => {
  it('expands a monthly Berlin series to the same instants as the domain, across both DST changes', () => {
    const s = series('FREQ=MONTHLY;BYDAY=-1SU', '2027-01-31T10:00', 'Europe/Berlin');
    const text = writeCalendar({ name: 'Reviews', events: [seriesEvent(s)], now });
    expect(text.split('\r\n').every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);
    const cal = readCalendar(text);
    expect(cal.name).toBe('Reviews');
    expect(cal.timeZones).toEqual(['Europe/Berlin']);
    expect(cal.events[0]).toMatchObject({ tzid: 'Europe/Berlin', rrule: 'FREQ=MONTHLY;BYDAY=-1SU', start: new Date('2027-01-31T09:00:00Z'), end: new Date('2027-01-31T10:00:00Z') });
    const until = new Date('2029-01-01T00:00:00Z');
    const ours = expand(s, { to: until });
    expect(cal.expand('c1@servicepact', until).map((d) => d.toISOString())).toEqual(ours.map((d) => d.toISOString()));
    expect(ours.find((d) => d.toISOString().startsWith('2027-07'))?.toISOString()).toBe('2027-07-25T08:00:00.000Z');
  });

  it('expands a New York quarterly series (2TU) the same way, with COUNT', () => {
    const s = series('FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU;COUNT=6', '2027-01-12T09:30', 'America/New_York');
    const cal = readCalendar(writeCalendar({ events: [seriesEvent(s)], now }));
    const theirs = cal.expand('c1@servicepact', new Date('2030-01-01T00:00:00Z'));
    expect(theirs.map((d) => d.toISOString())).toEqual(expand(s, {}).map((d) => d.toISOString()));
    expect(theirs.map((d) => d.toISOString())).toEqual([
      '2027-01-12T14:30:00.000Z',
      '2027-04-13T13:30:00.000Z',
      '2027-07-13T13:30:00.000Z',
      '2027-10-12T13:30:00.000Z',
      '2028-01-11T14:30:00.000Z',
      '2028-04-11T13:30:00.000Z',
    ]);
  });

  it('leaves out a cancelled meeting (EXDATE) and shows a moved one at its new time (RECURRENCE-ID)', () => {
    const s = series('FREQ=MONTHLY;BYDAY=2TU', '2027-01-12T10:00', 'Europe/Berlin');
    const all = expand(s, { limit: 6 });
    const cancelled = all[1]!; // 9 Feb
    const moved = all[3]!; // 13 Apr, 08:00 UTC (CEST)
    const movedTo = new Date('2027-04-14T12:00:00Z');
    const text = writeCalendar({
      events: [
        seriesEvent(s, { exdates: [cancelled], rrule: formatRule(s.rule, { count: 6 }) }),
        { uid: 'c1@servicepact', timeZone: s.timeZone, recurrenceId: moved, start: movedTo, end: new Date(movedTo.getTime() + 3_600_000), summary: 'Quarterly service review', sequence: 1, status: 'CONFIRMED' },
      ],
      now,
    });
    expect(text).toContain('EXDATE;TZID=Europe/Berlin:20270209T100000');
    expect(text).toContain('RECURRENCE-ID;TZID=Europe/Berlin:20270413T100000');
    const cal = readCalendar(text);
    expect(cal.events[0]!.exdates.map((d) => d.toISOString())).toEqual([cancelled.toISOString()]);
    expect(cal.events[1]).toMatchObject({ recurrenceId: moved, start: movedTo, sequence: 1 });
    const theirs = cal.expand('c1@servicepact', new Date('2028-01-01T00:00:00Z')).map((d) => d.toISOString());
    expect(theirs).toEqual([all[0], all[2], movedTo, all[4], all[5]].map((d) => d!.toISOString()));
  });

  it('writes an invitation (METHOD:REQUEST) with organizer and attendees, and a cancellation (METHOD:CANCEL)', () => {
    const s = series('FREQ=MONTHLY;BYDAY=2TU', '2027-01-12T10:00', 'Europe/Berlin');
    const people = { organizer: { name: 'Ada, Account Manager', email: 'ada@msp.test' }, attendees: [{ name: 'Bob', email: 'bob@client.test' }] };
    const request = readCalendar(writeCalendar({ method: 'REQUEST', events: [seriesEvent(s, { ...people, location: 'Room 1; Basel', description: 'Agenda:\nscorecard' })], now }));
    expect(request.method).toBe('REQUEST');
    expect(request.events[0]).toMatchObject({ location: 'Room 1; Basel', description: 'Agenda:\nscorecard', attendees: ['mailto:bob@client.test'] });
    const [, second] = expand(s, { limit: 2 });
    const cancel = readCalendar(
      writeCalendar({ method: 'CANCEL', events: [{ uid: 'c1@servicepact', timeZone: s.timeZone, recurrenceId: second!, start: second!, end: new Date(second!.getTime() + 3_600_000), summary: 'Review', sequence: 2, status: 'CANCELLED', ...people }], now }),
    );
    expect(cancel.method).toBe('CANCEL');
    expect(cancel.events[0]).toMatchObject({ status: 'CANCELLED', sequence: 2, recurrenceId: second });
  });
});

describe('zones without DST', () => {
  it('writes a fixed-offset VTIMEZONE that ical.js reads (Asia/Tokyo)', () => {
    const s = series('FREQ=WEEKLY;BYDAY=TU;COUNT=3', '2027-01-12T09:00', 'Asia/Tokyo');
    const cal = readCalendar(writeCalendar({ events: [seriesEvent(s)], now }));
    expect(cal.expand('c1@servicepact', new Date('2028-01-01T00:00:00Z')).map((d) => d.toISOString())).toEqual(['2027-01-12T00:00:00.000Z', '2027-01-19T00:00:00.000Z', '2027-01-26T00:00:00.000Z']);
  });
});
