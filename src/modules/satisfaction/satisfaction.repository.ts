import { sql } from 'kysely';
import type { Db } from '../../db/database';
import type { JourneyStage, ProblemStatus, RiskSettings } from '../../domain/satisfaction/satisfaction-types';
import type { CsatFactRow } from './csat-facts';

/**
 * What the satisfaction summary and the at-risk signals read: survey answers, the clients with
 * their account manager and current journey stage, open problems and recent scorecard outcomes.
 * Every query takes the tenant; reads for one client take it too. Set-based: one statement per
 * kind of row for all the clients asked about.
 */

const when = (d: Date | string | null): Date | null => (d === null ? null : new Date(d));

// ---------- the summary ----------

export type SummaryCsatRow = CsatFactRow & { client_id: string; client_name: string; technician_name: string | null };

/** CSAT surveys of the tenant (or one client) sent or answered in [from, to). */
export async function csatForSummary(db: Db, tenantId: string, from: Date, to: Date, clientId?: string): Promise<SummaryCsatRow[]> {
  const r = await sql<SummaryCsatRow>`
    select s.id, s.ticket_id, t.number, t.subject, s.client_id, c.name as client_name, s.technician_id, u.name as technician_name,
      s.plan_name, s.category, s.priority, s.site_id, s.scale, s.rating, s.score, s.sent_at, s.responded_at
    from csat_surveys s
    join tickets t on t.tenant_id = s.tenant_id and t.id = s.ticket_id
    join clients c on c.tenant_id = s.tenant_id and c.id = s.client_id
    left join users u on u.tenant_id = s.tenant_id and u.id = s.technician_id
    where s.tenant_id = ${tenantId} and s.sent_at < ${to}
      and (s.sent_at >= ${from} or (s.responded_at >= ${from} and s.responded_at < ${to}))
      ${clientId ? sql`and s.client_id = ${clientId}` : sql``}`.execute(db);
  return r.rows.map((x) => ({ ...x, number: Number(x.number), sent_at: new Date(x.sent_at), responded_at: when(x.responded_at) }));
}

export type SummaryNpsRow = { id: string; client_id: string; score: number; sent_at: Date; responded_at: Date };

/** NPS answers of the tenant (or one client) given in [from, to). */
export async function npsForSummary(db: Db, tenantId: string, from: Date, to: Date, clientId?: string): Promise<SummaryNpsRow[]> {
  let q = db
    .selectFrom('nps_surveys')
    .select(['id', 'client_id', 'score', 'sent_at', 'responded_at'])
    .where('tenant_id', '=', tenantId)
    .where('responded_at', '>=', from)
    .where('responded_at', '<', to)
    .where('score', 'is not', null);
  if (clientId) q = q.where('client_id', '=', clientId);
  const rows = await q.execute();
  return rows.map((x) => ({ id: x.id, client_id: x.client_id, score: x.score!, sent_at: new Date(x.sent_at), responded_at: new Date(x.responded_at!) }));
}

/** Whether the client exists in the tenant. */
export async function clientExists(db: Db, tenantId: string, clientId: string): Promise<boolean> {
  return (await db.selectFrom('clients').select('id').where('tenant_id', '=', tenantId).where('id', '=', clientId).executeTakeFirst()) !== undefined;
}

export async function clientNames(db: Db, tenantId: string, ids: readonly string[]): Promise<Array<{ id: string; name: string }>> {
  if (!ids.length) return [];
  return db.selectFrom('clients').select(['id', 'name']).where('tenant_id', '=', tenantId).where('id', '=', sql<string>`any(${sql.val([...ids])}::uuid[])`).execute();
}

// ---------- at risk ----------

export async function riskSettings(db: Db, tenantId: string): Promise<RiskSettings> {
  const t = await db
    .selectFrom('tenants')
    .select(['risk_window_days', 'risk_csat_drop', 'risk_bad_streak', 'risk_problem_days'])
    .where('id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return { windowDays: t.risk_window_days, csatDrop: Number(t.risk_csat_drop), badStreak: t.risk_bad_streak, problemDays: t.risk_problem_days };
}

export type RiskClientRow = {
  id: string;
  name: string;
  account_manager_id: string | null;
  account_manager_name: string | null;
  stage: JourneyStage | null;
};

/**
 * The clients to evaluate: active ones of the tenant (optionally those of one account manager,
 * or one client whatever its status) with the account manager and the current journey stage
 * (the latest effective change; of two on one day, the later recorded).
 */
export async function riskClients(db: Db, tenantId: string, filter: { accountManagerId?: string; clientId?: string }): Promise<RiskClientRow[]> {
  const r = await sql<RiskClientRow>`
    select c.id, c.name, c.account_manager_id, u.name as account_manager_name, j.stage
    from clients c
    left join users u on u.tenant_id = c.tenant_id and u.id = c.account_manager_id
    left join lateral (
      select j.stage from journey_stage_changes j
      where j.tenant_id = c.tenant_id and j.client_id = c.id
      order by j.effective_on desc, j.created_at desc, j.id desc limit 1
    ) j on true
    where c.tenant_id = ${tenantId}
      ${filter.clientId ? sql`and c.id = ${filter.clientId}` : sql`and c.status = 'active'`}
      ${filter.accountManagerId ? sql`and c.account_manager_id = ${filter.accountManagerId}` : sql``}
    order by c.name, c.id`.execute(db);
  return r.rows;
}

export type RiskCsatRow = { client_id: string; ticket_id: string; number: number; score: number; responded_at: Date };

/**
 * The CSAT answers the rules read: every answer since `since` (the two trend windows), and each
 * client's latest `latest` answers whenever given (the streak).
 */
export async function riskCsat(db: Db, tenantId: string, clientIds: readonly string[], since: Date, latest: number): Promise<RiskCsatRow[]> {
  if (!clientIds.length) return [];
  const ids = sql.val([...clientIds]);
  const r = await sql<RiskCsatRow>`
    select s.client_id, s.ticket_id, t.number, s.score, s.responded_at
    from (
      select s.client_id, s.ticket_id, s.score, s.responded_at from csat_surveys s
      where s.tenant_id = ${tenantId} and s.client_id = any(${ids}::uuid[]) and s.responded_at >= ${since}
      union
      select l.client_id, l.ticket_id, l.score, l.responded_at
      from unnest(${ids}::uuid[]) as c(id)
      cross join lateral (
        select s.client_id, s.ticket_id, s.score, s.responded_at from csat_surveys s
        where s.tenant_id = ${tenantId} and s.client_id = c.id and s.responded_at is not null
        order by s.responded_at desc limit ${latest}
      ) l
    ) s
    join tickets t on t.tenant_id = ${tenantId} and t.id = s.ticket_id`.execute(db);
  return r.rows.map((x) => ({ ...x, number: Number(x.number), score: Number(x.score), responded_at: new Date(x.responded_at) }));
}

export type RiskNpsRow = { client_id: string; quarter_key: string; score: number };

/** NPS answers of the clients in quarters from `fromQuarter` on. */
export async function riskNps(db: Db, tenantId: string, clientIds: readonly string[], fromQuarter: string): Promise<RiskNpsRow[]> {
  if (!clientIds.length) return [];
  const rows = await db
    .selectFrom('nps_surveys')
    .select(['client_id', 'quarter_key', 'score'])
    .where('tenant_id', '=', tenantId)
    .where('client_id', '=', sql<string>`any(${sql.val([...clientIds])}::uuid[])`)
    .where('quarter_key', '>=', fromQuarter)
    .where('score', 'is not', null)
    .execute();
  return rows.map((x) => ({ client_id: x.client_id, quarter_key: x.quarter_key, score: x.score! }));
}

export type RiskProblemRow = { id: string; client_id: string; number: number; title: string; status: ProblemStatus; opened_at: Date };

/** The clients' problems not resolved. */
export async function openProblems(db: Db, tenantId: string, clientIds: readonly string[]): Promise<RiskProblemRow[]> {
  if (!clientIds.length) return [];
  const rows = await db
    .selectFrom('problems')
    .select(['id', 'client_id', 'number', 'title', 'status', 'opened_at'])
    .where('tenant_id', '=', tenantId)
    .where('client_id', '=', sql<string>`any(${sql.val([...clientIds])}::uuid[])`)
    .where('status', '<>', 'resolved')
    .execute();
  return rows.map((x) => ({ ...x, opened_at: new Date(x.opened_at) }));
}

export type RiskGoalRow = { client_id: string; contract_id: string; contract_name: string; goal_id: string; objective: string; period_key: string; outcome: 'met' | 'missed' | 'not_evaluable' };

/**
 * Each goal's outcome in the latest revision of the months its rule compares, for the active
 * contracts of the clients, from `fromMonth` on: each contract's two latest months (monthly goals)
 * and its two latest quarter-end months (quarterly goals, which carry their quarter as period).
 * The months are chosen on the scorecards' keys alone; only the chosen documents are read, and
 * only their goals' outcomes leave the database (never the per-ticket contributions).
 */
export async function recentGoalOutcomes(db: Db, tenantId: string, clientIds: readonly string[], fromMonth: string): Promise<RiskGoalRow[]> {
  if (!clientIds.length) return [];
  const r = await sql<RiskGoalRow>`
    with latest as (
      select distinct on (s.contract_id, s.period_key) s.id, s.client_id, s.contract_id, s.period_key,
        substr(s.period_key, 6, 2) in ('03', '06', '09', '12') as quarter_end
      from scorecards s
      where s.tenant_id = ${tenantId} and s.client_id = any(${sql.val([...clientIds])}::uuid[]) and s.period_key >= ${fromMonth}
      order by s.contract_id, s.period_key, s.revision desc
    ), ranked as (
      select l.*, row_number() over (partition by l.contract_id order by l.period_key desc) as n,
        row_number() over (partition by l.contract_id, l.quarter_end order by l.period_key desc) as nq
      from latest l
    )
    select r.client_id, r.contract_id, k.name as contract_name, g->>'goalId' as goal_id, coalesce(g->>'objective', '') as objective,
      coalesce(g->>'periodKey', r.period_key) as period_key, g->>'outcome' as outcome
    from ranked r
    join contracts k on k.tenant_id = ${tenantId} and k.id = r.contract_id and k.status = 'active'
    join scorecards s on s.tenant_id = ${tenantId} and s.id = r.id
    cross join lateral jsonb_array_elements(s.document->'goals') g
    where r.n <= 2 or (r.quarter_end and r.nq <= 2)`.execute(db);
  return r.rows;
}
