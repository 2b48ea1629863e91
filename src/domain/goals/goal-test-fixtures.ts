/** Small contract terms for the unit tests of goals, statements and scorecards (not used by the application). */
import type { ContractTerms, GoalTerms, PlanTerms, RiderTerms, TermsVersion } from '../pact/pact-types';

export function plan(over: Partial<PlanTerms> = {}): PlanTerms {
  return {
    planId: 'plan-gold',
    name: 'Gold',
    targets: {},
    pausesStopResponse: false,
    warningThresholds: [50, 75, 90, 100],
    price: { amountMinor: 310_000, currency: 'EUR', basis: 'flat' },
    afterHoursMultiplierPercent: 150,
    hourlyRateMinor: 8_000,
    servicesIncluded: ['Help desk'],
    ...over,
  };
}

export function rider(over: Partial<RiderTerms> = {}): RiderTerms {
  return { riderId: 'rider-premium', name: 'Premium Response', effect: { kind: 'scale', factorPercent: 50, floorMinutes: 15 }, price: { amountMinor: 31_000, currency: 'EUR', basis: 'flat' }, effectiveFrom: '2026-01-01T00:00:00Z', ...over };
}

export function terms(over: Partial<ContractTerms> = {}): ContractTerms {
  return { plan: plan(), riders: [], catalogTurnarounds: {}, catalogOverrides: {}, calendarId: 'office', ...over };
}

export const version = (n: number, inForceFrom: string, t: ContractTerms): TermsVersion => ({ version: n, inForceFrom: new Date(inForceFrom), terms: t });

export function goal(over: Partial<GoalTerms> = {}): GoalTerms {
  return {
    goalId: 'g-response',
    objective: 'Fast answers',
    metric: { key: 'first_response_compliance' },
    scope: {},
    comparator: 'gte',
    target: 95,
    period: 'monthly',
    minSample: 1,
    incentive: null,
    penalty: null,
    method: 'First-response clocks decided in the month.',
    ...over,
  };
}
