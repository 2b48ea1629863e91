/**
 * What a period close produces: the scorecard document (every goal and responsibility with its
 * figure, outcome, money and the tickets behind it) and the statement of the period's money.
 * Pure data, stored as JSON with each scorecard version; finalised versions never change.
 */
import type { Comparator, GoalMetric, GoalPeriod, GoalScope, MetricKey, PriceBasis } from '../pact/pact-types';
import type { Contribution, ManualValue, MetricUnit } from '../metrics/metric-types';

export type GoalOutcome = 'met' | 'missed' | 'not_evaluable';

export type GoalEvaluation = {
  goalId: string;
  objective: string;
  metric: GoalMetric;
  metricLabel: string;
  scope: GoalScope;
  comparator: Comparator;
  target: number;
  period: GoalPeriod;
  /** The goal's own period ([from, to) ISO): the month, or the quarter ending with the month. */
  periodKey: string;
  periodFrom: string;
  periodTo: string;
  unit: MetricUnit;
  value: number | null;
  sample: number;
  minSample: number;
  outcome: GoalOutcome;
  /** Why (e.g. "12 tickets, below the minimum sample of 20"; "96.4 % >= 95 %"). */
  reason: string;
  /** Signed minor units: a credit to the client is negative, an incentive positive, 0 otherwise. */
  amountMinor: number;
  /** How the amount was reached, in words, caps included ("5 % of 4,000.00 = 200.00, capped at 150.00"). */
  amountExplanation: string;
  method: string;
  contributions: Contribution[];
  breakdown?: Record<string, number>;
  manual?: ManualValue;
};

export type ResponsibilityOutcome = 'kept' | 'breached' | 'not_assessed';

export type ResponsibilityEvaluation = {
  responsibilityId: string;
  description: string;
  measure: 'waiting_on_client' | 'attested';
  outcome: ResponsibilityOutcome;
  reason: string;
  excludeFromCompliance: boolean;
  /** Tickets on which the client exceeded its allowance (waiting_on_client), with the time waited. */
  tickets: Contribution[];
  attestation?: { kept: boolean; note: string; by: string; at: string };
};

export type StatementLineKind = 'plan_fee' | 'rider' | 'after_hours' | 'service_credit' | 'incentive';

export type StatementLine = {
  kind: StatementLineKind;
  description: string;
  /** Units and unit price where they apply (users x price, hours x rate). */
  quantity?: number;
  unitPriceMinor?: number;
  basis?: PriceBasis;
  amountMinor: number;
  /** How the amount was computed (proration, multiplier, cap), in words. */
  note?: string;
  goalId?: string;
};

export type StatementDocument = {
  periodKey: string;
  periodFrom: string;
  periodTo: string;
  currency: string;
  lines: StatementLine[];
  subtotalMinor: number;
  /** Things the reader should know (no user count recorded, no hourly rate in the plan...). */
  warnings: string[];
};

export type ScorecardDocument = {
  contractId: string;
  periodKey: string; // the month, 'YYYY-MM'
  periodFrom: string;
  periodTo: string;
  timeZone: string;
  termsVersion: number;
  goals: GoalEvaluation[];
  responsibilities: ResponsibilityEvaluation[];
  /** Ticket ids left out of the MSP's compliance figures, with why. */
  excluded: Array<{ ticketId: string; number: number; reason: string }>;
  statement: StatementDocument;
  evaluatedAt: string;
};

export type { Contribution, ManualValue, MetricKey, MetricUnit };
