import { describe, expect, it } from 'vitest';
import { formatRule, parseRule } from './rrule';

describe('parseRule', () => {
  it.each([
    ['FREQ=MONTHLY;BYDAY=2TU', 'FREQ=MONTHLY;BYDAY=2TU'],
    ['RRULE:freq=monthly;interval=3;byday=-1fr', 'FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR'],
    ['FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10', 'FREQ=WEEKLY;COUNT=10;BYDAY=MO,WE'],
    ['FREQ=YEARLY;BYMONTH=3,9;BYDAY=1MO', 'FREQ=YEARLY;BYMONTH=3,9;BYDAY=1MO'],
    ['FREQ=MONTHLY;BYMONTHDAY=-1;UNTIL=20271231', 'FREQ=MONTHLY;UNTIL=20271231;BYMONTHDAY=-1'],
    ['FREQ=DAILY;UNTIL=20270101T090000Z;WKST=MO', 'FREQ=DAILY;UNTIL=20270101T090000Z'],
  ])('reads %s', (text, canonical) => {
    const r = parseRule(text);
    expect(r.ok).toBe(true);
    if (r.ok) expect(formatRule(r.rule)).toBe(canonical);
  });

  it.each([
    ['', /is required/],
    ['BYDAY=MO', /FREQ is required/],
    ['FREQ=HOURLY', /FREQ=HOURLY is not supported/],
    ['FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO,TU', /BYSETPOS is not supported/],
    ['FREQ=MONTHLY;BYDAY=6TU', /ordinal of 6TU must be 1 to 5/],
    ['FREQ=MONTHLY;BYDAY=XX', /XX is not a weekday/],
    ['FREQ=WEEKLY;BYDAY=2TU', /needs FREQ=MONTHLY or FREQ=YEARLY/],
    ['FREQ=YEARLY;BYDAY=2TU', /needs BYMONTH/],
    ['FREQ=MONTHLY;COUNT=3;UNTIL=20271231', /COUNT and UNTIL cannot both/],
    ['FREQ=MONTHLY;COUNT=0', /COUNT must be a whole number/],
    ['FREQ=MONTHLY;INTERVAL=x', /INTERVAL must be a whole number/],
    ['FREQ=MONTHLY;UNTIL=20270231', /UNTIL must be a date/],
    ['FREQ=MONTHLY;BYMONTHDAY=32', /BYMONTHDAY: 32/],
    ['FREQ=MONTHLY;BYMONTH=13', /BYMONTH: 13/],
    ['FREQ=MONTHLY;FREQ=WEEKLY', /FREQ is given twice/],
    ['FREQ=MONTHLY;WKST=SU', /only MO/],
    ['FREQ=WEEKLY;BYMONTHDAY=1', /cannot be used with FREQ=WEEKLY/],
    ['FREQ', /is not NAME=VALUE/],
  ])('refuses %j with a message saying why', (text, message) => {
    const r = parseRule(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });

  it('writes UNTIL in UTC and replaces COUNT when asked (a series cut short by a new cadence)', () => {
    const r = parseRule('FREQ=MONTHLY;COUNT=12;BYDAY=2TU');
    if (!r.ok) throw new Error(r.error);
    expect(formatRule(r.rule, { count: 4 })).toBe('FREQ=MONTHLY;COUNT=4;BYDAY=2TU');
    expect(formatRule(r.rule, { untilInstant: new Date('2027-05-01T08:00:00Z') })).toBe('FREQ=MONTHLY;UNTIL=20270501T080000Z;BYDAY=2TU');
  });
});
