import { describe, expect, it } from 'vitest';
import { amendmentSummary, formatDate } from './amendment-summary';
import type { AmendmentChange } from './pact-documents';
import { days, fastP1, min, premium } from './pact-test-fixtures';

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
});
