import { describe, expect, it } from 'vitest';
import { periodBounds } from '../goals/period';
import { METRICS } from '../metrics/registry';
import { csatAverageOf, csatPositiveOf, csatResponseRateOf, npsOf } from '../metrics';
import { csat, entry, londonOffice, npsAnswer, october, ticket } from '../metrics/metric-test-fixtures';
import type { MetricInput, TicketFacts } from '../metrics/metric-types';
import { evaluateScorecard } from '../goals/scorecard';
import { goal, terms, version } from '../goals/goal-test-fixtures';
import { buildSummary, goalSummaryOf, NO_CHANGES_NOTE } from './build-summary';
import { monthsOfPeriod, npsQuarterOf, periodLabel, previousPeriodKey, trendKeys } from './summary-period';
import type { ScorecardFact, SummaryInput, SummaryTicket } from './summary-types';

const item = (t: TicketFacts, id: string | null, name: string | null = id): SummaryTicket => ({ ...t, catalogItemId: id, catalogItemName: name });

// October 2026 in London (office hours Mon-Fri 09:00-17:00; targets 60 min to respond, 480 to resolve).
const t1 = ticket({ number: 1, created: '2026-10-05T10:00:00+01:00', category: 'hardware', siteId: 'basel', events: [['respond', '2026-10-05T10:30:00+01:00'], ['resolve', '2026-10-05T12:00:00+01:00']], timeEntries: [entry('2026-10-05T19:00:00+01:00', 3600, true)] });
const t2 = ticket({ number: 2, created: '2026-10-06T10:00:00+01:00', priority: 'P1', category: 'software', siteId: 'basel', events: [['respond', '2026-10-06T12:00:00+01:00'], ['resolve', '2026-10-07T10:00:00+01:00']], timeEntries: [entry('2026-10-06T20:00:00+01:00', 1800, false)] });
const t3 = ticket({ number: 3, created: '2026-09-10T10:00:00+01:00', category: 'hardware', siteId: 'zurich', events: [['respond', '2026-09-10T10:20:00+01:00'], ['resolve', '2026-09-10T11:00:00+01:00']] });
const t4 = ticket({ number: 4, created: '2026-10-01T10:00:00+01:00', category: null, siteId: null });

const scorecards: ScorecardFact[] = [
  {
    contractName: 'Gold',
    periodKey: '2026-10',
    revision: 2,
    status: 'final',
    currency: 'EUR',
    goals: [
      { periodKey: '2026-10', objective: 'Answer fast', metricLabel: 'First-response compliance', unit: 'percent', value: 96, comparator: 'gte', target: 95, outcome: 'met', reason: '96 % >= 95 %', amountMinor: 5000 },
      { periodKey: '2026-10', objective: 'Fix fast', metricLabel: 'Resolution compliance', unit: 'percent', value: 80, comparator: 'gte', target: 90, outcome: 'missed', reason: '80 % < 90 %', amountMinor: -2000 },
      { periodKey: '2026-10', objective: 'Happy users', metricLabel: 'CSAT average score', unit: 'number', value: null, comparator: 'gte', target: 4, outcome: 'not_evaluable', reason: 'no answers', amountMinor: 0 },
    ],
  },
  { contractName: 'Gold', periodKey: '2026-09', revision: 1, status: 'final', currency: 'EUR', goals: [{ periodKey: '2026-09', objective: 'Answer fast', metricLabel: 'First-response compliance', unit: 'percent', value: 100, comparator: 'gte', target: 95, outcome: 'met', reason: '', amountMinor: 7000 }] },
];

function input(over: Partial<SummaryInput> = {}): SummaryInput {
  return {
    client: { id: 'c1', name: 'Contoso' },
    organisation: 'Northwind IT',
    contract: { id: 'k1', name: 'Gold', planName: 'Gold' },
    periodKey: '2026-10',
    timeZone: 'Europe/London',
    calendar: londonOffice,
    tickets: [item(t1, 'printer', 'Printer jam'), item(t2, 'vpn', 'VPN access'), item(t3, 'printer', 'Printer jam'), item(t4, 'printer', 'Printer jam')],
    surveys: {
      csat: [csat(1, { answered: '2026-10-10T12:00:00+01:00', rating: 5 }), csat(2, { answered: '2026-10-12T12:00:00+01:00', rating: 2 }), csat(3, { sent: '2026-09-10T12:00:00+01:00', answered: '2026-09-20T12:00:00+01:00', rating: 4 })],
      nps: [npsAnswer('n1', 10, '2026-08-15T12:00:00+01:00'), npsAnswer('n2', 5, '2026-09-01T12:00:00+01:00'), npsAnswer('n3', 9, '2026-08-20T12:00:00+01:00'), npsAnswer('n4', 0, '2026-10-15T12:00:00+01:00')],
    },
    sites: new Map([
      ['basel', 'Basel'],
      ['zurich', 'Zurich'],
    ]),
    problems: [
      {
        id: 'p1', number: 7, title: 'Basel printer jams', status: 'plan_agreed', plan: 'Replace the printer fleet', workaround: 'Use floor 2', openedAt: new Date('2026-09-01T08:00:00Z'), resolvedAt: null, linkedTickets: 3,
        milestones: [{ title: 'Order', dueOn: '2026-10-01', doneOn: '2026-09-28', position: 0 }, { title: 'Install', dueOn: '2026-11-15', doneOn: null, position: 1 }],
      },
      { id: 'p2', number: 5, title: 'Old VPN', status: 'resolved', plan: '', workaround: '', openedAt: new Date('2026-05-01T08:00:00Z'), resolvedAt: new Date('2026-08-01T08:00:00Z'), linkedTickets: 1, milestones: [] },
      { id: 'p3', number: 9, title: 'Later problem', status: 'open', plan: '', workaround: '', openedAt: new Date('2026-11-05T08:00:00Z'), resolvedAt: null, linkedTickets: 0, milestones: [] },
    ],
    journey: [
      { stage: 'easy_wins', effectiveOn: '2026-06-01', createdAt: new Date('2026-06-01T10:00:00Z'), note: 'First fixes' },
      { stage: 'new_processes', effectiveOn: '2026-10-20', createdAt: new Date('2026-10-20T10:00:00Z'), note: 'Change board agreed' },
      { stage: 'user_training', effectiveOn: '2026-11-20', createdAt: new Date('2026-11-20T10:00:00Z'), note: 'Later' },
    ],
    scorecards,
    generatedAt: new Date('2026-11-03T09:00:00Z'),
    ...over,
  };
}

const library = (period: typeof october, tickets: readonly TicketFacts[], surveys = input().surveys): MetricInput => ({ period, calendar: londonOffice, tickets, excluded: new Map(), manual: null, surveys });

describe('summary periods', () => {
  it('steps back months and quarters across years and names them', () => {
    expect(trendKeys('2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(trendKeys('2026-Q2')).toEqual(['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']);
    expect(previousPeriodKey('2026-Q1')).toBe('2025-Q4');
    expect(monthsOfPeriod('2026-Q3')).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(npsQuarterOf('2026-10')).toBe('2026-Q3');
    expect(npsQuarterOf('2026-12')).toBe('2026-Q4');
    expect(npsQuarterOf('2026-Q2')).toBe('2026-Q2');
    expect(periodLabel('2026-Q3', true)).toBe('Q3 2026 (July to September)');
    expect(periodLabel('2026-10', true)).toBe('October 2026');
  });
});

describe('buildSummary', () => {
  const doc = buildSummary(input());
  const tickets = input().tickets;

  it('gives the service levels of the period and the three before it, each equal to the library', () => {
    expect(doc.serviceLevels.map((p) => p.periodKey)).toEqual(['2026-07', '2026-08', '2026-09', '2026-10']);
    for (const point of doc.serviceLevels) {
      const mi = library(periodBounds(point.periodKey, 'Europe/London'), tickets);
      for (const key of ['first_response_compliance', 'resolution_compliance', 'mean_time_to_respond', 'median_time_to_respond', 'mean_time_to_resolve', 'median_time_to_resolve'] as const) {
        const r = METRICS[key].compute(mi, { key });
        const field = { first_response_compliance: 'firstResponseCompliance', resolution_compliance: 'resolutionCompliance', mean_time_to_respond: 'meanTimeToRespond', median_time_to_respond: 'medianTimeToRespond', mean_time_to_resolve: 'meanTimeToResolve', median_time_to_resolve: 'medianTimeToResolve' }[key] as 'firstResponseCompliance';
        expect(point[field], `${point.periodKey} ${key}`).toEqual({ value: r.value, sample: r.sample });
      }
      expect(point.opened).toBe(METRICS.ticket_volume.compute(mi, { key: 'ticket_volume' }).value);
      expect(point.csatAverage.value).toBe(csatAverageOf(mi.surveys.csat, mi.period).value);
    }
  });

  it('reads the October figures a person would count by hand', () => {
    const oct = doc.serviceLevels[3]!;
    // t1 answered in 30 min (met); t2 in 2 h (breached); t4 never, breached at its due instant.
    expect(oct.firstResponseCompliance).toEqual({ value: 33.33, sample: 3 });
    // t1 and t2 resolved within 8 business hours; t4 breached on 2 October.
    expect(oct.resolutionCompliance).toEqual({ value: 66.67, sample: 3 });
    expect(oct.meanTimeToRespond).toEqual({ value: 75, sample: 2 });
    expect(oct.opened).toBe(3);
    expect(oct.resolved).toBe(2);
    const sep = doc.serviceLevels[2]!;
    expect(sep.firstResponseCompliance).toEqual({ value: 100, sample: 1 });
    expect(sep.csatAverage).toEqual({ value: 4, sample: 1 });
    expect(doc.serviceLevels[0]!.firstResponseCompliance).toEqual({ value: null, sample: 0 });
  });

  it('breaks the volume down by category, priority and site, with tickets lacking one', () => {
    expect(doc.volumes.opened).toBe(3);
    expect(doc.volumes.byCategory).toEqual([
      { key: 'hardware', label: 'Hardware', count: 1 },
      { key: 'software', label: 'Software', count: 1 },
      { key: 'none', label: 'No category', count: 1 },
    ]);
    expect(doc.volumes.byPriority).toEqual([
      { key: 'P1', label: 'P1', count: 1 },
      { key: 'P2', label: 'P2', count: 2 },
    ]);
    expect(doc.volumes.bySite).toEqual([
      { key: 'basel', label: 'Basel', count: 2 },
      { key: 'none', label: 'No site', count: 1 },
    ]);
    const backlog = METRICS.backlog_older_than.compute(library(october, tickets), { key: 'backlog_older_than', businessDays: 5 });
    expect(doc.volumes.backlogAtEnd).toBe(backlog.sample);
    expect(doc.volumes.backlogAtEnd).toBe(1);
    expect(doc.volumes.backlogAged).toBe(1);
  });

  it('lists the catalog items with most tickets in the period and the problems open in it', () => {
    expect(doc.topIssues.catalogItems).toEqual([
      { key: 'printer', label: 'Printer jam', count: 2 },
      { key: 'vpn', label: 'VPN access', count: 1 },
    ]);
    expect(doc.topIssues.problems.map((p) => p.number)).toEqual([7]);
    expect(doc.topIssues.problems[0]).toMatchObject({ title: 'Basel printer jams', plan: 'Replace the printer fleet', nextMilestone: { title: 'Install', dueOn: '2026-11-15' }, linkedTickets: 3 });
  });

  it('reports satisfaction as the library computes it, NPS of the last ended quarter', () => {
    const s = input().surveys;
    expect(doc.satisfaction.csatAverage).toEqual({ value: csatAverageOf(s.csat, october).value, sample: 2 });
    expect(doc.satisfaction.csatAverage.value).toBe(3.5);
    expect(doc.satisfaction.csatPositive.value).toBe(csatPositiveOf(s.csat, october).value);
    expect(doc.satisfaction.csatPositive.value).toBe(50);
    expect(doc.satisfaction.csatResponseRate.value).toBe(csatResponseRateOf(s.csat, october).value);
    expect(doc.satisfaction.npsQuarter).toBe('2026-Q3');
    const q3 = npsOf(s.nps, periodBounds('2026-Q3', 'Europe/London'));
    // Two promoters, one detractor of three answers; October's 0 belongs to Q4.
    expect(doc.satisfaction.nps).toMatchObject({ value: q3.value, sample: 3, promoters: 2, detractors: 1, passives: 0 });
    expect(doc.satisfaction.nps.value).toBe(33.33);
    expect(doc.headline.nps.value).toBe(33.33);
  });

  it('gives the journey stage at the period end and the changes in it', () => {
    expect(doc.satisfaction.journey.current).toEqual({ stage: 'new_processes', label: 'New processes', since: '2026-10-20' });
    expect(doc.satisfaction.journey.changes).toEqual([{ stage: 'new_processes', label: 'New processes', effectiveOn: '2026-10-20', note: 'Change board agreed' }]);
  });

  it("takes the goals of the period's scorecards, with credits and incentives netted", () => {
    expect(doc.goals.items.map((g) => g.objective)).toEqual(['Answer fast', 'Fix fast', 'Happy users']);
    expect(doc.goals).toMatchObject({ creditsMinor: -2000, incentivesMinor: 5000, netMinor: 3000, currency: 'EUR', missingMonths: [] });
    expect(doc.headline).toMatchObject({ goalsMet: 1, goalsEvaluated: 2, netAmountMinor: 3000 });
    const q = buildSummary(input({ periodKey: '2026-Q4', generatedAt: new Date('2027-01-05T00:00:00Z') }));
    expect(q.goals.missingMonths).toEqual(['2026-11', '2026-12']);
    expect(q.notes.join(' ')).toContain('No scorecard has been evaluated yet for November 2026, December 2026');
  });

  it("reports the goals library's outcomes and amounts from an evaluated scorecard", () => {
    const agreed = terms({
      goals: [
        goal({ goalId: 'g-fast', objective: 'Fast answers', penalty: { kind: 'fixed', amountMinor: 30_000, capPerPeriodMinor: 20_000, capOverallMinor: 100_000 } }),
        goal({ goalId: 'g-calm', objective: 'A calm month', metric: { key: 'ticket_volume' }, comparator: 'lte', target: 10, minSample: 0, incentive: { kind: 'fixed', amountMinor: 5_000 } }),
      ],
    });
    const card = evaluateScorecard({
      contractId: 'k1',
      monthKey: '2026-10',
      timeZone: 'Europe/London',
      contract: { startsAt: new Date('2026-01-01T00:00:00Z'), endsAt: null },
      termsHistory: [version(1, '2026-01-01T00:00:00Z', agreed)],
      calendar: londonOffice,
      tickets,
      surveys: { csat: [], nps: [] },
      manualValues: new Map(),
      attestations: new Map(),
      counts: [],
      priorCreditsMinor: new Map(),
      evaluatedAt: new Date('2026-11-02T09:00:00Z'),
    });
    const d = buildSummary(input({ scorecards: [{ contractName: 'Gold', periodKey: '2026-10', revision: 1, status: 'final', currency: card.statement.currency, goals: card.goals.map(goalSummaryOf) }] }));
    const fast = card.goals.find((g) => g.goalId === 'g-fast')!;
    const calm = card.goals.find((g) => g.goalId === 'g-calm')!;
    // 1 of 3 first responses in time: missed, the fixed 300.00 capped at 200.00; 3 tickets <= 10: met, 50.00.
    expect([fast.outcome, fast.value, fast.amountMinor]).toEqual(['missed', 33.33, -20_000]);
    expect([calm.outcome, calm.amountMinor]).toEqual(['met', 5_000]);
    expect(d.goals.items.map((g) => [g.objective, g.value, g.outcome, g.amountMinor])).toEqual(card.goals.map((g) => [g.objective, g.value, g.outcome, g.amountMinor]));
    expect(d.goals).toMatchObject({ creditsMinor: -20_000, incentivesMinor: 5_000, netMinor: -15_000, currency: 'EUR' });
    // The service-level figure and the goal's figure are the same number.
    expect(d.headline.firstResponseCompliance.value).toBe(fast.value);
  });

  it('splits after-hours work into billable and not, summing to the library figure', () => {
    const all = METRICS.after_hours_hours.compute(library(october, tickets), { key: 'after_hours_hours' });
    expect(doc.afterHours).toEqual({ hours: all.value, billableHours: 1, nonBillableHours: 0.5, entries: 2 });
    expect(all.value).toBe(1.5);
  });

  it('says changes and transitions are not recorded yet', () => {
    expect(doc.changes).toEqual({ recorded: false, note: NO_CHANGES_NOTE });
  });

  it('is the same document for the same facts', () => {
    expect(JSON.stringify(buildSummary(input()))).toBe(JSON.stringify(doc));
  });
});
