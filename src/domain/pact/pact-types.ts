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
  /** The hourly rate (plan currency, minor units) after-hours work is billed at, before the multiplier. */
  hourlyRateMinor?: number;
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
  // Goals and client responsibilities (absent in terms agreed before goals existed: none).
  goals?: GoalTerms[];
  responsibilities?: ResponsibilityTerms[];
};

/** One accepted version of a contract's terms and the instant it took effect. */
export type TermsVersion = { version: number; inForceFrom: Date; terms: ContractTerms };

// ---------- goals and responsibilities (part of the terms; changed by amendment) ----------

/** Keys of the metrics library (src/domain/metrics); each is one module there. */
export type MetricKey =
  | 'first_response_compliance'
  | 'resolution_compliance'
  | 'mean_time_to_respond'
  | 'median_time_to_respond'
  | 'mean_time_to_resolve'
  | 'median_time_to_resolve'
  | 'first_contact_resolution'
  | 'reopen_rate'
  | 'backlog_older_than'
  | 'ticket_volume'
  | 'onsite_visits'
  | 'after_hours_hours'
  | 'client_wait_time'
  | 'csat_average'
  | 'csat_positive'
  | 'csat_response_rate'
  | 'nps'
  | 'manual';

/** Which tickets a goal looks at; an absent or empty list means all. */
export type GoalScope = { priorities?: Priority[]; categories?: CatalogCategory[]; siteIds?: string[] };

export type GoalMetric = {
  key: MetricKey;
  /** backlog_older_than: the age in business days beyond which an open ticket counts. */
  businessDays?: number;
  /** manual: what is measured and in which unit (entered by staff each period, with evidence). */
  manualName?: string;
  manualUnit?: 'percent' | 'count' | 'minutes' | 'hours' | 'number';
};

export type Comparator = 'gte' | 'gt' | 'lte' | 'lt';
export type GoalPeriod = 'monthly' | 'quarterly';

/** An amount: fixed (minor units of the plan currency) or a percentage of the period's plan fee. */
export type MoneyRule = { kind: 'fixed'; amountMinor: number } | { kind: 'percent_of_fee'; percent: number };

/** A service credit when the goal is missed; always capped per period and over the contract's life. */
export type PenaltyRule = MoneyRule & { capPerPeriodMinor: number; capOverallMinor: number };

export type GoalTerms = {
  goalId: string;
  /** The client's objective in its own words ("Our staff are never blocked for long"). */
  objective: string;
  metric: GoalMetric;
  scope: GoalScope;
  comparator: Comparator;
  /** In the metric's unit: percent 0..100, business minutes, hours, counts. */
  target: number;
  period: GoalPeriod;
  /** Below this many tickets (or values) the goal is 'not evaluable': neither met nor missed. */
  minSample: number;
  incentive: MoneyRule | null;
  penalty: PenaltyRule | null;
  /** How it is measured, in plain words, as agreed with the client. */
  method: string;
};

export type ResponsibilityMeasure =
  /** Measured from the data: business time each ticket spends waiting on the client, against the allowance. */
  | { kind: 'waiting_on_client'; allowance: Target }
  /** Attested by staff each period (kept or not, with a note). */
  | { kind: 'attested' };

export type ResponsibilityTerms = {
  responsibilityId: string;
  /** The obligation in plain words ("Answer information requests within 8 business hours"). */
  description: string;
  measure: ResponsibilityMeasure;
  /** Tickets on which the client breached this are left out of the MSP's compliance figures. */
  excludeFromCompliance: boolean;
};
