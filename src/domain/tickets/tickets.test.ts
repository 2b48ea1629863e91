import { describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../calendar';
import type { TicketEvent } from '../sla';
import { clockColumns, evaluateTicketClocks, type TicketTargetsDocument } from './ticket-clocks';
import { toClockTarget } from './clock-target';
import { statusTransition } from './ticket-status';
import { splitTimeEntry } from './time-split';

const H = 3600;
const london = BusinessCalendar.from({ timeZone: 'Europe/London', week: { mon: [['08:00', '18:00']], tue: [['08:00', '18:00']], wed: [['08:00', '18:00']], thu: [['08:00', '18:00']], fri: [['08:00', '18:00']] } });

describe('statusTransition', () => {
  it.each([
    ['new', 'in_progress', { resolves: false, reopens: false, closes: false }],
    ['in_progress', 'waiting_on_client', { resolves: false, reopens: false, closes: false }],
    ['in_progress', 'resolved', { resolves: true, reopens: false, closes: false }],
    ['in_progress', 'closed', { resolves: true, reopens: false, closes: true }],
    ['resolved', 'closed', { resolves: false, reopens: false, closes: true }],
    ['resolved', 'in_progress', { resolves: false, reopens: true, closes: false }],
    ['closed', 'new', { resolves: false, reopens: true, closes: false }],
    ['resolved', 'resolved', { resolves: false, reopens: false, closes: false }],
  ] as const)('%s -> %s', (from, to, expected) => {
    expect(statusTransition(from, to)).toEqual(expected);
  });

  it('refuses resolving a closed ticket', () => {
    expect(statusTransition('closed', 'resolved')).toBeNull();
  });
});

describe('toClockTarget', () => {
  it.each([
    [{ unit: 'minutes', minutes: 30 }, { unit: 'business_seconds', seconds: 1800 }],
    [{ unit: 'business_days', days: 2 }, { unit: 'business_days', days: 2 }],
    [{ unit: 'business_days', days: 2, plusMinutes: 35 }, { unit: 'business_days', days: 2, plusSeconds: 2100 }],
    [{ unit: 'business_days', days: 2, plusMinutes: 0 }, { unit: 'business_days', days: 2 }],
  ] as const)('%j', (target, expected) => {
    expect(toClockTarget(target)).toEqual(expected);
  });
});

describe('splitTimeEntry', () => {
  it('07:00-09:00 on an 08:00 opening is 1 h in coverage and 1 h after hours', () => {
    expect(splitTimeEntry(london, new Date('2026-03-02T07:00:00Z'), new Date('2026-03-02T09:00:00Z'))).toEqual({ durationSeconds: 2 * H, inCoverageSeconds: H, afterHoursSeconds: H });
  });

  it('a weekend entry is all after hours, a working-hours one all in coverage', () => {
    expect(splitTimeEntry(london, new Date('2026-03-07T10:00:00Z'), new Date('2026-03-07T12:30:00Z')).afterHoursSeconds).toBe(2.5 * H);
    expect(splitTimeEntry(london, new Date('2026-03-02T10:00:00Z'), new Date('2026-03-02T12:00:00Z')).inCoverageSeconds).toBe(2 * H);
  });

  it('counts real time across a DST change', () => {
    // Berlin, Sunday 29 March 2026: clocks jump 02:00 -> 03:00. Coverage 00:00-06:00 lasts 5 real hours;
    // an entry from 00:00 to 08:00 local lasts 7 real hours: 5 in coverage, 2 after hours.
    const night = BusinessCalendar.from({ timeZone: 'Europe/Berlin', week: { sun: [['00:00', '06:00']] } });
    expect(splitTimeEntry(night, new Date('2026-03-29T00:00:00+01:00'), new Date('2026-03-29T08:00:00+02:00'))).toEqual({ durationSeconds: 7 * H, inCoverageSeconds: 5 * H, afterHoursSeconds: 2 * H });
  });

  it('without a calendar (no contract) everything is in coverage; an end before the start is refused', () => {
    expect(splitTimeEntry(null, new Date('2026-03-07T10:00:00Z'), new Date('2026-03-07T11:00:00Z'))).toEqual({ durationSeconds: H, inCoverageSeconds: H, afterHoursSeconds: 0 });
    expect(() => splitTimeEntry(null, new Date('2026-03-07T11:00:00Z'), new Date('2026-03-07T10:00:00Z'))).toThrow(RangeError);
  });
});

describe('evaluateTicketClocks and clockColumns', () => {
  const def = london.toJSON();
  const doc: TicketTargetsDocument = {
    contractId: 'k',
    contractName: 'Gold',
    planId: 'p',
    termsVersion: 1,
    priority: 'P2',
    deliveryMode: 'remote',
    firstResponse: { target: { unit: 'minutes', minutes: 60 }, calendarId: 'c', pausesStopClock: false, warningThresholds: [50, 75, 90, 100], explanation: [] },
    resolution: { target: { unit: 'minutes', minutes: 480 }, calendarId: 'c', pausesStopClock: true, warningThresholds: [50, 90, 100], explanation: [] },
    explanation: [],
    calendars: { c: def },
  };
  const initial = { first_response: toClockTarget(doc.firstResponse.target), resolution: toClockTarget(doc.resolution.target) };
  const created: TicketEvent = { type: 'created', at: new Date('2026-03-02T16:00:00Z') };
  const evaluate = (history: TicketEvent[], now: string) => evaluateTicketClocks({ targets: doc, initial, history, now: new Date(now), calendar: () => london });

  it('due instants, the next threshold and the 75 % instant (even when 75 is not a warning threshold)', () => {
    // Mon 16:00: response due 17:00; resolution 2 h Monday + 6 h Tuesday -> Tue 14:00; 75 % of 8 h = 6 h -> Tue 12:00.
    const cols = clockColumns(evaluate([created], '2026-03-02T16:10:00Z'));
    expect(cols.response_due_at.toISOString()).toBe('2026-03-02T17:00:00.000Z');
    expect(cols.resolution_due_at.toISOString()).toBe('2026-03-03T14:00:00.000Z');
    expect(cols.next_due_at?.toISOString()).toBe('2026-03-02T17:00:00.000Z');
    expect(cols.next_threshold_at?.toISOString()).toBe('2026-03-02T16:30:00.000Z');
    expect(cols.at_risk_at?.toISOString()).toBe('2026-03-02T16:45:00.000Z');
  });

  it('after the first response the resolution clock decides', () => {
    const cols = clockColumns(evaluate([created, { type: 'first_public_response', at: new Date('2026-03-02T16:20:00Z') }], '2026-03-02T16:30:00Z'));
    expect(cols.response_state).toBe('met');
    expect(cols.next_due_at?.toISOString()).toBe('2026-03-03T14:00:00.000Z');
    expect(cols.at_risk_at?.toISOString()).toBe('2026-03-03T12:00:00.000Z');
    expect(cols.next_threshold_at?.toISOString()).toBe('2026-03-03T10:00:00.000Z');
  });
});
