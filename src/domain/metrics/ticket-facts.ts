/**
 * Stored ticket data turned into the `TicketFacts` the metrics read, as of one instant (a
 * period's end): events after it are dropped, the rest put in time order, and both clocks
 * evaluated by the SLA model at that instant from the targets the ticket was created with.
 */
import type { BusinessCalendar, CalendarDefinition } from '../calendar';
import type { CatalogCategory, DeliveryMode } from '../pact/pact-types';
import type { TicketEvent } from '../sla';
import { evaluateTicketClocks, toClockTarget, toTicketEvent, type InitialClockTargets, type TicketTargetsDocument } from '../tickets';
import type { TicketFactEvent, TicketFacts, TimeEntryFact } from './metric-types';

/** A stored `ticket_events` row. */
export type StoredTicketEvent = { type: string; at: Date; data: Record<string, unknown> };

export type TicketFactsInput = {
  ticket: {
    id: string;
    number: number;
    subject: string;
    createdAt: Date;
    priority: string;
    category: CatalogCategory | null;
    siteId: string | null;
    deliveryMode: DeliveryMode;
    /** Null for a ticket created without a contract: it has no clocks. */
    targets: TicketTargetsDocument | null;
  };
  /** The ticket's stored history rows, in any order. */
  events: readonly StoredTicketEvent[];
  /** When public staff comments and logged calls were made. */
  staffPublicReplies: readonly Date[];
  timeEntries: readonly TimeEntryFact[];
  /** The evaluation instant (the period's end). */
  at: Date;
  /** Builds (or returns a cached) calendar for a definition; build each once per evaluation. */
  calendar: (id: string, definition: CalendarDefinition) => BusinessCalendar;
};

/**
 * Order of facts recorded at the same instant, as the ticket service writes them: a reopen before
 * the status it reopens into, a reply before the resolution it goes with.
 */
const SAME_INSTANT_RANK: Record<TicketFactEvent['type'], number> = {
  created: 0,
  reopened: 1,
  status_changed: 2,
  staff_public_reply: 3,
  first_public_response: 4,
  resolved: 5,
};

function toFactEvent(row: StoredTicketEvent): TicketFactEvent | null {
  switch (row.type) {
    case 'created':
    case 'first_public_response':
    case 'resolved':
    case 'reopened':
      return { type: row.type, at: row.at };
    case 'status_changed':
      return { type: 'status_changed', at: row.at, status: String(row.data.status), pausing: row.data.pausing === true };
    default:
      return null;
  }
}

function isClockTarget(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'unit' in value;
}

/**
 * The clock targets a ticket was created with: recorded in its `created` event; tickets whose
 * `created` event predates that record fall back to the targets document (as the clock job does).
 */
export function initialClockTargets(events: readonly StoredTicketEvent[], doc: TicketTargetsDocument): InitialClockTargets {
  const recorded = events.find((e) => e.type === 'created')?.data.targets as Partial<InitialClockTargets> | undefined;
  if (recorded && isClockTarget(recorded.first_response) && isClockTarget(recorded.resolution)) return recorded as InitialClockTargets;
  return { first_response: toClockTarget(doc.firstResponse.target), resolution: toClockTarget(doc.resolution.target) };
}

export function buildTicketFacts(input: TicketFactsInput): TicketFacts {
  const { ticket } = input;
  const at = input.at.getTime();
  if (ticket.createdAt.getTime() > at) throw new RangeError(`ticket ${ticket.number} was created after the evaluation instant`);
  const rows = input.events.filter((e) => e.at.getTime() <= at);

  const facts: TicketFactEvent[] = [];
  let hasCreated = false;
  for (const row of rows) {
    const fact = toFactEvent(row);
    if (fact === null) continue;
    if (fact.type === 'created') {
      // One creation: the first stored one (a duplicate row would restart nothing).
      if (hasCreated) continue;
      hasCreated = true;
    }
    facts.push(fact);
  }
  if (!hasCreated) facts.push({ type: 'created', at: ticket.createdAt });
  for (const reply of input.staffPublicReplies) if (reply.getTime() <= at) facts.push({ type: 'staff_public_reply', at: reply });
  facts.sort((a, b) => a.at.getTime() - b.at.getTime() || SAME_INSTANT_RANK[a.type] - SAME_INSTANT_RANK[b.type]);

  let clocks: TicketFacts['clocks'] = null;
  if (ticket.targets !== null) {
    const history = rows.map(toTicketEvent).filter((e): e is TicketEvent => e !== null);
    if (!hasCreated) history.push({ type: 'created', at: ticket.createdAt });
    const evaluated = evaluateTicketClocks({ targets: ticket.targets, initial: initialClockTargets(rows, ticket.targets), history, now: input.at, calendar: input.calendar });
    clocks = { first_response: evaluated.first_response, resolution: evaluated.resolution };
  }

  return {
    id: ticket.id,
    number: ticket.number,
    subject: ticket.subject,
    createdAt: ticket.createdAt,
    priority: ticket.priority,
    category: ticket.category,
    siteId: ticket.siteId,
    deliveryMode: ticket.deliveryMode,
    clocks,
    events: facts,
    timeEntries: input.timeEntries.filter((e) => e.startedAt.getTime() <= at),
  };
}
