import { sql } from 'kysely';
import type { Db } from '../../db/database';
import type { CsatScale } from '../../domain/satisfaction/satisfaction-types';
import type { Scope } from '../../http/actor';
import type { Cursor } from '../../http/pagination';

// ---------- tenant settings ----------

export type SurveySettingsRow = {
  id: string;
  name: string;
  survey_key: string;
  csat_scale: CsatScale;
  csat_link_days: number;
  csat_follow_up: 'notify' | 'ticket';
  nps_enabled: boolean;
  nps_month_of_quarter: number;
  nps_day_of_month: number;
  nps_time_zone: string;
  risk_window_days: number;
  risk_csat_drop: string;
  risk_bad_streak: number;
  risk_problem_days: number;
  version: number;
};

export async function surveySettings(db: Db, tenantId: string): Promise<SurveySettingsRow | undefined> {
  return db
    .selectFrom('tenants')
    .select([
      'id',
      'name',
      'survey_key',
      'csat_scale',
      'csat_link_days',
      'csat_follow_up',
      'nps_enabled',
      'nps_month_of_quarter',
      'nps_day_of_month',
      'nps_time_zone',
      'risk_window_days',
      'risk_csat_drop',
      'risk_bad_streak',
      'risk_problem_days',
      'version',
    ])
    .where('id', '=', tenantId)
    .executeTakeFirst();
}

export type SettingsPatch = Partial<
  Pick<SurveySettingsRow, 'csat_scale' | 'csat_link_days' | 'csat_follow_up' | 'nps_enabled' | 'nps_month_of_quarter' | 'nps_day_of_month' | 'nps_time_zone' | 'risk_window_days' | 'risk_bad_streak' | 'risk_problem_days'> & { risk_csat_drop: number }
>;

/** False when `expectedVersion` is given and the tenant row has moved on. */
export async function updateSettings(db: Db, tenantId: string, patch: SettingsPatch, expectedVersion: number | null): Promise<boolean> {
  let q = db
    .updateTable('tenants')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', tenantId);
  if (expectedVersion !== null) q = q.where('version', '=', expectedVersion);
  return Number((await q.executeTakeFirst()).numUpdatedRows) === 1;
}

/** The key that signs a tenant's survey links, and the name the answer page shows. */
export async function tenantKey(db: Db, tenantId: string): Promise<{ name: string; survey_key: string } | undefined> {
  return db.selectFrom('tenants').select(['name', 'survey_key']).where('id', '=', tenantId).executeTakeFirst();
}

// ---------- CSAT: issuing at resolution ----------

export type IssuedCsat = { id: string; expires_at: Date; scale: CsatScale; survey_key: string; recipient_email: string; first: boolean };

/**
 * Writes the ticket's survey at its first resolution, or gives the existing one a new expiry at a
 * later one, in one statement: the scope fields (technician, category, priority, site, plan) as
 * the ticket has them now, the scale the tenant uses now. Nothing when the requester has no
 * e-mail address. Call inside the resolving transaction.
 */
export async function issueCsat(trx: Db, tenantId: string, ticketId: string, now: Date): Promise<IssuedCsat | undefined> {
  const r = await sql<IssuedCsat>`
    with src as (
      select t.tenant_id, t.id as ticket_id, t.client_id, t.contract_id, t.site_id,
             coalesce(nullif(k.email, ''), nullif(r.email, '')) as recipient_email,
             t.requester_contact_id, coalesce(t.requester_user_id, k.user_id) as recipient_user_id,
             t.assignee_id, i.category, t.priority, p.name as plan_name, tn.csat_scale, tn.csat_link_days
        from tickets t
        join tenants tn on tn.id = t.tenant_id
        left join contacts k on k.tenant_id = t.tenant_id and k.id = t.requester_contact_id
        left join users r on r.tenant_id = t.tenant_id and r.id = t.requester_user_id
        left join catalog_items i on i.tenant_id = t.tenant_id and i.id = t.catalog_item_id
        left join plans p on p.tenant_id = t.tenant_id and p.id::text = t.targets->>'planId'
       where t.tenant_id = ${tenantId} and t.id = ${ticketId}
    ), ins as (
      insert into csat_surveys (tenant_id, ticket_id, client_id, contract_id, site_id, recipient_email, recipient_contact_id, recipient_user_id,
                                technician_id, category, priority, plan_name, scale, sent_at, expires_at)
      select tenant_id, ticket_id, client_id, contract_id, site_id, recipient_email, requester_contact_id, recipient_user_id,
             assignee_id, category, priority, plan_name, csat_scale, ${now}::timestamptz, ${now}::timestamptz + csat_link_days * interval '1 day'
        from src where recipient_email is not null
      on conflict (tenant_id, ticket_id) do update set expires_at = excluded.expires_at
      returning id, expires_at, scale, recipient_email, (xmax = 0) as first
    )
    select ins.id, ins.expires_at, ins.scale, ins.recipient_email, ins.first, tn.survey_key
      from ins join tenants tn on tn.id = ${tenantId}
  `.execute(trx);
  return r.rows[0];
}

// ---------- CSAT: answering ----------

export type CsatLinkRow = {
  id: string;
  tenant_id: string;
  ticket_id: string;
  client_id: string;
  site_id: string | null;
  scale: CsatScale;
  sent_at: Date;
  expires_at: Date;
  rating: number | null;
  score: number | null;
  comment: string;
  responded_at: Date | null;
  response_count: number;
  follow_up_ticket_id: string | null;
  recipient_contact_id: string | null;
  recipient_user_id: string | null;
  ticket_number: number;
  ticket_subject: string;
  ticket_status: string;
  client_name: string;
};

function csatSelect(db: Db) {
  return db
    .selectFrom('csat_surveys as s')
    .innerJoin('tickets as t', (j) => j.onRef('t.tenant_id', '=', 's.tenant_id').onRef('t.id', '=', 's.ticket_id'))
    .innerJoin('clients as c', (j) => j.onRef('c.tenant_id', '=', 's.tenant_id').onRef('c.id', '=', 's.client_id'))
    .select([
      's.id',
      's.tenant_id',
      's.ticket_id',
      's.client_id',
      's.site_id',
      's.scale',
      's.sent_at',
      's.expires_at',
      's.rating',
      's.score',
      's.comment',
      's.responded_at',
      's.response_count',
      's.follow_up_ticket_id',
      's.recipient_contact_id',
      's.recipient_user_id',
      't.number as ticket_number',
      't.subject as ticket_subject',
      't.status as ticket_status',
      'c.name as client_name',
    ]);
}

export async function findCsat(db: Db, tenantId: string, surveyId: string, lock = false): Promise<CsatLinkRow | undefined> {
  let q = csatSelect(db).where('s.tenant_id', '=', tenantId).where('s.id', '=', surveyId);
  if (lock) q = q.forUpdate('s');
  return (await q.executeTakeFirst()) as CsatLinkRow | undefined;
}

export async function findCsatOfTicket(db: Db, tenantId: string, ticketId: string, lock = false): Promise<CsatLinkRow | undefined> {
  let q = csatSelect(db).where('s.tenant_id', '=', tenantId).where('s.ticket_id', '=', ticketId);
  if (lock) q = q.forUpdate('s');
  return (await q.executeTakeFirst()) as CsatLinkRow | undefined;
}

/** Records the answer (a later one replaces it; the count keeps how many were given). A missing comment keeps the one given before. */
export async function answerCsat(trx: Db, tenantId: string, surveyId: string, a: { rating: number; score: number; comment?: string; now: Date }) {
  return trx
    .updateTable('csat_surveys')
    .set((eb) => ({
      rating: a.rating,
      score: a.score,
      ...(a.comment === undefined ? {} : { comment: a.comment }),
      responded_at: a.now,
      response_count: eb('response_count', '+', 1),
    }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', surveyId)
    .returning(['rating', 'score', 'comment', 'responded_at', 'response_count'])
    .executeTakeFirstOrThrow();
}

/** Links the follow-up ticket unless one is linked already; false means another answer opened it first. */
export async function linkFollowUp(trx: Db, tenantId: string, surveyId: string, ticketId: string): Promise<boolean> {
  const r = await trx
    .updateTable('csat_surveys')
    .set({ follow_up_ticket_id: ticketId })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', surveyId)
    .where('follow_up_ticket_id', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Who hears of a bad rating: the client's account manager when active, else the active owners and admins. */
export async function badRatingRecipients(db: Db, tenantId: string, clientId: string): Promise<string[]> {
  const manager = await db
    .selectFrom('clients as c')
    .innerJoin('users as u', (j) => j.onRef('u.tenant_id', '=', 'c.tenant_id').onRef('u.id', '=', 'c.account_manager_id'))
    .select('u.id')
    .where('c.tenant_id', '=', tenantId)
    .where('c.id', '=', clientId)
    .where('u.status', '=', 'active')
    .where('u.client_id', 'is', null)
    .executeTakeFirst();
  if (manager) return [manager.id];
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('client_id', 'is', null)
    .where('status', '=', 'active')
    .where('role', 'in', ['owner', 'admin'])
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

// ---------- CSAT: lists ----------

export type CsatFilter = { clientId?: string; technicianId?: string; from?: Date; to?: Date; rating?: 'negative' | 'positive' };

export type CsatListRow = {
  id: string;
  ticket_id: string;
  ticket_number: number;
  ticket_subject: string;
  client_id: string;
  client_name: string;
  technician_id: string | null;
  technician_name: string | null;
  scale: CsatScale;
  rating: number;
  score: number;
  comment: string;
  responded_at: Date;
  follow_up_ticket_id: string | null;
  at_key: string;
};

/** Answered surveys, newest answer first; keyset on (responded_at, id) as whole microseconds. */
export async function listCsat(db: Db, scope: Scope, f: CsatFilter, limit: number, after?: Cursor): Promise<CsatListRow[]> {
  let q = db
    .selectFrom('csat_surveys as s')
    .innerJoin('tickets as t', (j) => j.onRef('t.tenant_id', '=', 's.tenant_id').onRef('t.id', '=', 's.ticket_id'))
    .innerJoin('clients as c', (j) => j.onRef('c.tenant_id', '=', 's.tenant_id').onRef('c.id', '=', 's.client_id'))
    .leftJoin('users as u', (j) => j.onRef('u.tenant_id', '=', 's.tenant_id').onRef('u.id', '=', 's.technician_id'))
    .select([
      's.id',
      's.ticket_id',
      't.number as ticket_number',
      't.subject as ticket_subject',
      's.client_id',
      'c.name as client_name',
      's.technician_id',
      'u.name as technician_name',
      's.scale',
      's.rating',
      's.score',
      's.comment',
      's.responded_at',
      's.follow_up_ticket_id',
      sql<string>`((extract(epoch from s.responded_at) * 1000000)::bigint)::text`.as('at_key'),
    ])
    .where('s.tenant_id', '=', scope.tenantId)
    .where('s.responded_at', 'is not', null);
  if (scope.clientId) q = q.where('s.client_id', '=', scope.clientId);
  if (f.clientId) q = q.where('s.client_id', '=', f.clientId);
  if (f.technicianId) q = q.where('s.technician_id', '=', f.technicianId);
  if (f.from) q = q.where('s.responded_at', '>=', f.from);
  if (f.to) q = q.where('s.responded_at', '<', f.to);
  if (f.rating === 'negative') q = q.where('s.score', '<=', 2);
  if (f.rating === 'positive') q = q.where('s.score', '>=', 4);
  if (after) {
    const at = sql`(timestamptz 'epoch' + ${String(after.k)}::bigint * interval '1 microsecond')`;
    q = q.where(sql<boolean>`(s.responded_at, s.id) < (${at}, ${after.id}::uuid)`);
  }
  return (await q.orderBy('s.responded_at', 'desc').orderBy('s.id', 'desc').limit(limit + 1).execute()) as CsatListRow[];
}

// ---------- NPS ----------

export type NpsLinkRow = {
  id: string;
  tenant_id: string;
  client_id: string;
  quarter_key: string;
  expires_at: Date;
  score: number | null;
  comment: string;
  responded_at: Date | null;
};

export async function findNps(db: Db, tenantId: string, surveyId: string, lock = false): Promise<NpsLinkRow | undefined> {
  let q = db
    .selectFrom('nps_surveys')
    .select(['id', 'tenant_id', 'client_id', 'quarter_key', 'expires_at', 'score', 'comment', 'responded_at'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', surveyId);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function answerNps(trx: Db, tenantId: string, surveyId: string, a: { score: number; comment?: string; now: Date }) {
  return trx
    .updateTable('nps_surveys')
    .set({ score: a.score, ...(a.comment === undefined ? {} : { comment: a.comment }), responded_at: a.now })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', surveyId)
    .returning(['score', 'comment', 'responded_at'])
    .executeTakeFirstOrThrow();
}

/** Inserts the quarter's round unless it exists; undefined when another start got there first. */
export async function insertRound(trx: Db, r: { tenantId: string; quarterKey: string; startedAt: Date; startedBy: string | null; expiresAt: Date }) {
  return trx
    .insertInto('nps_rounds')
    .values({ tenant_id: r.tenantId, quarter_key: r.quarterKey, started_at: r.startedAt, started_by: r.startedBy, expires_at: r.expiresAt })
    .onConflict((oc) => oc.columns(['tenant_id', 'quarter_key']).doNothing())
    .returning(['id'])
    .executeTakeFirst();
}

export type NpsRecipient = { client_id: string; client_name: string; contact_id: string; email: string };

/**
 * Contacts with an e-mail address of active clients with a contract in force at `now`, one per
 * address (the first client by name wins), and none already asked this quarter.
 */
export async function npsRecipients(db: Db, tenantId: string, quarterKey: string, now: Date): Promise<NpsRecipient[]> {
  const r = await sql<NpsRecipient>`
    select distinct on (lower(k.email)) k.client_id, c.name as client_name, k.id as contact_id, k.email
      from contacts k
      join clients c on c.tenant_id = k.tenant_id and c.id = k.client_id and c.status = 'active'
     where k.tenant_id = ${tenantId}
       and k.email <> ''
       and exists (select 1 from contracts x where x.tenant_id = k.tenant_id and x.client_id = k.client_id and x.status = 'active'
                      and x.starts_at <= ${now}::timestamptz and (x.ends_at is null or x.ends_at > ${now}::timestamptz))
       and not exists (select 1 from nps_surveys n where n.tenant_id = k.tenant_id and n.quarter_key = ${quarterKey} and lower(n.email) = lower(k.email))
     order by lower(k.email), c.name, c.id, k.id
  `.execute(db);
  return r.rows;
}

/** One survey per address per quarter: an address another round reached meanwhile is skipped by the unique index. */
export async function insertNpsSurveys(
  trx: Db,
  rows: ReadonlyArray<{ tenantId: string; roundId: string; quarterKey: string; clientId: string; contactId: string; email: string; sentAt: Date; expiresAt: Date }>,
): Promise<Array<{ id: string; email: string; client_id: string }>> {
  if (rows.length === 0) return [];
  const r = await sql<{ id: string; email: string; client_id: string }>`
    insert into nps_surveys (tenant_id, round_id, quarter_key, client_id, contact_id, email, sent_at, expires_at)
    select * from unnest(${rows.map((x) => x.tenantId)}::uuid[], ${rows.map((x) => x.roundId)}::uuid[], ${rows.map((x) => x.quarterKey)}::text[],
                         ${rows.map((x) => x.clientId)}::uuid[], ${rows.map((x) => x.contactId)}::uuid[], ${rows.map((x) => x.email)}::text[],
                         ${rows.map((x) => x.sentAt.toISOString())}::timestamptz[], ${rows.map((x) => x.expiresAt.toISOString())}::timestamptz[])
    on conflict (tenant_id, quarter_key, lower(email)) do nothing
    returning id, email, client_id
  `.execute(trx);
  return r.rows;
}

export async function setRecipientCount(trx: Db, tenantId: string, roundId: string, count: number): Promise<void> {
  await trx.updateTable('nps_rounds').set({ recipient_count: count }).where('tenant_id', '=', tenantId).where('id', '=', roundId).execute();
}

export type RoundRow = {
  id: string;
  quarter_key: string;
  started_at: Date;
  started_by: string | null;
  started_by_name: string | null;
  expires_at: Date;
  recipient_count: number;
  responses: number;
  promoters: number;
  detractors: number;
};

/** The tenant's rounds, latest quarter first, with their answers counted. */
export async function listRounds(db: Db, tenantId: string, quarterKey?: string): Promise<RoundRow[]> {
  const r = await sql<RoundRow>`
    select r.id, r.quarter_key, r.started_at, r.started_by, u.name as started_by_name, r.expires_at, r.recipient_count,
           count(n.responded_at)::int as responses,
           count(*) filter (where n.score >= 9)::int as promoters,
           count(*) filter (where n.score <= 6)::int as detractors
      from nps_rounds r
      left join users u on u.tenant_id = r.tenant_id and u.id = r.started_by
      left join nps_surveys n on n.tenant_id = r.tenant_id and n.round_id = r.id
     where r.tenant_id = ${tenantId} ${quarterKey ? sql`and r.quarter_key = ${quarterKey}` : sql``}
     group by r.tenant_id, r.id, u.name
     order by r.quarter_key desc
  `.execute(db);
  return r.rows;
}

export async function roundExists(db: Db, tenantId: string, roundId: string): Promise<boolean> {
  return !!(await db.selectFrom('nps_rounds').select('id').where('tenant_id', '=', tenantId).where('id', '=', roundId).executeTakeFirst());
}

export type NpsResponseRow = { id: string; client_id: string; client_name: string; email: string; score: number; comment: string; responded_at: Date; at_key: string };

export async function listRoundResponses(db: Db, tenantId: string, roundId: string, limit: number, after?: Cursor): Promise<NpsResponseRow[]> {
  let q = db
    .selectFrom('nps_surveys as n')
    .innerJoin('clients as c', (j) => j.onRef('c.tenant_id', '=', 'n.tenant_id').onRef('c.id', '=', 'n.client_id'))
    .select(['n.id', 'n.client_id', 'c.name as client_name', 'n.email', 'n.score', 'n.comment', 'n.responded_at', sql<string>`((extract(epoch from n.responded_at) * 1000000)::bigint)::text`.as('at_key')])
    .where('n.tenant_id', '=', tenantId)
    .where('n.round_id', '=', roundId)
    .where('n.responded_at', 'is not', null);
  if (after) {
    const at = sql`(timestamptz 'epoch' + ${String(after.k)}::bigint * interval '1 microsecond')`;
    q = q.where(sql<boolean>`(n.responded_at, n.id) < (${at}, ${after.id}::uuid)`);
  }
  return (await q.orderBy('n.responded_at', 'desc').orderBy('n.id', 'desc').limit(limit + 1).execute()) as NpsResponseRow[];
}

/** Tenants whose NPS schedule is on, with the quarter of their latest round. */
export async function scheduledTenants(db: Db, tenantIds?: readonly string[]) {
  let q = db
    .selectFrom('tenants as tn')
    .select([
      'tn.id',
      'tn.nps_month_of_quarter',
      'tn.nps_day_of_month',
      'tn.nps_time_zone',
      (eb) => eb.selectFrom('nps_rounds as r').select(sql<string>`max(r.quarter_key)`.as('q')).whereRef('r.tenant_id', '=', 'tn.id').as('latest_quarter'),
    ])
    .where('tn.nps_enabled', '=', true);
  if (tenantIds) q = tenantIds.length ? q.where('tn.id', 'in', [...tenantIds]) : q.where(sql<boolean>`false`);
  return q.execute();
}
