import { describe, expect, it } from 'vitest';
import { applyChanges } from './apply-changes';
import { answerRequests, catalog, days, fastAnswers, goldTerms, matrix, min, plans, premium, riders, start } from './pact-test-fixtures';
import { buildSchedule, type ScheduleCatalogItem } from './schedule-document';

const items: ScheduleCatalogItem[] = [
  { id: 'item-password', name: 'Password reset', category: 'account', deliveryMode: 'remote', defaultUrgency: 'high', defaultImpact: 'individual' },
  { id: 'item-printer', name: 'Printer jam', category: 'hardware', deliveryMode: 'onsite', defaultUrgency: 'medium', defaultImpact: 'team' },
  { id: 'item-laptop', name: 'New laptop set-up', category: 'hardware', deliveryMode: 'either', defaultUrgency: 'low', defaultImpact: 'individual' },
];
const calendarNames = new Map([['cal-bh', 'Business hours (Europe/Berlin)']]);

function scheduleInput(terms = goldTerms(), travel: { siteName: string; minutes: number } | null = { siteName: 'Head office', minutes: 35 }) {
  return {
    organisation: 'Acme IT',
    clientName: 'Contoso',
    contract: { name: 'Managed services 2027', startsAt: start, endsAt: new Date('2027-11-01T00:00:00Z') },
    terms,
    matrix,
    catalog: items,
    calendarNames,
    travel,
    basis: 'Terms in force on 22 Nov 2026',
    generatedAt: new Date('2026-11-22T10:00:00Z'),
  };
}

function schedule(terms = goldTerms(), travel: { siteName: string; minutes: number } | null = { siteName: 'Head office', minutes: 35 }) {
  return buildSchedule(scheduleInput(terms, travel));
}

describe('buildSchedule', () => {
  it('lists every priority in matrix order, remote and on-site, in plain words with travel', () => {
    const s = schedule();
    expect(s.period).toBe('1 Nov 2026 to 1 Nov 2027');
    expect(s.priorities.map((p) => p.priority)).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(s.priorities[0]).toEqual({
      priority: 'P1',
      name: 'Critical',
      calendarName: 'Business hours (Europe/Berlin)',
      remote: { response: '1 business hour', resolution: '4 business hours' },
      onsite: { response: '2 business hours', resolution: '8 business hours + 35 min travel' },
    });
    expect(s.priorities[1]!.onsite.resolution).toBe('1 business day + 35 min travel');
    expect(s.priorities[2]!.remote.resolution).toBe('2 business days');
    expect(s.notes.at(-1)).toMatch(/35 min travel to Head office/);
  });

  it('groups catalog items by category, each with the modes it is delivered in', () => {
    const s = schedule();
    expect(s.catalog.map((g) => g.categoryName)).toEqual(['Hardware', 'Accounts and access']);
    expect(s.catalog[0]!.items.map((i) => i.name)).toEqual(['New laptop set-up', 'Printer jam']);
    const printer = s.catalog[0]!.items[1]!;
    expect(printer).toMatchObject({ priority: 'P3', remote: null, onsite: { response: '8 business hours', resolution: '2 business days + 35 min travel' } });
    const password = s.catalog[1]!.items[0]!;
    expect(password).toMatchObject({ priority: 'P3', onsite: null, remote: { response: '30 business minutes', resolution: '1 business hour' }, agreedForClient: false });
  });

  it('shows riders and overrides as they change the figures', () => {
    const r = applyChanges(
      goldTerms(),
      [
        { type: 'rider_added', riderId: premium.id },
        { type: 'catalog_override_set', catalogItemId: 'item-printer', turnaround: { onsite: { resolution: days(1) } } },
      ],
      { effectiveAt: new Date('2026-12-01T00:00:00Z'), plans, riders, catalog },
    );
    if (!r.ok) throw new Error('expected ok');
    const s = schedule(r.terms, null);
    expect(s.riders).toEqual([{ name: 'Premium Response', effect: 'response and resolution targets halved, never below 15 minutes', from: '1 Dec 2026' }]);
    expect(s.priorities[0]!.remote).toEqual({ response: '30 business minutes', resolution: '2 business hours' });
    expect(s.catalog[0]!.items[1]).toMatchObject({ agreedForClient: true, onsite: { resolution: '1 business day' } });
    expect(s.travel).toBeNull();
    expect(min(1)).toEqual({ unit: 'minutes', minutes: 1 });
  });
});

describe('goals and responsibilities in the schedule', () => {
  it('states each goal and responsibility in words', () => {
    const terms = goldTerms({
      goals: [fastAnswers(), { ...fastAnswers(), goalId: 'g2', objective: 'Hardware fixed quickly', metric: { key: 'median_time_to_resolve' }, scope: { categories: ['hardware'], siteIds: ['site-h'] }, comparator: 'lte', target: 480, period: 'quarterly', minSample: 0, penalty: null, incentive: { kind: 'percent_of_fee', percent: 2.5 } }],
      responsibilities: [answerRequests(), { ...answerRequests(), responsibilityId: 'r2', description: 'Keep an approver on call', measure: { kind: 'attested' }, excludeFromCompliance: false }],
    });
    const s = buildSchedule({ ...scheduleInput(), terms, siteNames: new Map([['site-h', 'Head office']]) });
    expect(s.goals).toEqual([
      {
        objective: 'Fast answers',
        measure: 'First-response compliance, all tickets',
        method: 'Share of first-response clocks met.',
        target: 'At least 95 %',
        period: 'Each month',
        minimumSample: 'At least 20 tickets; with fewer the month is not evaluated (no credit, no bonus)',
        incentive: null,
        penalty: 'A service credit of 5 % of the monthly fee, at most 200.00 EUR per month and 1,000.00 EUR in all',
      },
      {
        objective: 'Hardware fixed quickly',
        measure: 'Median time to resolve, for hardware issues, at Head office',
        method: 'Share of first-response clocks met.',
        target: 'At most 8 business hours',
        period: 'Each quarter',
        minimumSample: 'None',
        incentive: 'A bonus of 2.5 % of the quarterly fee',
        penalty: null,
      },
    ]);
    expect(s.responsibilities).toEqual([
      {
        description: 'Answer information requests within 8 business hours',
        measure: 'Measured by the time each ticket waits on you, at most 8 business hours per ticket',
        consequence: 'Tickets on which it is not kept are left out of our compliance figures.',
      },
      { description: 'Keep an approver on call', measure: 'Attested by your service provider each month', consequence: 'Reported in the scorecard; it does not change our figures.' },
    ]);
    expect(schedule().goals).toEqual([]);
  });
});
