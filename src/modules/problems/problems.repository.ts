import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../db/database';
import type { ProblemStatus } from '../../domain/satisfaction/satisfaction-types';
import type { Scope } from '../../http/actor';
import type { Cursor } from '../../http/pagination';

/**
 * Problems, their linked tickets and milestones. Every query takes the tenant; reads a client
 * admin can reach take the client too (Scope).
 */

export type MilestoneRow = { id: string; title: string; due_on: string | null; done_on: string | null };

export type ProblemRow = {
  tenant_id: string;
  id: string;
  number: number;
  client_id: string;
  client_name: string;
  title: string;
  description: string;
  status: ProblemStatus;
  root_cause: string;
  workaround: string;
  plan: string;
  estimated_cost_minor: string | null;
  currency: string | null;
  opened_at: Date;
  resolved_at: Date | null;
  created_by: string;
  created_by_name: string;
  created_at: Date;
  updated_at: Date;
  version: number;
  ticket_count: number;
  next_milestone: MilestoneRow | null;
};

function selectProblems(db: Db, scope: Scope) {
  let q = db
    .selectFrom('problems as p')
    .innerJoin('clients as c', (j) => j.onRef('c.tenant_id', '=', 'p.tenant_id').onRef('c.id', '=', 'p.client_id'))
    .innerJoin('users as u', (j) => j.onRef('u.tenant_id', '=', 'p.tenant_id').onRef('u.id', '=', 'p.created_by'))
    .selectAll('p')
    .select([
      'c.name as client_name',
      'u.name as created_by_name',
      sql<number>`(select count(*)::int from problem_tickets pt where pt.tenant_id = p.tenant_id and pt.problem_id = p.id)`.as('ticket_count'),
      // The first milestone in the plan's order not done yet.
      sql<MilestoneRow | null>`(select json_build_object('id', m.id, 'title', m.title, 'due_on', m.due_on, 'done_on', m.done_on)
        from problem_milestones m where m.tenant_id = p.tenant_id and m.problem_id = p.id and m.done_on is null
        order by m.position limit 1)`.as('next_milestone'),
    ])
    .where('p.tenant_id', '=', scope.tenantId);
  if (scope.clientId) q = q.where('p.client_id', '=', scope.clientId);
  return q;
}

export type ProblemFilter = { clientId?: string; status?: ProblemStatus[]; q?: string };

const escapeLike = (s: string) => s.replace(/[\\%_]/g, '\\$&');

/** Newest first (by number). */
export async function listProblems(db: Db, scope: Scope, f: ProblemFilter, limit: number, after?: Cursor): Promise<ProblemRow[]> {
  let q = selectProblems(db, scope);
  if (f.clientId) q = q.where('p.client_id', '=', f.clientId);
  if (f.status?.length) q = q.where('p.status', 'in', f.status);
  if (f.q) {
    const pattern = `%${escapeLike(f.q.toLowerCase())}%`;
    const n = /^(?:prb)?-?(\d{1,9})$/i.exec(f.q.trim());
    q = q.where((eb) => eb.or([eb(sql`lower(p.title)`, 'like', pattern), ...(n ? [eb('p.number', '=', Number(n[1]))] : [])]));
  }
  if (after) q = q.where(sql<SqlBool>`p.number < ${Number(after.k)}::int` as Expression<SqlBool>);
  return (await q.orderBy('p.number', 'desc').limit(limit + 1).execute()) as ProblemRow[];
}

export async function findProblem(db: Db, scope: Scope, id: string): Promise<ProblemRow | undefined> {
  return (await selectProblems(db, scope).where('p.id', '=', id).executeTakeFirst()) as ProblemRow | undefined;
}

/** The problems a ticket is linked to, newest first. */
export async function problemsOfTicket(db: Db, scope: Scope, ticketId: string): Promise<ProblemRow[]> {
  const q = selectProblems(db, scope).where((eb) =>
    eb.exists(eb.selectFrom('problem_tickets as pt').select('pt.problem_id').whereRef('pt.tenant_id', '=', 'p.tenant_id').whereRef('pt.problem_id', '=', 'p.id').where('pt.ticket_id', '=', ticketId)),
  );
  return (await q.orderBy('p.number', 'desc').execute()) as ProblemRow[];
}

/** Takes the tenant's next problem number; the counter row stays locked until the transaction ends. */
export async function nextProblemNumber(db: Db, tenantId: string): Promise<number> {
  const r = await sql<{ next_number: number }>`
    insert into problem_counters (tenant_id, next_number) values (${tenantId}, 2)
    on conflict (tenant_id) do update set next_number = problem_counters.next_number + 1
    returning next_number`.execute(db);
  return r.rows[0]!.next_number - 1;
}

export type NewProblem = {
  number: number;
  client_id: string;
  title: string;
  description: string;
  root_cause: string;
  workaround: string;
  plan: string;
  estimated_cost_minor: number | null;
  currency: string | null;
  opened_at: Date;
  created_by: string;
};

export async function insertProblem(db: Db, tenantId: string, p: NewProblem): Promise<string> {
  const row = await db
    .insertInto('problems')
    .values({ tenant_id: tenantId, ...p, created_at: p.opened_at, updated_at: p.opened_at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export type ProblemPatch = Partial<{
  title: string;
  description: string;
  root_cause: string;
  workaround: string;
  plan: string;
  estimated_cost_minor: number | null;
  currency: string | null;
  status: ProblemStatus;
  resolved_at: Date | null;
}>;

/** Applies a change and bumps the version; undefined when `expectedVersion` is stale. */
export async function updateProblem(db: Db, tenantId: string, id: string, patch: ProblemPatch, expectedVersion: number | null, at: Date) {
  let q = db
    .updateTable('problems')
    .set((eb) => ({ ...patch, updated_at: at, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id);
  if (expectedVersion !== null) q = q.where('version', '=', expectedVersion);
  return q.returning(['id', 'version']).executeTakeFirst();
}

/** Locks the problem row: status changes and link changes of one problem queue. */
export async function lockProblem(db: Db, tenantId: string, id: string) {
  return db.selectFrom('problems').select(['id', 'status', 'number', 'title', 'version']).where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function touchProblem(db: Db, tenantId: string, id: string, at: Date): Promise<void> {
  await db.updateTable('problems').set({ updated_at: at }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function findClient(db: Db, tenantId: string, clientId: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('clients').select('id').where('tenant_id', '=', tenantId).where('id', '=', clientId).executeTakeFirst();
}

export type TicketHead = { id: string; number: number; subject: string; status: string; created_at: Date };

/** Of `ids`, those that are tickets of the client. */
export async function ticketsOfClient(db: Db, tenantId: string, clientId: string, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.selectFrom('tickets').select('id').where('tenant_id', '=', tenantId).where('client_id', '=', clientId).where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/** Links the tickets (already linked ones are left alone); returns the ids newly linked. */
export async function linkTickets(db: Db, tenantId: string, problemId: string, ticketIds: readonly string[], userId: string, at: Date): Promise<string[]> {
  if (!ticketIds.length) return [];
  const rows = await db
    .insertInto('problem_tickets')
    .values(ticketIds.map((ticket_id) => ({ tenant_id: tenantId, problem_id: problemId, ticket_id, linked_by: userId, linked_at: at })))
    .onConflict((oc) => oc.columns(['tenant_id', 'problem_id', 'ticket_id']).doNothing())
    .returning('ticket_id')
    .execute();
  return rows.map((r) => r.ticket_id);
}

export async function unlinkTicket(db: Db, tenantId: string, problemId: string, ticketId: string): Promise<boolean> {
  const r = await db.deleteFrom('problem_tickets').where('tenant_id', '=', tenantId).where('problem_id', '=', problemId).where('ticket_id', '=', ticketId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** The linked tickets, oldest first. */
export async function linkedTickets(db: Db, tenantId: string, problemId: string): Promise<TicketHead[]> {
  return db
    .selectFrom('problem_tickets as pt')
    .innerJoin('tickets as t', (j) => j.onRef('t.tenant_id', '=', 'pt.tenant_id').onRef('t.id', '=', 'pt.ticket_id'))
    .select(['t.id', 't.number', 't.subject', 't.status', 't.created_at'])
    .where('pt.tenant_id', '=', tenantId)
    .where('pt.problem_id', '=', problemId)
    .orderBy('t.created_at')
    .orderBy('t.number')
    .execute();
}

export async function milestones(db: Db, tenantId: string, problemId: string): Promise<MilestoneRow[]> {
  return db
    .selectFrom('problem_milestones')
    .select(['id', 'title', sql<string | null>`due_on::text`.as('due_on'), sql<string | null>`done_on::text`.as('done_on')])
    .where('tenant_id', '=', tenantId)
    .where('problem_id', '=', problemId)
    .orderBy('position')
    .execute();
}

/** The list in the order given: kept milestones (with an id) updated, others deleted, new ones added. */
export async function replaceMilestones(db: Db, tenantId: string, problemId: string, items: ReadonlyArray<{ id?: string; title: string; dueOn?: string | null; doneOn?: string | null }>): Promise<void> {
  const kept = items.flatMap((m) => (m.id ? [m.id] : []));
  let del = db.deleteFrom('problem_milestones').where('tenant_id', '=', tenantId).where('problem_id', '=', problemId);
  if (kept.length) del = del.where('id', 'not in', kept);
  await del.execute();
  for (const [position, m] of items.entries()) {
    const values = { title: m.title, due_on: m.dueOn ?? null, done_on: m.doneOn ?? null, position };
    if (m.id) await db.updateTable('problem_milestones').set(values).where('tenant_id', '=', tenantId).where('problem_id', '=', problemId).where('id', '=', m.id).execute();
    else await db.insertInto('problem_milestones').values({ tenant_id: tenantId, problem_id: problemId, ...values }).execute();
  }
}

export async function milestoneIds(db: Db, tenantId: string, problemId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('problem_milestones').select('id').where('tenant_id', '=', tenantId).where('problem_id', '=', problemId).execute();
  return new Set(rows.map((r) => r.id));
}

export type RecurringGroup = {
  client_id: string;
  client_name: string;
  catalog_item_id: string;
  catalog_item_name: string;
  site_id: string | null;
  site_name: string | null;
  tickets: Array<{ id: string; number: number; subject: string; status: string; created_at: string }>;
};

/**
 * Tickets created since `since` not linked to any problem, grouped by client, catalog item and
 * site (no site is a group of its own), where a group has at least `min` tickets; largest first.
 */
export async function recurringGroups(db: Db, tenantId: string, clientId: string | undefined, since: Date, min: number, limit: number): Promise<RecurringGroup[]> {
  const r = await sql<RecurringGroup>`
    select t.client_id, c.name as client_name, t.catalog_item_id, i.name as catalog_item_name, t.site_id, s.name as site_name,
      json_agg(json_build_object('id', t.id, 'number', t.number, 'subject', t.subject, 'status', t.status, 'created_at', t.created_at) order by t.created_at, t.number) as tickets
    from tickets t
    join clients c on c.tenant_id = t.tenant_id and c.id = t.client_id
    join catalog_items i on i.tenant_id = t.tenant_id and i.id = t.catalog_item_id
    left join sites s on s.tenant_id = t.tenant_id and s.id = t.site_id
    where t.tenant_id = ${tenantId} and t.created_at >= ${since} and t.catalog_item_id is not null
      -- Without a client, each client's recent tickets are read by the (tenant, client, created) index.
      ${clientId ? sql`and t.client_id = ${clientId}` : sql`and t.client_id = any(array(select c2.id from clients c2 where c2.tenant_id = ${tenantId}))`}
      and not exists (select 1 from problem_tickets pt where pt.tenant_id = t.tenant_id and pt.ticket_id = t.id)
    group by t.client_id, c.name, t.catalog_item_id, i.name, t.site_id, s.name
    having count(*) >= ${min}
    order by count(*) desc, c.name, i.name
    limit ${limit}`.execute(db);
  return r.rows;
}
