/**
 * A contract's scorecards for Q4 2026 in London (office calendar Mon-Fri 09-17; response target
 * 60 min, resolution 480; Gold 3,100.00 a month, flat). Tickets, all worked out by hand:
 *
 *  #  created (local)   history                                                   response   resolution
 *  1  Mon 5 Oct 09:00   respond 09:30, resolve 15:00                              met        6 h met
 *  2  Wed 7 Oct 09:00   respond 10:30; waiting Wed 11:00 -> Thu 8 Oct 17:00       breached   2 h + 1 h met; the client
 *                       (6 h + 8 h = 14 h > 8 h allowance); resolve Fri 10:00                waited too long in October
 *  3  Mon 2 Nov 09:00   respond 09:20, resolve Tue 3 Nov 12:00                    met        8 h + 3 h breached
 *  4  Tue 1 Dec 09:00   respond 09:10, resolve 11:00                              met        met
 *  5  Wed 2 Dec 09:00   respond 11:00, resolve 16:00                              breached   7 h met
 *  6  Thu 3 Dec 09:00   respond 09:05; waiting Thu 10:00 -> Fri 4 Dec 15:00       met        2 h met; the client waited
 *                       (7 h + 6 h = 13 h); resolve Fri 16:00                                too long in December
 */
import { describe, expect, it } from 'vitest';
import { londonOffice, ticket, type TicketSpec } from '../metrics/metric-test-fixtures';
import { NO_SURVEYS, type ManualValue, type TicketFacts } from '../metrics/metric-types';
import type { ContractTerms, ResponsibilityTerms, TermsVersion } from '../pact/pact-types';
import { goal, terms, version } from './goal-test-fixtures';
import type { ScorecardDocument } from './goal-types';
import { monthBounds } from './period';
import { evaluateScorecard, type ScorecardInput } from './scorecard';

/** The tickets created before `at`, their clocks evaluated at `at` (the month's end). */
function q4Tickets(at: Date): TicketFacts[] {
  const specs: TicketSpec[] = [
    { number: 1, created: '2026-10-05T09:00:00+01:00', events: [['respond', '2026-10-05T09:30:00+01:00'], ['resolve', '2026-10-05T15:00:00+01:00']] },
    {
      number: 2,
      created: '2026-10-07T09:00:00+01:00',
      events: [['respond', '2026-10-07T10:30:00+01:00'], ['status', 'waiting_on_client', '2026-10-07T11:00:00+01:00'], ['status', 'in_progress', '2026-10-08T17:00:00+01:00'], ['resolve', '2026-10-09T10:00:00+01:00']],
    },
    { number: 3, created: '2026-11-02T09:00:00Z', events: [['respond', '2026-11-02T09:20:00Z'], ['resolve', '2026-11-03T12:00:00Z']] },
    { number: 4, created: '2026-12-01T09:00:00Z', events: [['respond', '2026-12-01T09:10:00Z'], ['resolve', '2026-12-01T11:00:00Z']] },
    { number: 5, created: '2026-12-02T09:00:00Z', events: [['respond', '2026-12-02T11:00:00Z'], ['resolve', '2026-12-02T16:00:00Z']] },
    {
      number: 6,
      created: '2026-12-03T09:00:00Z',
      events: [['respond', '2026-12-03T09:05:00Z'], ['status', 'waiting_on_client', '2026-12-03T10:00:00Z'], ['status', 'in_progress', '2026-12-04T15:00:00Z'], ['resolve', '2026-12-04T16:00:00Z']],
    },
  ];
  return specs.filter((s) => new Date(s.created) < at).map((s) => ticket({ ...s, at }));
}

const answers: ResponsibilityTerms = { responsibilityId: 'r-answers', description: 'Answer questions within a working day', measure: { kind: 'waiting_on_client', allowance: { unit: 'minutes', minutes: 480 } }, excludeFromCompliance: true };
const backups: ResponsibilityTerms = { responsibilityId: 'r-backups', description: 'Keep the backup drive connected', measure: { kind: 'attested' }, excludeFromCompliance: false };

const withGoals: ContractTerms = terms({
  goals: [
    goal({ goalId: 'g-response', objective: 'Fast answers', penalty: { kind: 'percent_of_fee', percent: 5, capPerPeriodMinor: 20_000, capOverallMinor: 100_000 } }),
    goal({ goalId: 'g-resolution', objective: 'Fixed in time', metric: { key: 'resolution_compliance' }, period: 'quarterly', target: 90, penalty: { kind: 'percent_of_fee', percent: 2, capPerPeriodMinor: 30_000, capOverallMinor: 60_000 } }),
    goal({ goalId: 'g-patches', objective: 'Patched', metric: { key: 'manual', manualName: 'Patch coverage', manualUnit: 'percent' }, incentive: { kind: 'fixed', amountMinor: 5_000 } }),
  ],
  responsibilities: [answers, backups],
});

const patched: ManualValue = { value: 97, evidenceNote: 'Patch report', evidenceUrl: null, hasFile: false, enteredBy: 'Ann', enteredAt: new Date('2027-01-02T09:00:00Z') };

function input(monthKey: string, over: Partial<ScorecardInput> = {}): ScorecardInput {
  const at = monthBounds(monthKey, 'Europe/London').to;
  return {
    contractId: 'contract-1',
    monthKey,
    timeZone: 'Europe/London',
    contract: { startsAt: new Date('2026-01-01T00:00:00Z'), endsAt: null },
    termsHistory: [version(1, '2026-01-01T00:00:00Z', withGoals)],
    calendar: londonOffice,
    tickets: q4Tickets(at),
    surveys: NO_SURVEYS,
    manualValues: new Map([['g-patches|2026-12', patched]]),
    attestations: new Map(),
    counts: [],
    priorCreditsMinor: new Map([['g-response', 90_000]]),
    evaluatedAt: new Date('2027-01-02T10:00:00Z'),
    ...over,
  };
}

describe('evaluateScorecard, December (a quarter end)', () => {
  const doc = evaluateScorecard(input('2026-12'));

  it('lists the monthly goals over the month, then the quarterly goal over the quarter', () => {
    expect(doc.goals.map((g) => [g.goalId, g.periodKey, g.periodFrom, g.periodTo])).toEqual([
      ['g-response', '2026-12', '2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
      ['g-patches', '2026-12', '2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
      ['g-resolution', '2026-Q4', '2026-09-30T23:00:00.000Z', '2027-01-01T00:00:00.000Z'],
    ]);
    expect(doc).toMatchObject({ contractId: 'contract-1', periodKey: '2026-12', timeZone: 'Europe/London', termsVersion: 1, evaluatedAt: '2027-01-02T10:00:00.000Z' });
  });

  it('responsibilities come first: ticket 6 waited 13 h, the attested one is not assessed', () => {
    expect(doc.responsibilities.map((r) => [r.responsibilityId, r.outcome, r.tickets.map((t) => [t.number, t.value])])).toEqual([
      ['r-answers', 'breached', [[6, 780]]],
      ['r-backups', 'not_assessed', []],
    ]);
  });

  it('December first responses: 4 met, 5 breached, 6 excluded -> 50 %; the credit hits the overall cap', () => {
    // 5 % of 3,100.00 = 155.00 (under the 200.00 per month); 1,000.00 in all less 900.00 before leaves 100.00.
    expect(doc.goals[0]).toMatchObject({ value: 50, sample: 2, outcome: 'missed', amountMinor: -10_000 });
    expect(doc.goals[0]!.contributions.map((c) => [c.number, c.outcome])).toEqual([
      [4, 'met'],
      [5, 'breached'],
      [6, 'excluded'],
    ]);
  });

  it('the quarter\'s resolutions leave out the tickets excluded in any of its months: 3 of 4 = 75 %', () => {
    // Counted 1 (met), 3 (breached), 4, 5 (met); 2 excluded for October, 6 for December.
    // 2 % of the quarter's fee 3 x 3,100.00 = 9,300.00 -> 186.00, under both caps.
    const q = doc.goals[2]!;
    expect(q).toMatchObject({ value: 75, sample: 4, outcome: 'missed', amountMinor: -18_600, amountExplanation: 'Missed: 2 % of the plan fee 9,300.00 EUR = 186.00 EUR; credit 186.00 EUR' });
    expect(q.contributions.filter((c) => c.outcome === 'excluded').map((c) => c.number)).toEqual([2, 6]);
    expect(doc.excluded.map((e) => [e.number, e.reason])).toEqual([
      [2, 'client breached in 2026-10: Answer questions within a working day (waited 14 h of business time on the client; allowance 8 h of business time)'],
      [6, 'client breached in 2026-12: Answer questions within a working day (waited 13 h of business time on the client; allowance 8 h of business time)'],
    ]);
  });

  it('the manual goal reads the value entered for the month and earns its incentive', () => {
    expect(doc.goals[1]).toMatchObject({ value: 97, outcome: 'met', amountMinor: 5_000, manual: patched });
  });

  it('the statement: plan fee, then the credits and the incentive; 3,100.00 - 100.00 + 50.00 - 186.00 = 2,864.00', () => {
    expect(doc.statement.lines.map((l) => [l.kind, l.amountMinor, l.goalId])).toEqual([
      ['plan_fee', 310_000, undefined],
      ['service_credit', -10_000, 'g-response'],
      ['incentive', 5_000, 'g-patches'],
      ['service_credit', -18_600, 'g-resolution'],
    ]);
    expect(doc.statement.subtotalMinor).toBe(286_400);
  });

  it('is reproducible: the same data in another order gives the same document, evaluatedAt aside', () => {
    const base = input('2026-12');
    const again = evaluateScorecard({
      ...base,
      tickets: [...base.tickets].reverse(),
      manualValues: new Map([['g-patches|2026-11', { ...patched, value: 10 }], ['g-patches|2026-12', patched]]),
      priorCreditsMinor: new Map([['g-other', 5], ['g-response', 90_000]]),
      evaluatedAt: new Date('2027-02-01T00:00:00Z'),
    });
    const strip = (d: ScorecardDocument) => ({ ...d, evaluatedAt: '' });
    expect(again.evaluatedAt).toBe('2027-02-01T00:00:00.000Z');
    expect(strip(again)).toEqual(strip(doc));
    expect(JSON.stringify(strip(again))).toBe(JSON.stringify(strip(doc)));
  });
});

describe('evaluateScorecard, other months', () => {
  it('quarterly goals are not listed outside a quarter\'s last month', () => {
    for (const month of ['2026-10', '2026-11']) expect(evaluateScorecard(input(month)).goals.map((g) => g.goalId)).toEqual(['g-response', 'g-patches']);
  });

  it('October: ticket 2 is excluded, ticket 1 met: 100 %; no manual value: not evaluable', () => {
    const doc = evaluateScorecard(input('2026-10'));
    expect(doc.goals[0]).toMatchObject({ value: 100, sample: 1, outcome: 'met', amountMinor: 0 });
    expect(doc.goals[1]).toMatchObject({ outcome: 'not_evaluable', reason: 'No value entered for 2026-10' });
    expect(doc.excluded.map((e) => e.number)).toEqual([2]);
    // October in London: 1 Oct 00:00 BST to 1 Nov 00:00 GMT.
    expect([doc.periodFrom, doc.periodTo]).toEqual(['2026-09-30T23:00:00.000Z', '2026-11-01T00:00:00.000Z']);
  });

  it('uses the terms in force at the month\'s last instant', () => {
    // Version 2 (15 Dec) drops the manual goal and the responsibilities: December evaluates version 2 only.
    const v2: ContractTerms = { ...withGoals, goals: withGoals.goals!.filter((g) => g.goalId !== 'g-patches'), responsibilities: undefined };
    const history: TermsVersion[] = [version(1, '2026-01-01T00:00:00Z', withGoals), version(2, '2026-12-15T00:00:00Z', v2)];
    const doc = evaluateScorecard(input('2026-12', { termsHistory: history }));
    expect(doc.termsVersion).toBe(2);
    expect(doc.goals.map((g) => g.goalId)).toEqual(['g-response', 'g-resolution']);
    expect(doc.responsibilities).toEqual([]);
    // Nothing excluded now: December first responses 4, 5, 6 -> 2 of 3 = 66.67 %.
    expect(doc.goals[0]).toMatchObject({ value: 66.67, sample: 3 });
  });

  it('terms without goals mean none; the statement is still made', () => {
    const doc = evaluateScorecard(input('2026-11', { termsHistory: [version(1, '2026-01-01T00:00:00Z', terms())] }));
    expect(doc.goals).toEqual([]);
    expect(doc.responsibilities).toEqual([]);
    expect(doc.statement.subtotalMinor).toBe(310_000);
  });
});
