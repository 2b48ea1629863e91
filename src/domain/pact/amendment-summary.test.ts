import { describe, expect, it } from 'vitest';
import { amendmentSummary, formatDate } from './amendment-summary';
import type { AmendmentChange } from './pact-documents';
import { answerRequests, days, fastAnswers, fastP1, min, premium } from './pact-test-fixtures';

const names = {
  plans: new Map([
    ['plan-gold', 'Gold'],
    ['plan-platinum', 'Platinum'],
  ]),
  riders: new Map([
    [premium.id, { name: premium.name, effect: premium.effect }],
    [fastP1.id, { name: fastP1.name, effect: fastP1.effect }],
  ]),
  catalog: new Map([['item-password', 'Password reset']]),
};
const dec1 = new Date('2026-12-01T00:00:00Z');

describe('amendmentSummary', () => {
  it.each<[string, AmendmentChange[], string]>([
    ['adds Premium Response', [{ type: 'rider_added', riderId: premium.id }], 'Adds Premium Response from 1 Dec 2026: response and resolution targets halved, never below 15 minutes.'],
    ['drops a rider', [{ type: 'rider_removed', riderId: premium.id }], 'Drops Premium Response from 1 Dec 2026.'],
    ['adds a replacing rider', [{ type: 'rider_added', riderId: fastP1.id }], 'Adds Fast P1 from 1 Dec 2026: faster targets for P1.'],
    ['changes plan', [{ type: 'plan_changed', fromPlanId: 'plan-gold', toPlanId: 'plan-platinum' }], 'Moves from Gold to Platinum from 1 Dec 2026.'],
    ['original agreement', [{ type: 'initial_terms' }], 'Original agreement, in force from 1 Dec 2026.'],
    [
      'sets an override',
      [{ type: 'catalog_override_set', catalogItemId: 'item-password', turnaround: { remote: { response: min(15), resolution: min(90) }, onsite: { resolution: days(1) } } }],
      'Agrees a turnaround for "Password reset" from 1 Dec 2026: remote response 15 business minutes, remote resolution 1 business hour 30 min, on-site resolution 1 business day.',
    ],
    [
      'several changes',
      [
        { type: 'plan_changed', fromPlanId: null, toPlanId: 'plan-platinum' },
        { type: 'catalog_override_removed', catalogItemId: 'item-password' },
        { type: 'rider_added', riderId: premium.id },
      ],
      'From 1 Dec 2026: moves to Platinum; returns "Password reset" to the catalog turnaround; adds Premium Response (response and resolution targets halved, never below 15 minutes).',
    ],
    [
      'changes targets',
      [{ type: 'target_changed', priority: 'P1', terms: { calendarId: 'c', remote: { response: min(30), resolution: min(240) }, onsite: { response: min(120), resolution: days(1) } } }],
      'Changes the P1 targets from 1 Dec 2026: remote response 30 business minutes, resolution 4 business hours; on-site response 2 business hours, resolution 1 business day.',
    ],
  ])('%s', (_n, changes, text) => {
    expect(amendmentSummary(changes, dec1, names)).toBe(text);
  });

  it('writes dates in the given zone, with the time when not midnight (DST-aware)', () => {
    expect(formatDate(new Date('2026-10-25T01:30:00Z'), 'Europe/Berlin')).toBe('25 Oct 2026 02:30');
    expect(formatDate(new Date('2026-10-25T00:30:00Z'), 'Europe/Berlin')).toBe('25 Oct 2026 02:30');
    expect(formatDate(new Date('2026-11-30T23:00:00Z'), 'Europe/Berlin')).toBe('1 Dec 2026');
    expect(amendmentSummary([{ type: 'rider_removed', riderId: 'x' }], dec1)).toBe('Drops a rider from 1 Dec 2026.');
  });

  it.each<[string, AmendmentChange[], string]>([
    [
      'adds the example goal of the API contract',
      [{ type: 'goal_set', goal: { ...fastAnswers(), goalId: 'goal-new' } }],
      "Adds goal 'Fast answers' from 1 Dec 2026: first-response compliance >= 95 % per month, at least 20 tickets; credit 5 % of the monthly fee when missed, at most 200.00 per month and 1,000.00 in all.",
    ],
    [
      'changes a goal, with scope, a fixed incentive and no penalty',
      [
        {
          type: 'goal_set',
          goal: { ...fastAnswers(), objective: 'Quick fixes on site', metric: { key: 'mean_time_to_resolve' }, scope: { priorities: ['P1', 'P2'], categories: ['hardware'], siteIds: ['site-b'] }, comparator: 'lte', target: 240, period: 'quarterly', minSample: 1, penalty: null, incentive: { kind: 'fixed', amountMinor: 50_000 } },
        },
      ],
      "Changes goal 'Quick fixes on site' (was 'Fast answers') from 1 Dec 2026: mean time to resolve for P1 and P2 tickets, hardware issues, at Berlin office <= 4 business hours per quarter, at least 1 ticket; bonus 500.00 when met.",
    ],
    [
      'a backlog goal and a manual one',
      [
        { type: 'goal_set', goal: { ...fastAnswers(), goalId: 'g-backlog', objective: 'No old tickets', metric: { key: 'backlog_older_than', businessDays: 10 }, comparator: 'lt', target: 3, minSample: 0, penalty: null } },
        { type: 'goal_set', goal: { ...fastAnswers(), goalId: 'g-manual', objective: 'Backups restore', metric: { key: 'manual', manualName: 'restore tests passed', manualUnit: 'percent' }, target: 100, minSample: 1, penalty: { kind: 'fixed', amountMinor: 10_000, capPerPeriodMinor: 10_000, capOverallMinor: 120_000 } } },
      ],
      "From 1 Dec 2026: adds goal 'No old tickets' (tickets open longer than 10 business days < 3 per month); adds goal 'Backups restore' (restore tests passed >= 100 % per month; credit 100.00 when missed, at most 100.00 per month and 1,200.00 in all).",
    ],
    ['removes a goal', [{ type: 'goal_removed', goalId: 'goal-fast' }], "Removes goal 'Fast answers' from 1 Dec 2026."],
    [
      'adds a responsibility',
      [{ type: 'responsibility_set', responsibility: { ...answerRequests(), responsibilityId: 'resp-new' } }],
      "Adds your responsibility 'Answer information requests within 8 business hours' from 1 Dec 2026: measured by the time each ticket waits on you, at most 8 business hours per ticket; tickets where it is not kept are left out of the compliance figures.",
    ],
    [
      'changes a responsibility to an attested one, and removes an unknown one',
      [
        { type: 'responsibility_set', responsibility: { ...answerRequests(), measure: { kind: 'attested' }, excludeFromCompliance: false } },
        { type: 'responsibility_removed', responsibilityId: 'x' },
      ],
      "From 1 Dec 2026: changes your responsibility 'Answer information requests within 8 business hours' (attested by your service provider each month); removes one of your responsibilities.",
    ],
  ])('%s', (_n, changes, text) => {
    const known = { ...names, goals: new Map([['goal-fast', 'Fast answers']]), responsibilities: new Map([['resp-answer', 'Answer information requests within 8 business hours']]), sites: new Map([['site-b', 'Berlin office']]) };
    expect(amendmentSummary(changes, dec1, known)).toBe(text);
  });
});
