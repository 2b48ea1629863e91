/**
 * Tickets: creation with targets from the terms in force, changes that re-target or move the
 * clocks, comments, calls, attachments, watchers, time entries and timers.
 *
 * Every change that can move a clock ends in `refreshClocks` inside its transaction (load the
 * history first, evaluate both clocks with the pure model, write the columns and new clock
 * events), and the caller hands the result to `ctx.clockScheduler` after the commit.
 *
 * Entry points for other modules:
 * - `createTicket(ctx, actor, input)` / `addComment(ctx, actor, ticketId, input)`: as the API.
 * - `createTicketFromEmail(ctx, mail)` / `addCommentFromEmail(ctx, mail)`: inbound mail, no
 *   signed-in actor; the author is a contact (or a bare address) of the client.
 * - `evaluateTicketClocks(ctx, tenantId, ticketId, at)`: timers re-evaluate a ticket at a
 *   threshold instant and get the thresholds crossed by then (the caller schedules the next).
 */
import { createHash, randomUUID } from 'node:crypto';
import sanitizeHtml from 'sanitize-html';
import type { Db } from '../../db/database';
import type { ClockName, TicketRow, TicketSource, TicketStatus } from '../../db/schema';
import { BusinessCalendar, type CalendarDefinition } from '../../domain/calendar';
import type { TargetsResult } from '../../domain/pact/targets-for';
import type { ClockState, ClockTarget, TicketEvent } from '../../domain/sla';
import {
  clockColumns,
  CLOCK_KINDS,
  evaluateTicketClocks as evaluateClocks,
  REOPEN_STATUS,
  splitTimeEntry,
  statusTransition,
  toClockTarget,
  toTicketEvent,
  type ClockColumns,
  type InitialClockTargets,
  type TicketClocks,
  type TicketTargetsDocument,
} from '../../domain/tickets';
import type { Actor } from '../../http/actor';
import type { AppContext } from '../../http/context';
import { decodeCursor, toPage } from '../../http/pagination';
import { staleWrite } from '../../http/etag';
import { AppError, conflict, forbidden, invalid, notFound } from '../../errors';
import { enqueueEmail } from '../../mail/outbox';
import { findItem } from '../catalog/catalog.repository';
import { findMatrix } from '../priority-matrix/priority-matrix.repository';
import { cachedPactSource, livePactSource, type PactSource } from '../targets/pact-source';
import { loadTargets, type LoadedTargets } from '../targets/targets.service';
import * as policy from './tickets.policy';
import { presentAttachment, presentComment, presentTicket, presentTimeEntry, ticketCursor } from './tickets.presenter';
import * as repo from './tickets.repository';
import { publishTicketChanged } from '../board/ticket-events-bus';
import { resolvedMailWithSurvey } from '../surveys/csat-issue';
import type { AttachmentInput, CreateTicketInput, ListTicketsInput, TicketSettingsInput, TimeEntryInput, UpdateTicketInput } from './tickets.schema';

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_TYPES: ReadonlySet<string> = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'text/plain',
  'text/csv',
  'application/zip',
  'application/json',
  'message/rfc822',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
]);

export const reference = (n: number) => `T-${n}`;

/** Who did something: a signed-in user, or an e-mail sender (a contact, or just an address). */
type Author = { userId: string | null; contactId: string | null; name: string; email: string | null; staff: boolean };

const authorOf = (actor: Actor): Author => ({ userId: actor.userId, contactId: null, name: actor.name, email: actor.email, staff: actor.kind === 'staff' });

// ---------- calendars and clocks ----------

const calendars = new Map<string, BusinessCalendar>();
/** Calendars are immutable values; tickets snapshot their definitions, so cache by content. */
export function calendarFor(_id: string, definition: CalendarDefinition): BusinessCalendar {
  const key = JSON.stringify(definition);
  let c = calendars.get(key);
  if (!c) {
    if (calendars.size > 500) calendars.clear();
    c = BusinessCalendar.from(definition);
    calendars.set(key, c);
  }
  return c;
}

type HistoryRow = { type: string; at: Date; data: Record<string, unknown> };

function initialTargets(history: readonly HistoryRow[]): InitialClockTargets | null {
  const created = history.find((h) => h.type === 'created');
  const t = created?.data.targets as InitialClockTargets | undefined;
  return t ?? null;
}

/** Both clocks at `now`, or null for a ticket without a contract. */
function clocksOf(ticket: Pick<TicketRow, 'targets' | 'no_contract'>, history: readonly HistoryRow[], now: Date): TicketClocks | null {
  const doc = ticket.targets as TicketTargetsDocument | null;
  const initial = initialTargets(history);
  if (ticket.no_contract || !doc || !initial) return null;
  const events = history.map(toTicketEvent).filter((e): e is TicketEvent => e !== null);
  return evaluateClocks({ targets: doc, initial, history: events, now, calendar: calendarFor });
}

const sameInstant = (a: Date | null, b: Date | null) => (a === null ? b === null : b !== null && a.getTime() === b.getTime());

function columnsDiffer(row: TicketRow, cols: ClockColumns): boolean {
  return (
    row.response_state !== cols.response_state ||
    row.resolution_state !== cols.resolution_state ||
    !sameInstant(row.response_due_at, cols.response_due_at) ||
    !sameInstant(row.resolution_due_at, cols.resolution_due_at) ||
    !sameInstant(row.response_completed_at, cols.response_completed_at) ||
    !sameInstant(row.resolution_completed_at, cols.resolution_completed_at) ||
    !sameInstant(row.next_due_at, cols.next_due_at) ||
    !sameInstant(row.next_threshold_at, cols.next_threshold_at) ||
    !sameInstant(row.at_risk_at, cols.at_risk_at)
  );
}

export type RefreshResult = { nextThresholdAt: Date | null; changed: boolean; generation: number; clocks: TicketClocks | null };

/**
 * The one place clocks are written: evaluates both clocks of `ticket` from `history` at `now`,
 * stores the columns and the clock events not yet recorded. Call inside the transaction of the
 * change, after its history rows are inserted; schedule `nextThresholdAt` after the commit.
 */
export async function refreshClocks(trx: Db, ticket: TicketRow, history: readonly HistoryRow[], now: Date): Promise<RefreshResult> {
  const clocks = clocksOf(ticket, history, now);
  if (!clocks) {
    if (ticket.response_state !== null || ticket.next_threshold_at !== null) await repo.writeClockColumns(trx, ticket.tenant_id, ticket.id, null);
    return { nextThresholdAt: null, changed: false, generation: ticket.target_generation, clocks: null };
  }
  const cols = clockColumns(clocks);
  let changed = columnsDiffer(ticket, cols);
  if (changed) await repo.writeClockColumns(trx, ticket.tenant_id, ticket.id, cols);
  const events = CLOCK_KINDS.flatMap((kind) => clockEventRows(kind, clocks[kind]));
  const added = await repo.insertClockEvents(trx, ticket.tenant_id, ticket.id, ticket.target_generation, events);
  if (added > 0) changed = true;
  return { nextThresholdAt: cols.next_threshold_at, changed, generation: ticket.target_generation, clocks };
}

function clockEventRows(clock: ClockName, state: ClockState): repo.ClockEventInsert[] {
  return state.events.map((e) => {
    switch (e.type) {
      case 'paused':
      case 'resumed':
        return { clock, type: e.type, at: e.at, percent: null, reason: e.reason, data: {} };
      case 'target_changed':
        return { clock, type: e.type, at: e.at, percent: null, reason: e.reason, data: { targetSeconds: e.targetSeconds, previousTargetSeconds: e.previousTargetSeconds } };
      case 'warned':
        return { clock, type: e.type, at: e.at, percent: e.percent, reason: null, data: {} };
      case 'breached':
        return { clock, type: e.type, at: e.at, percent: 100, reason: null, data: {} };
      case 'started':
      case 'met':
      case 'stopped':
        return { clock, type: e.type, at: e.at, percent: null, reason: null, data: {} };
      default: {
        const unreachable: never = e;
        throw new Error(`unknown clock event ${JSON.stringify(unreachable)}`);
      }
    }
  });
}

/** Locks the ticket, loads its history, refreshes its clocks. */
async function refreshTicket(trx: Db, tenantId: string, ticketId: string, now: Date): Promise<RefreshResult> {
  const row = await repo.lockTicket(trx, tenantId, ticketId);
  if (!row) throw notFound('Ticket');
  const history = await repo.listEvents(trx, tenantId, [ticketId]);
  return refreshClocks(trx, row, history, now);
}

/** After a change commits: tell open boards, and set the timer for the next threshold. */
async function afterChange(ctx: AppContext, tenantId: string, ticketId: string, r: RefreshResult): Promise<void> {
  const version = await repo.ticketVersion(ctx.db, tenantId, ticketId);
  if (version !== undefined) publishTicketChanged(tenantId, ticketId, version);
  if (!ctx.clockScheduler || r.clocks === null) return;
  await ctx.clockScheduler.schedule({ tenantId, ticketId }, r.nextThresholdAt, r.generation);
}

export type CrossedThreshold = { clock: ClockName; percent: number; at: Date; breach: boolean };

/**
 * For the timers: re-evaluates the ticket at `at` (the job's instant), stores the result, and
 * returns every threshold crossed by then with the target generation, so a job of an older
 * generation can tell it is stale. Notifying (exactly once per key) is the caller's job.
 */
export async function evaluateTicketClocks(ctx: AppContext, tenantId: string, ticketId: string, at: Date) {
  const r = await ctx.db.transaction().execute((trx) => refreshTicket(trx, tenantId, ticketId, at));
  const crossed: CrossedThreshold[] = [];
  if (r.clocks) {
    for (const kind of CLOCK_KINDS) {
      for (const th of r.clocks[kind].thresholds) if (th.crossed && th.at) crossed.push({ clock: kind, percent: th.percent, at: th.at, breach: th.percent === 100 });
    }
  }
  return { generation: r.generation, nextThresholdAt: r.nextThresholdAt, crossed, states: r.clocks ? { first_response: r.clocks.first_response.state, resolution: r.clocks.resolution.state } : null };
}

// ---------- reads ----------

export async function getTicketRow(ctx: AppContext, actor: Actor, id: string): Promise<repo.TicketViewRow> {
  if (!policy.canRead(actor)) throw forbidden();
  const row = await repo.findTicket(ctx.db, policy.ticketScope(actor), id);
  if (!row) throw notFound('Ticket');
  return row;
}

async function view(ctx: AppContext, row: repo.TicketViewRow, history?: HistoryRow[]) {
  const h = history ?? (await repo.listEvents(ctx.db, row.tenant_id, [row.id]));
  const watchers = await repo.listWatchers(ctx.db, row.tenant_id, row.id);
  return presentTicket(row, clocksOf(row, h, ctx.now()), watchers);
}

export async function getTicket(ctx: AppContext, actor: Actor, id: string) {
  return view(ctx, await getTicketRow(ctx, actor, id));
}

export async function listTickets(ctx: AppContext, actor: Actor, input: ListTicketsInput) {
  if (!policy.canRead(actor)) throw forbidden();
  const now = ctx.now();
  const statuses = input.status?.flatMap((s): TicketStatus[] => (s === 'open' ? ['new', 'assigned', 'in_progress', 'waiting_on_client', 'waiting_on_third_party'] : [s]));
  const order = input.order ?? (input.sort === 'created' ? 'desc' : 'asc');
  const rows = await repo.listTickets(
    ctx.db,
    policy.ticketScope(actor),
    {
      status: statuses,
      clientId: input.clientId,
      assigneeId: input.assigneeId === 'none' ? null : input.assigneeId,
      priority: input.priority,
      planId: input.planId,
      q: input.q || undefined,
      mine: input.mine === 'true' ? actor.userId : undefined,
      risk: input.risk,
      now,
    },
    input.sort,
    order,
    input.limit,
    decodeCursor(input.cursor),
  );
  const page = rows.slice(0, input.limit);
  const events = await repo.listEvents(ctx.db, actor.tenantId, page.map((r) => r.id));
  const byTicket = new Map<string, HistoryRow[]>();
  for (const e of events) byTicket.set(e.ticket_id, [...(byTicket.get(e.ticket_id) ?? []), e]);
  return toPage(rows, input.limit, ticketCursor, (r) => presentTicket(r, clocksOf(r, byTicket.get(r.id) ?? [], now), []));
}

// ---------- create ----------

type CreateCore = {
  tenantId: string;
  clientId: string;
  siteId?: string | null;
  requesterContactId?: string | null;
  requesterUserId?: string | null;
  catalogItemId?: string | null;
  subject: string;
  description: string;
  urgency?: string;
  impact?: string;
  deliveryMode?: 'remote' | 'onsite';
  tags?: string[];
  source: TicketSource;
  messageId?: string | null;
};

function targetsDocument(loaded: LoadedTargets, calendarsById: Map<string, CalendarDefinition>): TicketTargetsDocument {
  const r: TargetsResult = loaded.result;
  const cal = (id: string) => {
    const d = calendarsById.get(id);
    if (!d) throw new Error(`calendar ${id} of the terms is missing`);
    return d;
  };
  return {
    contractId: loaded.contract.id,
    contractName: loaded.contract.name,
    planId: loaded.terms.plan.planId,
    termsVersion: loaded.termsVersion,
    priority: r.priority,
    deliveryMode: r.deliveryMode,
    firstResponse: r.firstResponse,
    resolution: r.resolution,
    explanation: r.explanation,
    calendars: { [r.firstResponse.calendarId]: cal(r.firstResponse.calendarId), [r.resolution.calendarId]: cal(r.resolution.calendarId) },
  };
}

/** A ticket ready to be written: its row (but for the number), history and clocks. */
type PreparedTicket = {
  row: Omit<repo.NewTicket, 'number'> & { id: string; clocks: ClockColumns | null };
  created: Omit<repo.EventInsert, 'ticketId'>;
  clockEvents: repo.ClockEventInsert[];
  clocks: TicketClocks | null;
  /** What the view shows besides the row. */
  names: { clientName: string; siteName: string | null; catalogItemName: string | null };
};

/**
 * Checks a new ticket against the tenant's configuration and works out everything about it:
 * priority, targets from the terms in force, and its clocks (its history is the one `created`
 * event, so they are evaluated before it is written). Throws 400 naming the field.
 */
async function prepareTicket(author: Author, input: CreateCore, source: PactSource, now: Date): Promise<PreparedTicket> {
  const tenantId = input.tenantId;
  const item = input.catalogItemId ? await source.item(input.catalogItemId) : undefined;
  if (input.catalogItemId && (!item || item.status !== 'active')) throw invalid({ catalogItemId: 'is not an active catalog item of this organisation' });
  const urgency = input.urgency ?? item?.default_urgency ?? 'medium';
  const impact = input.impact ?? item?.default_impact ?? 'individual';
  const matrix = await source.matrix();
  const matrixPriority = matrix.cells[urgency]?.[impact];
  if (!matrix.cells[urgency]) throw invalid({ urgency: `is not an urgency of the priority matrix (${matrix.urgencies.map((u) => u.key).join(', ')})` });
  if (!matrixPriority) throw invalid({ impact: `is not an impact of the priority matrix (${matrix.impacts.map((i) => i.key).join(', ')})` });
  const loaded = await loadTargets(source, { tenantId }, { clientId: input.clientId, catalogItemId: input.catalogItemId ?? undefined, urgency, impact, deliveryMode: input.deliveryMode, siteId: input.siteId ?? undefined, at: now });
  const doc: TicketTargetsDocument | null = loaded.ok ? targetsDocument(loaded, await source.calendars()) : null;
  const initial: InitialClockTargets | null = doc ? { first_response: toClockTarget(doc.firstResponse.target), resolution: toClockTarget(doc.resolution.target) } : null;
  const created = { type: 'created', at: now, actorUserId: author.userId, actorLabel: author.name, data: { targets: initial, source: input.source, ...(input.messageId ? { messageId: input.messageId } : {}) } };
  const clocks = clocksOf({ targets: doc, no_contract: doc === null }, [created], now);
  const siteId = input.siteId ?? null;
  return {
    row: {
      id: randomUUID(),
      client_id: input.clientId,
      site_id: siteId,
      requester_contact_id: input.requesterContactId ?? null,
      requester_user_id: input.requesterUserId ?? null,
      catalog_item_id: item?.id ?? null,
      contract_id: doc?.contractId ?? null,
      subject: input.subject,
      description: input.description,
      urgency,
      impact,
      priority: doc?.priority ?? matrixPriority,
      priority_override_reason: null,
      delivery_mode: doc?.deliveryMode ?? input.deliveryMode ?? (item && item.delivery_mode !== 'either' ? item.delivery_mode : 'remote'),
      tags: input.tags ?? [],
      source: input.source,
      no_contract: doc === null,
      targets: doc,
      created_at: now,
      clocks: clocks ? clockColumns(clocks) : null,
    },
    created,
    clockEvents: clocks ? CLOCK_KINDS.flatMap((kind) => clockEventRows(kind, clocks[kind])) : [],
    clocks,
    names: {
      clientName: loaded.ok ? loaded.client.name : ((await source.client(input.clientId))?.client.name ?? ''),
      siteName: siteId && loaded.ok ? (loaded.site?.name ?? null) : null,
      catalogItemName: item?.name ?? null,
    },
  };
}

/**
 * Writes prepared tickets under consecutive numbers, in one statement (or in `trx` with the
 * caller's other writes), then tells boards and sets the first timers.
 */
async function writeTickets(ctx: AppContext, tenantId: string, prepared: readonly PreparedTicket[], withinTransaction?: (trx: Db, rows: TicketRow[]) => Promise<void>): Promise<TicketRow[]> {
  // Numbers are taken in a statement of their own (see nextTicketNumbers); a failed insert leaves a gap.
  const first = await repo.nextTicketNumbers(ctx.db, tenantId, prepared.length);
  const insert = (db: Db) => repo.insertNewTickets(db, tenantId, prepared.map((p, i) => ({ ticket: { ...p.row, number: first + i }, created: p.created, clockEvents: p.clockEvents })));
  const rows = withinTransaction
    ? await ctx.db.transaction().execute(async (trx) => {
        const written = await insert(trx);
        await withinTransaction(trx, written);
        return written;
      })
    : await insert(ctx.db);
  for (const row of rows) publishTicketChanged(tenantId, row.id, row.version);
  const scheduler = ctx.clockScheduler;
  // The scheduler stores timers asked for together in one insert.
  if (scheduler) await Promise.all(rows.map((r) => scheduler.schedule({ tenantId, ticketId: r.id }, r.next_threshold_at, r.target_generation)));
  return rows;
}

async function createCore(ctx: AppContext, author: Author, input: CreateCore, source: PactSource) {
  const prepared = await prepareTicket(author, input, source, ctx.now());
  const to = author.email && !author.staff ? author.email : null;
  const { clocks } = prepared;
  const [ticket] = await writeTickets(
    ctx,
    input.tenantId,
    [prepared],
    to
      ? (trx, [row]) =>
          enqueueEmail(trx, {
            tenantId: input.tenantId,
            to,
            subject: `[${reference(row!.number)}] ${input.subject}`,
            text: `We have received your request and opened ticket ${reference(row!.number)}.\n\n${input.subject}\n${clocks ? `\nWe will respond by ${clocks.first_response.dueAt.toISOString()}.` : ''}`,
            kind: 'ticket_created',
            ticketId: row!.id,
            messageId: `<ticket-${row!.id}@servicepact>`,
            inReplyTo: input.messageId ?? null,
            references: input.messageId ? [input.messageId] : null,
          }).then(() => undefined)
      : undefined,
  );
  return { ticket: ticket!, clocks, names: prepared.names };
}

/** The intake cache as of the tenant's pact version (see pact-source.ts). */
async function intakeSource(db: Db, tenantId: string): Promise<PactSource> {
  return cachedPactSource(db, tenantId, await repo.pactVersion(db, tenantId));
}

type Requester = { contactId: string | null; userId: string | null; name: string | null; email: string | null };

async function requesterOf(ctx: AppContext, actor: Actor, clientId: string, contactId: string | undefined): Promise<Requester> {
  if (actor.kind === 'client') {
    const contact = await repo.contactOfUser(ctx.db, actor.tenantId, actor.userId);
    return { contactId: contact?.id ?? null, userId: actor.userId, name: contact?.name ?? actor.name, email: contact?.email ?? actor.email };
  }
  if (!contactId) return { contactId: null, userId: null, name: null, email: null };
  const contact = await repo.findContact(ctx.db, actor.tenantId, clientId, contactId);
  if (!contact) throw invalid({ requesterContactId: 'is not a contact of this client' });
  return { contactId: contact.id, userId: contact.user_id, name: contact.name, email: contact.email };
}

function coreInput(actor: Actor, clientId: string, input: CreateTicketInput, requester: Requester): CreateCore {
  return {
    tenantId: actor.tenantId,
    clientId,
    siteId: input.siteId,
    requesterContactId: requester.contactId,
    requesterUserId: requester.userId,
    catalogItemId: input.catalogItemId,
    subject: input.subject,
    description: input.description ?? '',
    urgency: input.urgency,
    impact: input.impact,
    deliveryMode: input.deliveryMode,
    tags: input.tags,
    source: actor.kind === 'client' ? 'portal' : actor.via === 'token' ? 'api' : 'staff',
  };
}

export async function createTicket(ctx: AppContext, actor: Actor, input: CreateTicketInput) {
  if (!policy.canCreate(actor)) throw forbidden('You cannot open tickets');
  const clientId = actor.kind === 'client' ? actor.clientId : input.clientId;
  // One query checks the client and reads the version of the cached configuration.
  const [client] = await repo.clientsForIntake(ctx.db, actor.tenantId, [clientId]);
  if (!client) throw invalid({ clientId: 'is not a client of this organisation' });
  const requester = await requesterOf(ctx, actor, clientId, input.requesterContactId);
  const author = actor.kind === 'client' ? authorOf(actor) : { ...authorOf(actor), email: null };
  const { ticket, clocks, names } = await createCore(ctx, author, coreInput(actor, clientId, input, requester), cachedPactSource(ctx.db, actor.tenantId, client.pact_version));
  const row: repo.TicketViewRow = {
    ...ticket,
    client_name: names.clientName,
    site_name: names.siteName,
    contact_name: requester.name,
    contact_email: requester.email,
    requester_name: null,
    requester_email: null,
    catalog_item_name: names.catalogItemName,
    assignee_name: null,
    sort_key: '',
  };
  return presentTicket(row, clocks, []);
}

/** Prefixes a 400's field names with the item's place in a bulk request (`tickets[3].clientId`). */
function atItem(error: unknown, index: number): never {
  if (error instanceof AppError && error.code === 'validation_failed' && error.fields) {
    const fields = Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [`tickets[${index}].${k}`, v]));
    throw invalid(fields, `Ticket ${index + 1} of the request is invalid; nothing was created`);
  }
  throw error;
}

/**
 * Many tickets in one request (monitoring and RMM integrations raising alerts in bursts): each is
 * checked as by `createTicket`; one invalid ticket refuses the request, naming it, and nothing is
 * written. Returns the new tickets' ids and references, in the order given.
 */
export async function createTicketsBulk(ctx: AppContext, actor: Actor, items: readonly CreateTicketInput[]) {
  if (actor.kind !== 'staff' || !policy.canCreate(actor)) throw forbidden('Only staff and integrations open tickets in bulk');
  const clientIds = [...new Set(items.map((i) => i.clientId))];
  const clients = new Map((await repo.clientsForIntake(ctx.db, actor.tenantId, clientIds)).map((c) => [c.id, c]));
  const source = cachedPactSource(ctx.db, actor.tenantId, clients.values().next().value?.pact_version ?? (await repo.pactVersion(ctx.db, actor.tenantId)));
  const author = { ...authorOf(actor), email: null };
  const now = ctx.now();
  const prepared: PreparedTicket[] = [];
  for (const [index, input] of items.entries()) {
    try {
      if (!clients.has(input.clientId)) throw invalid({ clientId: 'is not a client of this organisation' });
      const requester = await requesterOf(ctx, actor, input.clientId, input.requesterContactId);
      prepared.push(await prepareTicket(author, coreInput(actor, input.clientId, input, requester), source, now));
    } catch (error) {
      atItem(error, index);
    }
  }
  const rows = await writeTickets(ctx, actor.tenantId, prepared);
  return { items: rows.map((r) => ({ id: r.id, number: r.number, reference: reference(r.number), priority: r.priority, noContract: r.no_contract, nextDueAt: r.next_due_at?.toISOString() ?? null })) };
}

export type InboundAttachment = { filename: string; contentType: string; data: Buffer };

/**
 * A ticket from an inbound e-mail (no signed-in actor): the sender is `contactId` of `clientId`
 * (or just `fromEmail` for a sender the tenant lets through). `html` is sanitised here. The
 * acknowledgement is queued in the outbox, answering `messageId`. Returns the ticket row.
 */
export async function createTicketFromEmail(
  ctx: AppContext,
  mail: { tenantId: string; clientId: string; contactId: string | null; fromEmail: string; fromName?: string; subject: string; text: string; html?: string | null; attachments?: InboundAttachment[]; messageId?: string | null },
): Promise<TicketRow> {
  const contact = mail.contactId ? await repo.findContact(ctx.db, mail.tenantId, mail.clientId, mail.contactId) : undefined;
  const author: Author = { userId: null, contactId: contact?.id ?? null, name: contact?.name ?? mail.fromName ?? mail.fromEmail, email: contact?.email ?? mail.fromEmail, staff: false };
  const { ticket } = await createCore(ctx, author, {
    tenantId: mail.tenantId,
    clientId: mail.clientId,
    requesterContactId: contact?.id ?? null,
    requesterUserId: contact?.user_id ?? null,
    subject: mail.subject.trim().slice(0, 300) || '(no subject)',
    description: mail.text,
    source: 'email',
    messageId: mail.messageId ?? null,
  }, await intakeSource(ctx.db, mail.tenantId));
  for (const a of mail.attachments ?? []) await storeAttachment(ctx.db, mail.tenantId, ticket.id, null, true, null, a.filename, a.contentType, a.data);
  return ticket;
}

/**
 * A ticket the system opens for a client (a follow-up on a bad rating): no signed-in author, no
 * acknowledgement e-mail. `withinTransaction` runs in the ticket's own transaction, so the caller
 * can link it to what caused it, or throw to write nothing.
 */
export async function createSystemTicket(
  ctx: AppContext,
  input: { tenantId: string; clientId: string; siteId: string | null; requesterContactId: string | null; requesterUserId: string | null; subject: string; description: string; tags: string[] },
  withinTransaction: (trx: Db, ticket: TicketRow) => Promise<void>,
): Promise<TicketRow> {
  const author: Author = { userId: null, contactId: null, name: 'servicepact', email: null, staff: true };
  const prepared = await prepareTicket(author, { ...input, source: 'staff' }, await intakeSource(ctx.db, input.tenantId), ctx.now());
  const [ticket] = await writeTickets(ctx, input.tenantId, [prepared], (trx, [row]) => withinTransaction(trx, row!));
  return ticket!;
}

// ---------- change ----------

function currentTarget(history: readonly HistoryRow[], kind: ClockName): ClockTarget | null {
  let t = initialTargets(history)?.[kind] ?? null;
  for (const h of history) if (h.type === 'target_changed' && h.data.kind === kind) t = h.data.target as ClockTarget;
  return t;
}

export async function updateTicket(ctx: AppContext, actor: Actor, id: string, input: UpdateTicketInput, expectedVersion: number | null) {
  const existing = await getTicketRow(ctx, actor, id);
  if (!policy.canWrite(actor)) throw forbidden('Only staff change tickets');
  if (input.assigneeId !== undefined && input.assigneeId !== existing.assignee_id && !policy.canAssign(actor, input.assigneeId)) throw forbidden('Only dispatchers, owners and admins assign tickets; a technician may take one');
  if (input.priority !== undefined && input.priority !== existing.priority && !input.priorityReason) throw invalid({ priorityReason: 'is required when setting the priority by hand' });
  const tenantId = actor.tenantId;
  const now = ctx.now();
  if (input.assigneeId) {
    const u = await repo.findUser(ctx.db, tenantId, input.assigneeId);
    if (!u || u.client_id !== null || u.status !== 'active') throw invalid({ assigneeId: 'is not an active staff member of this organisation' });
  }
  if (input.catalogItemId) {
    const item = await findItem(ctx.db, tenantId, input.catalogItemId);
    if (!item) throw invalid({ catalogItemId: 'is not a catalog item of this organisation' });
  }
  const settings = await repo.ticketSettings(ctx.db, tenantId);
  const matrix = (await findMatrix(ctx.db, tenantId)).matrix;

  const refresh = await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.lockTicket(trx, tenantId, id);
    if (!row) throw notFound('Ticket');
    if (expectedVersion !== null && row.version !== expectedVersion) throw staleWrite();
    const history = await repo.listEvents(trx, tenantId, [id]);
    const events: repo.EventInsert[] = [];
    const ev = (type: string, data: Record<string, unknown>) => events.push({ ticketId: id, type, at: now, actorUserId: actor.userId, actorLabel: actor.name, data });
    const patch: repo.TicketPatch = {};
    if (input.subject !== undefined) patch.subject = input.subject;
    if (input.description !== undefined) patch.description = input.description;
    if (input.tags !== undefined) patch.tags = input.tags;

    // Priority: by hand (with a reason), else from the matrix when urgency or impact change.
    const urgency = input.urgency ?? row.urgency;
    const impact = input.impact ?? row.impact;
    if (input.urgency !== undefined || input.impact !== undefined) {
      if (!matrix.cells[urgency]) throw invalid({ urgency: 'is not an urgency of the priority matrix' });
      if (!matrix.cells[urgency]?.[impact]) throw invalid({ impact: 'is not an impact of the priority matrix' });
      patch.urgency = urgency;
      patch.impact = impact;
    }
    let override = row.priority_override_reason !== null ? row.priority : null;
    let overrideReason = row.priority_override_reason;
    if (input.priority !== undefined && input.priority !== row.priority) {
      if (!matrix.priorities.some((p) => p.key === input.priority)) throw invalid({ priority: `is not a priority of the matrix (${matrix.priorities.map((p) => p.key).join(', ')})` });
      override = input.priority;
      overrideReason = input.priorityReason!;
    }
    const priority = override ?? matrix.cells[urgency]![impact]!;
    const catalogItemId = input.catalogItemId !== undefined ? input.catalogItemId : row.catalog_item_id;
    const deliveryMode = input.deliveryMode ?? row.delivery_mode;
    const reasons: string[] = [];
    if (priority !== row.priority) reasons.push(`priority ${row.priority} -> ${priority}${override && overrideReason && input.priority !== undefined ? `: ${overrideReason}` : ''}`);
    if (catalogItemId !== row.catalog_item_id) reasons.push('catalog item changed');
    if (deliveryMode !== row.delivery_mode) reasons.push(`delivery ${row.delivery_mode} -> ${deliveryMode}`);
    if (priority !== row.priority) {
      patch.priority = priority;
      patch.priority_override_reason = override ? overrideReason : null;
      ev('priority_changed', { from: row.priority, to: priority, reason: overrideReason });
    }
    if (catalogItemId !== row.catalog_item_id) patch.catalog_item_id = catalogItemId;
    if (deliveryMode !== row.delivery_mode) patch.delivery_mode = deliveryMode;

    // Re-target retroactively: the terms in force at creation, with the new values (rule 4).
    if (reasons.length && !row.no_contract && row.targets) {
      const pact = livePactSource(trx, tenantId);
      const loaded = await loadTargets(pact, { tenantId }, { clientId: row.client_id, catalogItemId: catalogItemId ?? undefined, urgency, impact, deliveryMode, siteId: row.site_id ?? undefined, priorityOverride: override ?? undefined, at: row.created_at });
      if (loaded.ok) {
        const doc = targetsDocument(loaded, await pact.calendars());
        patch.targets = doc;
        patch.bump_generation = true;
        const reason = reasons.join('; ');
        for (const kind of CLOCK_KINDS) {
          const next = toClockTarget(kind === 'first_response' ? doc.firstResponse.target : doc.resolution.target);
          if (JSON.stringify(next) !== JSON.stringify(currentTarget(history, kind))) ev('target_changed', { kind, target: next, reason });
        }
      }
    }

    // Assignment (a new ticket becomes assigned).
    let status = input.status ?? row.status;
    if (input.assigneeId !== undefined && input.assigneeId !== row.assignee_id) {
      patch.assignee_id = input.assigneeId;
      ev('assigned', { assigneeId: input.assigneeId });
      if (input.status === undefined && row.status === 'new' && input.assigneeId) status = 'assigned';
    }
    if (status !== row.status) {
      const tr = statusTransition(row.status, status);
      if (!tr) throw conflict(`A ${row.status} ticket cannot become ${status}`, { status: `cannot change from ${row.status} to ${status}` });
      if (tr.reopens) {
        ev('reopened', {});
        patch.resolved_at = null;
        patch.closed_at = null;
      }
      ev('status_changed', { status, pausing: settings.pausing_statuses.includes(status), from: row.status });
      if (tr.resolves) {
        ev('resolved', {});
        patch.resolved_at = now;
      }
      if (tr.closes) patch.closed_at = now;
      patch.status = status;
    }
    const updated = await repo.updateTicket(trx, tenantId, id, patch, null, now);
    if (!updated) throw notFound('Ticket');
    await repo.insertEvents(trx, tenantId, events);
    const r = await refreshClocks(trx, updated, await repo.listEvents(trx, tenantId, [id]), now);
    if (patch.status === 'resolved') {
      // The CSAT survey is written (or its links re-issued) with the resolution, and rides in its e-mail.
      const mail = await resolvedMailWithSurvey(trx, ctx.config.publicUrl, tenantId, { id, reference: reference(updated.number), subject: updated.subject }, now);
      await notifyRequester(trx, existing, 'ticket_resolved', mail.subject, mail.text, undefined, mail.html);
    }
    return r;
  });
  await afterChange(ctx, tenantId, id, refresh);
  return getTicket(ctx, actor, id);
}

async function notifyRequester(trx: Db, t: repo.TicketViewRow, kind: string, subject: string, text: string, messageId?: string, html?: string) {
  const to = t.contact_email ?? t.requester_email;
  if (!to) return;
  const thread = await repo.threadMessageIds(trx, t.tenant_id, t.id);
  const first = `<ticket-${t.id}@servicepact>`;
  const references = [first, ...thread.filter((m) => m !== messageId)];
  await enqueueEmail(trx, { tenantId: t.tenant_id, to, subject, text, html: html ?? null, kind, ticketId: t.id, messageId: messageId ?? `<${randomUUID()}@servicepact>`, inReplyTo: references[references.length - 1] ?? null, references });
}

// ---------- comments and calls ----------

type CommentCore = { body: string; html?: string | null; public: boolean; kind: 'comment' | 'call'; source: TicketSource; messageId?: string | null; inReplyTo?: string | null; references?: string | null };

async function commentCore(ctx: AppContext, author: Author, ticket: repo.TicketViewRow, c: CommentCore) {
  const tenantId = ticket.tenant_id;
  const now = ctx.now();
  const settings = await repo.ticketSettings(ctx.db, tenantId);
  const { comment, refresh } = await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.lockTicket(trx, tenantId, ticket.id);
    if (!row) throw notFound('Ticket');
    const history = await repo.listEvents(trx, tenantId, [ticket.id]);
    const events: repo.EventInsert[] = [];
    const ev = (type: string, data: Record<string, unknown> = {}) => events.push({ ticketId: ticket.id, type, at: now, actorUserId: author.userId, actorLabel: author.name, data });
    if (row.status === 'closed') {
      if (settings.comment_on_closed === 'refuse') throw conflict(`${reference(row.number)} is closed; open a new ticket instead`);
      ev('reopened', { by: 'comment' });
      ev('status_changed', { status: REOPEN_STATUS, pausing: settings.pausing_statuses.includes(REOPEN_STATUS), from: 'closed' });
      await repo.updateTicket(trx, tenantId, ticket.id, { status: REOPEN_STATUS, resolved_at: null, closed_at: null }, null, now);
    }
    const messageId = c.messageId ?? (author.staff && c.public && c.kind === 'comment' ? `<comment-${randomUUID()}@servicepact>` : null);
    const comment = await repo.insertComment(trx, tenantId, {
      ticket_id: ticket.id,
      kind: c.kind,
      public: c.public,
      author_user_id: author.userId,
      author_contact_id: author.contactId,
      author_email: author.email,
      author_name: author.name,
      body: c.body,
      body_html: c.html ? sanitizeHtml(c.html) : null,
      source: c.source,
      message_id: messageId,
      in_reply_to: c.inReplyTo ?? null,
      references: c.references ?? null,
      created_at: now,
    });
    ev(c.kind === 'call' ? 'call_logged' : 'comment_added', { commentId: comment.id, public: c.public });
    const answers = author.staff && (c.public || c.kind === 'call');
    if (answers && !history.some((h) => h.type === 'first_public_response')) ev('first_public_response', { commentId: comment.id });
    await repo.insertEvents(trx, tenantId, events);
    const updated = await repo.updateTicket(trx, tenantId, ticket.id, {}, null, now);
    const refresh = await refreshClocks(trx, updated!, await repo.listEvents(trx, tenantId, [ticket.id]), now);
    if (author.staff && c.public && c.kind === 'comment') await notifyRequester(trx, ticket, 'ticket_reply', `[${reference(row.number)}] Re: ${row.subject}`, c.body, messageId ?? undefined);
    return { comment, refresh };
  });
  await afterChange(ctx, tenantId, ticket.id, refresh);
  return comment;
}

export async function addComment(ctx: AppContext, actor: Actor, ticketId: string, input: { body: string; public?: boolean }) {
  const ticket = await getTicketRow(ctx, actor, ticketId);
  if (!policy.canComment(actor)) throw forbidden();
  // Client users' comments are always public.
  const isPublic = actor.kind === 'client' ? true : input.public !== false;
  const c = await commentCore(ctx, authorOf(actor), ticket, { body: input.body, public: isPublic, kind: 'comment', source: actor.kind === 'client' ? 'portal' : actor.via === 'token' ? 'api' : 'staff' });
  return presentComment(c);
}

/** A reply by e-mail on a known ticket: a public comment by the client side. */
export async function addCommentFromEmail(
  ctx: AppContext,
  mail: { tenantId: string; ticketId: string; contactId: string | null; fromEmail: string; fromName?: string; text: string; html?: string | null; attachments?: InboundAttachment[]; messageId?: string | null; inReplyTo?: string | null; references?: string[] | null },
) {
  const ticket = await repo.findTicket(ctx.db, { tenantId: mail.tenantId }, mail.ticketId);
  if (!ticket) throw notFound('Ticket');
  const contact = mail.contactId ? await repo.findContact(ctx.db, mail.tenantId, ticket.client_id, mail.contactId) : undefined;
  const author: Author = { userId: null, contactId: contact?.id ?? null, name: contact?.name ?? mail.fromName ?? mail.fromEmail, email: contact?.email ?? mail.fromEmail, staff: false };
  const c = await commentCore(ctx, author, ticket, { body: mail.text, html: mail.html, public: true, kind: 'comment', source: 'email', messageId: mail.messageId, inReplyTo: mail.inReplyTo, references: mail.references?.join(' ') ?? null });
  for (const a of mail.attachments ?? []) await storeAttachment(ctx.db, mail.tenantId, ticket.id, c.id, true, null, a.filename, a.contentType, a.data);
  return c;
}

export async function addCall(ctx: AppContext, actor: Actor, ticketId: string, note: string) {
  const ticket = await getTicketRow(ctx, actor, ticketId);
  if (!policy.canWrite(actor)) throw forbidden('Only staff log calls');
  // A call is an answer to the client (first response) but its note is internal.
  const c = await commentCore(ctx, authorOf(actor), ticket, { body: note, public: false, kind: 'call', source: actor.via === 'token' ? 'api' : 'staff' });
  return presentComment(c);
}

export async function listComments(ctx: AppContext, actor: Actor, ticketId: string) {
  const ticket = await getTicketRow(ctx, actor, ticketId);
  const rows = await repo.listComments(ctx.db, ticket.tenant_id, ticket.id, actor.kind === 'client');
  return { items: rows.map(presentComment) };
}

// ---------- attachments ----------

async function storeAttachment(db: Db, tenantId: string, ticketId: string, commentId: string | null, isPublic: boolean, userId: string | null, filename: string, contentType: string, data: Buffer) {
  const type = contentType.toLowerCase().split(';')[0]!.trim();
  if (!ATTACHMENT_TYPES.has(type)) throw new AppError('unsupported_media_type', `Files of type ${type} cannot be attached`, { contentType: 'is not an allowed file type' });
  if (data.length > ATTACHMENT_MAX_BYTES) throw new AppError('payload_too_large', `Attachments are limited to ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`, { dataBase64: 'is too large' });
  return repo.insertAttachment(db, tenantId, {
    ticket_id: ticketId,
    comment_id: commentId,
    public: isPublic,
    filename: filename.replace(/[\r\n"\\/]/g, '_'),
    content_type: type,
    size_bytes: data.length,
    sha256: createHash('sha256').update(data).digest('hex'),
    data,
    uploaded_by_user_id: userId,
  });
}

export async function addAttachment(ctx: AppContext, actor: Actor, ticketId: string, input: AttachmentInput) {
  const ticket = await getTicketRow(ctx, actor, ticketId);
  if (!policy.canComment(actor)) throw forbidden();
  if (input.dataBase64.length > Math.ceil((ATTACHMENT_MAX_BYTES * 4) / 3) + 4) throw new AppError('payload_too_large', `Attachments are limited to ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`, { dataBase64: 'is too large' });
  if (!/^[A-Za-z0-9+/\r\n]*={0,2}\s*$/.test(input.dataBase64)) throw invalid({ dataBase64: 'is not base64' });
  const data = Buffer.from(input.dataBase64, 'base64');
  let isPublic = actor.kind === 'client' ? true : (input.public ?? true);
  if (input.commentId) {
    const comments = await repo.listComments(ctx.db, ticket.tenant_id, ticket.id, actor.kind === 'client');
    const c = comments.find((x) => x.id === input.commentId);
    if (!c) throw invalid({ commentId: 'is not a comment of this ticket' });
    isPublic = isPublic && c.public;
  }
  return presentAttachment(await storeAttachment(ctx.db, ticket.tenant_id, ticket.id, input.commentId ?? null, isPublic, actor.userId, input.filename, input.contentType, data));
}

export async function listAttachments(ctx: AppContext, actor: Actor, ticketId: string) {
  const ticket = await getTicketRow(ctx, actor, ticketId);
  return { items: (await repo.listAttachments(ctx.db, ticket.tenant_id, ticket.id, actor.kind === 'client')).map(presentAttachment) };
}

/** The file, only for those who may see the ticket; an internal file is not found for clients. */
export async function getAttachment(ctx: AppContext, actor: Actor, ticketId: string, attachmentId: string) {
  const ticket = await getTicketRow(ctx, actor, ticketId);
  const a = await repo.findAttachment(ctx.db, ticket.tenant_id, ticket.id, attachmentId);
  if (!a || (actor.kind === 'client' && !a.public)) throw notFound('Attachment');
  return a;
}

// ---------- watchers ----------

export async function addWatcher(ctx: AppContext, actor: Actor, ticketId: string, userId: string) {
  const ticket = await getTicketRow(ctx, actor, ticketId);
  if (!policy.canManageWatchers(actor)) throw forbidden();
  const u = await repo.findUser(ctx.db, ticket.tenant_id, userId);
  // Staff, or users of the ticket's own client; a client admin only their client's users.
  if (!u || (u.client_id !== null && u.client_id !== ticket.client_id) || (actor.kind === 'client' && u.client_id !== actor.clientId)) throw invalid({ userId: 'cannot watch this ticket' });
  await repo.addWatcher(ctx.db, ticket.tenant_id, ticket.id, userId);
  return { items: await repo.listWatchers(ctx.db, ticket.tenant_id, ticket.id) };
}

export async function removeWatcher(ctx: AppContext, actor: Actor, ticketId: string, userId: string) {
  const ticket = await getTicketRow(ctx, actor, ticketId);
  if (!policy.canManageWatchers(actor) && userId !== actor.userId) throw forbidden();
  if (actor.kind === 'client' && userId !== actor.userId) {
    const u = await repo.findUser(ctx.db, ticket.tenant_id, userId);
    if (!u || u.client_id !== actor.clientId) throw notFound('Watcher');
  }
  if (!(await repo.removeWatcher(ctx.db, ticket.tenant_id, ticket.id, userId))) throw notFound('Watcher');
}

// ---------- time entries and timers ----------

function coverageCalendar(ticket: TicketRow): BusinessCalendar | null {
  const doc = ticket.targets as TicketTargetsDocument | null;
  if (ticket.no_contract || !doc) return null;
  const id = doc.resolution.calendarId;
  const def = doc.calendars[id];
  return def ? calendarFor(id, def) : null;
}

async function recordTime(ctx: AppContext, actor: Actor, ticket: TicketRow, start: Date, end: Date, note: string, billable: boolean) {
  const split = splitTimeEntry(coverageCalendar(ticket), start, end);
  return repo.insertTimeEntry(ctx.db, ticket.tenant_id, {
    ticket_id: ticket.id,
    user_id: actor.userId,
    started_at: start,
    ended_at: end,
    duration_seconds: split.durationSeconds,
    note,
    billable,
    in_coverage_seconds: split.inCoverageSeconds,
    after_hours_seconds: split.afterHoursSeconds,
  });
}

export async function addTimeEntry(ctx: AppContext, actor: Actor, ticketId: string, input: TimeEntryInput) {
  if (!policy.canLogTime(actor)) throw forbidden('Only staff log time');
  const ticket = await getTicketRow(ctx, actor, ticketId);
  const start = new Date(input.startedAt);
  if ((input.endedAt === undefined) === (input.durationMinutes === undefined)) throw invalid({ endedAt: 'give either endedAt or durationMinutes' });
  const end = input.endedAt ? new Date(input.endedAt) : new Date(start.getTime() + input.durationMinutes! * 60_000);
  if (end.getTime() <= start.getTime()) throw invalid({ endedAt: 'must be after startedAt' });
  if (end.getTime() - start.getTime() > 24 * 3600_000) throw invalid({ endedAt: 'an entry lasts at most 24 hours' });
  return presentTimeEntry(await recordTime(ctx, actor, ticket, start, end, input.note, input.billable));
}

export async function listTimeEntries(ctx: AppContext, actor: Actor, ticketId: string) {
  if (!policy.canSeeTime(actor)) throw forbidden();
  const ticket = await getTicketRow(ctx, actor, ticketId);
  return { items: (await repo.listTimeEntries(ctx.db, ticket.tenant_id, ticket.id)).map(presentTimeEntry) };
}

export async function deleteTimeEntry(ctx: AppContext, actor: Actor, ticketId: string, entryId: string) {
  if (!policy.canLogTime(actor)) throw forbidden();
  const ticket = await getTicketRow(ctx, actor, ticketId);
  const entries = await repo.listTimeEntries(ctx.db, ticket.tenant_id, ticket.id);
  const e = entries.find((x) => x.id === entryId);
  if (!e) throw notFound('Time entry');
  if (e.user_id !== actor.userId && !policy.canManageOthersTime(actor)) throw forbidden('Only your own time entries');
  await repo.deleteTimeEntry(ctx.db, ticket.tenant_id, ticket.id, entryId);
}

export async function startTimer(ctx: AppContext, actor: Actor, ticketId: string) {
  if (!policy.canLogTime(actor)) throw forbidden();
  const ticket = await getTicketRow(ctx, actor, ticketId);
  const running = await repo.findTimer(ctx.db, ticket.tenant_id, actor.userId);
  if (running?.ticket_id === ticket.id) throw conflict('Your timer already runs on this ticket');
  const now = ctx.now();
  // Switching tickets stops the running timer first; its time is logged on its ticket.
  if (running) {
    await repo.stopTimer(ctx.db, ticket.tenant_id, actor.userId);
    const previous = await repo.findTicketRow(ctx.db, ticket.tenant_id, running.ticket_id);
    if (previous) await recordTime(ctx, actor, previous, running.started_at, now < running.started_at ? running.started_at : now, '', true);
  }
  await repo.startTimer(ctx.db, ticket.tenant_id, actor.userId, ticket.id, now);
  return { ticketId: ticket.id, startedAt: now.toISOString() };
}

export async function stopTimer(ctx: AppContext, actor: Actor, ticketId: string) {
  if (!policy.canLogTime(actor)) throw forbidden();
  const ticket = await getTicketRow(ctx, actor, ticketId);
  const running = await repo.findTimer(ctx.db, ticket.tenant_id, actor.userId);
  if (!running || running.ticket_id !== ticket.id) throw conflict('No timer of yours runs on this ticket');
  await repo.stopTimer(ctx.db, ticket.tenant_id, actor.userId);
  const end = ctx.now();
  return presentTimeEntry(await recordTime(ctx, actor, ticket, running.started_at, end < running.started_at ? running.started_at : end, '', true));
}

// ---------- settings ----------

const presentSettings = (s: Awaited<ReturnType<typeof repo.ticketSettings>>) => ({
  pausingStatuses: s.pausing_statuses,
  commentOnClosed: s.comment_on_closed,
  unknownSenders: s.unknown_senders,
  supportAddress: s.support_address,
  escalationUserId: s.escalation_user_id,
});

export async function getTicketSettings(ctx: AppContext, actor: Actor) {
  if (!policy.canConfigure(actor, 'read')) throw forbidden();
  return presentSettings(await repo.ticketSettings(ctx.db, actor.tenantId));
}

export async function updateTicketSettings(ctx: AppContext, actor: Actor, input: TicketSettingsInput) {
  if (!policy.canConfigure(actor, 'write')) throw forbidden('Only owners and admins change ticket settings');
  const tenantId = actor.tenantId;
  if (input.supportAddress && (await repo.supportAddressTaken(ctx.db, input.supportAddress, tenantId))) throw conflict('Another organisation uses this support address', { supportAddress: 'is already used' });
  if (input.escalationUserId) {
    const u = await repo.findUser(ctx.db, tenantId, input.escalationUserId);
    if (!u || u.client_id !== null) throw invalid({ escalationUserId: 'is not a staff member of this organisation' });
  }
  await repo.updateTicketSettings(ctx.db, tenantId, {
    pausing_statuses: input.pausingStatuses,
    comment_on_closed: input.commentOnClosed,
    unknown_senders: input.unknownSenders,
    support_address: input.supportAddress === undefined ? undefined : (input.supportAddress?.toLowerCase() ?? null),
    escalation_user_id: input.escalationUserId,
  });
  return getTicketSettings(ctx, actor);
}

