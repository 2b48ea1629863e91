/**
 * The metrics that read ticket histories rather than clocks, on October 2026 in London (office
 * calendar Mon-Fri 09-17). Expected figures are worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import type { GoalMetric, MetricKey } from '../pact/pact-types';
import { entry, london247, metricInput, october, ticket } from './metric-test-fixtures';
import type { ManualValue, MetricInput, TicketFacts } from './metric-types';
import { metricDefinition } from './registry';

const run = (key: MetricKey, tickets: TicketFacts[], over: Partial<MetricInput> = {}, metric: Partial<GoalMetric> = {}) =>
  metricDefinition(key).compute(metricInput(tickets, over), { key, ...metric });

describe('first_contact_resolution and reopen_rate (tickets first resolved in the period)', () => {
  const tickets = [
    // One reply, resolved, not reopened: first contact.
    ticket({ number: 1, created: '2026-10-05T09:00:00+01:00', replies: ['2026-10-05T09:30:00+01:00'], events: [['respond', '2026-10-05T09:30:00+01:00'], ['resolve', '2026-10-05T15:00:00+01:00']] }),
    // Two replies before the resolution: not first contact.
    ticket({ number: 2, created: '2026-10-05T10:00:00+01:00', replies: ['2026-10-05T11:30:00+01:00', '2026-10-05T14:00:00+01:00'], events: [['resolve', '2026-10-06T11:00:00+01:00']] }),
    // One reply recorded at the very instant of the resolution (it goes with it): first contact.
    ticket({ number: 3, created: '2026-10-07T09:00:00+01:00', replies: ['2026-10-07T10:00:00+01:00'], events: [['resolve', '2026-10-07T10:00:00+01:00']] }),
    // One reply, resolved, reopened before the period's end: neither first contact, and reopened.
    ticket({ number: 4, created: '2026-10-12T09:00:00+01:00', replies: ['2026-10-12T09:15:00+01:00'], events: [['resolve', '2026-10-12T11:00:00+01:00'], ['reopen', '2026-10-13T09:00:00+01:00'], ['resolve', '2026-10-13T10:00:00+01:00']] }),
    // No reply at all (resolved silently): first contact. A later reply does not count.
    ticket({ number: 5, created: '2026-10-14T09:00:00+01:00', replies: ['2026-10-15T09:00:00+01:00'], events: [['resolve', '2026-10-14T12:00:00+01:00']] }),
    // First resolved in September, resolved again in October: not counted in October.
    ticket({ number: 6, created: '2026-09-28T09:00:00+01:00', events: [['resolve', '2026-09-28T10:00:00+01:00'], ['reopen', '2026-10-02T09:00:00+01:00'], ['resolve', '2026-10-02T10:00:00+01:00']] }),
    // Open: not counted.
    ticket({ number: 7, created: '2026-10-20T09:00:00+01:00', replies: ['2026-10-20T09:10:00+01:00'] }),
    // Resolved 30 Oct, reopened 2 Nov (after the period's end, evaluated later): counts as not reopened in October.
    ticket({ number: 8, created: '2026-10-30T09:00:00Z', events: [['resolve', '2026-10-30T10:00:00Z'], ['reopen', '2026-11-02T09:00:00Z']], at: new Date('2026-11-05T00:00:00Z') }),
  ];

  it('first_contact_resolution: 1, 3, 5 and 8 of 1, 2, 3, 4, 5, 8 = 4 / 6 = 66.67 %', () => {
    const r = run('first_contact_resolution', tickets);
    expect(r).toMatchObject({ value: 66.67, unit: 'percent', sample: 6 });
    expect(r.contributions.map((c) => [c.number, c.outcome, c.note])).toEqual([
      [1, 'met', '1 public staff reply or call before resolution'],
      [2, 'counted', '2 public staff replies or calls before resolution'],
      [3, 'met', '1 public staff reply or call before resolution'],
      [4, 'counted', 'reopened 2026-10-13 09:00'],
      [5, 'met', '0 public staff replies or calls before resolution'],
      [8, 'met', '0 public staff replies or calls before resolution'],
    ]);
  });

  it('reopen_rate: only 4 was reopened by the period\'s end: 1 / 6 = 16.67 %', () => {
    const r = run('reopen_rate', tickets);
    expect(r).toMatchObject({ value: 16.67, unit: 'percent', sample: 6 });
    expect(r.contributions.filter((c) => c.value === 1).map((c) => c.number)).toEqual([4]);
  });

  it('over November, ticket 8 counts nowhere: it was first resolved in October', () => {
    const november = { key: '2026-11', from: october.to, to: new Date('2026-12-01T00:00:00Z') };
    expect(run('reopen_rate', tickets, { period: november })).toMatchObject({ value: null, sample: 0 });
  });
});

describe('backlog_older_than', () => {
  const tickets = [
    // Mon 26 Oct 10:00 + 3 business days = Thu 29 Oct 10:00, before 1 Nov: older.
    ticket({ number: 1, created: '2026-10-26T10:00:00Z', targets: null }),
    // Wed 28 Oct 10:00 + 3 = Mon 2 Nov 10:00: not older yet.
    ticket({ number: 2, created: '2026-10-28T10:00:00Z', targets: null }),
    // Resolved: not open.
    ticket({ number: 3, created: '2026-10-20T10:00:00+01:00', targets: null, events: [['resolve', '2026-10-21T10:00:00+01:00']] }),
    // Resolved, then reopened on 30 Oct: open again, created 5 Oct: older.
    ticket({ number: 4, created: '2026-10-05T10:00:00+01:00', targets: null, events: [['resolve', '2026-10-06T10:00:00+01:00'], ['reopen', '2026-10-30T10:00:00Z']] }),
    // Thu 22 Oct 17:30 (closed): counts from Fri 09:00; + 3 = Wed 28 Oct 09:00: older.
    ticket({ number: 5, created: '2026-10-22T17:30:00+01:00', targets: null }),
    // Created after the period: not in its backlog.
    ticket({ number: 6, created: '2026-11-02T10:00:00Z', targets: null, at: new Date('2026-11-03T00:00:00Z') }),
  ];

  it('counts open tickets older than N business days: 3 of 4 open', () => {
    const r = run('backlog_older_than', tickets, {}, { businessDays: 3 });
    expect(r).toMatchObject({ value: 3, unit: 'count', sample: 4 });
    expect(r.contributions.map((c) => c.number)).toEqual([1, 4, 5]);
    expect(r.contributions[0]!.note).toBe('open since 2026-10-26 10:00; 3 business days old at 2026-10-29 10:00');
  });

  it('with N = 5: ticket 1 is not older (Mon 26 Oct + 5 = Mon 2 Nov), 4 and 5 are (Fri 23 Oct 09:00 + 5 = Fri 30 Oct 09:00)', () => {
    const r = run('backlog_older_than', tickets, {}, { businessDays: 5 });
    expect(r).toMatchObject({ value: 2, sample: 4 });
    expect(r.contributions.map((c) => c.number)).toEqual([4, 5]);
  });

  it('refuses a goal without N', () => {
    expect(() => run('backlog_older_than', tickets)).toThrow(/businessDays/);
  });
});

describe('ticket_volume', () => {
  const tickets = [
    ticket({ number: 1, created: '2026-10-05T09:00:00+01:00', category: 'hardware', priority: 'P2', siteId: 'site-a' }),
    ticket({ number: 2, created: '2026-10-06T09:00:00+01:00', category: 'hardware', priority: 'P1', siteId: 'site-b' }),
    ticket({ number: 3, created: '2026-10-07T09:00:00+01:00', category: 'software', priority: 'P2', siteId: null }),
    ticket({ number: 4, created: '2026-10-08T09:00:00+01:00', category: null, priority: 'P3', siteId: 'site-a' }),
    // 30 Sep 23:30 BST = 22:30Z: still September in London.
    ticket({ number: 5, created: '2026-09-30T23:30:00+01:00', category: 'network', priority: 'P4', siteId: 'site-b' }),
    // 1 Oct 00:30 BST = 30 Sep 23:30Z: October in London although still September in UTC.
    ticket({ number: 6, created: '2026-10-01T00:30:00+01:00', category: 'network', priority: 'P4', siteId: 'site-b' }),
  ];

  it('counts tickets created in the local month, with a breakdown', () => {
    const r = run('ticket_volume', tickets);
    expect(r).toMatchObject({ value: 5, unit: 'count', sample: 5 });
    expect(r.contributions.map((c) => c.number)).toEqual([1, 2, 3, 4, 6]);
    // Keys sorted; ticket 4 has no category, ticket 3 no site.
    expect(r.breakdown).toEqual({
      'category:hardware': 2,
      'category:network': 1,
      'category:software': 1,
      'priority:P1': 1,
      'priority:P2': 2,
      'priority:P3': 1,
      'priority:P4': 1,
      'site:site-a': 2,
      'site:site-b': 2,
    });
    expect(Object.keys(r.breakdown!)).toEqual(Object.keys(r.breakdown!).sort());
  });
});

describe('onsite_visits', () => {
  it('counts on-site tickets resolved in the period, once each', () => {
    const tickets = [
      ticket({ number: 1, created: '2026-10-05T09:00:00+01:00', deliveryMode: 'onsite', events: [['resolve', '2026-10-05T15:00:00+01:00']] }),
      ticket({ number: 2, created: '2026-10-05T09:00:00+01:00', deliveryMode: 'remote', events: [['resolve', '2026-10-05T15:00:00+01:00']] }),
      ticket({ number: 3, created: '2026-09-28T09:00:00+01:00', deliveryMode: 'onsite', events: [['resolve', '2026-09-29T15:00:00+01:00']] }),
      // Resolved twice in October (reopened between): one visit count.
      ticket({ number: 4, created: '2026-10-12T09:00:00+01:00', deliveryMode: 'onsite', events: [['resolve', '2026-10-12T15:00:00+01:00'], ['reopen', '2026-10-13T09:00:00+01:00'], ['resolve', '2026-10-14T15:00:00+01:00']] }),
      ticket({ number: 5, created: '2026-10-20T09:00:00+01:00', deliveryMode: 'onsite' }),
    ];
    const r = run('onsite_visits', tickets);
    expect(r).toMatchObject({ value: 2, unit: 'count', sample: 2 });
    expect(r.contributions.map((c) => c.number)).toEqual([1, 4]);
  });
});

describe('after_hours_hours', () => {
  it('sums after-hours time of entries started in the period, billable or not', () => {
    const tickets = [
      // Sat 3 Oct, 2 h all after hours (7200 s), billable.
      ticket({ number: 1, created: '2026-10-02T09:00:00+01:00', timeEntries: [entry('2026-10-03T10:00:00+01:00', 7200)] }),
      // 1000 s after hours, not billable: still counted; plus an entry wholly in coverage (0 after hours).
      ticket({ number: 2, created: '2026-10-05T09:00:00+01:00', timeEntries: [entry('2026-10-05T08:00:00+01:00', 1000, false, 4600), entry('2026-10-06T10:00:00+01:00', 0, true, 3600)] }),
      // Started 30 Sep 23:30 BST: September, left out.
      ticket({ number: 3, created: '2026-09-30T09:00:00+01:00', timeEntries: [entry('2026-09-30T23:30:00+01:00', 3600)] }),
    ];
    const r = run('after_hours_hours', tickets);
    // (7200 + 1000) s = 2.2777 h -> 2.28; three entries started in October.
    expect(r).toMatchObject({ value: 2.28, unit: 'hours', sample: 3 });
    // Ticket 1: 2 h; ticket 2: 1000 s = 0.2777 -> 0.28 h.
    expect(r.contributions.map((c) => [c.number, c.value, c.note])).toEqual([
      [1, 2, '1 time entry started in the period'],
      [2, 0.28, '2 time entries started in the period'],
    ]);
  });

  it('no entries: 0 hours over a sample of 0', () => {
    expect(run('after_hours_hours', [])).toMatchObject({ value: 0, sample: 0 });
  });
});

describe('client_wait_time', () => {
  const tickets = [
    // Mon 5 Oct 15:20 -> Tue 6 Oct 11:00: 1 h 40 min + 2 h = 13,200 business seconds.
    ticket({ number: 1, created: '2026-10-05T09:00:00+01:00', events: [['status', 'waiting_on_client', '2026-10-05T15:20:00+01:00'], ['status', 'in_progress', '2026-10-06T11:00:00+01:00']] }),
    // Fri 30 Oct 16:00 GMT, still waiting at the period's end: clipped to 1 Nov 00:00, 1 h of business time.
    ticket({ number: 2, created: '2026-10-30T09:00:00Z', events: [['status', 'waiting_on_client', '2026-10-30T16:00:00Z']] }),
    // From Wed 30 Sep 15:00 BST to Thu 1 Oct 10:00: clipped at 1 Oct 00:00, 1 h (09:00-10:00).
    ticket({ number: 3, created: '2026-09-30T09:00:00+01:00', events: [['status', 'waiting_on_client', '2026-09-30T15:00:00+01:00'], ['status', 'in_progress', '2026-10-01T10:00:00+01:00']] }),
    // Over a weekend: waited in the period, but 0 business time.
    ticket({ number: 4, created: '2026-10-09T09:00:00+01:00', events: [['status', 'waiting_on_client', '2026-10-10T10:00:00+01:00'], ['status', 'in_progress', '2026-10-11T10:00:00+01:00']] }),
    // Never waited: not counted.
    ticket({ number: 5, created: '2026-10-12T09:00:00+01:00', events: [['status', 'in_progress', '2026-10-12T10:00:00+01:00']] }),
    // Waiting ended by the resolution itself.
    ticket({ number: 6, created: '2026-10-13T09:00:00+01:00', events: [['status', 'waiting_on_client', '2026-10-13T16:30:00+01:00'], ['resolve', '2026-10-14T09:15:00+01:00']] }),
  ];

  it('sums business hours in waiting_on_client within the period', () => {
    const r = run('client_wait_time', tickets);
    // 13,200 + 3,600 + 3,600 + 0 + 45 min (30 + 15) 2,700 = 23,100 s = 6.4166 h -> 6.42, over 5 tickets.
    expect(r).toMatchObject({ value: 6.42, unit: 'hours', sample: 5 });
    expect(r.contributions.map((c) => [c.number, c.value])).toEqual([
      [1, 3.67],
      [2, 1],
      [3, 1],
      [4, 0],
      [6, 0.75],
    ]);
    expect(r.contributions[0]!.note).toBe('waited 3 h 40 min of business time on the client');
  });

  it('counts the hour the clocks go back on a round-the-clock calendar', () => {
    // Sat 24 Oct 22:00 BST (21:00Z) -> Sun 25 Oct 06:00 GMT: 9 real hours, though the wall clock moved 8.
    const t = ticket({ number: 7, created: '2026-10-24T21:00:00+01:00', events: [['status', 'waiting_on_client', '2026-10-24T22:00:00+01:00'], ['status', 'in_progress', '2026-10-25T06:00:00Z']] });
    expect(run('client_wait_time', [t], { calendar: london247 })).toMatchObject({ value: 9, sample: 1 });
  });
});

describe('manual', () => {
  const value: ManualValue = { value: 97.5, evidenceNote: 'Patch report of 31 Oct', evidenceUrl: null, hasFile: true, enteredBy: 'Ann', enteredAt: new Date('2026-11-02T10:00:00Z') };

  it('is the entered value, in the goal\'s unit, with a sample of 1', () => {
    expect(run('manual', [], { manual: value }, { manualName: 'Patch coverage', manualUnit: 'percent' })).toEqual({ value: 97.5, unit: 'percent', sample: 1, contributions: [], manual: value });
  });

  it('without a value: null over a sample of 0', () => {
    expect(run('manual', [], {}, { manualName: 'Patch coverage', manualUnit: 'percent' })).toEqual({ value: null, unit: 'percent', sample: 0, contributions: [] });
  });
});

describe('notes name local instants', () => {
  it('in the calendar zone, on both sides of the DST change', () => {
    const t = (created: string, reopened: string) => ticket({ number: 1, created, events: [['resolve', created], ['reopen', reopened]] });
    // 24 Oct 23:30Z is 00:30 BST on the 25th; 25 Oct 01:30Z is 01:30 GMT (the second 01:30 that night).
    expect(run('reopen_rate', [t('2026-10-24T20:00:00Z', '2026-10-24T23:30:00Z')]).contributions[0]!.note).toBe('reopened 2026-10-25 00:30');
    expect(run('reopen_rate', [t('2026-10-24T20:00:00Z', '2026-10-25T01:30:00Z')]).contributions[0]!.note).toBe('reopened 2026-10-25 01:30');
    expect(run('reopen_rate', [t('2026-10-24T20:00:00Z', '2026-10-25T00:30:00Z')]).contributions[0]!.note).toBe('reopened 2026-10-25 01:30');
  });
});
