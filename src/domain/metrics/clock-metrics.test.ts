/**
 * Compliance and time metrics on one October 2026 in London (office calendar Mon-Fri 09-17,
 * response target 60 business minutes, resolution 480). Every figure is worked out by hand below.
 *
 *  #   created (local)      history                                              response        resolution
 *  1   Mon 5 Oct 09:00      respond 09:30, resolve 15:00                         30 met          360 met
 *  2   Mon 5 Oct 10:00      respond 11:30, resolve Tue 6 Oct 11:00               90 breached     7 h + 2 h = 540 breached
 *  3   Wed 7 Oct 09:00      respond 09:10, waiting on client Wed 10:00 ->        10 met          1 h + 4 h = 300 met (the pause
 *                           Thu 8 Oct 12:00, resolve Thu 16:00                                   stops the clock; else 15 h)
 *  4   Fri 9 Oct 09:00      respond 09:20, re-targeted to 120 min at 10:00,      20 met          180 > 120 breached (re-target is
 *                           resolve 12:00                                                        retroactive)
 *  5   Thu 29 Oct 09:00 GMT respond 09:05, never resolved                        5 met           due Thu 17:00, open: breached
 *  6   Fri 30 Oct 16:00 GMT nothing                                              due 17:00: open breached;  due Mon 2 Nov: not decided
 *  7   Mon 12 Oct 09:00     respond 09:15, resolve 11:00, reopen Tue 13 09:00,   15 met          2 h + 1 h = 180 met (resolved ->
 *                           resolve Tue 10:00                                                    reopened is paused)
 *  8   Wed 14 Oct 09:00     respond 09:30, resolve 12:00; client breached        excluded        excluded
 *  9   Wed 30 Sep 09:00     respond 09:10 (Sep), resolve Thu 1 Oct 10:00         Sep: not here   due Wed 30 Sep 17:00: breached, decided in Sep
 * 10   Mon 28 Sep 09:00     resolve 10:00 (answers too), reopen Fri 2 Oct 09:00, Sep: not here   1 h + 1 h = 120 met
 *                           resolve 10:00
 */
import { describe, expect, it } from 'vitest';
import type { MetricKey } from '../pact/pact-types';
import { london247, metricInput, min, october, targetsDoc, ticket } from './metric-test-fixtures';
import type { MetricInput } from './metric-types';
import { metricDefinition } from './registry';

const tickets = [
  ticket({ number: 1, created: '2026-10-05T09:00:00+01:00', events: [['respond', '2026-10-05T09:30:00+01:00'], ['resolve', '2026-10-05T15:00:00+01:00']] }),
  ticket({ number: 2, created: '2026-10-05T10:00:00+01:00', events: [['respond', '2026-10-05T11:30:00+01:00'], ['resolve', '2026-10-06T11:00:00+01:00']] }),
  ticket({
    number: 3,
    created: '2026-10-07T09:00:00+01:00',
    events: [['respond', '2026-10-07T09:10:00+01:00'], ['status', 'waiting_on_client', '2026-10-07T10:00:00+01:00'], ['status', 'in_progress', '2026-10-08T12:00:00+01:00'], ['resolve', '2026-10-08T16:00:00+01:00']],
  }),
  ticket({
    number: 4,
    created: '2026-10-09T09:00:00+01:00',
    events: [['respond', '2026-10-09T09:20:00+01:00'], ['retarget', '2026-10-09T10:00:00+01:00', 'resolution', min(120), 'priority P3 -> P1'], ['resolve', '2026-10-09T12:00:00+01:00']],
  }),
  ticket({ number: 5, created: '2026-10-29T09:00:00Z', events: [['respond', '2026-10-29T09:05:00Z']] }),
  ticket({ number: 6, created: '2026-10-30T16:00:00Z' }),
  ticket({
    number: 7,
    created: '2026-10-12T09:00:00+01:00',
    events: [['respond', '2026-10-12T09:15:00+01:00'], ['resolve', '2026-10-12T11:00:00+01:00'], ['reopen', '2026-10-13T09:00:00+01:00'], ['resolve', '2026-10-13T10:00:00+01:00']],
  }),
  ticket({ number: 8, created: '2026-10-14T09:00:00+01:00', events: [['respond', '2026-10-14T09:30:00+01:00'], ['resolve', '2026-10-14T12:00:00+01:00']] }),
  ticket({ number: 9, created: '2026-09-30T09:00:00+01:00', events: [['respond', '2026-09-30T09:10:00+01:00'], ['resolve', '2026-10-01T10:00:00+01:00']] }),
  ticket({ number: 10, created: '2026-09-28T09:00:00+01:00', events: [['resolve', '2026-09-28T10:00:00+01:00'], ['reopen', '2026-10-02T09:00:00+01:00'], ['resolve', '2026-10-02T10:00:00+01:00']] }),
];
const excluded = new Map([['t8', 'client breached: answers within 1 business day']]);
const input: MetricInput = metricInput(tickets, { excluded });
const compute = (key: MetricKey, over: Partial<MetricInput> = {}) => metricDefinition(key).compute({ ...input, ...over }, { key });
const outcomes = (key: MetricKey, overrides: Partial<MetricInput> = {}) => Object.fromEntries(compute(key, overrides).contributions.map((c) => [c.number, c.outcome]));

describe('first_response_compliance', () => {
  it('counts clocks answered in the period or due in it and still open: 5 met of 7 = 71.43 %', () => {
    // Counted: 1, 2, 3, 4, 5, 6, 7 (8 excluded; 9 and 10 answered in September). Met: 1, 3, 4, 5, 7.
    const r = compute('first_response_compliance');
    expect(r).toMatchObject({ value: 71.43, unit: 'percent', sample: 7 });
    expect(outcomes('first_response_compliance')).toEqual({ 1: 'met', 2: 'breached', 3: 'met', 4: 'met', 5: 'met', 6: 'breached', 7: 'met', 8: 'excluded' });
  });

  it('explains each ticket in words', () => {
    const notes = Object.fromEntries(compute('first_response_compliance').contributions.map((c) => [c.number, c.note]));
    expect(notes[1]).toBe('responded after 30 min of business time (target 1 h)');
    expect(notes[2]).toBe('responded 30 min late in business time (target 1 h)');
    expect(notes[6]).toBe("no first response by the period's end; due 2026-10-30 17:00");
    expect(notes[8]).toBe('client breached: answers within 1 business day');
  });
});

describe('resolution_compliance', () => {
  it('pauses, re-targets, reopens and late resolutions: 4 met of 7 = 57.14 %', () => {
    // Counted: 1, 2, 3, 4, 5 (open past due), 7, 10. Not decided here: 6 (due 2 Nov), 9 (breached
    // at its due instant, 30 Sep: September's figure, not counted again when resolved in October). Met: 1, 3, 7, 10.
    expect(compute('resolution_compliance')).toMatchObject({ value: 57.14, sample: 7 });
    expect(outcomes('resolution_compliance')).toEqual({ 1: 'met', 2: 'breached', 3: 'met', 4: 'breached', 5: 'breached', 7: 'met', 8: 'excluded', 10: 'met' });
  });

  it('a clock breached in September counts in September only', () => {
    const september = { key: '2026-09', from: new Date('2026-08-31T23:00:00Z'), to: october.from };
    expect(outcomes('resolution_compliance', { period: september })).toMatchObject({ 9: 'breached' });
  });

  it('without the exclusion, ticket 8 (met) counts: 5 of 8 = 62.5 %', () => {
    expect(compute('resolution_compliance', { excluded: new Map() })).toMatchObject({ value: 62.5, sample: 8 });
  });

  it('another period decides other clocks; none decided: no value, sample 0', () => {
    const november = { key: '2026-11', from: october.to, to: new Date('2026-12-01T00:00:00Z') };
    // Only ticket 6's resolution (due Mon 2 Nov 16:00) falls in November; its clocks were evaluated at October's end, still open.
    expect(compute('resolution_compliance', { period: november })).toMatchObject({ value: 0, sample: 1 });
    expect(compute('resolution_compliance', { period: november, tickets: tickets.slice(0, 4) })).toMatchObject({ value: null, sample: 0, contributions: [] });
  });
});

describe('time to respond and resolve (business minutes, 2 decimals)', () => {
  it.each<[MetricKey, number, number]>([
    // Responses in October: 30, 90, 10, 20, 5, 15 (8 excluded): mean 170 / 6 = 28.333 -> 28.33.
    ['mean_time_to_respond', 28.33, 6],
    // Sorted 5, 10, 15, 20, 30, 90: an even count takes the mean of 15 and 20.
    ['median_time_to_respond', 17.5, 6],
    // Resolutions in October: 360, 540, 300, 180, 180, 540, 120: mean 2220 / 7 = 317.142 -> 317.14.
    ['mean_time_to_resolve', 317.14, 7],
    // Sorted 120, 180, 180, 300, 360, 540, 540: the middle one.
    ['median_time_to_resolve', 300, 7],
  ])('%s = %s over %s tickets', (key, value, sample) => {
    expect(compute(key)).toMatchObject({ value, unit: 'minutes', sample });
  });

  it('gives each ticket its own minutes, and lists the excluded one', () => {
    const r = compute('mean_time_to_resolve');
    expect(r.contributions.map((c) => [c.number, c.outcome, c.value])).toEqual([
      [1, 'counted', 360],
      [2, 'counted', 540],
      [3, 'counted', 300],
      [4, 'counted', 180],
      [7, 'counted', 180],
      [8, 'excluded', undefined],
      [9, 'counted', 540],
      [10, 'counted', 120],
    ]);
  });

  it('counts real business time across the October DST change on a round-the-clock calendar', () => {
    // Created Sat 24 Oct 23:00 BST (22:00Z), resolved Sun 25 Oct 03:00 GMT (03:00Z): the wall clock
    // shows 4 h but 5 h passed (01:00-02:00 happened twice): 300 minutes. Answered at 23:25 BST: 25 min.
    const t = ticket({
      number: 20,
      created: '2026-10-24T23:00:00+01:00',
      targets: targetsDoc({ calendarId: '247', resolution: min(240) }),
      events: [['respond', '2026-10-24T23:25:00+01:00'], ['resolve', '2026-10-25T03:00:00Z']],
    });
    const r = (key: MetricKey) => metricDefinition(key).compute(metricInput([t], { calendar: london247 }), { key });
    expect(r('mean_time_to_resolve').value).toBe(300);
    expect(r('mean_time_to_respond').value).toBe(25);
    // 300 > 240 minutes: breached, by 60 minutes.
    expect(r('resolution_compliance')).toMatchObject({ value: 0, sample: 1, contributions: [{ outcome: 'breached', note: 'resolved 1 h late in business time (target 4 h)' }] });
  });

  it('a response clock the plan pauses: waiting on the client does not count when pausesStopResponse', () => {
    // Created Mon 5 Oct 09:00, waiting 09:10-10:00 (50 min), answered 10:20: 80 min elapsed, 30 without the wait.
    const events: Array<['status', string, string] | ['respond', string]> = [
      ['status', 'waiting_on_client', '2026-10-05T09:10:00+01:00'],
      ['status', 'in_progress', '2026-10-05T10:00:00+01:00'],
      ['respond', '2026-10-05T10:20:00+01:00'],
    ];
    const paused = ticket({ number: 21, created: '2026-10-05T09:00:00+01:00', targets: targetsDoc({ pausesStopResponse: true }), events });
    const running = ticket({ number: 22, created: '2026-10-05T09:00:00+01:00', events });
    const r = metricDefinition('mean_time_to_respond').compute(metricInput([paused, running]), { key: 'mean_time_to_respond' });
    expect(r.contributions.map((c) => c.value)).toEqual([30, 80]);
    // (30 + 80) / 2 = 55.
    expect(r.value).toBe(55);
  });

  it('ignores tickets without a contract (no clocks)', () => {
    const none = ticket({ number: 30, created: '2026-10-05T09:00:00+01:00', targets: null, events: [['resolve', '2026-10-05T10:00:00+01:00']] });
    expect(metricDefinition('resolution_compliance').compute(metricInput([none]), { key: 'resolution_compliance' })).toMatchObject({ value: null, sample: 0 });
  });
});
