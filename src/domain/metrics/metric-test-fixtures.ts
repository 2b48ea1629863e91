/**
 * Hand-built ticket histories for the unit tests of metrics and goals (not used by the
 * application). Tickets are built through `buildTicketFacts`, so their clocks are the SLA
 * model's, on real calendars.
 *
 * Useful facts: Europe/London is +01:00 (BST) until Sun 25 Oct 2026 02:00 local (01:00Z), then
 * +00:00. 1 Oct 2026 is a Thursday, 5 Oct a Monday. October 2026 in London lasts 31 days and 1
 * hour: [2026-09-30T23:00Z, 2026-11-01T00:00Z).
 */
import { BusinessCalendar, type CalendarDefinition } from '../calendar';
import type { CatalogCategory, DeliveryMode, Target } from '../pact/pact-types';
import type { TicketTargetsDocument } from '../tickets';
import type { CsatFact, MetricInput, NpsFact, Period, TicketFacts, TimeEntryFact } from './metric-types';
import { buildTicketFacts, type StoredTicketEvent } from './ticket-facts';

const weekdays = (periods: string[][]) => ({ mon: periods, tue: periods, wed: periods, thu: periods, fri: periods });
const everyDay = (periods: string[][]) => ({ ...weekdays(periods), sat: periods, sun: periods });

/** Mon-Fri 09:00-17:00 in London: 8 business hours a day. */
export const londonOffice = BusinessCalendar.from({ timeZone: 'Europe/London', week: weekdays([['09:00', '17:00']]) });
/** Round the clock in London: business time is real time, DST changes included. */
export const london247 = BusinessCalendar.from({ timeZone: 'Europe/London', week: everyDay([['00:00', '24:00']]) });

const calendars: Record<string, BusinessCalendar> = { office: londonOffice, '247': london247 };
export const calendarById = (id: string, _definition: CalendarDefinition): BusinessCalendar => {
  const c = calendars[id];
  if (!c) throw new Error(`no test calendar ${id}`);
  return c;
};

/** October 2026 in London. */
export const october: Period = { key: '2026-10', from: new Date('2026-09-30T23:00:00Z'), to: new Date('2026-11-01T00:00:00Z') };

export const min = (minutes: number): Target => ({ unit: 'minutes', minutes });

export function targetsDoc(opts: { calendarId?: 'office' | '247'; response?: Target; resolution?: Target; pausesStopResponse?: boolean } = {}): TicketTargetsDocument {
  const calendarId = opts.calendarId ?? 'office';
  return {
    contractId: 'contract-1',
    contractName: 'Acme Gold',
    planId: 'plan-gold',
    termsVersion: 1,
    priority: 'P2',
    deliveryMode: 'remote',
    firstResponse: { target: opts.response ?? min(60), calendarId, pausesStopClock: opts.pausesStopResponse ?? false, warningThresholds: [50, 75, 90, 100], explanation: [] },
    resolution: { target: opts.resolution ?? min(480), calendarId, pausesStopClock: true, warningThresholds: [50, 75, 90, 100], explanation: [] },
    explanation: [],
    calendars: { [calendarId]: calendars[calendarId]!.toJSON() },
  };
}

export type EventSpec =
  | ['respond' | 'resolve' | 'reopen', string]
  | ['status', string, string] // status, at
  | ['retarget', string, 'first_response' | 'resolution', Target, string]; // at, clock, target, reason

export type TicketSpec = {
  number: number;
  created: string;
  priority?: string;
  category?: CatalogCategory | null;
  siteId?: string | null;
  deliveryMode?: DeliveryMode;
  /** Null: a ticket without a contract (no clocks). */
  targets?: TicketTargetsDocument | null;
  events?: EventSpec[];
  replies?: string[];
  timeEntries?: TimeEntryFact[];
  /** Evaluation instant; October's end by default. */
  at?: Date;
};

const d = (iso: string) => new Date(iso);

/** A ticket's facts from a compact history; instants are ISO strings with their offset. */
export function ticket(spec: TicketSpec): TicketFacts {
  const targets = spec.targets === undefined ? targetsDoc() : spec.targets;
  const events: StoredTicketEvent[] = [{ type: 'created', at: d(spec.created), data: targets ? { targets: { first_response: toClock(targets.firstResponse.target), resolution: toClock(targets.resolution.target) } } : {} }];
  for (const e of spec.events ?? []) {
    switch (e[0]) {
      case 'respond':
        events.push({ type: 'first_public_response', at: d(e[1]), data: {} });
        break;
      case 'resolve':
        events.push({ type: 'status_changed', at: d(e[1]), data: { status: 'resolved', pausing: false } }, { type: 'resolved', at: d(e[1]), data: {} });
        break;
      case 'reopen':
        events.push({ type: 'reopened', at: d(e[1]), data: {} }, { type: 'status_changed', at: d(e[1]), data: { status: 'in_progress', pausing: false } });
        break;
      case 'status':
        events.push({ type: 'status_changed', at: d(e[2]), data: { status: e[1], pausing: e[1] === 'waiting_on_client' } });
        break;
      case 'retarget':
        events.push({ type: 'target_changed', at: d(e[1]), data: { kind: e[2], target: toClock(e[3]), reason: e[4] } });
        break;
    }
  }
  return buildTicketFacts({
    ticket: {
      id: `t${spec.number}`,
      number: spec.number,
      subject: `Ticket ${spec.number}`,
      createdAt: d(spec.created),
      priority: spec.priority ?? 'P2',
      category: spec.category === undefined ? 'software' : spec.category,
      siteId: spec.siteId === undefined ? null : spec.siteId,
      deliveryMode: spec.deliveryMode ?? 'remote',
      targets,
    },
    events,
    staffPublicReplies: (spec.replies ?? []).map(d),
    timeEntries: spec.timeEntries ?? [],
    at: spec.at ?? october.to,
    calendar: calendarById,
  });
}

function toClock(t: Target) {
  return t.unit === 'minutes' ? { unit: 'business_seconds' as const, seconds: t.minutes * 60 } : { unit: 'business_days' as const, days: t.days };
}

export function metricInput(tickets: TicketFacts[], over: Partial<MetricInput> = {}): MetricInput {
  return { period: october, calendar: londonOffice, tickets, excluded: new Map(), manual: null, surveys: { csat: [], nps: [] }, ...over };
}

/**
 * A CSAT survey of ticket `number`: P2 software at no site, five-point scale, sent when given
 * and answered with `rating` at `answered` (both ISO strings with their offset).
 */
export function csat(number: number, spec: { sent?: string; answered?: string | null; rating?: number | null } & Partial<Pick<CsatFact, 'scale' | 'priority' | 'category' | 'siteId' | 'technicianId' | 'planName'>> = {}): CsatFact {
  const scale = spec.scale ?? 'five';
  const rating = spec.rating === undefined ? (spec.answered ? 5 : null) : spec.rating;
  const answered = spec.answered ?? null;
  return {
    surveyId: `s${number}`,
    ticketId: `t${number}`,
    ticketNumber: number,
    ticketSubject: `Ticket ${number}`,
    priority: spec.priority ?? 'P2',
    category: spec.category === undefined ? 'software' : spec.category,
    siteId: spec.siteId ?? null,
    technicianId: spec.technicianId ?? null,
    planName: spec.planName ?? null,
    scale,
    rating: answered === null ? null : rating,
    score: answered === null || rating === null ? null : scale === 'five' ? rating : rating * 2 - 1,
    sentAt: d(spec.sent ?? '2026-10-05T12:00:00+01:00'),
    respondedAt: answered === null ? null : d(answered),
  };
}

/** An NPS survey answered with `score` at `answered` (null: sent, not answered). */
export function npsAnswer(id: string, score: number | null, answered: string | null = '2026-10-15T12:00:00+01:00'): NpsFact {
  return { surveyId: id, score: answered === null ? null : score, sentAt: d('2026-10-01T09:00:00+01:00'), respondedAt: answered === null ? null : d(answered) };
}

export function entry(startedAt: string, afterHoursSeconds: number, billable = true, durationSeconds = afterHoursSeconds): TimeEntryFact {
  const start = d(startedAt);
  return { startedAt: start, endedAt: new Date(start.getTime() + durationSeconds * 1000), billable, inCoverageSeconds: durationSeconds - afterHoursSeconds, afterHoursSeconds };
}
