/**
 * The metrics library's vocabulary. A metric is a pure function over the facts of the tickets in
 * a contract's scope for one period (no I/O): the caller loads the facts, the metric computes a
 * value, its sample, and each ticket's contribution so that every figure can be drilled into.
 * Adding a metric is one module exporting a `MetricDefinition`, registered in `registry.ts`.
 */
import type { BusinessCalendar } from '../calendar';
import type { CatalogCategory, DeliveryMode, GoalMetric, MetricKey } from '../pact/pact-types';
import type { CsatScale } from '../satisfaction/satisfaction-types';
import type { ClockState } from '../sla';

export type MetricUnit = 'percent' | 'minutes' | 'hours' | 'count' | 'number';

/** A half-open interval [from, to): a month or quarter in the contract's time zone. */
export type Period = { key: string; from: Date; to: Date };

/** The facts of a ticket history the metrics read (from ticket_events, in time order). */
export type TicketFactEvent =
  | { type: 'created'; at: Date }
  | { type: 'status_changed'; at: Date; status: string; pausing: boolean }
  | { type: 'first_public_response'; at: Date }
  | { type: 'resolved'; at: Date }
  | { type: 'reopened'; at: Date }
  /** A public staff comment or logged call (first-contact resolution counts them). */
  | { type: 'staff_public_reply'; at: Date };

export type TimeEntryFact = { startedAt: Date; endedAt: Date; billable: boolean; inCoverageSeconds: number; afterHoursSeconds: number };

export type TicketFacts = {
  id: string;
  number: number;
  subject: string;
  createdAt: Date;
  priority: string;
  category: CatalogCategory | null;
  siteId: string | null;
  deliveryMode: DeliveryMode;
  /** Both clocks evaluated by the SLA model at the period's end (null: created without a contract). */
  clocks: { first_response: ClockState; resolution: ClockState } | null;
  /** Events up to the period's end, in time order. */
  events: TicketFactEvent[];
  timeEntries: TimeEntryFact[];
};

/** A value staff entered for a manual metric, with its evidence and who entered it. */
export type ManualValue = { value: number; evidenceNote: string; evidenceUrl: string | null; hasFile: boolean; enteredBy: string; enteredAt: Date };

/**
 * A CSAT survey as the satisfaction metrics read it: the ticket it was sent for, with the scope
 * fields captured at the ticket's resolution (a goal's scope filters on them), and its answer.
 * `score` is the answer on the 1-5 scale (three-point: bad 1, okay 3, good 5); `respondedAt` is
 * the latest answer (a second answer replaces the first).
 */
export type CsatFact = {
  surveyId: string;
  ticketId: string;
  ticketNumber: number;
  ticketSubject: string;
  priority: string;
  category: CatalogCategory | null;
  siteId: string | null;
  technicianId: string | null;
  planName: string | null;
  scale: CsatScale;
  rating: number | null;
  score: number | null;
  sentAt: Date;
  respondedAt: Date | null;
};

/** A quarterly NPS survey of one of the client's contacts: 0..10 once answered. */
export type NpsFact = { surveyId: string; score: number | null; sentAt: Date; respondedAt: Date | null };

/** The client's surveys that may matter for the period (sent or answered in it). */
export type SurveyFacts = { csat: readonly CsatFact[]; nps: readonly NpsFact[] };

export const NO_SURVEYS: SurveyFacts = { csat: [], nps: [] };

export type MetricInput = {
  period: Period;
  /** The contract's business calendar (backlog age, client wait time). */
  calendar: BusinessCalendar;
  /** The tickets in the goal's scope that may matter for the period (created before its end, not closed before its start). */
  tickets: readonly TicketFacts[];
  /** Tickets left out of compliance and time figures, with why (a client responsibility breached). */
  excluded: ReadonlyMap<string, string>;
  /** The entered value for a manual metric in this period, if any. */
  manual: ManualValue | null;
  /** The surveys of the contract's client; CSAT already narrowed to the goal's scope. */
  surveys: SurveyFacts;
};

/** One ticket's part in a figure: what it counted as, and its value where the metric averages one. */
export type Contribution = {
  ticketId: string;
  number: number;
  subject: string;
  outcome: 'met' | 'breached' | 'counted' | 'excluded';
  /** The ticket's own value in the metric's unit (business minutes to respond, hours after hours...). */
  value?: number;
  /** Why it counted or was left out, in words ("responded 12 business minutes late", "client breached: ..."). */
  note?: string;
};

export type MetricResult = {
  /** Null when there is nothing to measure (no sample). Percentages 0..100, rounded to 2 decimals. */
  value: number | null;
  unit: MetricUnit;
  /** How many tickets (or entered values) the value rests on; compared with the goal's minimum sample. */
  sample: number;
  contributions: Contribution[];
  /** Counts by a dimension, for volume metrics (e.g. { 'category:hardware': 12 }). */
  breakdown?: Record<string, number>;
  manual?: ManualValue;
};

export interface MetricDefinition {
  key: MetricKey;
  /** Short name for people ("First-response compliance"). */
  label: string;
  unit: MetricUnit;
  /** Whether a higher value is better (the goal editor proposes a comparator from it). */
  higherIsBetter: boolean;
  /** Where a target must lie when the unit alone does not say (an average score 1..5, NPS -100..100). */
  targetRange?: readonly [min: number, max: number];
  /** The measurement method in plain words, for the goal's default method text and the help. */
  describe(metric: GoalMetric): string;
  compute(input: MetricInput, metric: GoalMetric): MetricResult;
}
