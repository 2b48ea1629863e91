import { sql } from 'kysely';
import type { Db } from '../../db/database';
import type { Scope } from '../../http/actor';
import type { JourneyStage, ProblemStatus } from '../../domain/satisfaction/satisfaction-types';
import type { GoalEvaluation } from '../../domain/goals/goal-types';
import type { SummaryDocument } from '../../domain/summaries';

/**
 * Everything executive summaries read and write. Every query takes the tenant; reads a client user
 * can reach take the client too (Scope). Loads for generating summaries are set-based: one
 * statement per kind of row for a whole batch of clients, never one per client or per ticket (the
 * tickets themselves are read with the scorecards' window query).
 */

// ---------- clients and their contracts ----------

export type ClientHead = { tenant_id: string; id: string; name: string; status: 'active' | 'inactive' };

export async function findClient(db: Db, scope: Scope, id: string): Promise<ClientHead | undefined> {
  if (scope.clientId && scope.clientId !== id) return undefined;
  return db.selectFrom('clients').select(['tenant_id', 'id', 'name', 'status']).where('tenant_id', '=', scope.tenantId).where('id', '=', id).executeTakeFirst();
}

export async function clientsByIds(db: Db, tenantId: string, ids: readonly string[]): Promise<ClientHead[]> {
  if (!ids.length) return [];
  return db.selectFrom('clients').select(['tenant_id', 'id', 'name', 'status']).where('tenant_id', '=', tenantId).where('id', '=', sql<string>`any(${sql.val([...ids])}::uuid[])`).execute();
}

export type SummaryContract = { id: string; client_id: string; name: string; status: 'draft' | 'active' | 'ended'; starts_at: Date; ends_at: Date | null };

/** Activated contracts of the clients that overlap [from, to) (UTC bounds widened by the caller). */
export async function contractsOverlapping(db: Db, tenantId: string, clientIds: readonly string[], from: Date, to: Date): Promise<SummaryContract[]> {
  if (!clientIds.length) return [];
  return db
    .selectFrom('contracts')
    .select(['id', 'client_id', 'name', 'status', 'starts_at', 'ends_at'])
    .where('tenant_id', '=', tenantId)
    .where('client_id', '=', sql<string>`any(${sql.val([...clientIds])}::uuid[])`)
    .where('status', 'in', ['active', 'ended'])
    .where('starts_at', '<', to)
    .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', from)]))
    .orderBy('starts_at')
    .execute();
}

/** Clients with an activated contract overlapping [from, to): who a batch generates summaries for. */
export async function clientsWithContracts(db: Db, tenantId: string, from: Date, to: Date): Promise<ClientHead[]> {
  return db
    .selectFrom('clients as c')
    .select(['c.tenant_id', 'c.id', 'c.name', 'c.status'])
    .where('c.tenant_id', '=', tenantId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('contracts as k')
          .select(sql`1`.as('one'))
          .whereRef('k.tenant_id', '=', 'c.tenant_id')
          .whereRef('k.client_id', '=', 'c.id')
          .where('k.status', 'in', ['active', 'ended'])
          .where('k.starts_at', '<', to)
          .where((e2) => e2.or([e2('k.ends_at', 'is', null), e2('k.ends_at', '>', from)])),
      ),
    )
    .orderBy('c.name')
    .execute();
}

// ---------- the facts beside the tickets ----------

export type CatalogRow = { ticket_id: string; catalog_item_id: string; name: string };

/** Each ticket's catalog item for tickets of the contracts created in the windows. */
export async function catalogItemsOfWindows(db: Db, tenantId: string, windows: ReadonlyArray<{ contractId: string; from: Date; to: Date }>): Promise<CatalogRow[]> {
  if (!windows.length) return [];
  const r = await sql<CatalogRow>`
    select t.id as ticket_id, t.catalog_item_id, i.name
    from unnest(${sql.val(windows.map((w) => w.contractId))}::uuid[], ${sql.val(windows.map((w) => w.from.toISOString()))}::timestamptz[], ${sql.val(windows.map((w) => w.to.toISOString()))}::timestamptz[]) as w(contract_id, from_at, to_at)
    join tickets t on t.tenant_id = ${tenantId} and t.contract_id = w.contract_id and t.created_at >= w.from_at and t.created_at < w.to_at
    join catalog_items i on i.tenant_id = t.tenant_id and i.id = t.catalog_item_id`.execute(db);
  return r.rows;
}

export async function sitesOf(db: Db, tenantId: string, clientIds: readonly string[]) {
  if (!clientIds.length) return [];
  return db.selectFrom('sites').select(['id', 'client_id', 'name']).where('tenant_id', '=', tenantId).where('client_id', '=', sql<string>`any(${sql.val([...clientIds])}::uuid[])`).execute();
}

export type ProblemFactRow = {
  id: string;
  client_id: string;
  number: number;
  title: string;
  status: ProblemStatus;
  plan: string;
  workaround: string;
  opened_at: Date;
  resolved_at: Date | null;
  linked: number;
  milestones: Array<{ title: string; due_on: string | null; done_on: string | null; position: number }>;
};

/** The clients' problems open at some point before `to` and not resolved before `from`, with milestones and linked-ticket counts. */
export async function problemsOf(db: Db, tenantId: string, clientIds: readonly string[], from: Date, to: Date): Promise<ProblemFactRow[]> {
  if (!clientIds.length) return [];
  const r = await sql<ProblemFactRow>`
    select p.id, p.client_id, p.number, p.title, p.status, p.plan, p.workaround, p.opened_at, p.resolved_at,
      (select count(*) from problem_tickets pt where pt.tenant_id = p.tenant_id and pt.problem_id = p.id)::int as linked,
      coalesce((select json_agg(json_build_object('title', m.title, 'due_on', m.due_on::text, 'done_on', m.done_on::text, 'position', m.position) order by m.position)
        from problem_milestones m where m.tenant_id = p.tenant_id and m.problem_id = p.id), '[]'::json) as milestones
    from problems p
    where p.tenant_id = ${tenantId} and p.client_id = any(${sql.val([...clientIds])}::uuid[])
      and p.opened_at < ${to} and (p.resolved_at is null or p.resolved_at >= ${from})
    order by p.number`.execute(db);
  return r.rows.map((p) => ({ ...p, number: Number(p.number), opened_at: new Date(p.opened_at), resolved_at: p.resolved_at ? new Date(p.resolved_at) : null }));
}

export type JourneyRow = { client_id: string; stage: JourneyStage; effective_on: string; created_at: Date; note: string };

export async function journeyOf(db: Db, tenantId: string, clientIds: readonly string[]): Promise<JourneyRow[]> {
  if (!clientIds.length) return [];
  const r = await sql<JourneyRow>`
    select client_id, stage, effective_on::text as effective_on, created_at, note from journey_stage_changes
    where tenant_id = ${tenantId} and client_id = any(${sql.val([...clientIds])}::uuid[])
    order by effective_on, created_at`.execute(db);
  return r.rows.map((x) => ({ ...x, created_at: new Date(x.created_at) }));
}

export type ScorecardGoalRow = {
  client_id: string;
  contract_name: string;
  period_key: string;
  revision: number;
  status: 'draft' | 'final';
  currency: string | null;
  /** Each goal's evaluation as stored, without its per-ticket contributions, breakdown and manual value. */
  goals: Array<Omit<GoalEvaluation, 'contributions' | 'breakdown' | 'manual'>>;
};

/** The latest revision of each of the clients' scorecards for the months, goals without their per-ticket contributions. */
export async function latestScorecards(db: Db, tenantId: string, clientIds: readonly string[], months: readonly string[]): Promise<ScorecardGoalRow[]> {
  if (!clientIds.length || !months.length) return [];
  const r = await sql<ScorecardGoalRow>`
    select distinct on (s.contract_id, s.period_key) s.client_id, k.name as contract_name, s.period_key, s.revision, s.status,
      s.document->'statement'->>'currency' as currency,
      coalesce((select jsonb_agg(g - 'contributions' - 'breakdown' - 'manual') from jsonb_array_elements(s.document->'goals') g), '[]'::jsonb) as goals
    from scorecards s
    join contracts k on k.tenant_id = s.tenant_id and k.id = s.contract_id
    where s.tenant_id = ${tenantId} and s.client_id = any(${sql.val([...clientIds])}::uuid[]) and s.period_key = any(${sql.val([...months])}::text[])
    order by s.contract_id, s.period_key, s.revision desc`.execute(db);
  return r.rows.map((x) => ({ ...x, revision: Number(x.revision) }));
}

// ---------- summaries ----------

export type SummaryRow = {
  id: string;
  tenant_id: string;
  client_id: string;
  client_name: string;
  period_key: string;
  status: 'draft' | 'published';
  document: SummaryDocument;
  narrative: string;
  narrative_by: string | null;
  narrative_by_name: string | null;
  generated_at: Date;
  generated_by: string | null;
  generated_by_name: string | null;
  published_at: Date | null;
  published_by: string | null;
  published_by_name: string | null;
  version: number;
};

export type SummaryListRow = Omit<SummaryRow, 'document' | 'narrative' | 'narrative_by' | 'narrative_by_name' | 'generated_by' | 'generated_by_name' | 'published_by' | 'published_by_name'> & { headline: SummaryDocument['headline'] | null };

/** The client's summaries, newest period first (client users: published only). */
export async function listSummaries(db: Db, scope: Scope, clientId: string, publishedOnly: boolean): Promise<SummaryListRow[]> {
  let q = db
    .selectFrom('executive_summaries as s')
    .innerJoin('clients as c', (j) => j.onRef('c.tenant_id', '=', 's.tenant_id').onRef('c.id', '=', 's.client_id'))
    .select(['s.id', 's.tenant_id', 's.client_id', 'c.name as client_name', 's.period_key', 's.status', 's.generated_at', 's.published_at', 's.version'])
    .select(sql<SummaryDocument['headline'] | null>`s.document->'headline'`.as('headline'))
    .where('s.tenant_id', '=', scope.tenantId)
    .where('s.client_id', '=', clientId);
  if (scope.clientId) q = q.where('s.client_id', '=', scope.clientId);
  if (publishedOnly) q = q.where('s.status', '=', 'published');
  // Quarters sort after their last month: '2026-Q3' > '2026-09'.
  return q.orderBy('s.period_key', 'desc').execute() as Promise<SummaryListRow[]>;
}

export async function findSummary(db: Db, scope: Scope, clientId: string, periodKey: string): Promise<SummaryRow | undefined> {
  if (scope.clientId && scope.clientId !== clientId) return undefined;
  const r = await sql<SummaryRow>`
    select s.id, s.tenant_id, s.client_id, c.name as client_name, s.period_key, s.status, s.document, s.narrative, s.narrative_by, nb.name as narrative_by_name,
      s.generated_at, s.generated_by, gb.name as generated_by_name, s.published_at, s.published_by, pb.name as published_by_name, s.version
    from executive_summaries s
    join clients c on c.tenant_id = s.tenant_id and c.id = s.client_id
    left join users nb on nb.tenant_id = s.tenant_id and nb.id = s.narrative_by
    left join users gb on gb.tenant_id = s.tenant_id and gb.id = s.generated_by
    left join users pb on pb.tenant_id = s.tenant_id and pb.id = s.published_by
    where s.tenant_id = ${scope.tenantId} and s.client_id = ${clientId} and s.period_key = ${periodKey}`.execute(db);
  return r.rows[0];
}

/** Locks the summary row for a write (PostgreSQL); undefined when there is none. */
export async function lockSummary(db: Db, tenantId: string, clientId: string, periodKey: string) {
  return db
    .selectFrom('executive_summaries')
    .select(['id', 'status', 'version', 'narrative'])
    .where('tenant_id', '=', tenantId)
    .where('client_id', '=', clientId)
    .where('period_key', '=', periodKey)
    .forUpdate()
    .executeTakeFirst();
}

export type NewSummary = { tenant_id: string; client_id: string; period_key: string; document: SummaryDocument; generated_at: Date; generated_by: string | null };

/**
 * Writes the freshly generated documents: new rows, or drafts recomputed (their narrative kept).
 * Published summaries are left as they are; returns the rows written.
 */
export async function upsertDrafts(db: Db, rows: readonly NewSummary[]): Promise<Array<{ client_id: string; period_key: string; created: boolean }>> {
  if (!rows.length) return [];
  const r = await sql<{ client_id: string; period_key: string; created: boolean }>`
    insert into executive_summaries (tenant_id, client_id, period_key, document, generated_at, generated_by)
    select * from unnest(${sql.val(rows.map((x) => x.tenant_id))}::uuid[], ${sql.val(rows.map((x) => x.client_id))}::uuid[], ${sql.val(rows.map((x) => x.period_key))}::text[],
      ${sql.val(rows.map((x) => JSON.stringify(x.document)))}::jsonb[], ${sql.val(rows.map((x) => x.generated_at.toISOString()))}::timestamptz[], ${sql.val(rows.map((x) => x.generated_by))}::uuid[])
    on conflict (tenant_id, client_id, period_key) do update
      set document = excluded.document, generated_at = excluded.generated_at, generated_by = excluded.generated_by, version = executive_summaries.version + 1
      where executive_summaries.status = 'draft'
    returning client_id, period_key, (xmax = 0) as created`.execute(db);
  return r.rows;
}

export async function updateNarrative(db: Db, tenantId: string, id: string, narrative: string, by: string, expectedVersion: number | null): Promise<boolean> {
  let q = db
    .updateTable('executive_summaries')
    .set({ narrative, narrative_by: by, version: sql`version + 1` })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('status', '=', 'draft');
  if (expectedVersion !== null) q = q.where('version', '=', expectedVersion);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function publish(db: Db, tenantId: string, id: string, by: string | null, at: Date): Promise<boolean> {
  const r = await db
    .updateTable('executive_summaries')
    .set({ status: 'published', published_at: at, published_by: by, version: sql`version + 1` })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---------- deliveries ----------

export async function contactsOf(db: Db, tenantId: string, clientId: string, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('contacts')
    .select(['id', 'name', 'email'])
    .where('tenant_id', '=', tenantId)
    .where('client_id', '=', clientId)
    .where('id', '=', sql<string>`any(${sql.val([...ids])}::uuid[])`)
    .execute();
}

export async function insertDelivery(db: Db, row: { tenant_id: string; summary_id: string; contact_id: string | null; email: string; outbox_email_id: string; requested_by: string | null }) {
  return db.insertInto('summary_deliveries').values(row).returning(['id', 'email', 'created_at']).executeTakeFirstOrThrow();
}

export type DeliveryRow = {
  id: string;
  email: string;
  contact_id: string | null;
  contact_name: string | null;
  created_at: Date;
  requested_by_name: string | null;
  sent_at: Date | null;
  attempts: number | null;
  last_error: string | null;
  outbox_email_id: string | null;
};

export async function deliveriesOf(db: Db, tenantId: string, summaryId: string): Promise<DeliveryRow[]> {
  const r = await sql<DeliveryRow>`
    select d.id, d.email, d.contact_id, c.name as contact_name, d.created_at, u.name as requested_by_name, o.sent_at, o.attempts, o.last_error, d.outbox_email_id
    from summary_deliveries d
    left join contacts c on c.tenant_id = d.tenant_id and c.id = d.contact_id
    left join users u on u.tenant_id = d.tenant_id and u.id = d.requested_by
    left join outbox_emails o on o.tenant_id = d.tenant_id and o.id = d.outbox_email_id
    where d.tenant_id = ${tenantId} and d.summary_id = ${summaryId}
    order by d.created_at desc, d.email`.execute(db);
  return r.rows.map((x) => ({ ...x, created_at: new Date(x.created_at), sent_at: x.sent_at ? new Date(x.sent_at) : null, attempts: x.attempts === null ? null : Number(x.attempts) }));
}

// ---------- schedules ----------

export type ScheduleRow = { id: string; client_id: string; period: 'monthly' | 'quarterly'; days_after: number; contact_ids: string[]; enabled: boolean; updated_at: Date; version: number };

export async function schedulesOf(db: Db, tenantId: string, clientId: string): Promise<ScheduleRow[]> {
  return db
    .selectFrom('summary_schedules')
    .select(['id', 'client_id', 'period', 'days_after', 'contact_ids', 'enabled', 'updated_at', 'version'])
    .where('tenant_id', '=', tenantId)
    .where('client_id', '=', clientId)
    .orderBy('period')
    .execute();
}

export async function upsertSchedule(db: Db, row: { tenant_id: string; client_id: string; period: 'monthly' | 'quarterly'; days_after: number; contact_ids: string[]; enabled: boolean; created_by: string }, expectedVersion: number | null): Promise<ScheduleRow | undefined> {
  const r = await sql<ScheduleRow>`
    insert into summary_schedules (tenant_id, client_id, period, days_after, contact_ids, enabled, created_by)
    values (${row.tenant_id}, ${row.client_id}, ${row.period}, ${row.days_after}, ${sql.val(row.contact_ids)}::uuid[], ${row.enabled}, ${row.created_by})
    on conflict (tenant_id, client_id, period) do update
      set days_after = excluded.days_after, contact_ids = excluded.contact_ids, enabled = excluded.enabled, updated_at = now(), version = summary_schedules.version + 1
      ${expectedVersion === null ? sql`` : sql`where summary_schedules.version = ${expectedVersion}`}
    returning id, client_id, period, days_after, contact_ids, enabled, updated_at, version`.execute(db);
  return r.rows[0];
}

/** Every enabled schedule with contacts, across tenants (the schedule job). */
export async function enabledSchedules(db: Db): Promise<Array<ScheduleRow & { tenant_id: string }>> {
  return db
    .selectFrom('summary_schedules')
    .select(['tenant_id', 'id', 'client_id', 'period', 'days_after', 'contact_ids', 'enabled', 'updated_at', 'version'])
    .where('enabled', '=', true)
    .where(sql<boolean>`cardinality(contact_ids) > 0`)
    .execute();
}

/** Whether the summary already went to someone (the schedule sends each period once). */
export async function summariesDelivered(db: Db, tenantId: string, pairs: ReadonlyArray<{ clientId: string; periodKey: string }>): Promise<Set<string>> {
  if (!pairs.length) return new Set();
  const r = await sql<{ client_id: string; period_key: string }>`
    select distinct s.client_id, s.period_key from executive_summaries s
    join summary_deliveries d on d.tenant_id = s.tenant_id and d.summary_id = s.id
    join unnest(${sql.val(pairs.map((p) => p.clientId))}::uuid[], ${sql.val(pairs.map((p) => p.periodKey))}::text[]) as w(client_id, period_key)
      on w.client_id = s.client_id and w.period_key = s.period_key
    where s.tenant_id = ${tenantId}`.execute(db);
  return new Set(r.rows.map((x) => `${x.client_id}|${x.period_key}`));
}

// ---------- batches ----------

export type BatchRow = {
  id: string;
  tenant_id: string;
  period_key: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  total: number;
  done: number;
  failed: number;
  errors: Array<{ clientId: string; message: string }>;
  started_by: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
};

export async function insertBatch(db: Db, tenantId: string, periodKey: string, by: string): Promise<BatchRow> {
  return db.insertInto('summary_batches').values({ tenant_id: tenantId, period_key: periodKey, started_by: by }).returningAll().executeTakeFirstOrThrow() as Promise<BatchRow>;
}

export async function findBatch(db: Db, tenantId: string, id: string): Promise<BatchRow | undefined> {
  return db.selectFrom('summary_batches').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst() as Promise<BatchRow | undefined>;
}

/** Queued -> running; false when another worker took it. */
export async function startBatch(db: Db, tenantId: string, id: string, total: number, at: Date): Promise<boolean> {
  const r = await db.updateTable('summary_batches').set({ status: 'running', total, started_at: at }).where('tenant_id', '=', tenantId).where('id', '=', id).where('status', '=', 'queued').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function batchProgress(db: Db, tenantId: string, id: string, done: number, failed: number, errors: BatchRow['errors']) {
  await db.updateTable('summary_batches').set({ done, failed, errors: JSON.stringify(errors) }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function finishBatch(db: Db, tenantId: string, id: string, status: 'done' | 'failed', at: Date, errors?: BatchRow['errors']) {
  await db
    .updateTable('summary_batches')
    .set({ status, finished_at: at, ...(errors ? { errors: JSON.stringify(errors) } : {}) })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

/** Batches left queued (no job system ran when they were asked for, or a server stopped). */
export async function queuedBatches(db: Db): Promise<Array<{ tenant_id: string; id: string }>> {
  return db.selectFrom('summary_batches').select(['tenant_id', 'id']).where('status', '=', 'queued').orderBy('created_at').execute();
}

/** Clients whose summary of the period is published (a batch leaves them as they are). */
export async function publishedClients(db: Db, tenantId: string, periodKey: string): Promise<string[]> {
  const rows = await db.selectFrom('executive_summaries').select('client_id').where('tenant_id', '=', tenantId).where('period_key', '=', periodKey).where('status', '=', 'published').execute();
  return rows.map((r) => r.client_id);
}
