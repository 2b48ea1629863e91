/**
 * The service pact's vocabulary: what a plan, a rider and a catalog item promise, and the
 * terms of a contract at an instant. Pure data; stored as JSON documents and snapshotted into
 * every amendment so that later edits of a plan never change a signed contract.
 */

export type Priority = string; // 'P1'..'P4' by default; keys of the tenant's priority matrix

/** A promised duration: business minutes, or business days (optionally plus minutes of travel). */
export type Target = { unit: 'minutes'; minutes: number } | { unit: 'business_days'; days: number; plusMinutes?: number };

export type DeliveryMode = 'remote' | 'onsite';
export type CatalogDeliveryMode = 'remote' | 'onsite' | 'either';
export type CatalogCategory = 'hardware' | 'software' | 'network' | 'security' | 'account' | 'other';
export type Complexity = 'low' | 'medium' | 'high';

/** Response and resolution for one delivery mode. */
export type TargetPair = { response: Target; resolution: Target };

export type PriorityTerms = {
  calendarId: string; // coverage calendar for this priority (e.g. 24x7 for P1 on Platinum)
  remote: TargetPair;
  onsite: TargetPair;
};

export type PriceBasis = 'flat' | 'per_user' | 'per_device';
export type Money = { amountMinor: number; currency: string };

export type PlanTerms = {
  planId: string;
  name: string;
  targets: Record<Priority, PriorityTerms>;
  pausesStopResponse: boolean;
  warningThresholds: number[]; // percentages, ascending, last one 100
  price: Money & { basis: PriceBasis };
  afterHoursMultiplierPercent: number; // 150 = 1.5x for billable work outside coverage
  servicesIncluded: string[];
};

export type RiderEffect =
  | { kind: 'replace'; targets: Partial<Record<Priority, Partial<Record<DeliveryMode, Partial<TargetPair>>>>> }
  | { kind: 'scale'; factorPercent: number; floorMinutes: number }; // 50 = half the time, never below the floor

export type RiderTerms = {
  riderId: string;
  name: string;
  effect: RiderEffect;
  price: Money & { basis: PriceBasis };
  effectiveFrom: string; // ISO instant the rider applies from (tickets created from then)
};

/** A catalog item's turnaround promised on one plan, per delivery mode where it differs. */
export type Turnaround = Partial<Record<DeliveryMode, Partial<TargetPair>>>;

export type ContractTerms = {
  plan: PlanTerms;
  riders: RiderTerms[];
  // Catalog item turnarounds for this plan as agreed (snapshot of the catalog at signing).
  catalogTurnarounds: Record<string, Turnaround>;
  // Client-specific overrides accepted by the client admin; they beat the catalog's turnaround.
  catalogOverrides: Record<string, Turnaround>;
  calendarId: string; // the contract's default business calendar
};

/** One accepted version of a contract's terms and the instant it took effect. */
export type TermsVersion = { version: number; inForceFrom: Date; terms: ContractTerms };
