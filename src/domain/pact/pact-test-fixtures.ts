/** Small, readable pact data for the unit tests of this folder (not used by the application). */
import type { CatalogSource, PlanSource, RiderSource } from './apply-changes';
import { initialTerms } from './apply-changes';
import type { PlanDocument, PriorityMatrixDocument } from './pact-documents';
import type { ContractTerms, GoalTerms, PriorityTerms, ResponsibilityTerms, Target } from './pact-types';

export const min = (minutes: number): Target => ({ unit: 'minutes', minutes });
export const days = (d: number): Target => ({ unit: 'business_days', days: d });

const pt = (calendarId: string, rr: Target, rs: Target, or: Target, os: Target): PriorityTerms => ({
  calendarId,
  remote: { response: rr, resolution: rs },
  onsite: { response: or, resolution: os },
});

export const matrix: PriorityMatrixDocument = {
  urgencies: [
    { key: 'critical', name: 'Critical' },
    { key: 'high', name: 'High' },
    { key: 'medium', name: 'Medium' },
    { key: 'low', name: 'Low' },
  ],
  impacts: [
    { key: 'organisation', name: 'Whole organisation' },
    { key: 'department', name: 'Department' },
    { key: 'team', name: 'Team' },
    { key: 'individual', name: 'One person' },
  ],
  priorities: [
    { key: 'P1', name: 'Critical', colour: '#c00' },
    { key: 'P2', name: 'High', colour: '#e60' },
    { key: 'P3', name: 'Medium', colour: '#cc0' },
    { key: 'P4', name: 'Low', colour: '#090' },
  ],
  cells: {
    critical: { organisation: 'P1', department: 'P1', team: 'P2', individual: 'P2' },
    high: { organisation: 'P1', department: 'P2', team: 'P2', individual: 'P3' },
    medium: { organisation: 'P2', department: 'P3', team: 'P3', individual: 'P4' },
    low: { organisation: 'P3', department: 'P4', team: 'P4', individual: 'P4' },
  },
};

const planDoc = (cal: string, p1cal = cal): PlanDocument => ({
  targets: {
    P1: pt(p1cal, min(60), min(240), min(120), min(480)),
    P2: pt(cal, min(120), min(480), min(240), days(1)),
    P3: pt(cal, min(240), days(2), min(480), days(3)),
    P4: pt(cal, min(480), days(5), days(1), days(5)),
  },
  pausesStopResponse: false,
  warningThresholds: [50, 75, 90, 100],
  price: { amountMinor: 120000, currency: 'EUR', basis: 'flat' },
  afterHoursMultiplierPercent: 150,
  servicesIncluded: ['Help desk', 'Patching'],
});

export const gold: PlanSource = { id: 'plan-gold', name: 'Gold', terms: planDoc('cal-bh') };
export const platinum: PlanSource = { id: 'plan-platinum', name: 'Platinum', terms: planDoc('cal-bh', 'cal-247') };
export const premium: RiderSource = { id: 'rider-premium', name: 'Premium Response', effect: { kind: 'scale', factorPercent: 50, floorMinutes: 15 }, price: { amountMinor: 30000, currency: 'EUR', basis: 'flat' } };
export const fastP1: RiderSource = {
  id: 'rider-fast-p1',
  name: 'Fast P1',
  effect: { kind: 'replace', targets: { P1: { remote: { response: min(20) } } } },
  price: { amountMinor: 10000, currency: 'EUR', basis: 'flat' },
};

export const catalog: (CatalogSource & { name: string })[] = [
  { id: 'item-password', name: 'Password reset', turnarounds: { 'plan-gold': { remote: { response: min(30), resolution: min(60) } }, 'plan-platinum': { remote: { resolution: min(30) } } } },
  { id: 'item-printer', name: 'Printer jam', turnarounds: { 'plan-gold': { onsite: { resolution: days(2) } } } },
  { id: 'item-laptop', name: 'New laptop set-up', turnarounds: {} },
];

export const plans = new Map([gold, platinum].map((p) => [p.id, p]));
export const riders = new Map([premium, fastP1].map((r) => [r.id, r]));

export const start = new Date('2026-11-01T00:00:00Z');

export function goldTerms(extra: Partial<Parameters<typeof initialTerms>[0]> = {}): ContractTerms {
  return initialTerms({ plan: gold, calendarId: 'cal-client', catalog, effectiveAt: start, ...extra });
}

/** The example goal of docs/api-goals.md: first-response compliance >= 95 % a month, 5 % credit, capped. */
export const fastAnswers = (): GoalTerms => ({
  goalId: 'goal-fast',
  objective: 'Fast answers',
  metric: { key: 'first_response_compliance' },
  scope: {},
  comparator: 'gte',
  target: 95,
  period: 'monthly',
  minSample: 20,
  incentive: null,
  penalty: { kind: 'percent_of_fee', percent: 5, capPerPeriodMinor: 20_000, capOverallMinor: 100_000 },
  method: 'Share of first-response clocks met.',
});

export const answerRequests = (): ResponsibilityTerms => ({
  responsibilityId: 'resp-answer',
  description: 'Answer information requests within 8 business hours',
  measure: { kind: 'waiting_on_client', allowance: { unit: 'minutes', minutes: 480 } },
  excludeFromCompliance: true,
});
