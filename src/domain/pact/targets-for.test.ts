import { describe, expect, it } from 'vitest';
import { applyChanges } from './apply-changes';
import { catalog, days, fastP1, goldTerms, matrix, min, plans, premium, riders, start } from './pact-test-fixtures';
import type { ContractTerms, Target } from './pact-types';
import { addTravel, scaleTarget, TargetsError, targetsFor, type TargetsCatalogItem } from './targets-for';

const password: TargetsCatalogItem = { id: 'item-password', name: 'Password reset', deliveryMode: 'remote' };
const printer: TargetsCatalogItem = { id: 'item-printer', name: 'Printer jam', deliveryMode: 'onsite' };
const laptop: TargetsCatalogItem = { id: 'item-laptop', name: 'New laptop set-up', deliveryMode: 'either' };

function amend(terms: ContractTerms, ...changes: Parameters<typeof applyChanges>[1]): ContractTerms {
  const r = applyChanges(terms, changes, { effectiveAt: start, plans, riders, catalog });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.terms;
}

const gold = goldTerms();
const withOverride = amend(gold, { type: 'catalog_override_set', catalogItemId: 'item-password', turnaround: { remote: { resolution: min(45) } } });
const withPremium = amend(gold, { type: 'rider_added', riderId: premium.id });

describe('lookup order: client override > catalog turnaround for the plan > plan target; rider after; travel last', () => {
  it.each<[string, ContractTerms, TargetsCatalogItem | undefined, Target, Target, RegExp]>([
    ['plan target when no catalog item', gold, undefined, min(120), min(480), /Gold plan's remote resolution target for P2/],
    ['plan target when the item has no turnaround', gold, laptop, min(120), min(480), /"New laptop set-up" has no turnaround of its own/],
    ['catalog turnaround for the plan beats the plan', gold, password, min(30), min(60), /catalog turnaround for "Password reset" on the Gold plan/],
    ['client override beats the catalog turnaround (only the clock it sets)', withOverride, password, min(30), min(45), /client's agreed turnaround for "Password reset"/],
    ['rider scales the catalog turnaround, floored at 15 min', amend(withOverride, { type: 'rider_added', riderId: premium.id }), password, min(15), min(23), /Premium Response halves it: 23 business minutes/],
  ])('%s', (_n, terms, item, response, resolution, line) => {
    const r = targetsFor({ terms, matrix, catalogItem: item, urgency: 'high', impact: 'department', deliveryMode: 'remote' });
    expect(r.priority).toBe('P2');
    expect(r.firstResponse.target).toEqual(response);
    expect(r.resolution.target).toEqual(resolution);
    expect(r.resolution.explanation.join('\n')).toMatch(line);
  });

  it('travel is added after the rider, not scaled by it', () => {
    const site = { name: 'Berlin office', travelMinutes: 35 };
    const plain = targetsFor({ terms: gold, matrix, urgency: 'critical', impact: 'organisation', deliveryMode: 'onsite', site });
    expect(plain.resolution.target).toEqual(min(480 + 35));
    expect(plain.firstResponse.target).toEqual(min(120)); // travel never changes the response target
    const fast = targetsFor({ terms: withPremium, matrix, urgency: 'critical', impact: 'organisation', deliveryMode: 'onsite', site });
    expect(fast.resolution.target).toEqual(min(240 + 35));
    expect(fast.resolution.explanation.at(-1)).toBe('plus 35 min travel to Berlin office: 4 business hours + 35 min travel');
    expect(fast.explanation).toContain('Resolution: Premium Response halves it: 4 business hours');
  });

  it('business-day targets carry travel as plusMinutes', () => {
    const r = targetsFor({ terms: gold, matrix, catalogItem: printer, urgency: 'high', impact: 'department', site: { name: 'Depot', travelMinutes: 35 } });
    expect(r.deliveryMode).toBe('onsite');
    expect(r.resolution.target).toEqual({ unit: 'business_days', days: 2, plusMinutes: 35 });
    expect(r.resolution.explanation.join('\n')).toMatch(/2 business days \+ 35 min travel/);
  });

  it('remote delivery adds no travel', () => {
    const r = targetsFor({ terms: gold, matrix, urgency: 'high', impact: 'department', deliveryMode: 'remote', site: { name: 'Depot', travelMinutes: 35 } });
    expect(r.resolution.target).toEqual(min(480));
  });
});

describe('delivery mode', () => {
  it.each<[string, TargetsCatalogItem | undefined, 'remote' | 'onsite' | undefined, 'remote' | 'onsite']>([
    ['caller decides without an item', undefined, 'onsite', 'onsite'],
    ['remote by default', undefined, undefined, 'remote'],
    ['an on-site item forces on-site when the caller gives none', printer, undefined, 'onsite'],
    ['the caller beats an on-site item', printer, 'remote', 'remote'],
    ['a remote item forces remote when the caller gives none', password, undefined, 'remote'],
    ["'either' uses the caller's mode", laptop, 'onsite', 'onsite'],
    ["'either' with none given is remote", laptop, undefined, 'remote'],
  ])('%s', (_n, item, given, expected) => {
    expect(targetsFor({ terms: gold, matrix, catalogItem: item, urgency: 'low', impact: 'individual', deliveryMode: given }).deliveryMode).toBe(expected);
  });
});

describe('riders', () => {
  it.each<[string, Target, number, number, Target, boolean]>([
    ['halves minutes', min(240), 50, 15, min(120), false],
    ['rounds half up to whole minutes', min(45), 50, 15, min(23), false],
    ['raises to the floor', min(20), 50, 15, min(15), true],
    ['exactly at the floor is not raised', min(30), 50, 15, min(15), false],
    ['a zero floor still keeps at least one minute', min(1), 10, 0, min(1), false],
    ['halves days, rounding half up', days(3), 50, 15, days(2), false],
    ['never below one business day', days(1), 50, 15, days(1), false],
    ['keeps plusMinutes unscaled', { unit: 'business_days', days: 4, plusMinutes: 10 }, 50, 15, { unit: 'business_days', days: 2, plusMinutes: 10 }, false],
  ])('scale: %s', (_n, t, f, floor, expected, floored) => {
    expect(scaleTarget(t, f, floor)).toEqual({ target: expected, floored });
  });

  it('replace changes only the clocks it names; several riders apply in order', () => {
    const both = amend(gold, { type: 'rider_added', riderId: fastP1.id }, { type: 'rider_added', riderId: premium.id });
    const r = targetsFor({ terms: both, matrix, urgency: 'critical', impact: 'organisation', deliveryMode: 'remote' });
    expect(r.firstResponse.target).toEqual(min(15)); // replaced to 20, then halved to 10, floored at 15
    expect(r.firstResponse.explanation).toEqual([
      "1 business hour: the Gold plan's remote response target for P1",
      'Fast P1 replaces it: 20 business minutes',
      'Premium Response halves it, raised to its floor of 15 business minutes: 15 business minutes',
    ]);
    expect(r.resolution.target).toEqual(min(120));
    const reversed = amend(gold, { type: 'rider_added', riderId: premium.id }, { type: 'rider_added', riderId: fastP1.id });
    expect(targetsFor({ terms: reversed, matrix, urgency: 'critical', impact: 'organisation', deliveryMode: 'remote' }).firstResponse.target).toEqual(min(20));
  });

  it('a rider added mid-contract applies only to tickets from its effective instant', () => {
    const from = new Date('2026-12-01T09:00:00Z');
    const r = applyChanges(gold, [{ type: 'rider_added', riderId: premium.id }], { effectiveAt: from, plans, riders, catalog });
    if (!r.ok) throw new Error('expected ok');
    const at = (iso: string) => targetsFor({ terms: r.terms, matrix, urgency: 'high', impact: 'department', deliveryMode: 'remote', at: new Date(iso) }).resolution.target;
    expect(at('2026-12-01T08:59:59Z')).toEqual(min(480));
    expect(at('2026-12-01T09:00:00Z')).toEqual(min(240));
  });
});

describe('clock settings and explanation', () => {
  it('uses the priority coverage calendar, pause rule and thresholds of the plan', () => {
    const r = targetsFor({ terms: gold, matrix, urgency: 'high', impact: 'department', deliveryMode: 'remote' });
    expect(r.firstResponse).toMatchObject({ calendarId: 'cal-bh', pausesStopClock: false, warningThresholds: [50, 75, 90, 100] });
    expect(r.resolution).toMatchObject({ pausesStopClock: true });
    expect(r.explanation.slice(0, 3)).toEqual(['Priority P2 from the priority matrix: urgency High, impact Department', 'Delivered remote', 'Terms: the Gold plan']);
  });

  it('a priority set by hand beats the matrix', () => {
    const r = targetsFor({ terms: gold, matrix, urgency: 'low', impact: 'individual', deliveryMode: 'remote', priorityOverride: 'P1' });
    expect(r.priority).toBe('P1');
    expect(r.explanation[0]).toBe('Priority P1, set by hand');
  });

  it.each([
    [{ urgency: 'extreme', impact: 'team' }, 'urgency'],
    [{ urgency: 'high', impact: 'galaxy' }, 'impact'],
    [{ urgency: 'high', impact: 'team', priorityOverride: 'P9' }, 'priorityOverride'],
  ])('names the input it cannot use: %j', (input, field) => {
    expect(() => targetsFor({ terms: gold, matrix, deliveryMode: 'remote', ...input })).toThrow(TargetsError);
    try {
      targetsFor({ terms: gold, matrix, deliveryMode: 'remote', ...input });
    } catch (e) {
      expect((e as TargetsError).field).toBe(field);
    }
  });

  it('addTravel leaves the target alone for zero travel', () => {
    expect(addTravel(min(60), 0)).toEqual(min(60));
    expect(addTravel(days(2), 10)).toEqual({ unit: 'business_days', days: 2, plusMinutes: 10 });
  });
});
