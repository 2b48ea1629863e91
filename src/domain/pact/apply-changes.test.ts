import { describe, expect, it } from 'vitest';
import { applyChanges, initialTerms, type ChangeContext } from './apply-changes';
import type { AmendmentChange } from './pact-documents';
import { answerRequests, catalog, days, fastAnswers, gold, goldTerms, min, plans, platinum, premium, riders, start } from './pact-test-fixtures';

const effectiveAt = new Date('2026-12-01T00:00:00Z');
const ctx: ChangeContext = { effectiveAt, plans, riders, catalog, calendarIds: new Set(['cal-bh', 'cal-247', 'cal-client']) };
const base = goldTerms({ riders: [premium] });

describe('initialTerms', () => {
  it('snapshots the plan and the catalog turnarounds for that plan, mapping coverage calendars', () => {
    const t = initialTerms({ plan: platinum, calendarId: 'cal-client', catalog, effectiveAt: start, coverageCalendar: (id) => (id === 'cal-247' ? id : 'cal-client') });
    expect(t.plan).toMatchObject({ planId: 'plan-platinum', name: 'Platinum' });
    expect(t.plan.targets.P1!.calendarId).toBe('cal-247');
    expect(t.plan.targets.P2!.calendarId).toBe('cal-client');
    expect(t.catalogTurnarounds).toEqual({ 'item-password': { remote: { resolution: min(30) } } });
    expect(t.catalogOverrides).toEqual({});
  });
  it('is a snapshot: editing the plan afterwards changes nothing', () => {
    const plan = structuredClone(gold);
    const t = initialTerms({ plan, calendarId: 'c', catalog, effectiveAt: start });
    plan.terms.targets.P1!.remote.response = min(1);
    expect(t.plan.targets.P1!.remote.response).toEqual(min(60));
  });
});

describe('applyChanges', () => {
  it.each<[string, AmendmentChange[], (t: ReturnType<typeof goldTerms>) => void]>([
    [
      'plan change re-snapshots the plan and the catalog turnarounds, keeping riders and overrides',
      [
        { type: 'catalog_override_set', catalogItemId: 'item-laptop', turnaround: { onsite: { resolution: days(1) } } },
        { type: 'plan_changed', fromPlanId: 'plan-gold', toPlanId: 'plan-platinum' },
      ],
      (t) => {
        expect(t.plan.name).toBe('Platinum');
        expect(t.plan.targets.P1!.calendarId).toBe('cal-247');
        expect(t.catalogTurnarounds).toEqual({ 'item-password': { remote: { resolution: min(30) } } });
        expect(t.riders.map((r) => r.name)).toEqual(['Premium Response']);
        expect(t.catalogOverrides['item-laptop']).toEqual({ onsite: { resolution: days(1) } });
      },
    ],
    ['rider removed', [{ type: 'rider_removed', riderId: premium.id }], (t) => expect(t.riders).toEqual([])],
    [
      'rider added from the effective instant',
      [
        { type: 'rider_removed', riderId: premium.id },
        { type: 'rider_added', riderId: premium.id },
      ],
      (t) => expect(t.riders[0]!.effectiveFrom).toBe('2026-12-01T00:00:00.000Z'),
    ],
    [
      'override set then removed',
      [
        { type: 'catalog_override_set', catalogItemId: 'item-password', turnaround: { remote: { resolution: min(20) } } },
        { type: 'catalog_override_removed', catalogItemId: 'item-password' },
      ],
      (t) => expect(t.catalogOverrides).toEqual({}),
    ],
    [
      'target change per priority',
      [{ type: 'target_changed', priority: 'P3', terms: { calendarId: 'cal-247', remote: { response: min(30), resolution: min(90) }, onsite: { response: min(60), resolution: days(1) } } }],
      (t) => {
        expect(t.plan.targets.P3).toMatchObject({ calendarId: 'cal-247', remote: { response: min(30) } });
        expect(t.plan.targets.P2).toEqual(base.plan.targets.P2);
      },
    ],
  ])('%s', (_n, changes, check) => {
    const r = applyChanges(base, changes, ctx);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    check(r.terms);
  });

  it.each<[string, AmendmentChange[], Record<string, string>]>([
    ['no changes', [], { changes: 'must list at least one change' }],
    ['initial terms in a proposal', [{ type: 'initial_terms' }], { 'changes[0].type': expect.any(String) }],
    ['unknown plan', [{ type: 'plan_changed', fromPlanId: null, toPlanId: 'nope' }], { 'changes[0].toPlanId': 'is not a plan of this organisation' }],
    ['from a plan that is not the contract plan', [{ type: 'plan_changed', fromPlanId: 'plan-platinum', toPlanId: 'plan-gold' }], { 'changes[0].fromPlanId': "is not the contract's plan (Gold)" }],
    ['same plan', [{ type: 'plan_changed', fromPlanId: null, toPlanId: 'plan-gold' }], { 'changes[0].toPlanId': 'is already the plan of this contract' }],
    [
      'rider already on the contract, as the second change',
      [
        { type: 'catalog_override_removed', catalogItemId: 'item-none' },
        { type: 'rider_added', riderId: premium.id },
      ],
      { 'changes[0].catalogItemId': 'has no client override on this contract', 'changes[1].riderId': 'is already on this contract' },
    ],
    ['unknown rider', [{ type: 'rider_added', riderId: 'nope' }], { 'changes[0].riderId': 'is not an active rider of this organisation' }],
    ['removing a rider not on the contract', [{ type: 'rider_removed', riderId: 'rider-fast-p1' }], { 'changes[0].riderId': 'is not on this contract' }],
    ['override for an unknown item', [{ type: 'catalog_override_set', catalogItemId: 'nope', turnaround: { remote: { resolution: min(5) } } }], { 'changes[0].catalogItemId': expect.any(String) }],
    [
      'override with a bad target',
      [{ type: 'catalog_override_set', catalogItemId: 'item-laptop', turnaround: { remote: { response: min(0), resolution: min(30) } } }],
      { 'changes[0].turnaround.remote.response': 'must be a whole number of minutes above 0' },
    ],
    [
      'override resolution shorter than response',
      [{ type: 'catalog_override_set', catalogItemId: 'item-laptop', turnaround: { remote: { response: min(60), resolution: min(30) } } }],
      { 'changes[0].turnaround.remote.resolution': 'must not be shorter than the response target' },
    ],
    [
      'target change for an unknown priority',
      [{ type: 'target_changed', priority: 'P9', terms: base.plan.targets.P1! }],
      { 'changes[0].priority': 'is not a priority of the Gold plan' },
    ],
    [
      'target change on an unknown calendar with zero days',
      [{ type: 'target_changed', priority: 'P1', terms: { calendarId: 'cal-x', remote: { response: min(10), resolution: min(20) }, onsite: { response: days(0), resolution: days(1) } } }],
      { 'changes[0].terms.calendarId': 'is not a calendar of this organisation', 'changes[0].terms.onsite.response': 'must be a whole number of business days, at least 1' },
    ],
  ])('refuses %s, naming the change', (_n, changes, errors) => {
    const r = applyChanges(base, changes, ctx);
    expect(r).toEqual({ ok: false, errors });
  });

  it('never changes the terms it was given', () => {
    const before = structuredClone(base);
    applyChanges(base, [{ type: 'rider_removed', riderId: premium.id }, { type: 'plan_changed', fromPlanId: null, toPlanId: 'plan-platinum' }], ctx);
    expect(base).toEqual(before);
  });
});

describe('goals and responsibilities by amendment', () => {
  const withGoal = () => {
    const r = applyChanges(base, [{ type: 'goal_set', goal: fastAnswers() }, { type: 'responsibility_set', responsibility: answerRequests() }], ctx);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.terms;
  };

  it('adds a goal and a responsibility to terms agreed before goals existed', () => {
    const t = withGoal();
    expect(base.goals ?? []).toEqual([]);
    expect(t.goals).toEqual([fastAnswers()]);
    expect(t.responsibilities).toEqual([answerRequests()]);
    const legacy = structuredClone(base);
    delete legacy.goals;
    const r = applyChanges(legacy, [{ type: 'goal_set', goal: fastAnswers() }], ctx);
    expect(r.ok && r.terms.goals).toEqual([fastAnswers()]);
  });

  it('replaces a goal with the same goalId in place, and removes by id', () => {
    const second = { ...fastAnswers(), goalId: 'goal-2', objective: 'Few reopens', metric: { key: 'reopen_rate' as const }, comparator: 'lte' as const, target: 5, penalty: null };
    const r = applyChanges(withGoal(), [{ type: 'goal_set', goal: second }, { type: 'goal_set', goal: { ...fastAnswers(), target: 97 } }], ctx);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.terms.goals!.map((g) => [g.goalId, g.target])).toEqual([
      ['goal-fast', 97],
      ['goal-2', 5],
    ]);
    const removed = applyChanges(r.terms, [{ type: 'goal_removed', goalId: 'goal-fast' }, { type: 'responsibility_removed', responsibilityId: 'resp-answer' }], ctx);
    expect(removed.ok && removed.terms.goals!.map((g) => g.goalId)).toEqual(['goal-2']);
    expect(removed.ok && removed.terms.responsibilities).toEqual([]);
  });

  it.each<[string, AmendmentChange[], Record<string, string>]>([
    ['removing an unknown goal', [{ type: 'goal_removed', goalId: 'nope' }], { 'changes[0].goalId': 'is not a goal of this contract' }],
    ['removing an unknown responsibility', [{ type: 'responsibility_removed', responsibilityId: 'nope' }], { 'changes[0].responsibilityId': 'is not a responsibility of this contract' }],
    ['a goal with a 140 % target', [{ type: 'goal_set', goal: { ...fastAnswers(), target: 140 } }], { 'changes[0].goal.target': 'must be a percentage from 0 to 100' }],
    [
      'a goal scoped to a site of another client, as the second change',
      [
        { type: 'rider_removed', riderId: premium.id },
        { type: 'goal_set', goal: { ...fastAnswers(), scope: { siteIds: ['site-berlin', 'site-elsewhere'] } } },
      ],
      { 'changes[1].goal.scope.siteIds[1]': "is not a site of the contract's client" },
    ],
    [
      'a responsibility with no allowance',
      [{ type: 'responsibility_set', responsibility: { ...answerRequests(), measure: { kind: 'waiting_on_client', allowance: { unit: 'minutes', minutes: 0 } } } }],
      { 'changes[0].responsibility.measure.allowance': 'must be a whole number of minutes above 0' },
    ],
  ])('refuses %s, naming the field', (_n, changes, errors) => {
    const r = applyChanges(base, changes, { ...ctx, goals: { priorities: ['P1', 'P2', 'P3', 'P4'], siteIds: new Set(['site-berlin']) } });
    expect(r).toEqual({ ok: false, errors });
  });

  it('keeps goals and responsibilities through a plan change', () => {
    const r = applyChanges(withGoal(), [{ type: 'plan_changed', fromPlanId: null, toPlanId: 'plan-platinum' }], ctx);
    expect(r.ok && r.terms.goals).toEqual([fastAnswers()]);
  });

  it('snapshots the plan hourly rate', () => {
    const t = initialTerms({ plan: { ...gold, terms: { ...gold.terms, hourlyRateMinor: 9000 } }, calendarId: 'c', catalog, effectiveAt: start });
    expect(t.plan.hourlyRateMinor).toBe(9000);
    expect('hourlyRateMinor' in initialTerms({ plan: gold, calendarId: 'c', catalog, effectiveAt: start }).plan).toBe(false);
  });
});
