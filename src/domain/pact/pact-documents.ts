import type { GoalTerms, Priority, PriceBasis, PriorityTerms, ResponsibilityTerms, Turnaround } from './pact-types';

/** The tenant's urgency x impact grid; keys are stable identifiers, names are for people. */
export type PriorityMatrixDocument = {
  urgencies: { key: string; name: string }[]; // most urgent first
  impacts: { key: string; name: string }[]; // widest first
  priorities: { key: Priority; name: string; colour: string }[]; // highest first
  cells: Record<string, Record<string, Priority>>; // cells[urgency][impact]
};

/** A plan as the tenant edits it (the PlanTerms snapshot adds its id and name). */
export type PlanDocument = {
  targets: Record<Priority, PriorityTerms>;
  pausesStopResponse: boolean;
  warningThresholds: number[];
  price: { amountMinor: number; currency: string; basis: PriceBasis };
  afterHoursMultiplierPercent: number;
  hourlyRateMinor?: number;
  servicesIncluded: string[];
};

/** One change an amendment makes, in a form a person can read back. */
export type AmendmentChange =
  | { type: 'initial_terms' }
  | { type: 'plan_changed'; fromPlanId: string | null; toPlanId: string }
  | { type: 'rider_added'; riderId: string }
  | { type: 'rider_removed'; riderId: string }
  | { type: 'catalog_override_set'; catalogItemId: string; turnaround: Turnaround }
  | { type: 'catalog_override_removed'; catalogItemId: string }
  | { type: 'target_changed'; priority: Priority; terms: PriorityTerms }
  /** Adds the goal, or replaces the one with the same goalId. */
  | { type: 'goal_set'; goal: GoalTerms }
  | { type: 'goal_removed'; goalId: string }
  | { type: 'responsibility_set'; responsibility: ResponsibilityTerms }
  | { type: 'responsibility_removed'; responsibilityId: string };
