import { describe, expect, it } from 'vitest';
import { applyChanges } from './apply-changes';
import { goldTerms, matrix, plans, premium, riders, catalog, start } from './pact-test-fixtures';
import type { ContractTerms } from './pact-types';
import { inForceFrom, termsAt, termsHistory, versionAt, type AmendmentRecord } from './terms-at';
import { targetsFor } from './targets-for';

const d = (s: string) => new Date(s);
const base = goldTerms();
const withPremium = (effectiveAt: Date): ContractTerms => {
  const r = applyChanges(base, [{ type: 'rider_added', riderId: premium.id }], { effectiveAt, plans, riders, catalog });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.terms;
};

describe('termsAt', () => {
  const v1 = { version: 1, inForceFrom: start, terms: base };
  const v2 = { version: 2, inForceFrom: d('2026-12-01T00:00:00Z'), terms: withPremium(d('2026-12-01T00:00:00Z')) };
  it.each([
    ['before the contract', '2026-10-31T23:59:59Z', null],
    ['at the start, inclusive', '2026-11-01T00:00:00Z', 1],
    ['the day before the amendment', '2026-11-30T23:59:59Z', 1],
    ['the instant the amendment takes effect', '2026-12-01T00:00:00Z', 2],
    ['later', '2027-06-01T00:00:00Z', 2],
  ])('%s', (_name, at, version) => {
    expect(versionAt([v2, v1], d(at))?.version ?? null).toBe(version);
    expect(termsAt([v1, v2], d(at))).toBe(version === null ? null : version === 1 ? v1.terms : v2.terms);
  });

  it('prefers the higher version when two take effect at the same instant', () => {
    const v3 = { version: 3, inForceFrom: v2.inForceFrom, terms: base };
    expect(versionAt([v1, v3, v2], v2.inForceFrom)?.version).toBe(3);
  });
});

describe('amendments apply only once accepted, from the later of acceptance and effective instant', () => {
  const original: AmendmentRecord = { number: 1, status: 'accepted', effectiveAt: start, decidedAt: d('2026-10-20T10:00:00Z'), terms: base };
  const rider = (over: Partial<AmendmentRecord>): AmendmentRecord => ({ number: 2, status: 'proposed', effectiveAt: d('2026-11-10T09:00:00Z'), decidedAt: null, terms: withPremium(d('2026-11-10T09:00:00Z')), ...over });
  it.each([
    ['proposed: never in force', rider({}), '2026-12-01T00:00:00Z', 1],
    ['rejected: never in force', rider({ status: 'rejected', decidedAt: d('2026-11-05T00:00:00Z') }), '2026-12-01T00:00:00Z', 1],
    ['withdrawn: never in force', rider({ status: 'withdrawn', decidedAt: d('2026-11-05T00:00:00Z') }), '2026-12-01T00:00:00Z', 1],
    ['accepted before the effective instant: from the effective instant', rider({ status: 'accepted', decidedAt: d('2026-11-05T00:00:00Z') }), '2026-11-10T08:59:59Z', 1],
    ['accepted before the effective instant: in force at it', rider({ status: 'accepted', decidedAt: d('2026-11-05T00:00:00Z') }), '2026-11-10T09:00:00Z', 2],
    ['accepted after the effective instant: not before acceptance', rider({ status: 'accepted', decidedAt: d('2026-11-12T15:00:00Z') }), '2026-11-12T14:59:59Z', 1],
    ['accepted after the effective instant: from acceptance', rider({ status: 'accepted', decidedAt: d('2026-11-12T15:00:00Z') }), '2026-11-12T15:00:00Z', 2],
  ])('%s', (_n, amendment, at, version) => {
    expect(versionAt(termsHistory([original, amendment]), d(at))?.version).toBe(version);
  });

  it('inForceFrom is the later instant', () => {
    expect(inForceFrom({ effectiveAt: d('2026-01-02T00:00:00Z'), decidedAt: d('2026-01-01T00:00:00Z') })).toEqual(d('2026-01-02T00:00:00Z'));
    expect(inForceFrom({ effectiveAt: d('2026-01-01T00:00:00Z'), decidedAt: d('2026-01-03T00:00:00Z') })).toEqual(d('2026-01-03T00:00:00Z'));
  });
});

describe('a rider effective at a Europe/Berlin instant across the October change', () => {
  // 25 Oct 2026: at 03:00 CEST the clocks go back to 02:00 CET, so 02:30 happens twice.
  // The rider starts at the second 02:30 (CET, 01:30Z).
  const effective = d('2026-10-25T02:30:00+01:00');
  const history = termsHistory([
    { number: 1, status: 'accepted', effectiveAt: d('2026-10-01T00:00:00+02:00'), decidedAt: d('2026-09-30T00:00:00Z'), terms: base },
    { number: 2, status: 'accepted', effectiveAt: effective, decidedAt: d('2026-10-20T00:00:00Z'), terms: withPremium(effective) },
  ]);
  it.each([
    ['first 02:30 (CEST), an hour earlier', '2026-10-25T02:30:00+02:00', 120],
    ['first 02:59 (CEST)', '2026-10-25T02:59:00+02:00', 120],
    ['second 02:15 (CET)', '2026-10-25T02:15:00+01:00', 120],
    ['second 02:30 (CET), the rider starts', '2026-10-25T02:30:00+01:00', 60],
    ['03:00 CET', '2026-10-25T03:00:00+01:00', 60],
  ])('%s', (_n, at, responseMinutes) => {
    const instant = d(at);
    const terms = termsAt(history, instant)!;
    const r = targetsFor({ terms, matrix, urgency: 'high', impact: 'department', deliveryMode: 'remote', at: instant });
    expect(r.firstResponse.target).toEqual({ unit: 'minutes', minutes: responseMinutes });
  });

  it('the rider inside the terms also applies only from its effective instant', () => {
    const terms = withPremium(effective);
    const before = targetsFor({ terms, matrix, urgency: 'high', impact: 'department', deliveryMode: 'remote', at: d('2026-10-25T02:45:00+02:00') });
    const after = targetsFor({ terms, matrix, urgency: 'high', impact: 'department', deliveryMode: 'remote', at: effective });
    expect(before.firstResponse.target).toEqual({ unit: 'minutes', minutes: 120 });
    expect(before.firstResponse.explanation.join(' ')).toMatch(/Premium Response does not apply/);
    expect(after.firstResponse.target).toEqual({ unit: 'minutes', minutes: 60 });
  });
});
