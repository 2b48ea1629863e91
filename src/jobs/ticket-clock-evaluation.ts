import { sql } from 'kysely';
import { clockColumns, CLOCK_KINDS, evaluateTicketClocks, toClockTarget, toTicketEvent, type ClockColumns, type InitialClockTargets, type TicketClocks, type TicketTargetsDocument } from '../domain/tickets';
import type { ClockEvent, ClockKind, TicketEvent } from '../domain/sla';
import type { Db } from '../db/database';
import type { TicketRow } from '../db/schema';
import { calendarFor } from '../modules/tickets/tickets.service';
import type { Crossing } from './threshold-notifications';

/** What a timer needs from one evaluation of a ticket's clocks. */
export type ClockEvaluation = {
  /** Every threshold of either clock crossed by the evaluation instant (older ones included). */
  crossings: Crossing[];
  /** The soonest future threshold of either clock after the evaluation instant. */
  nextThresholdAt: Date | null;
  /** The zone of the resolution clock's calendar, for messages when the client has no site. */
  calendarZone: string;
};


/** The crossings and next threshold of evaluated clocks. */
export function evaluationOf(doc: TicketTargetsDocument, clocks: TicketClocks): ClockEvaluation {
  const crossings: Crossing[] = [];
  for (const kind of CLOCK_KINDS) {
    const state = clocks[kind];
    for (const t of state.thresholds) {
      if (t.crossed && t.at) crossings.push({ clock: kind, percent: t.percent, at: t.at, dueAt: state.dueAt });
    }
  }
  crossings.sort((a, b) => a.at.getTime() - b.at.getTime() || a.percent - b.percent);
  const zone = doc.calendars[doc.resolution.calendarId]?.timeZone ?? 'UTC';
  return { crossings, nextThresholdAt: clockColumns(clocks).next_threshold_at, calendarZone: zone };
}

type EventRow = { ticket_id: string; type: string; at: Date; data: Record<string, unknown> | null };
type ClockEventRow = { tenant_id: string; ticket_id: string; clock: string; type: string; at: string; percent: number | null; reason: string | null; data: Record<string, unknown>; target_generation: number };

// The rows tickets.service's refreshClocks records for the same events, so either writer's row
// satisfies the other's unique key (clock_events_unique).
function clockEventRow(t: TicketRow, clock: ClockKind, e: ClockEvent): ClockEventRow {
  const base = { tenant_id: t.tenant_id, ticket_id: t.id, clock, type: e.type, at: e.at.toISOString(), target_generation: t.target_generation };
  switch (e.type) {
    case 'paused':
    case 'resumed':
      return { ...base, percent: null, reason: e.reason, data: {} };
    case 'target_changed':
      return { ...base, percent: null, reason: e.reason, data: { targetSeconds: e.targetSeconds, previousTargetSeconds: e.previousTargetSeconds } };
    case 'warned':
      return { ...base, percent: e.percent, reason: null, data: {} };
    case 'breached':
      return { ...base, percent: 100, reason: null, data: {} };
    case 'started':
    case 'met':
    case 'stopped':
      return { ...base, percent: null, reason: null, data: {} };
    default: {
      const unreachable: never = e;
      throw new Error(`unknown clock event ${JSON.stringify(unreachable)}`);
    }
  }
}

const sameInstant = (a: Date | null, b: Date | null) => (a === null ? b === null : b !== null && a.getTime() === b.getTime());

function columnsDiffer(row: TicketRow, c: ClockColumns): boolean {
  return (
    row.response_state !== c.response_state ||
    row.resolution_state !== c.resolution_state ||
    !sameInstant(row.response_due_at, c.response_due_at) ||
    !sameInstant(row.resolution_due_at, c.resolution_due_at) ||
    !sameInstant(row.response_completed_at, c.response_completed_at) ||
    !sameInstant(row.resolution_completed_at, c.resolution_completed_at) ||
    !sameInstant(row.next_due_at, c.next_due_at) ||
    !sameInstant(row.next_threshold_at, c.next_threshold_at) ||
    !sameInstant(row.at_risk_at, c.at_risk_at)
  );
}
type ColumnsRow = { tenant_id: string; id: string } & { [K in keyof ClockColumns]: ClockColumns[K] extends Date | null ? string | null : ClockColumns[K] };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Evaluates tickets' clocks, each at its own instant, from their stored targets and history, and
 * records the clock events and columns: what tickets.service's refreshClocks does for one ticket,
 * set-based for a batch of due timers (a statement per step, not per ticket). Call inside a transaction holding the tickets' row
 * locks. Tickets without clocks (no contract) are left out of the answer.
 */
export async function evaluateStoredTickets(db: Db, tickets: readonly TicketRow[], atOf: (t: TicketRow) => Date): Promise<Map<string, ClockEvaluation>> {
  const out = new Map<string, ClockEvaluation>();
  const withClocks = tickets.filter((t) => !t.no_contract && t.targets);
  if (withClocks.length === 0) return out;
  const events = await db
    .selectFrom('ticket_events')
    .select(['ticket_id', 'type', 'at', 'data'])
    .where('tenant_id', '=', sql<string>`any(${[...new Set(withClocks.map((t) => t.tenant_id))]}::uuid[])`)
    .where('ticket_id', '=', sql<string>`any(${withClocks.map((t) => t.id)}::uuid[])`)
    .orderBy('at')
    .orderBy('id')
    .execute();
  const byTicket = new Map<string, EventRow[]>();
  for (const e of events as EventRow[]) {
    let list = byTicket.get(e.ticket_id);
    if (!list) byTicket.set(e.ticket_id, (list = []));
    list.push(e);
  }
  const clockEvents: ClockEventRow[] = [];
  const columns: ColumnsRow[] = [];
  for (const t of withClocks) {
    const doc = t.targets as TicketTargetsDocument;
    const rows = byTicket.get(t.id) ?? [];
    const history = rows.map((r) => toTicketEvent({ type: r.type, at: r.at, data: r.data ?? {} })).filter((e): e is TicketEvent => e !== null);
    // The created event records the targets at creation (tickets.service); re-targets are events.
    const recorded = (rows.find((r) => r.type === 'created')?.data as { targets?: InitialClockTargets } | null | undefined)?.targets;
    const initial = recorded ?? { first_response: toClockTarget(doc.firstResponse.target), resolution: toClockTarget(doc.resolution.target) };
    const clocks = evaluateTicketClocks({ targets: doc, initial, history, now: atOf(t), calendar: calendarFor });
    for (const kind of CLOCK_KINDS) {
      for (const e of clocks[kind].events) clockEvents.push(clockEventRow(t, kind, e));
    }
    const c = clockColumns(clocks);
    out.set(t.id, evaluationOf(doc, clocks));
    if (!columnsDiffer(t, c)) continue;
    columns.push({
      tenant_id: t.tenant_id,
      id: t.id,
      response_state: c.response_state,
      response_due_at: iso(c.response_due_at)!,
      response_completed_at: iso(c.response_completed_at),
      resolution_state: c.resolution_state,
      resolution_due_at: iso(c.resolution_due_at)!,
      resolution_completed_at: iso(c.resolution_completed_at),
      next_due_at: iso(c.next_due_at),
      next_threshold_at: iso(c.next_threshold_at),
      at_risk_at: iso(c.at_risk_at),
    });
  }
  for (let i = 0; i < clockEvents.length; i += 5000) {
    await sql`
      insert into clock_events (tenant_id, ticket_id, clock, type, at, percent, reason, data, target_generation)
      select tenant_id, ticket_id, clock, type, at, percent, reason, data, target_generation
      from jsonb_to_recordset(${JSON.stringify(clockEvents.slice(i, i + 5000))}::jsonb)
        as x(tenant_id uuid, ticket_id uuid, clock text, type text, at timestamptz, percent numeric, reason text, data jsonb, target_generation integer)
      on conflict do nothing`.execute(db);
  }
  for (let i = 0; i < columns.length; i += 5000) {
    await sql`
      update tickets t set
        response_state = x.response_state, response_due_at = x.response_due_at, response_completed_at = x.response_completed_at,
        resolution_state = x.resolution_state, resolution_due_at = x.resolution_due_at, resolution_completed_at = x.resolution_completed_at,
        next_due_at = x.next_due_at, next_threshold_at = x.next_threshold_at, at_risk_at = x.at_risk_at
      from jsonb_to_recordset(${JSON.stringify(columns.slice(i, i + 5000))}::jsonb)
        as x(tenant_id uuid, id uuid, response_state text, response_due_at timestamptz, response_completed_at timestamptz,
             resolution_state text, resolution_due_at timestamptz, resolution_completed_at timestamptz,
             next_due_at timestamptz, next_threshold_at timestamptz, at_risk_at timestamptz)
      where t.tenant_id = x.tenant_id and t.id = x.id`.execute(db);
  }
  return out;
}
