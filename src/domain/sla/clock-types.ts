/** Inputs and outputs of the SLA clock model (see `evaluateClock`). */

import type { BusinessCalendar } from '../calendar';

export type ClockKind = 'first_response' | 'resolution';

/**
 * A clock's target. Business days are converted to business seconds once, from the ticket's
 * creation (see `targetSeconds`), so percentages and pauses work exactly as for seconds.
 */
export type ClockTarget =
  | { unit: 'business_seconds'; seconds: number }
  /** `plusSeconds` (e.g. on-site travel) is added to the business seconds the days give. */
  | { unit: 'business_days'; days: number; endOfDay?: boolean; plusSeconds?: number };

export interface ClockPolicy {
  /**
   * Whether time in a pausing status stops this clock. Defaults: true for the resolution clock,
   * false for the first-response clock (a plan setting, rule 3).
   */
  pausesStopClock?: boolean;
  /** Percentages of the target at which the clock warns; default [50, 75, 90, 100]. */
  warningThresholds?: readonly number[];
}

/** The ticket's history, as far as clocks care. Order does not matter; instants do. */
export type TicketEvent =
  | { type: 'created'; at: Date }
  /** The ticket moved to `status`; `pausing` says whether the tenant marks that status as pausing. */
  | { type: 'status_changed'; at: Date; status: string; pausing: boolean }
  /** A re-target of one clock (priority, catalog item, delivery mode or rider change). */
  | { type: 'target_changed'; at: Date; kind: ClockKind; target: ClockTarget; reason: string }
  | { type: 'first_public_response'; at: Date }
  | { type: 'resolved'; at: Date }
  | { type: 'reopened'; at: Date };

export interface ClockInput {
  kind: ClockKind;
  /** The target given by the terms at creation (re-targets come as events). */
  target: ClockTarget;
  calendar: BusinessCalendar;
  policy?: ClockPolicy;
  events: readonly TicketEvent[];
  /** The evaluation instant; events after it are ignored. */
  now: Date;
}

export type ClockStateName = 'not_started' | 'running' | 'paused' | 'met' | 'breached';

export type ClockEvent =
  | { type: 'started'; at: Date }
  | { type: 'paused'; at: Date; reason: string }
  | { type: 'resumed'; at: Date; reason: string }
  | { type: 'target_changed'; at: Date; reason: string; targetSeconds: number; previousTargetSeconds: number }
  | { type: 'warned'; at: Date; percent: number }
  | { type: 'met'; at: Date }
  | { type: 'breached'; at: Date }
  /** The work completed after the clock had breached. */
  | { type: 'stopped'; at: Date };

export interface ThresholdCrossing {
  percent: number;
  /**
   * When business time elapsed reaches `percent` of the target: in the past (`crossed`), or
   * projected (assuming no further pause; a running pause is assumed to end at `now`), or null
   * when the clock completed before reaching it.
   */
  at: Date | null;
  crossed: boolean;
}

export interface ClockState {
  kind: ClockKind;
  state: ClockStateName;
  /** The target in force at `now`, and its value in business seconds. */
  target: ClockTarget;
  targetSeconds: number;
  /** Creation, moved to the next opening when created outside open hours. */
  startedAt: Date;
  /** The earliest instant at which the target's business time has elapsed, pauses excluded. */
  dueAt: Date;
  /** When the clock stopped (first public response, or resolution not followed by a reopen). */
  completedAt: Date | null;
  metAt: Date | null;
  /** The due instant, once it has passed without completion (also set when completed late). */
  breachedAt: Date | null;
  elapsedSeconds: number;
  remainingSeconds: number;
  overdueSeconds: number;
  /** elapsed / target * 100 (may exceed 100). */
  percentUsed: number;
  thresholds: ThresholdCrossing[];
  /** The next instant a timer should fire for this clock (threshold or due); null when none. */
  nextThresholdAt: Date | null;
  events: ClockEvent[];
}
