import { describe, expect, it } from 'vitest';
import type { PlanDocument } from './pact-documents';
import { defaultPlans, describeTarget, premiumResponseRider, validatePlanDocument, validateRiderEffect } from './plan-rules';

const cals = { businessHours: 'cal-biz', allHours: 'cal-247' };
const opts = { priorities: ['P1', 'P2', 'P3', 'P4'], calendarIds: new Set(['cal-biz', 'cal-247']) };
const gold = (): PlanDocument => structuredClone(defaultPlans(cals).find((p) => p.name === 'Gold')!.terms);

describe('plan rules', () => {
  it('the default plans are valid; Platinum P1 runs on 24x7; Gold P1 remote 30 min / 4 h', () => {
    for (const p of defaultPlans(cals)) expect(validatePlanDocument(p.terms, opts), p.name).toEqual({});
    const [silver, g, platinum] = defaultPlans(cals);
    expect(platinum!.terms.targets.P1!.calendarId).toBe('cal-247');
    expect(g!.terms.targets.P1!.remote).toEqual({ response: { unit: 'minutes', minutes: 30 }, resolution: { unit: 'minutes', minutes: 240 } });
    expect(g!.terms.targets.P4!.remote.resolution).toEqual({ unit: 'business_days', days: 5 });
    expect(silver!.terms.price).toEqual({ amountMinor: 350_000, currency: 'EUR', basis: 'flat' });
    expect(platinum!.terms.price.amountMinor).toBe(950_000);
  });

  it.each<[string, (d: PlanDocument) => void, string, RegExp]>([
    ['a zero target', (d) => (d.targets.P1!.remote.response = { unit: 'minutes', minutes: 0 }), 'terms.targets.P1.remote.response', /greater than 0/],
    ['a negative target', (d) => (d.targets.P2!.onsite.resolution = { unit: 'minutes', minutes: -5 }), 'terms.targets.P2.onsite.resolution', /greater than 0/],
    ['a fractional target', (d) => (d.targets.P2!.onsite.response = { unit: 'minutes', minutes: 1.5 }), 'terms.targets.P2.onsite.response', /whole/],
    ['zero days', (d) => (d.targets.P3!.remote.resolution = { unit: 'business_days', days: 0 }), 'terms.targets.P3.remote.resolution', /at least 1/],
    ['resolution shorter than response', (d) => (d.targets.P1!.remote.resolution = { unit: 'minutes', minutes: 20 }), 'terms.targets.P1.remote.resolution', /shorter than the response target \(30 min\)/],
    ['resolution days shorter than response days', (d) => (d.targets.P4!.remote = { response: { unit: 'business_days', days: 3 }, resolution: { unit: 'business_days', days: 2 } }), 'terms.targets.P4.remote.resolution', /shorter/],
    ['a missing priority', (d) => delete d.targets.P3, 'terms.targets.P3', /needs targets/],
    ['an unknown priority', (d) => (d.targets.P9 = d.targets.P1!), 'terms.targets.P9', /not a priority/],
    ['an unknown calendar', (d) => (d.targets.P1!.calendarId = 'elsewhere'), 'terms.targets.P1.calendarId', /not a calendar/],
    ['thresholds not ascending', (d) => (d.warningThresholds = [50, 90, 75, 100]), 'terms.warningThresholds', /ascending/],
    ['thresholds not ending at 100', (d) => (d.warningThresholds = [50, 75]), 'terms.warningThresholds', /end at 100/],
    ['a threshold of 0', (d) => (d.warningThresholds = [0, 100]), 'terms.warningThresholds', /1 to 100/],
    ['a negative price', (d) => (d.price.amountMinor = -1), 'terms.price.amountMinor', /0 or more/],
    ['a lower-case currency', (d) => (d.price.currency = 'eur'), 'terms.price.currency', /ISO 4217/],
    ['an after-hours multiplier of 90 %', (d) => (d.afterHoursMultiplierPercent = 90), 'terms.afterHoursMultiplierPercent', /100 to 500/],
  ])('refuses %s, naming the field', (_what, change, field, message) => {
    const d = gold();
    change(d);
    expect(validatePlanDocument(d, opts)[field]).toMatch(message);
  });

  it('does not compare days with minutes (a 1-day resolution for a 600-minute response is fine)', () => {
    const d = gold();
    d.targets.P4!.remote = { response: { unit: 'minutes', minutes: 600 }, resolution: { unit: 'business_days', days: 1 } };
    expect(validatePlanDocument(d, opts)).toEqual({});
  });

  it('rider effects: scale 1..100 % with a floor, replace of known priorities', () => {
    expect(validateRiderEffect(premiumResponseRider().effect, opts.priorities)).toEqual({});
    expect(validateRiderEffect({ kind: 'scale', factorPercent: 0, floorMinutes: 15 }, opts.priorities)['effect.factorPercent']).toMatch(/1 to 100/);
    expect(validateRiderEffect({ kind: 'scale', factorPercent: 101, floorMinutes: 15 }, opts.priorities)['effect.factorPercent']).toBeDefined();
    expect(validateRiderEffect({ kind: 'scale', factorPercent: 50, floorMinutes: -1 }, opts.priorities)['effect.floorMinutes']).toBeDefined();
    expect(validateRiderEffect({ kind: 'replace', targets: { P7: { remote: { response: { unit: 'minutes', minutes: 5 } } } } }, opts.priorities)['effect.targets.P7']).toMatch(/not a priority/);
    expect(validateRiderEffect({ kind: 'replace', targets: { P1: { remote: { response: { unit: 'minutes', minutes: 0 } } } } }, opts.priorities)['effect.targets.P1.remote.response']).toBeDefined();
    expect(validateRiderEffect({ kind: 'replace', targets: { P1: { remote: { response: { unit: 'minutes', minutes: 10 } } } } }, opts.priorities)).toEqual({});
  });

  it('describes targets in words', () => {
    expect(describeTarget({ unit: 'minutes', minutes: 30 })).toBe('30 min');
    expect(describeTarget({ unit: 'minutes', minutes: 240 })).toBe('4 h');
    expect(describeTarget({ unit: 'minutes', minutes: 90 })).toBe('1 h 30 min');
    expect(describeTarget({ unit: 'business_days', days: 1 })).toBe('1 business day');
  });
});
