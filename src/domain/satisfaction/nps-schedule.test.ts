import { describe, expect, it } from 'vitest';
import { npsRoundDueAt, npsRoundExpiresAt, npsRoundToStart, quarterKeyAt } from './nps-schedule';

const berlin = { monthOfQuarter: 2, dayOfMonth: 15, timeZone: 'Europe/Berlin' };

describe('the NPS schedule', () => {
  it('reads the quarter on the wall clock of the zone', () => {
    expect(quarterKeyAt(new Date('2026-09-30T22:30:00Z'), 'Europe/Berlin')).toBe('2026-Q4');
    expect(quarterKeyAt(new Date('2026-09-30T22:30:00Z'), 'UTC')).toBe('2026-Q3');
    expect(quarterKeyAt(new Date('2027-01-01T03:00:00Z'), 'America/New_York')).toBe('2026-Q4');
  });

  it("is due at local midnight of the day in the quarter's chosen month", () => {
    expect(npsRoundDueAt('2026-Q4', berlin).toISOString()).toBe('2026-11-14T23:00:00.000Z');
    expect(npsRoundDueAt('2026-Q2', { ...berlin, monthOfQuarter: 1, dayOfMonth: 1 }).toISOString()).toBe('2026-03-31T22:00:00.000Z');
    expect(npsRoundDueAt('2026-Q1', { monthOfQuarter: 3, dayOfMonth: 28, timeZone: 'UTC' }).toISOString()).toBe('2026-03-28T00:00:00.000Z');
  });

  it("expires when the quarter ends in the zone", () => {
    expect(npsRoundExpiresAt('2026-Q4', 'Europe/Berlin').toISOString()).toBe('2026-12-31T23:00:00.000Z');
    expect(npsRoundExpiresAt('2026-Q3', 'UTC').toISOString()).toBe('2026-10-01T00:00:00.000Z');
  });

  it('starts the current quarter on its day, once', () => {
    expect(npsRoundToStart(new Date('2026-11-14T22:59:59Z'), berlin, null)).toBeNull();
    expect(npsRoundToStart(new Date('2026-11-14T23:00:00Z'), berlin, null)).toBe('2026-Q4');
    expect(npsRoundToStart(new Date('2026-11-14T23:00:00Z'), berlin, '2026-Q3')).toBe('2026-Q4');
    expect(npsRoundToStart(new Date('2026-11-14T23:00:00Z'), berlin, '2026-Q4')).toBeNull();
  });

  it('catches up later in the quarter, never after it ended', () => {
    expect(npsRoundToStart(new Date('2026-12-31T22:59:00Z'), berlin, '2026-Q3')).toBe('2026-Q4');
    // In Berlin it is already 2027-Q1, before that quarter's day: nothing to send.
    expect(npsRoundToStart(new Date('2026-12-31T23:30:00Z'), berlin, '2026-Q3')).toBeNull();
  });
});
