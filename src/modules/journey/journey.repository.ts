import { sql } from 'kysely';
import type { Db } from '../../db/database';
import type { JourneyEvidence, JourneyStage } from '../../domain/satisfaction/satisfaction-types';
import type { OpenProblemFact, RisingCount, TicketRef } from '../../domain/satisfaction/journey-suggestions';
import type { Scope } from '../../http/actor';

/**
 * What a client's journey reads and writes: its stage changes, the survey answers drawn over
 * them, the counts the suggestions are computed from, and dismissals. Every query takes the
 * tenant and the client (already checked against the caller's scope by `findClient`).
 */

export async function findClient(db: Db, scope: Scope, clientId: string): Promise<{ id: string; name: string } | undefined> {
  let q = db.selectFrom('clients').select(['id', 'name']).where('tenant_id', '=', scope.tenantId).where('id', '=', clientId);
  if (scope.clientId) q = q.where('id', '=', scope.clientId);
  return q.executeTakeFirst();
}

export type StageChangeRow = {
  id: string;
  stage: JourneyStage;
  effective_on: string;
  note: string;
  evidence: JourneyEvidence[];
  created_by: string;
  created_by_name: string;
  created_at: Date;
};

/** The client's stage changes, latest effective first (the order they read in as a timeline). */
export async function listChanges(db: Db, tenantId: string, clientId: string): Promise<StageChangeRow[]> {
  const rows = await db
    .selectFrom('journey_stage_changes as j')
    .innerJoin('users as u', (join) => join.onRef('u.tenant_id', '=', 'j.tenant_id').onRef('u.id', '=', 'j.created_by'))
    .select(['j.id', 'j.stage', sql<string>`j.effective_on::text`.as('effective_on'), 'j.note', 'j.evidence', 'j.created_by', 'u.name as created_by_name', 'j.created_at'])
    .where('j.tenant_id', '=', tenantId)
    .where('j.client_id', '=', clientId)
    .orderBy('j.effective_on', 'desc')
    .orderBy('j.created_at', 'desc')
    .orderBy('j.id', 'desc')
    .execute();
  return rows as StageChangeRow[];
}

export async function findChange(db: Db, tenantId: string, id: string): Promise<StageChangeRow | undefined> {
  const rows = await db
    .selectFrom('journey_stage_changes as j')
    .innerJoin('users as u', (join) => join.onRef('u.tenant_id', '=', 'j.tenant_id').onRef('u.id', '=', 'j.created_by'))
    .select(['j.id', 'j.stage', sql<string>`j.effective_on::text`.as('effective_on'), 'j.note', 'j.evidence', 'j.created_by', 'u.name as created_by_name', 'j.created_at'])
    .where('j.tenant_id', '=', tenantId)
    .where('j.id', '=', id)
    .execute();
  return rows[0] as StageChangeRow | undefined;
}

export async function insertChange(
  db: Db,
  tenantId: string,
  c: { client_id: string; stage: JourneyStage; effective_on: string; note: string; evidence: JourneyEvidence[]; created_by: string; created_at: Date },
): Promise<string> {
  const row = await db
    .insertInto('journey_stage_changes')
    .values({ tenant_id: tenantId, ...c, evidence: JSON.stringify(c.evidence) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** CSAT answers of the client since an instant: when answered and the 1-5 score. */
export async function csatAnswers(db: Db, tenantId: string, clientId: string, since: Date): Promise<Array<{ responded_at: Date; score: number }>> {
  const rows = await db
    .selectFrom('csat_surveys')
    .select(['responded_at', 'score'])
    .where('tenant_id', '=', tenantId)
    .where('client_id', '=', clientId)
    .where('responded_at', '>=', since)
    .where('score', 'is not', null)
    .execute();
  return rows.map((r) => ({ responded_at: r.responded_at!, score: r.score! }));
}

/** NPS answers of the client's contacts: the round's quarter and the 0-10 score. */
export async function npsAnswers(db: Db, tenantId: string, clientId: string, sinceQuarter: string): Promise<Array<{ quarter_key: string; score: number }>> {
  const rows = await db
    .selectFrom('nps_surveys')
    .select(['quarter_key', 'score'])
    .where('tenant_id', '=', tenantId)
    .where('client_id', '=', clientId)
    .where('quarter_key', '>=', sinceQuarter)
    .where('score', 'is not', null)
    .execute();
  return rows.map((r) => ({ quarter_key: r.quarter_key, score: r.score! }));
}

/** Of `ids`, the tickets of the client: id, number, subject. */
export async function ticketsOfClient(db: Db, tenantId: string, clientId: string, ids: readonly string[]): Promise<TicketRef[]> {
  if (!ids.length) return [];
  return db.selectFrom('tickets').select(['id', 'number', 'subject']).where('tenant_id', '=', tenantId).where('client_id', '=', clientId).where('id', 'in', ids).execute();
}

/** Of `ids`, the problems of the client: id, number, title. */
export async function problemsOfClient(db: Db, tenantId: string, clientId: string, ids: readonly string[]): Promise<Array<{ id: string; number: number; title: string }>> {
  if (!ids.length) return [];
  return db.selectFrom('problems').select(['id', 'number', 'title']).where('tenant_id', '=', tenantId).where('client_id', '=', clientId).where('id', 'in', ids).execute();
}

export async function dismissedKeys(db: Db, tenantId: string, clientId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('journey_suggestion_dismissals').select('suggestion_key').where('tenant_id', '=', tenantId).where('client_id', '=', clientId).execute();
  return new Set(rows.map((r) => r.suggestion_key));
}

export async function insertDismissal(db: Db, tenantId: string, clientId: string, key: string, userId: string, at: Date): Promise<void> {
  await db
    .insertInto('journey_suggestion_dismissals')
    .values({ tenant_id: tenantId, client_id: clientId, suggestion_key: key, dismissed_by: userId, dismissed_at: at })
    .onConflict((oc) => oc.columns(['tenant_id', 'client_id', 'suggestion_key']).doNothing())
    .execute();
}

export async function riskProblemDays(db: Db, tenantId: string): Promise<number> {
  return (await db.selectFrom('tenants').select('risk_problem_days').where('id', '=', tenantId).executeTakeFirstOrThrow()).risk_problem_days;
}

const EVIDENCE_LIMIT = 10;
const DAY_MS = 86_400_000;

/**
 * Security tickets (catalog category security, or tagged security or mfa) and training tickets
 * (tagged training or how-to, in any letter case) of the client: counts in the last 30 days and the 30 before, and
 * the latest recent ones. One statement; the client's tickets of 60 days are read by index.
 */
export async function risingCounts(db: Db, tenantId: string, clientId: string, now: Date): Promise<{ security: RisingCount; training: RisingCount }> {
  const from = new Date(now.getTime() - 60 * DAY_MS);
  const split = new Date(now.getTime() - 30 * DAY_MS);
  const r = await sql<{ kind: 'security' | 'training'; recent: number; previous: number; latest: TicketRef[] | null }>`
    with t as (
      select t.id, t.number, t.subject, t.created_at,
        (i.category = 'security' or array(select lower(g) from unnest(t.tags) g) && array['security', 'mfa']::text[]) as security,
        (array(select lower(g) from unnest(t.tags) g) && array['training', 'how-to']::text[]) as training
      from tickets t
      left join catalog_items i on i.tenant_id = t.tenant_id and i.id = t.catalog_item_id
      where t.tenant_id = ${tenantId} and t.client_id = ${clientId} and t.created_at >= ${from} and t.created_at < ${now}
    ), k as (
      select 'security' as kind, id, number, subject, created_at from t where security
      union all
      select 'training' as kind, id, number, subject, created_at from t where training
    )
    select kind,
      count(*) filter (where created_at >= ${split})::int as recent,
      count(*) filter (where created_at < ${split})::int as previous,
      (select json_agg(json_build_object('id', x.id, 'number', x.number, 'subject', x.subject) order by x.created_at desc, x.number desc)
         from (select * from k k2 where k2.kind = k.kind and k2.created_at >= ${split} order by k2.created_at desc, k2.number desc limit ${EVIDENCE_LIMIT}) x) as latest
    from k group by kind`.execute(db);
  const of = (kind: 'security' | 'training'): RisingCount => {
    const row = r.rows.find((x) => x.kind === kind);
    return { recent: row?.recent ?? 0, previous: row?.previous ?? 0, tickets: row?.latest ?? [] };
  };
  return { security: of('security'), training: of('training') };
}

/** The client's problems not resolved, each with its linked tickets created in the last 30 days. */
export async function openProblemFacts(db: Db, tenantId: string, clientId: string, now: Date): Promise<OpenProblemFact[]> {
  const since = new Date(now.getTime() - 30 * DAY_MS);
  const r = await sql<{ id: string; number: number; title: string; opened_at: Date; recent: TicketRef[] | null }>`
    select p.id, p.number, p.title, p.opened_at,
      (select json_agg(json_build_object('id', t.id, 'number', t.number, 'subject', t.subject) order by t.created_at desc)
         from problem_tickets pt join tickets t on t.tenant_id = pt.tenant_id and t.id = pt.ticket_id
         where pt.tenant_id = p.tenant_id and pt.problem_id = p.id and t.created_at >= ${since}) as recent
    from problems p
    where p.tenant_id = ${tenantId} and p.client_id = ${clientId} and p.status <> 'resolved'`.execute(db);
  return r.rows.map((p) => ({ id: p.id, number: p.number, title: p.title, openedAt: new Date(p.opened_at), recentTickets: p.recent ?? [] }));
}

/** The last 90 days: the client's tickets with a breached clock, and its CSAT answers (count, average, latest tickets rated well). */
export async function reliabilityFacts(db: Db, tenantId: string, clientId: string, now: Date) {
  const since = new Date(now.getTime() - 90 * DAY_MS);
  const breached = await sql<{ n: number }>`
    select count(*)::int as n from tickets
    where tenant_id = ${tenantId} and client_id = ${clientId} and created_at >= ${since}
      and (response_state = 'breached' or resolution_state = 'breached')`.execute(db);
  const csat = await sql<{ n: number; average: string | null; latest: TicketRef[] | null }>`
    select count(*)::int as n, avg(s.score)::text as average,
      (select json_agg(json_build_object('id', x.id, 'number', x.number, 'subject', x.subject) order by x.responded_at desc)
         from (select t.id, t.number, t.subject, s2.responded_at from csat_surveys s2 join tickets t on t.tenant_id = s2.tenant_id and t.id = s2.ticket_id
               where s2.tenant_id = ${tenantId} and s2.client_id = ${clientId} and s2.responded_at >= ${since} and s2.score >= 4
               order by s2.responded_at desc limit ${EVIDENCE_LIMIT}) x) as latest
    from csat_surveys s
    where s.tenant_id = ${tenantId} and s.client_id = ${clientId} and s.responded_at >= ${since} and s.score is not null`.execute(db);
  const row = csat.rows[0];
  return {
    breachedTickets: breached.rows[0]?.n ?? 0,
    csatAnswers: row?.n ?? 0,
    csatAverage: row?.average ? Number(row.average) : null,
    tickets: row?.latest ?? [],
  };
}
