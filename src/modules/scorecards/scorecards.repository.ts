import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database';
import type { ScorecardRow } from '../../db/schema';
import type { CalendarDefinition } from '../../domain/calendar';
import type { ScorecardDocument } from '../../domain/goals/goal-types';
import type { ContractTerms } from '../../domain/pact/pact-types';
import type { Scope } from '../../http/actor';
import type { CsatFactRow } from '../satisfaction/csat-facts';

/**
 * Everything a scorecard reads and writes. Every query takes the tenant; reads a client user can
 * reach take the client too (Scope). Loads for an evaluation are set-based: one statement per
 * kind of row for a whole batch of contracts, never one per ticket.
 */

const STAFF_ROLES = ['owner', 'admin', 'dispatcher', 'technician', 'account_manager'] as const;

// ---------- contracts and their terms ----------

export type ContractHead = {
  tenant_id: string;
  id: string;
  client_id: string;
  client_name: string;
  name: string;
  status: 'draft' | 'active' | 'ended';
  starts_at: Date;
  ends_at: Date | null;
};

function selectContractHeads(db: Db, tenantId: string) {
  return db
    .selectFrom('contracts as k')
    .innerJoin('clients as c', (j) => j.onRef('c.tenant_id', '=', 'k.tenant_id').onRef('c.id', '=', 'k.client_id'))
    .select(['k.tenant_id', 'k.id', 'k.client_id', 'c.name as client_name', 'k.name', 'k.status', 'k.starts_at', 'k.ends_at'])
    .where('k.tenant_id', '=', tenantId);
}

/** The contract, within the caller's tenant and (for client users) client; undefined otherwise. */
export async function findContract(db: Db, scope: Scope, id: string): Promise<ContractHead | undefined> {
  let q = selectContractHeads(db, scope.tenantId).where('k.id', '=', id);
  if (scope.clientId) q = q.where('k.client_id', '=', scope.clientId);
  return q.executeTakeFirst();
}

export type ContractWithZone = ContractHead & { zone: string | null };

/**
 * Activated contracts (active, or ended) whose period may overlap [from, to): candidates for a
 * month close. Callers pass bounds widened by a day so that every time zone's month is covered,
 * and check the exact bounds in the contract's zone: the zone of the calendar of its latest
 * accepted terms (null without accepted terms or calendar), read in the database so that a period
 * close that finds nothing to do never loads the terms themselves.
 */
export async function contractZonesOverlapping(db: Db, from: Date, to: Date, tenantIds?: readonly string[]): Promise<ContractWithZone[]> {
  const r = await sql<ContractWithZone>`
    select k.tenant_id, k.id, k.client_id, c.name as client_name, k.name, k.status, k.starts_at, k.ends_at, cal.definition->>'timeZone' as zone
    from contracts k
    join clients c on c.tenant_id = k.tenant_id and c.id = k.client_id
    left join lateral (
      select a.terms->>'calendarId' as calendar_id from amendments a
      where a.tenant_id = k.tenant_id and a.contract_id = k.id and a.status = 'accepted' and a.in_force_from is not null
      order by a.number desc limit 1
    ) a on true
    left join calendars cal on cal.tenant_id = k.tenant_id and cal.id::text = a.calendar_id
    where k.status in ('active', 'ended') and k.starts_at < ${to} and (k.ends_at is null or k.ends_at > ${from})
      ${tenantIds ? sql`and k.tenant_id = any(${sql.val([...tenantIds])}::uuid[])` : sql``}
    order by k.tenant_id, k.id`.execute(db);
  return r.rows.map((x) => ({ ...x, starts_at: new Date(x.starts_at), ends_at: x.ends_at ? new Date(x.ends_at) : null }));
}

export type TermsRow = { contract_id: string; number: number; in_force_from: Date; terms: ContractTerms; calendar: CalendarDefinition | null };

/** The accepted amendments of the contracts (their terms history), oldest first, each with the definition of its terms' calendar. */
export async function acceptedTerms(db: Db, tenantId: string, contractIds: readonly string[]): Promise<TermsRow[]> {
  if (!contractIds.length) return [];
  const r = await sql<TermsRow>`
    select a.contract_id, a.number, a.in_force_from, a.terms, cal.definition as calendar
    from amendments a
    left join calendars cal on cal.tenant_id = a.tenant_id and cal.id::text = a.terms->>'calendarId'
    where a.tenant_id = ${tenantId} and a.contract_id = any(${sql.val([...contractIds])}::uuid[]) and a.status = 'accepted' and a.in_force_from is not null
    order by a.contract_id, a.number`.execute(db);
  return r.rows.map((x) => ({ ...x, in_force_from: new Date(x.in_force_from), number: Number(x.number) }));
}

/** A draft contract's terms (null once activated). */
export async function draftTerms(db: Db, tenantId: string, contractId: string): Promise<ContractTerms | null> {
  const row = await db.selectFrom('contracts').select('draft_terms').where('tenant_id', '=', tenantId).where('id', '=', contractId).executeTakeFirst();
  return row?.draft_terms ?? null;
}

export async function tenantIdBySlug(db: Db, slug: string): Promise<string | undefined> {
  return (await db.selectFrom('tenants').select('id').where('slug', '=', slug).executeTakeFirst())?.id;
}

export async function tenantName(db: Db, tenantId: string): Promise<string> {
  return (await db.selectFrom('tenants').select('name').where('id', '=', tenantId).executeTakeFirstOrThrow()).name;
}

// ---------- the tickets behind a scorecard ----------

/**
 * The window of tickets one contract's evaluation reads: created before `to`, not resolved before
 * `from`; `created` narrows it to tickets created in [from, to) of its own (null: unbounded), so
 * that a window can be read in parts.
 */
export type TicketWindow = { contractId: string; from: Date; to: Date; created?: { from: Date | null; to: Date | null } };

export type ScorecardTicketRow = {
  id: string;
  contract_id: string;
  number: number;
  subject: string;
  created_at: Date;
  priority: string;
  site_id: string | null;
  delivery_mode: 'remote' | 'onsite';
  /** What targetsFor gave the ticket (TicketTargetsDocument), null without a contract; shared by tickets with the same document. */
  targets: Record<string, unknown> | null;
  category: string | null;
};

/** A stored history row as ticket facts read it. */
export type StoredEvent = { type: string; at: Date; data: Record<string, unknown> };
export type TimeEntryData = { startedAt: Date; endedAt: Date; billable: boolean; inCoverageSeconds: number; afterHoursSeconds: number };

/**
 * What an evaluation reads of the tickets of its windows, per ticket: the history up to the
 * window's end in time order, staff's public replies up to it, time entries started in it.
 */
export type WindowData = {
  tickets: ScorecardTicketRow[];
  events: Map<string, StoredEvent[]>;
  replies: Map<string, Date[]>;
  timeEntries: Map<string, TimeEntryData[]>;
};

function pushTo<T>(m: Map<string, T[]>, key: string, value: T): void {
  const list = m.get(key);
  if (list) list.push(value);
  else m.set(key, [value]);
}

/** The history rows ticket facts and clocks read (src/domain/metrics/ticket-facts.ts, src/domain/tickets); the rest is left in the database. */
export const FACT_EVENT_TYPES = ['created', 'status_changed', 'target_changed', 'first_public_response', 'resolved', 'reopened'] as const;

// Per-ticket reads go ticket by ticket through a lateral subquery with a limit, which the planner
// cannot flatten: each ticket is one probe of the (tenant_id, ticket_id, instant) index, however
// fresh the table's statistics are. A plain `ticket_id = any($ids)` with a range on the instant
// may otherwise be planned as a scan of the tenant's whole history.
const PER_TICKET_LIMIT = 100_000;

/**
 * Runs `read` with PostgreSQL's JIT compilation off. Without fresh statistics the planner
 * overestimates the per-ticket probes and compiles the query, which costs more than the probes.
 */
async function withoutJit<T>(db: Db, read: (db: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) {
    await sql`set local jit = off`.execute(db);
    return read(db);
  }
  return db.transaction().execute(async (trx) => {
    await sql`set local jit = off`.execute(trx);
    return read(trx);
  });
}

const epochMs = (column: RawBuilder<unknown>) => sql`floor(extract(epoch from ${column}) * 1000)::bigint`;

/**
 * Everything the windows' tickets contribute, in one statement: the tickets of each window (of
 * the contract, created before the window's end, open or resolved at or after its start;
 * resolution_completed_at is the last resolution, a reopened ticket has none) through the
 * tickets_contract index; their history (the fact event types) up to the window's end; staff's
 * public replies and calls; time entries started in the window. Sent as JSON values (instants in
 * epoch milliseconds), each distinct targets document once: thousands of small rows cost more to
 * ship and parse one by one than the work of finding them. (Two different targets documents with the
 * same 64-bit hash would share one: with a contract's few hundred documents, about 1 in 10^13.)
 */
export async function windowData(db: Db, tenantId: string, windows: readonly TicketWindow[]): Promise<WindowData> {
  if (!windows.length) return { tickets: [], events: new Map(), replies: new Map(), timeEntries: new Map() };
  const ids = windows.map((w) => w.contractId);
  const froms = windows.map((w) => w.from.toISOString());
  const tos = windows.map((w) => w.to.toISOString());
  const createdFrom = windows.map((w) => w.created?.from?.toISOString() ?? null);
  const createdTo = windows.map((w) => w.created?.to?.toISOString() ?? null);
  const r = await withoutJit(db, (x) =>
    sql<{ tickets: string; docs: string; events: string; replies: string; entries: string }>`
      with tk as materialized (
        select t.id, t.contract_id, t.number, t.subject, t.created_at, t.priority, t.site_id, t.delivery_mode, t.targets,
          -- tickets share targets documents: each distinct one is sent once, keyed by its 64-bit hash
          jsonb_hash_extended(t.targets, 0)::text as tkey, i.category, w.from_at, w.to_at
        from unnest(${sql.val(ids)}::uuid[], ${sql.val(froms)}::timestamptz[], ${sql.val(tos)}::timestamptz[], ${sql.val(createdFrom)}::timestamptz[], ${sql.val(createdTo)}::timestamptz[])
          as w(contract_id, from_at, to_at, created_from, created_to)
        join tickets t on t.tenant_id = ${tenantId} and t.contract_id = w.contract_id and t.created_at < w.to_at
          and t.created_at >= coalesce(w.created_from, '-infinity') and t.created_at < coalesce(w.created_to, 'infinity')
          and (t.resolution_completed_at is null or t.resolution_completed_at >= w.from_at)
        left join catalog_items i on i.tenant_id = t.tenant_id and i.id = t.catalog_item_id
      )
      select
        (select coalesce(json_agg(json_build_array(tk.id, tk.contract_id, tk.number, tk.subject, ${epochMs(sql`tk.created_at`)}, tk.priority, tk.site_id, tk.delivery_mode, tk.tkey, tk.category)), '[]') from tk)::text as tickets,
        (select coalesce(json_object_agg(d.tkey, d.targets), '{}') from (select distinct on (tk.tkey) tk.tkey, tk.targets from tk where tk.targets is not null) d)::text as docs,
        (select coalesce(json_agg(json_build_array(e.ticket_id, e.type, ${epochMs(sql`e.at`)},
          -- only the fields facts and clocks read: the creation's initial targets, a status, a re-target
          case e.type when 'created' then jsonb_build_object('targets', e.data->'targets') when 'status_changed' then e.data when 'target_changed' then e.data else '{}'::jsonb end)), '[]')
          from tk cross join lateral (
            select e.ticket_id, e.id, e.type, e.at, e.data from ticket_events e
            where e.tenant_id = ${tenantId} and e.ticket_id = tk.id and e.at <= tk.to_at and e.type = any(${sql.val([...FACT_EVENT_TYPES])}::text[])
            order by e.at, e.id limit ${PER_TICKET_LIMIT}
          ) e)::text as events,
        (select coalesce(json_agg(json_build_array(c.ticket_id, ${epochMs(sql`c.created_at`)})), '[]')
          from tk cross join lateral (
            -- the staff check sits inside the probe: as a join, a planner without statistics may
            -- loop over every staff user and probe every ticket for each
            select c.ticket_id, c.created_at from ticket_comments c
            where c.tenant_id = ${tenantId} and c.ticket_id = tk.id and c.created_at <= tk.to_at and (c.public or c.kind = 'call')
              and exists (select 1 from users u where u.tenant_id = c.tenant_id and u.id = c.author_user_id and u.role = any(${sql.val([...STAFF_ROLES])}::text[]))
            order by c.created_at limit ${PER_TICKET_LIMIT}
          ) c)::text as replies,
        (select coalesce(json_agg(json_build_array(e.ticket_id, ${epochMs(sql`e.started_at`)}, ${epochMs(sql`e.ended_at`)}, e.billable, e.in_coverage_seconds, e.after_hours_seconds)), '[]')
          from tk cross join lateral (
            select e.ticket_id, e.started_at, e.ended_at, e.billable, e.in_coverage_seconds, e.after_hours_seconds from time_entries e
            where e.tenant_id = ${tenantId} and e.ticket_id = tk.id and e.started_at >= tk.from_at and e.started_at < tk.to_at
            order by e.started_at limit ${PER_TICKET_LIMIT}
          ) e)::text as entries`.execute(x),
  );
  const row = r.rows[0]!;
  const docs = JSON.parse(row.docs) as Record<string, Record<string, unknown>>;
  type TicketTuple = [string, string, number, string, number, string, string | null, 'remote' | 'onsite', string | null, string | null];
  const tickets = (JSON.parse(row.tickets) as TicketTuple[]).map(([id, contract_id, number, subject, created, priority, site_id, delivery_mode, tkey, category]) => ({
    id,
    contract_id,
    number: Number(number),
    subject,
    created_at: new Date(created),
    priority,
    site_id,
    delivery_mode,
    targets: tkey ? (docs[tkey] ?? null) : null,
    category,
  }));
  // Rows come ticket by ticket, each ticket's in time order (the probes' order).
  const events = new Map<string, StoredEvent[]>();
  for (const [ticketId, type, ms, data] of JSON.parse(row.events) as Array<[string, string, number, Record<string, unknown>]>) pushTo(events, ticketId, { type, at: new Date(ms), data });
  const replies = new Map<string, Date[]>();
  for (const [ticketId, ms] of JSON.parse(row.replies) as Array<[string, number]>) pushTo(replies, ticketId, new Date(ms));
  const timeEntries = new Map<string, TimeEntryData[]>();
  for (const [ticketId, started, ended, billable, inCoverage, afterHours] of JSON.parse(row.entries) as Array<[string, number, number, boolean, number, number]>) {
    pushTo(timeEntries, ticketId, { startedAt: new Date(started), endedAt: new Date(ended), billable, inCoverageSeconds: Number(inCoverage), afterHoursSeconds: Number(afterHours) });
  }
  return { tickets, events, replies, timeEntries };
}

// ---------- the surveys behind satisfaction goals ----------

/** The surveys one evaluation reads: those of the client sent or answered in [from, to). */
export type SurveyWindow = { clientId: string; from: Date; to: Date };

export type CsatSurveyRow = CsatFactRow & { win: number };

export type NpsSurveyRow = { win: number; id: string; score: number | null; sent_at: Date; responded_at: Date | null };

/**
 * The CSAT surveys (with their ticket's number and subject) and answered NPS surveys of each
 * window's client, in one statement each for the whole batch; `win` is the window's index.
 * A survey is answered after it is sent, so `sent_at < to` bounds both reads on the client index.
 */
export async function surveysOfWindows(db: Db, tenantId: string, windows: readonly SurveyWindow[]): Promise<{ csat: CsatSurveyRow[]; nps: NpsSurveyRow[] }> {
  if (!windows.length) return { csat: [], nps: [] };
  const clients = sql.val(windows.map((w) => w.clientId));
  const froms = sql.val(windows.map((w) => w.from.toISOString()));
  const tos = sql.val(windows.map((w) => w.to.toISOString()));
  const w = sql`unnest(${clients}::uuid[], ${froms}::timestamptz[], ${tos}::timestamptz[]) with ordinality as w(client_id, from_at, to_at, i)`;
  const [csat, nps] = await Promise.all([
    sql<CsatSurveyRow>`
      select (w.i - 1)::int as win, s.id, s.ticket_id, t.number, t.subject, s.priority, s.category, s.site_id, s.technician_id, s.plan_name, s.scale, s.rating, s.score, s.sent_at, s.responded_at
      from ${w}
      join csat_surveys s on s.tenant_id = ${tenantId} and s.client_id = w.client_id and s.sent_at < w.to_at
        and (s.sent_at >= w.from_at or (s.responded_at >= w.from_at and s.responded_at < w.to_at))
      join tickets t on t.tenant_id = s.tenant_id and t.id = s.ticket_id`.execute(db),
    sql<NpsSurveyRow>`
      select (w.i - 1)::int as win, n.id, n.score, n.sent_at, n.responded_at
      from ${w}
      join nps_surveys n on n.tenant_id = ${tenantId} and n.client_id = w.client_id and n.sent_at < w.to_at
        and n.responded_at >= w.from_at and n.responded_at < w.to_at`.execute(db),
  ]);
  const when = (d: Date | string | null) => (d === null ? null : new Date(d));
  return {
    csat: csat.rows.map((r) => ({ ...r, number: Number(r.number), sent_at: new Date(r.sent_at), responded_at: when(r.responded_at) })),
    nps: nps.rows.map((r) => ({ ...r, sent_at: new Date(r.sent_at), responded_at: when(r.responded_at) })),
  };
}

/** Number, subject, priority and creation of tickets of the client, for drill-downs. */
export async function ticketHeads(db: Db, tenantId: string, clientId: string, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('tickets')
    .select(['id', 'number', 'subject', 'priority', 'created_at'])
    .where('tenant_id', '=', tenantId)
    .where('client_id', '=', clientId)
    .where('id', '=', sql<string>`any(${sql.val([...ids])}::uuid[])`)
    .execute();
}

// ---------- what staff enter: manual values, attestations, counts ----------

export type ManualValueRow = {
  id: string;
  contract_id: string;
  goal_id: string;
  period_key: string;
  value: string;
  evidence_note: string;
  evidence_url: string | null;
  evidence_filename: string | null;
  evidence_content_type: string | null;
  has_file: boolean;
  entered_by: string;
  entered_by_name: string | null;
  entered_at: Date;
};

function selectManualValues(db: Db, tenantId: string) {
  return db
    .selectFrom('manual_metric_values as m')
    .leftJoin('users as u', (j) => j.onRef('u.tenant_id', '=', 'm.tenant_id').onRef('u.id', '=', 'm.entered_by'))
    .select([
      'm.id',
      'm.contract_id',
      'm.goal_id',
      'm.period_key',
      'm.value',
      'm.evidence_note',
      'm.evidence_url',
      'm.evidence_filename',
      'm.evidence_content_type',
      sql<boolean>`(m.evidence_data is not null)`.as('has_file'),
      'm.entered_by',
      'u.name as entered_by_name',
      'm.entered_at',
    ])
    .where('m.tenant_id', '=', tenantId);
}

/** The value in use for each (contract, goal, period): the latest entered. Never reads the files. */
export async function latestManualValues(db: Db, tenantId: string, contractIds: readonly string[], periodKeys: readonly string[]): Promise<ManualValueRow[]> {
  if (!contractIds.length || !periodKeys.length) return [];
  return selectManualValues(db, tenantId)
    .distinctOn(['m.contract_id', 'm.goal_id', 'm.period_key'])
    .where('m.contract_id', '=', sql<string>`any(${sql.val([...contractIds])}::uuid[])`)
    .where('m.period_key', '=', sql<string>`any(${sql.val([...new Set(periodKeys)])}::text[])`)
    .orderBy('m.contract_id')
    .orderBy('m.goal_id')
    .orderBy('m.period_key')
    .orderBy('m.entered_at', 'desc')
    .orderBy('m.id', 'desc')
    .execute();
}

/** Every value entered for the contract (optionally one period), newest first. */
export async function listManualValues(db: Db, tenantId: string, contractId: string, periodKey?: string): Promise<ManualValueRow[]> {
  let q = selectManualValues(db, tenantId).where('m.contract_id', '=', contractId);
  if (periodKey) q = q.where('m.period_key', '=', periodKey);
  return q.orderBy('m.entered_at', 'desc').orderBy('m.id', 'desc').execute();
}

export async function insertManualValue(
  db: Db,
  v: {
    tenant_id: string;
    contract_id: string;
    goal_id: string;
    period_key: string;
    value: number;
    evidence_note: string;
    evidence_url: string | null;
    evidence_filename: string | null;
    evidence_content_type: string | null;
    evidence_data: Buffer | null;
    entered_by: string;
    entered_at: Date;
  },
): Promise<string> {
  return (await db.insertInto('manual_metric_values').values(v).returning('id').executeTakeFirstOrThrow()).id;
}

export async function findManualValue(db: Db, tenantId: string, contractId: string, id: string): Promise<ManualValueRow | undefined> {
  return selectManualValues(db, tenantId).where('m.contract_id', '=', contractId).where('m.id', '=', id).executeTakeFirst();
}

export async function manualEvidence(db: Db, tenantId: string, contractId: string, id: string) {
  return db
    .selectFrom('manual_metric_values')
    .select(['evidence_filename', 'evidence_content_type', 'evidence_data'])
    .where('tenant_id', '=', tenantId)
    .where('contract_id', '=', contractId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export type AttestationRow = {
  id: string;
  contract_id: string;
  responsibility_id: string;
  period_key: string;
  kept: boolean;
  note: string;
  attested_by: string;
  attested_by_name: string | null;
  attested_at: Date;
};

function selectAttestations(db: Db, tenantId: string) {
  return db
    .selectFrom('responsibility_attestations as a')
    .leftJoin('users as u', (j) => j.onRef('u.tenant_id', '=', 'a.tenant_id').onRef('u.id', '=', 'a.attested_by'))
    .select(['a.id', 'a.contract_id', 'a.responsibility_id', 'a.period_key', 'a.kept', 'a.note', 'a.attested_by', 'u.name as attested_by_name', 'a.attested_at'])
    .where('a.tenant_id', '=', tenantId);
}

/** The attestation in use for each (contract, responsibility) in the contract's month: the latest. */
export async function latestAttestations(db: Db, tenantId: string, pairs: ReadonlyArray<{ contractId: string; monthKey: string }>): Promise<AttestationRow[]> {
  if (!pairs.length) return [];
  const ids = pairs.map((p) => p.contractId);
  const months = pairs.map((p) => p.monthKey);
  return selectAttestations(db, tenantId)
    .distinctOn(['a.contract_id', 'a.responsibility_id'])
    .where(sql<boolean>`(a.contract_id, a.period_key) in (select * from unnest(${sql.val(ids)}::uuid[], ${sql.val(months)}::text[]))`)
    .orderBy('a.contract_id')
    .orderBy('a.responsibility_id')
    .orderBy('a.attested_at', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
}

export async function listAttestations(db: Db, tenantId: string, contractId: string, periodKey?: string): Promise<AttestationRow[]> {
  let q = selectAttestations(db, tenantId).where('a.contract_id', '=', contractId);
  if (periodKey) q = q.where('a.period_key', '=', periodKey);
  return q.orderBy('a.attested_at', 'desc').orderBy('a.id', 'desc').execute();
}

export async function insertAttestation(
  db: Db,
  a: { tenant_id: string; contract_id: string; responsibility_id: string; period_key: string; kept: boolean; note: string; attested_by: string; attested_at: Date },
): Promise<string> {
  return (await db.insertInto('responsibility_attestations').values(a).returning('id').executeTakeFirstOrThrow()).id;
}

export type CountRow = { id: string; contract_id: string; kind: 'users' | 'devices'; count: number; effective_from: string; note: string; recorded_by: string; recorded_by_name: string | null; recorded_at: Date };

export async function listCounts(db: Db, tenantId: string, contractIds: readonly string[]): Promise<CountRow[]> {
  if (!contractIds.length) return [];
  return db
    .selectFrom('contract_counts as n')
    .leftJoin('users as u', (j) => j.onRef('u.tenant_id', '=', 'n.tenant_id').onRef('u.id', '=', 'n.recorded_by'))
    .select(['n.id', 'n.contract_id', 'n.kind', 'n.count', 'n.effective_from', 'n.note', 'n.recorded_by', 'u.name as recorded_by_name', 'n.recorded_at'])
    .where('n.tenant_id', '=', tenantId)
    .where('n.contract_id', '=', sql<string>`any(${sql.val([...contractIds])}::uuid[])`)
    .orderBy('n.effective_from', 'desc')
    .orderBy('n.recorded_at', 'desc')
    .orderBy('n.id', 'desc')
    .execute();
}

export async function insertCount(
  db: Db,
  c: { tenant_id: string; contract_id: string; kind: 'users' | 'devices'; count: number; effective_from: string; note: string; recorded_by: string; recorded_at: Date },
): Promise<string> {
  return (await db.insertInto('contract_counts').values(c).returning('id').executeTakeFirstOrThrow()).id;
}

// ---------- scorecards ----------

/**
 * Credits already given per goal: the sum of the negative goal amounts in the latest revision of
 * every month before the contract's month (a negative number, or absent).
 */
export async function priorCredits(db: Db, tenantId: string, pairs: ReadonlyArray<{ contractId: string; monthKey: string }>): Promise<Array<{ contract_id: string; goal_id: string; credits: number }>> {
  if (!pairs.length) return [];
  const ids = pairs.map((p) => p.contractId);
  const months = pairs.map((p) => p.monthKey);
  const r = await sql<{ contract_id: string; goal_id: string; credits: string }>`
    select s.contract_id, g->>'goalId' as goal_id, sum((g->>'amountMinor')::bigint)::text as credits
    from (
      select distinct on (s.contract_id, s.period_key) s.contract_id, s.document
      from unnest(${sql.val(ids)}::uuid[], ${sql.val(months)}::text[]) as p(contract_id, month_key)
      join scorecards s on s.tenant_id = ${tenantId} and s.contract_id = p.contract_id and s.period_key < p.month_key
      order by s.contract_id, s.period_key, s.revision desc
    ) s
    cross join lateral jsonb_array_elements(s.document->'goals') g
    where (g->>'amountMinor')::bigint < 0
    group by 1, 2`.execute(db);
  return r.rows.map((x) => ({ contract_id: x.contract_id, goal_id: x.goal_id, credits: Number(x.credits) }));
}

export type ScorecardMeta = Omit<ScorecardRow, 'document'> & { finalised_by_name: string | null; reopened_by_name: string | null };
export type ScorecardFull = ScorecardMeta & { document: ScorecardDocument };

function selectScorecards(db: Db, scope: Scope, contractId: string) {
  let q = db
    .selectFrom('scorecards as s')
    .leftJoin('users as f', (j) => j.onRef('f.tenant_id', '=', 's.tenant_id').onRef('f.id', '=', 's.finalised_by'))
    .leftJoin('users as r', (j) => j.onRef('r.tenant_id', '=', 's.tenant_id').onRef('r.id', '=', 's.reopened_by'))
    .select([
      's.tenant_id',
      's.id',
      's.contract_id',
      's.client_id',
      's.period_key',
      's.period_from',
      's.period_to',
      's.revision',
      's.status',
      's.evaluated_at',
      's.finalised_by',
      's.finalised_at',
      's.reopen_reason',
      's.reopened_by',
      's.created_at',
      's.version',
      'f.name as finalised_by_name',
      'r.name as reopened_by_name',
    ])
    .where('s.tenant_id', '=', scope.tenantId)
    .where('s.contract_id', '=', contractId);
  if (scope.clientId) q = q.where('s.client_id', '=', scope.clientId);
  return q;
}

/** The revisions of a month, oldest first, without their documents. */
export async function revisionsOf(db: Db, scope: Scope, contractId: string, periodKey: string, finalOnly: boolean): Promise<ScorecardMeta[]> {
  let q = selectScorecards(db, scope, contractId).where('s.period_key', '=', periodKey);
  if (finalOnly) q = q.where('s.status', '=', 'final');
  return q.orderBy('s.revision').execute();
}

/** One revision with its document. */
export async function scorecardWithDocument(db: Db, scope: Scope, contractId: string, periodKey: string, revision: number): Promise<ScorecardFull | undefined> {
  return (await selectScorecards(db, scope, contractId).select('s.document').where('s.period_key', '=', periodKey).where('s.revision', '=', revision).executeTakeFirst()) as ScorecardFull | undefined;
}

/** The month's latest revision, locked for the rest of the transaction. */
export async function lockLatestRevision(db: Db, tenantId: string, contractId: string, periodKey: string): Promise<ScorecardRow | undefined> {
  return db
    .selectFrom('scorecards')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('contract_id', '=', contractId)
    .where('period_key', '=', periodKey)
    .orderBy('revision', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
}

export type NewScorecard = {
  tenant_id: string;
  contract_id: string;
  client_id: string;
  period_key: string;
  period_from: Date;
  period_to: Date;
  revision: number;
  document: ScorecardDocument;
  evaluated_at: Date;
  reopen_reason?: string | null;
  reopened_by?: string | null;
};

/** Inserts revisions that do not exist yet (the unique key decides); returns those inserted. */
export async function insertScorecards(db: Db, rows: readonly NewScorecard[]): Promise<Array<{ id: string; contract_id: string; period_key: string; revision: number }>> {
  if (!rows.length) return [];
  return db
    .insertInto('scorecards')
    .values(rows.map((r) => ({ ...r, status: 'draft' as const, document: JSON.stringify(r.document) })))
    .onConflict((oc) => oc.columns(['tenant_id', 'contract_id', 'period_key', 'revision']).doNothing())
    .returning(['id', 'contract_id', 'period_key', 'revision'])
    .execute();
}

/** Replaces a draft's document; undefined when the row is no longer a draft. */
export async function updateDraft(db: Db, tenantId: string, id: string, document: ScorecardDocument, evaluatedAt: Date, period: { from: Date; to: Date }) {
  return db
    .updateTable('scorecards')
    .set((eb) => ({ document: JSON.stringify(document), evaluated_at: evaluatedAt, period_from: period.from, period_to: period.to, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .returning(['id', 'version'])
    .executeTakeFirst();
}

export async function finaliseDraft(db: Db, tenantId: string, id: string, by: string, at: Date) {
  return db
    .updateTable('scorecards')
    .set((eb) => ({ status: 'final' as const, finalised_by: by, finalised_at: at, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .returning(['id', 'version'])
    .executeTakeFirst();
}

export type ScorecardSummaryRow = {
  period_key: string;
  revision: number;
  status: 'draft' | 'final';
  evaluated_at: Date;
  finalised_at: Date | null;
  met: number;
  missed: number;
  not_evaluable: number;
  credit_minor: number;
  incentive_minor: number;
  currency: string;
};

/**
 * The latest revision of each month (client admins: the latest final one), newest month first,
 * summarised in the database so the documents' contributions never leave it.
 */
export async function latestSummaries(db: Db, scope: Scope, contractId: string, finalOnly: boolean, limit?: number): Promise<ScorecardSummaryRow[]> {
  const r = await sql<ScorecardSummaryRow>`
    select l.period_key, l.revision, l.status, l.evaluated_at, l.finalised_at,
      (select count(*) from jsonb_array_elements(l.document->'goals') g where g->>'outcome' = 'met')::int as met,
      (select count(*) from jsonb_array_elements(l.document->'goals') g where g->>'outcome' = 'missed')::int as missed,
      (select count(*) from jsonb_array_elements(l.document->'goals') g where g->>'outcome' = 'not_evaluable')::int as not_evaluable,
      coalesce((select sum((g->>'amountMinor')::bigint) from jsonb_array_elements(l.document->'goals') g where (g->>'amountMinor')::bigint < 0), 0)::bigint::text as credit_minor,
      coalesce((select sum((g->>'amountMinor')::bigint) from jsonb_array_elements(l.document->'goals') g where (g->>'amountMinor')::bigint > 0), 0)::bigint::text as incentive_minor,
      coalesce(l.document->'statement'->>'currency', '') as currency
    from (
      select distinct on (s.period_key) s.period_key, s.revision, s.status, s.evaluated_at, s.finalised_at, s.document
      from scorecards s
      where s.tenant_id = ${scope.tenantId} and s.contract_id = ${contractId}
        ${scope.clientId ? sql`and s.client_id = ${scope.clientId}` : sql``}
        ${finalOnly ? sql`and s.status = 'final'` : sql``}
      order by s.period_key desc, s.revision desc
      ${limit ? sql`limit ${limit}` : sql``}
    ) l
    order by l.period_key desc`.execute(db);
  return r.rows.map((x) => ({ ...x, evaluated_at: new Date(x.evaluated_at), finalised_at: x.finalised_at ? new Date(x.finalised_at) : null, credit_minor: Number(x.credit_minor), incentive_minor: Number(x.incentive_minor) }));
}

export type TrendRow = {
  month_key: string;
  status: 'draft' | 'final';
  goal_id: string;
  objective: string;
  unit: string;
  target: number;
  comparator: string;
  goal_period_key: string;
  value: number | null;
  outcome: string;
};

/** Each goal's figure in the latest revision (client admins: latest final) of the last `periods` months, oldest first. */
export async function trendRows(db: Db, scope: Scope, contractId: string, finalOnly: boolean, periods: number): Promise<TrendRow[]> {
  const r = await sql<TrendRow>`
    select l.period_key as month_key, l.status, g->>'goalId' as goal_id, coalesce(g->>'objective', '') as objective, coalesce(g->>'unit', '') as unit,
      (g->>'target')::float8 as target, coalesce(g->>'comparator', '') as comparator, coalesce(g->>'periodKey', l.period_key) as goal_period_key,
      (g->>'value')::float8 as value, coalesce(g->>'outcome', '') as outcome
    from (
      select distinct on (s.period_key) s.period_key, s.status, s.document
      from scorecards s
      where s.tenant_id = ${scope.tenantId} and s.contract_id = ${contractId}
        ${scope.clientId ? sql`and s.client_id = ${scope.clientId}` : sql``}
        ${finalOnly ? sql`and s.status = 'final'` : sql``}
      order by s.period_key desc, s.revision desc
      limit ${periods}
    ) l
    cross join lateral jsonb_array_elements(l.document->'goals') with ordinality as e(g, n)
    order by l.period_key, e.n`.execute(db);
  return r.rows;
}

/** Which of the (contract, month) pairs already have a scorecard (any revision). */
export async function existingMonths(db: Db, pairs: ReadonlyArray<{ tenantId: string; contractId: string; monthKey: string }>): Promise<Set<string>> {
  if (!pairs.length) return new Set();
  const r = await sql<{ contract_id: string; period_key: string }>`
    select distinct s.contract_id, s.period_key
    from unnest(${sql.val(pairs.map((p) => p.tenantId))}::uuid[], ${sql.val(pairs.map((p) => p.contractId))}::uuid[], ${sql.val(pairs.map((p) => p.monthKey))}::text[]) as p(tenant_id, contract_id, month_key)
    join scorecards s on s.tenant_id = p.tenant_id and s.contract_id = p.contract_id and s.period_key = p.month_key`.execute(db);
  return new Set(r.rows.map((x) => `${x.contract_id}|${x.period_key}`));
}
