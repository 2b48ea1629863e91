import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../../db/database';
import type { ClockName, TicketAttachmentRow, TicketCommentRow, TicketRow, TicketSource, TicketStatus, TimeEntryRow } from '../../db/schema';
import type { ClockColumns } from '../../domain/tickets';
import type { Cursor } from '../../http/pagination';

/**
 * Who may see which tickets (rule 8): staff the whole tenant; a client admin their client's;
 * a client user the tickets they requested or watch. Every read takes one.
 */
export type TicketScope = { tenantId: string; clientId?: string; requesterOrWatcher?: string };

export type TicketViewRow = TicketRow & {
  client_name: string;
  site_name: string | null;
  contact_name: string | null;
  contact_email: string | null;
  requester_name: string | null;
  requester_email: string | null;
  catalog_item_name: string | null;
  assignee_name: string | null;
  sort_key: string;
};

export type TicketSort = 'due' | 'created' | 'number';

const sortKey = (sort: TicketSort) =>
  sort === 'number'
    ? sql<string>`t.number::text`
    : sort === 'created'
      ? sql<string>`((extract(epoch from t.created_at) * 1000000)::bigint)::text`
      : sql<string>`coalesce(((extract(epoch from t.next_due_at) * 1000000)::bigint)::text, '')`;

function selectTickets(db: Db, scope: TicketScope, sort: TicketSort = 'created') {
  let q = db
    .selectFrom('tickets as t')
    .innerJoin('clients as c', (j) => j.onRef('c.tenant_id', '=', 't.tenant_id').onRef('c.id', '=', 't.client_id'))
    .leftJoin('sites as s', (j) => j.onRef('s.tenant_id', '=', 't.tenant_id').onRef('s.id', '=', 't.site_id'))
    .leftJoin('contacts as k', (j) => j.onRef('k.tenant_id', '=', 't.tenant_id').onRef('k.id', '=', 't.requester_contact_id'))
    .leftJoin('users as r', (j) => j.onRef('r.tenant_id', '=', 't.tenant_id').onRef('r.id', '=', 't.requester_user_id'))
    .leftJoin('catalog_items as i', (j) => j.onRef('i.tenant_id', '=', 't.tenant_id').onRef('i.id', '=', 't.catalog_item_id'))
    .leftJoin('users as a', (j) => j.onRef('a.tenant_id', '=', 't.tenant_id').onRef('a.id', '=', 't.assignee_id'))
    .selectAll('t')
    .select([
      'c.name as client_name',
      's.name as site_name',
      'k.name as contact_name',
      'k.email as contact_email',
      'r.name as requester_name',
      'r.email as requester_email',
      'i.name as catalog_item_name',
      'a.name as assignee_name',
      sortKey(sort).as('sort_key'),
    ])
    .where('t.tenant_id', '=', scope.tenantId);
  if (scope.clientId) q = q.where('t.client_id', '=', scope.clientId);
  if (scope.requesterOrWatcher) {
    const userId = scope.requesterOrWatcher;
    q = q.where((eb) =>
      eb.or([
        eb('t.requester_user_id', '=', userId),
        eb.exists(eb.selectFrom('ticket_watchers as w').select('w.user_id').whereRef('w.tenant_id', '=', 't.tenant_id').whereRef('w.ticket_id', '=', 't.id').where('w.user_id', '=', userId)),
      ]),
    );
  }
  return q;
}

export async function findTicket(db: Db, scope: TicketScope, id: string): Promise<TicketViewRow | undefined> {
  return (await selectTickets(db, scope).where('t.id', '=', id).executeTakeFirst()) as TicketViewRow | undefined;
}

export async function findTicketByNumber(db: Db, tenantId: string, number: number): Promise<TicketRow | undefined> {
  return db.selectFrom('tickets').selectAll().where('tenant_id', '=', tenantId).where('number', '=', number).executeTakeFirst();
}

/** Locks the ticket row for the rest of the transaction: clock refreshes of one ticket queue. */
export async function lockTicket(db: Db, tenantId: string, id: string): Promise<TicketRow | undefined> {
  return db.selectFrom('tickets').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().executeTakeFirst();
}

export type TicketFilter = {
  status?: TicketStatus[];
  open?: boolean;
  clientId?: string;
  assigneeId?: string | null;
  priority?: string;
  planId?: string;
  q?: string;
  mine?: string; // a user id: assigned to, requested by or watched by
  risk?: 'breached' | 'at_risk';
  now: Date;
};

/** Keyset condition for the row after the cursor; the cursor's key is the sort_key text. */
function afterCursor(sort: TicketSort, column: RawBuilder<unknown>, order: 'asc' | 'desc', after: Cursor) {
  const cmp = order === 'asc' ? sql.raw('>') : sql.raw('<');
  const raw = String(after.k ?? '');
  if (sort === 'number') return sql<SqlBool>`(${column}, t.id) ${cmp} (${Number(raw)}::integer, ${after.id}::uuid)`;
  // sort_key carries instants as whole microseconds since the epoch, exact in integer arithmetic.
  const at = sql`(timestamptz 'epoch' + ${raw}::bigint * interval '1 microsecond')`;
  if (sort === 'created' || raw !== '') {
    const beyond = sql<SqlBool>`(${column}, t.id) ${cmp} (${at}, ${after.id}::uuid)`;
    // Ascending by due, the tickets without a due instant come after every dated one.
    return sort === 'due' && order === 'asc' ? sql<SqlBool>`(${beyond} or t.next_due_at is null)` : beyond;
  }
  // The cursor sits among the tickets without a due instant.
  return order === 'asc'
    ? sql<SqlBool>`(t.next_due_at is null and t.id > ${after.id}::uuid)`
    : sql<SqlBool>`((t.next_due_at is null and t.id < ${after.id}::uuid) or t.next_due_at is not null)`;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, '\\$&');

export async function listTickets(db: Db, scope: TicketScope, f: TicketFilter, sort: TicketSort, order: 'asc' | 'desc', limit: number, after?: Cursor): Promise<TicketViewRow[]> {
  let q = selectTickets(db, scope, sort);
  if (f.status?.length) q = q.where('t.status', 'in', f.status);
  if (f.clientId) q = q.where('t.client_id', '=', f.clientId);
  if (f.assigneeId !== undefined) q = f.assigneeId === null ? q.where('t.assignee_id', 'is', null) : q.where('t.assignee_id', '=', f.assigneeId);
  if (f.priority) q = q.where('t.priority', '=', f.priority);
  if (f.planId) q = q.where(sql<SqlBool>`t.targets->>'planId' = ${f.planId}` as Expression<SqlBool>);
  if (f.q) {
    const pattern = `%${escapeLike(f.q.toLowerCase())}%`;
    const n = /^t?-?(\d+)$/i.exec(f.q.trim());
    q = q.where((eb) => eb.or([eb(sql`lower(t.subject)`, 'like', pattern), ...(n ? [eb('t.number', '=', Number(n[1]))] : [])]));
  }
  if (f.mine) {
    const me = f.mine;
    q = q.where((eb) =>
      eb.or([
        eb('t.assignee_id', '=', me),
        eb('t.requester_user_id', '=', me),
        eb.exists(eb.selectFrom('ticket_watchers as w').select('w.user_id').whereRef('w.tenant_id', '=', 't.tenant_id').whereRef('w.ticket_id', '=', 't.id').where('w.user_id', '=', me)),
      ]),
    );
  }
  const now = f.now;
  // A clock is breached when stored so, or when it runs (or has not started) past its due
  // instant; a paused clock's stored due instant is a projection and does not count.
  const breached = sql<SqlBool>`(t.response_state = 'breached' or t.resolution_state = 'breached'
    or (t.response_state in ('running', 'not_started') and t.response_due_at <= ${now})
    or (t.resolution_state in ('running', 'not_started') and t.resolution_due_at <= ${now}))`;
  if (f.risk === 'breached') q = q.where(breached as Expression<SqlBool>);
  if (f.risk === 'at_risk') q = q.where(sql<SqlBool>`t.at_risk_at <= ${now} and not ${breached}` as Expression<SqlBool>);
  // Order by the plain columns so the board indexes give the order: a page reads ~limit index
  // entries instead of sorting every open ticket. A missing due instant sorts as the latest
  // (PostgreSQL puts nulls last ascending and first descending, which is exactly that).
  const column = sort === 'number' ? sql`t.number` : sort === 'created' ? sql`t.created_at` : sql`t.next_due_at`;
  if (after) q = q.where(afterCursor(sort, column, order, after) as Expression<SqlBool>);
  return (await q.orderBy(column, order).orderBy('t.id', order).limit(limit + 1).execute()) as TicketViewRow[];
}

/** Those of `clientIds` that are clients of the tenant, each with the tenant's pact version, in one query. */
export async function clientsForIntake(db: Db, tenantId: string, clientIds: readonly string[]) {
  if (!clientIds.length) return [];
  return db
    .selectFrom('clients as c')
    .innerJoin('tenants as t', 't.id', 'c.tenant_id')
    .select(['c.id', 't.pact_version'])
    .where('c.tenant_id', '=', tenantId)
    .where('c.id', 'in', clientIds)
    .execute();
}

export async function pactVersion(db: Db, tenantId: string): Promise<string> {
  return (await db.selectFrom('tenants').select('pact_version').where('id', '=', tenantId).executeTakeFirstOrThrow()).pact_version;
}

/**
 * Takes the tenant's next `count` ticket numbers (returns the first) in a statement of its own, committed without waiting for
 * the disk: the counter row stays locked until commit, and a synchronous commit would make every
 * ticket of the tenant queue behind the one before's disk flush. Nothing is lost by it: the
 * ticket that uses the number commits synchronously later, and flushing its commit flushes the
 * counter's too. A number taken by a ticket that then fails to insert is a gap.
 */
export async function nextTicketNumbers(db: Db, tenantId: string, count: number): Promise<number> {
  const r = await sql<{ next_number: number }>`
    insert into ticket_counters (tenant_id, next_number)
    select ${tenantId}::uuid, ${count + 1}::int from (select set_config('synchronous_commit', 'off', true)) as async_commit
    on conflict (tenant_id) do update set next_number = ticket_counters.next_number + ${count}::int
    returning next_number`.execute(db);
  return r.rows[0]!.next_number - count;
}

export type NewTicket = {
  number: number;
  client_id: string;
  site_id: string | null;
  requester_contact_id: string | null;
  requester_user_id: string | null;
  catalog_item_id: string | null;
  contract_id: string | null;
  subject: string;
  description: string;
  urgency: string;
  impact: string;
  priority: string;
  priority_override_reason: string | null;
  delivery_mode: 'remote' | 'onsite';
  tags: string[];
  source: TicketSource;
  no_contract: boolean;
  targets: unknown;
  created_at: Date;
};

/**
 * New tickets with their clock columns, `created` events and first clock events, in one
 * statement: atomic without a transaction, and one round trip for the busiest write there is.
 */
export async function insertNewTickets(
  db: Db,
  tenantId: string,
  tickets: ReadonlyArray<{ ticket: NewTicket & { id: string; clocks: ClockColumns | null }; created: Omit<EventInsert, 'ticketId'>; clockEvents: ClockEventInsert[] }>,
): Promise<TicketRow[]> {
  const ticketRows = tickets.map(({ ticket: { clocks, ...t } }) => ({ ...t, ...clocks, tenant_id: tenantId, targets: t.targets === null ? null : JSON.stringify(t.targets), updated_at: t.created_at }));
  const eventRows = tickets.map(({ ticket: t, created: e }) => ({ tenant_id: tenantId, ticket_id: t.id, type: e.type, at: e.at, actor_user_id: e.actorUserId, actor_label: e.actorLabel, data: JSON.stringify(e.data ?? {}) }));
  const clockRows = tickets.flatMap(({ ticket: t, clockEvents }) =>
    clockEvents.map((e) => ({ tenant_id: tenantId, ticket_id: t.id, clock: e.clock, type: e.type, at: e.at, percent: e.percent, reason: e.reason, data: JSON.stringify(e.data), target_generation: 0 })),
  );
  const withEvents = db.with('t', (q) => q.insertInto('tickets').values(ticketRows).returningAll()).with('e', (q) => q.insertInto('ticket_events').values(eventRows));
  const statement = clockRows.length ? withEvents.with('c', (q) => q.insertInto('clock_events').values(clockRows)) : withEvents;
  const rows = await statement.selectFrom('t').selectAll().execute();
  // In the order given (a CTE's rows come back in no promised order).
  const byId = new Map(rows.map((r) => [r.id, r]));
  return tickets.map(({ ticket }) => byId.get(ticket.id)!);
}

export type TicketPatch = Partial<{
  subject: string;
  description: string;
  urgency: string;
  impact: string;
  priority: string;
  priority_override_reason: string | null;
  catalog_item_id: string | null;
  delivery_mode: 'remote' | 'onsite';
  status: TicketStatus;
  assignee_id: string | null;
  tags: string[];
  targets: unknown;
  resolved_at: Date | null;
  closed_at: Date | null;
  bump_generation: boolean;
}>;

/** Applies a change and bumps the version; undefined when `expectedVersion` is stale. */
export async function updateTicket(db: Db, tenantId: string, id: string, patch: TicketPatch, expectedVersion: number | null, at: Date): Promise<TicketRow | undefined> {
  const { targets, bump_generation, tags, ...rest } = patch;
  let q = db
    .updateTable('tickets')
    .set((eb) => ({
      ...rest,
      ...(tags !== undefined ? { tags: sql<string[]>`${sql.val(tags)}::text[]` } : {}),
      ...(targets !== undefined ? { targets: JSON.stringify(targets) } : {}),
      ...(bump_generation ? { target_generation: eb('target_generation', '+', 1) } : {}),
      updated_at: at,
      version: eb('version', '+', 1),
    }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id);
  if (expectedVersion !== null) q = q.where('version', '=', expectedVersion);
  return q.returningAll().executeTakeFirst();
}

export async function writeClockColumns(db: Db, tenantId: string, id: string, cols: ClockColumns | null): Promise<void> {
  const values = cols ?? {
    response_state: null,
    response_due_at: null,
    response_completed_at: null,
    resolution_state: null,
    resolution_due_at: null,
    resolution_completed_at: null,
    next_due_at: null,
    next_threshold_at: null,
    at_risk_at: null,
  };
  await db.updateTable('tickets').set(values).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

// ---------- history and clock events ----------

export type EventInsert = { ticketId: string; type: string; at: Date; actorUserId: string | null; actorLabel: string; data?: Record<string, unknown> };

export async function insertEvents(db: Db, tenantId: string, events: EventInsert[]): Promise<void> {
  if (!events.length) return;
  await db
    .insertInto('ticket_events')
    .values(events.map((e) => ({ tenant_id: tenantId, ticket_id: e.ticketId, type: e.type, at: e.at, actor_user_id: e.actorUserId, actor_label: e.actorLabel, data: JSON.stringify(e.data ?? {}) })))
    .execute();
}

export async function listEvents(db: Db, tenantId: string, ticketIds: readonly string[]) {
  if (!ticketIds.length) return [];
  return db.selectFrom('ticket_events').select(['ticket_id', 'id', 'type', 'at', 'actor_label', 'data']).where('tenant_id', '=', tenantId).where('ticket_id', 'in', ticketIds).orderBy('at').orderBy('id').execute();
}

export type ClockEventInsert = { clock: ClockName; type: string; at: Date; percent: number | null; reason: string | null; data: Record<string, unknown> };

/** Insert-only; an event already recorded (same clock, type, instant and percent) is skipped. Returns how many were new. */
export async function insertClockEvents(db: Db, tenantId: string, ticketId: string, generation: number, events: ClockEventInsert[]): Promise<number> {
  if (!events.length) return 0;
  const rows = await db
    .insertInto('clock_events')
    .values(events.map((e) => ({ tenant_id: tenantId, ticket_id: ticketId, clock: e.clock, type: e.type, at: e.at, percent: e.percent, reason: e.reason, data: JSON.stringify(e.data), target_generation: generation })))
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .execute();
  return rows.length;
}

// ---------- comments ----------

export type NewComment = Omit<TicketCommentRow, 'tenant_id' | 'id' | 'created_at' | 'kind'> & { kind: 'comment' | 'call'; created_at: Date };

export async function insertComment(db: Db, tenantId: string, c: NewComment): Promise<TicketCommentRow> {
  return db
    .insertInto('ticket_comments')
    .values({ ...c, tenant_id: tenantId })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listComments(db: Db, tenantId: string, ticketId: string, publicOnly: boolean): Promise<TicketCommentRow[]> {
  let q = db.selectFrom('ticket_comments').selectAll().where('tenant_id', '=', tenantId).where('ticket_id', '=', ticketId);
  if (publicOnly) q = q.where('public', '=', true);
  return q.orderBy('created_at').orderBy('id').execute();
}

export async function hasPublicStaffComment(db: Db, tenantId: string, ticketId: string): Promise<boolean> {
  const row = await db.selectFrom('ticket_events').select('id').where('tenant_id', '=', tenantId).where('ticket_id', '=', ticketId).where('type', '=', 'first_public_response').executeTakeFirst();
  return !!row;
}

/** The Message-IDs of the ticket's comments and sent mail, oldest first: the thread's References. */
export async function threadMessageIds(db: Db, tenantId: string, ticketId: string): Promise<string[]> {
  const rows = await db.selectFrom('ticket_comments').select('message_id').where('tenant_id', '=', tenantId).where('ticket_id', '=', ticketId).where('message_id', 'is not', null).orderBy('created_at').execute();
  return rows.map((r) => r.message_id!).filter(Boolean);
}

// ---------- attachments ----------

export type AttachmentMeta = Omit<TicketAttachmentRow, 'data'>;

export async function insertAttachment(db: Db, tenantId: string, a: Omit<TicketAttachmentRow, 'tenant_id' | 'id' | 'created_at'>): Promise<AttachmentMeta> {
  return db
    .insertInto('ticket_attachments')
    .values({ ...a, tenant_id: tenantId })
    .returning(['tenant_id', 'id', 'ticket_id', 'comment_id', 'public', 'filename', 'content_type', 'size_bytes', 'sha256', 'uploaded_by_user_id', 'created_at'])
    .executeTakeFirstOrThrow();
}

const META = ['tenant_id', 'id', 'ticket_id', 'comment_id', 'public', 'filename', 'content_type', 'size_bytes', 'sha256', 'uploaded_by_user_id', 'created_at'] as const;

/** Never selects the bytes. */
export async function listAttachments(db: Db, tenantId: string, ticketId: string, publicOnly: boolean): Promise<AttachmentMeta[]> {
  let q = db.selectFrom('ticket_attachments').select(META).where('tenant_id', '=', tenantId).where('ticket_id', '=', ticketId);
  if (publicOnly) q = q.where('public', '=', true);
  return q.orderBy('created_at').execute();
}

export async function findAttachment(db: Db, tenantId: string, ticketId: string, id: string): Promise<TicketAttachmentRow | undefined> {
  return db.selectFrom('ticket_attachments').selectAll().where('tenant_id', '=', tenantId).where('ticket_id', '=', ticketId).where('id', '=', id).executeTakeFirst();
}

// ---------- watchers ----------

export async function listWatchers(db: Db, tenantId: string, ticketId: string) {
  return db
    .selectFrom('ticket_watchers as w')
    .innerJoin('users as u', (j) => j.onRef('u.tenant_id', '=', 'w.tenant_id').onRef('u.id', '=', 'w.user_id'))
    .select(['u.id', 'u.name', 'u.email'])
    .where('w.tenant_id', '=', tenantId)
    .where('w.ticket_id', '=', ticketId)
    .orderBy('u.name')
    .execute();
}

export async function addWatcher(db: Db, tenantId: string, ticketId: string, userId: string): Promise<void> {
  await db.insertInto('ticket_watchers').values({ tenant_id: tenantId, ticket_id: ticketId, user_id: userId }).onConflict((oc) => oc.doNothing()).execute();
}

export async function removeWatcher(db: Db, tenantId: string, ticketId: string, userId: string): Promise<boolean> {
  const r = await db.deleteFrom('ticket_watchers').where('tenant_id', '=', tenantId).where('ticket_id', '=', ticketId).where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function findUser(db: Db, tenantId: string, userId: string) {
  return db.selectFrom('users').select(['id', 'name', 'email', 'role', 'client_id', 'status']).where('tenant_id', '=', tenantId).where('id', '=', userId).executeTakeFirst();
}

export async function contactOfUser(db: Db, tenantId: string, userId: string) {
  return db.selectFrom('contacts').select(['id', 'name', 'email']).where('tenant_id', '=', tenantId).where('user_id', '=', userId).executeTakeFirst();
}

export async function findContact(db: Db, tenantId: string, clientId: string, contactId: string) {
  return db.selectFrom('contacts').select(['id', 'name', 'email', 'user_id']).where('tenant_id', '=', tenantId).where('client_id', '=', clientId).where('id', '=', contactId).executeTakeFirst();
}

// ---------- time entries and timers ----------

export async function insertTimeEntry(db: Db, tenantId: string, e: Omit<TimeEntryRow, 'tenant_id' | 'id' | 'created_at'>): Promise<TimeEntryRow> {
  return db.insertInto('time_entries').values({ ...e, tenant_id: tenantId }).returningAll().executeTakeFirstOrThrow();
}

export async function listTimeEntries(db: Db, tenantId: string, ticketId: string) {
  return db
    .selectFrom('time_entries as e')
    .innerJoin('users as u', (j) => j.onRef('u.tenant_id', '=', 'e.tenant_id').onRef('u.id', '=', 'e.user_id'))
    .selectAll('e')
    .select('u.name as user_name')
    .where('e.tenant_id', '=', tenantId)
    .where('e.ticket_id', '=', ticketId)
    .orderBy('e.started_at')
    .execute();
}

export async function deleteTimeEntry(db: Db, tenantId: string, ticketId: string, id: string): Promise<TimeEntryRow | undefined> {
  return db.deleteFrom('time_entries').where('tenant_id', '=', tenantId).where('ticket_id', '=', ticketId).where('id', '=', id).returningAll().executeTakeFirst();
}

export async function findTimer(db: Db, tenantId: string, userId: string) {
  return db.selectFrom('running_timers').selectAll().where('tenant_id', '=', tenantId).where('user_id', '=', userId).executeTakeFirst();
}

export async function startTimer(db: Db, tenantId: string, userId: string, ticketId: string, at: Date): Promise<void> {
  await db.insertInto('running_timers').values({ tenant_id: tenantId, user_id: userId, ticket_id: ticketId, started_at: at }).execute();
}

export async function stopTimer(db: Db, tenantId: string, userId: string) {
  return db.deleteFrom('running_timers').where('tenant_id', '=', tenantId).where('user_id', '=', userId).returningAll().executeTakeFirst();
}

// ---------- tenant settings ----------

export async function ticketSettings(db: Db, tenantId: string) {
  return db
    .selectFrom('tenants')
    .select(['name', 'pausing_statuses', 'comment_on_closed', 'unknown_senders', 'support_address', 'escalation_user_id', 'version'])
    .where('id', '=', tenantId)
    .executeTakeFirstOrThrow();
}

export async function updateTicketSettings(
  db: Db,
  tenantId: string,
  patch: Partial<{ pausing_statuses: string[]; comment_on_closed: 'reopen' | 'refuse'; unknown_senders: 'triage' | 'refuse'; support_address: string | null; escalation_user_id: string | null }>,
): Promise<void> {
  const { pausing_statuses, ...rest } = patch;
  await db
    .updateTable('tenants')
    .set((eb) => ({ ...rest, ...(pausing_statuses ? { pausing_statuses: sql<string[]>`${sql.val(pausing_statuses)}::text[]` } : {}), version: eb('version', '+', 1) }))
    .where('id', '=', tenantId)
    .execute();
}

export async function supportAddressTaken(db: Db, address: string, exceptTenant: string): Promise<boolean> {
  return !!(await db.selectFrom('tenants').select('id').where(sql`lower(support_address)`, '=', address.toLowerCase()).where('id', '<>', exceptTenant).executeTakeFirst());
}

export async function findTicketRow(db: Db, tenantId: string, id: string): Promise<TicketRow | undefined> {
  return db.selectFrom('tickets').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function ticketVersion(db: Db, tenantId: string, ticketId: string): Promise<number | undefined> {
  const row = await db.selectFrom('tickets').select('version').where('tenant_id', '=', tenantId).where('id', '=', ticketId).executeTakeFirst();
  return row?.version;
}
