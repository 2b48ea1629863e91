/**
 * A ticket's two clocks from its stored targets and history, and the columns the board and the
 * timers read. Pure: the caller loads the ticket and its history first, and writes afterwards.
 */
import type { BusinessCalendar, CalendarDefinition } from '../calendar';
import type { DeliveryMode, Target } from '../pact/pact-types';
import { evaluateClock, type ClockKind, type ClockState, type ClockTarget, type TicketEvent } from '../sla';

export type TicketClockTargets = { target: Target; calendarId: string; pausesStopClock: boolean; warningThresholds: number[]; explanation: string[] };

/**
 * What `targetsFor` gave a ticket, stored on it: the targets, the policy, the explanation, and
 * a snapshot of the calendars they run on, so a ticket's clocks never change because someone
 * edits a calendar later (rule 6).
 */
export type TicketTargetsDocument = {
  contractId: string;
  contractName: string;
  planId: string;
  termsVersion: number;
  priority: string;
  deliveryMode: DeliveryMode;
  firstResponse: TicketClockTargets;
  resolution: TicketClockTargets;
  explanation: string[];
  calendars: Record<string, CalendarDefinition>;
};

/** The clock targets a ticket was created with (in the `created` event); re-targets are events. */
export type InitialClockTargets = { first_response: ClockTarget; resolution: ClockTarget };

export const AT_RISK_PERCENT = 75;
export const CLOCK_KINDS: readonly ClockKind[] = ['first_response', 'resolution'];
const CLOCK_EVENT_TYPES = new Set(['created', 'status_changed', 'target_changed', 'first_public_response', 'resolved', 'reopened']);

/** A stored history row (type, instant, fields) as the clock model's event; null for facts clocks ignore. */
export function toTicketEvent(row: { type: string; at: Date; data: Record<string, unknown> }): TicketEvent | null {
  if (!CLOCK_EVENT_TYPES.has(row.type)) return null;
  const d = row.data;
  switch (row.type) {
    case 'created':
    case 'first_public_response':
    case 'resolved':
    case 'reopened':
      return { type: row.type, at: row.at };
    case 'status_changed':
      return { type: 'status_changed', at: row.at, status: String(d.status), pausing: d.pausing === true };
    case 'target_changed':
      return { type: 'target_changed', at: row.at, kind: d.kind as ClockKind, target: d.target as ClockTarget, reason: String(d.reason ?? '') };
    default:
      return null;
  }
}

export type TicketClocks = { first_response: ClockState; resolution: ClockState; atRiskAt: Date | null };

export type TicketClockInput = {
  targets: TicketTargetsDocument;
  initial: InitialClockTargets;
  history: readonly TicketEvent[];
  now: Date;
  /** Builds (or returns a cached) calendar for a definition. */
  calendar: (id: string, definition: CalendarDefinition) => BusinessCalendar;
};

function clockTargets(doc: TicketTargetsDocument, kind: ClockKind): TicketClockTargets {
  return kind === 'first_response' ? doc.firstResponse : doc.resolution;
}

/**
 * Both clocks at `now`. A re-target may move a clock to another calendar (P1 on 24x7); being
 * retroactive, the clock then runs on that calendar from creation.
 */
export function evaluateTicketClocks(input: TicketClockInput): TicketClocks {
  let atRiskAt: Date | null = null;
  const result = {} as Record<ClockKind, ClockState>;
  for (const kind of CLOCK_KINDS) {
    const t = clockTargets(input.targets, kind);
    const definition = input.targets.calendars[t.calendarId];
    if (!definition) throw new RangeError(`the ticket's targets have no calendar ${t.calendarId}`);
    const calendar = input.calendar(t.calendarId, definition);
    const base = { kind, target: input.initial[kind], calendar, events: input.history, now: input.now };
    const state = evaluateClock({ ...base, policy: { pausesStopClock: t.pausesStopClock, warningThresholds: t.warningThresholds } });
    result[kind] = state;
    const risk = riskInstant(state.thresholds.find((c) => c.percent === AT_RISK_PERCENT) ? state : evaluateClock({ ...base, policy: { pausesStopClock: t.pausesStopClock, warningThresholds: [AT_RISK_PERCENT] } }), state);
    if (risk && (atRiskAt === null || risk < atRiskAt)) atRiskAt = risk;
  }
  return { first_response: result.first_response, resolution: result.resolution, atRiskAt };
}

/**
 * When a clock not yet stopped reaches 75 %: projected for one that runs; for a paused one only
 * if already reached (its projection would move while paused). Null for stopped or breached clocks.
 */
function riskInstant(withRisk: ClockState, state: ClockState): Date | null {
  if (state.completedAt !== null || state.state === 'breached') return null;
  const crossing = withRisk.thresholds.find((c) => c.percent === AT_RISK_PERCENT);
  if (!crossing?.at) return null;
  if (state.state === 'paused' && !crossing.crossed) return null;
  return crossing.at;
}

export type ClockColumns = {
  response_state: ClockState['state'];
  response_due_at: Date;
  response_completed_at: Date | null;
  resolution_state: ClockState['state'];
  resolution_due_at: Date;
  resolution_completed_at: Date | null;
  next_due_at: Date | null;
  next_threshold_at: Date | null;
  at_risk_at: Date | null;
};

const earliest = (dates: Array<Date | null>): Date | null => dates.reduce<Date | null>((min, d) => (d !== null && (min === null || d < min) ? d : min), null);

/**
 * The stored form of both clocks. `next_due_at` is the soonest due instant of a clock not yet
 * stopped (a breached open clock keeps its past due instant, so it tops the board);
 * `next_threshold_at` the soonest future threshold of either clock (null while both are paused or stopped).
 */
export function clockColumns(clocks: TicketClocks): ClockColumns {
  const fr = clocks.first_response;
  const res = clocks.resolution;
  return {
    response_state: fr.state,
    response_due_at: fr.dueAt,
    response_completed_at: fr.completedAt,
    resolution_state: res.state,
    resolution_due_at: res.dueAt,
    resolution_completed_at: res.completedAt,
    next_due_at: earliest([fr.completedAt === null ? fr.dueAt : null, res.completedAt === null ? res.dueAt : null]),
    next_threshold_at: earliest([fr.nextThresholdAt, res.nextThresholdAt]),
    at_risk_at: clocks.atRiskAt,
  };
}
