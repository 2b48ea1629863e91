import { sql } from 'kysely';
import type { Db } from '../../db/database';
import type { Scope } from '../../http/actor';

/**
 * Review meetings' rows: cadences (one in force per contract, earlier ones kept with their end),
 * participants, touched occurrences with agenda and minutes, action items. Every query takes the
 * tenant; reads a client user reaches take the client through `findContract`.
 */

export type MeetingContract = { tenant_id: string; id: string; name: string; client_id: string; client_name: string; status: string };

export async function findContract(db: Db, scope: Scope, id: string): Promise<MeetingContract | undefined> {
  let q = db
    .selectFrom('contracts as k')
    .innerJoin('clients as c', (j) => j.onRef('c.tenant_id', '=', 'k.tenant_id').onRef('c.id', '=', 'k.client_id'))
    .select(['k.tenant_id', 'k.id', 'k.name', 'k.client_id', 'c.name as client_name', 'k.status'])
    .where('k.tenant_id', '=', scope.tenantId)
    .where('k.id', '=', id);
  if (scope.clientId) q = q.where('k.client_id', '=', scope.clientId);
  return q.executeTakeFirst();
}

/** The zone of the client's main site: what the cadence form suggests. */
export async function mainSiteZone(db: Db, tenantId: string, clientId: string): Promise<string | null> {
  const r = await db.selectFrom('sites').select('time_zone').where('tenant_id', '=', tenantId).where('client_id', '=', clientId).orderBy('is_main', 'desc').orderBy('created_at').executeTakeFirst();
  return r?.time_zone ?? null;
}

export type CadenceRow = {
  id: string;
  contract_id: string;
  title: string;
  rrule: string;
  first_start: Date;
  time_zone: string;
  duration_minutes: number;
  location: string;
  effective_from: Date;
  effective_until: Date | null;
};

const cadenceColumns = ['id', 'contract_id', 'title', 'rrule', 'first_start', 'time_zone', 'duration_minutes', 'location', 'effective_from', 'effective_until'] as const;

/** Every cadence the contracts have had, oldest first. */
export async function cadencesOf(db: Db, tenantId: string, contractIds: readonly string[]): Promise<CadenceRow[]> {
  if (!contractIds.length) return [];
  return db.selectFrom('meeting_cadences').select(cadenceColumns).where('tenant_id', '=', tenantId).where('contract_id', 'in', [...contractIds]).orderBy('contract_id').orderBy('effective_from').orderBy('created_at').execute();
}

/** The cadence in force, locked for a change. */
export async function lockCurrentCadence(trx: Db, tenantId: string, contractId: string): Promise<CadenceRow | undefined> {
  return trx.selectFrom('meeting_cadences').select(cadenceColumns).where('tenant_id', '=', tenantId).where('contract_id', '=', contractId).where('effective_until', 'is', null).forUpdate().executeTakeFirst();
}

export async function insertCadence(trx: Db, tenantId: string, row: Omit<CadenceRow, 'id' | 'effective_until'> & { created_by: string }): Promise<CadenceRow> {
  return trx.insertInto('meeting_cadences').values({ tenant_id: tenantId, ...row }).returning(cadenceColumns).executeTakeFirstOrThrow();
}

export async function endCadence(trx: Db, tenantId: string, id: string, until: Date): Promise<void> {
  await trx.updateTable('meeting_cadences').set({ effective_until: until }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function updateCadenceText(trx: Db, tenantId: string, id: string, title: string, location: string): Promise<void> {
  await trx.updateTable('meeting_cadences').set({ title, location }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

/** Touched meetings of the old cadence at or after `from` move to the new one when it gives the same start. */
export async function rehomeMeetings(trx: Db, tenantId: string, fromCadence: string, toCadence: string, starts: readonly Date[]): Promise<void> {
  if (!starts.length) return;
  await trx.updateTable('review_meetings').set({ cadence_id: toCadence }).where('tenant_id', '=', tenantId).where('cadence_id', '=', fromCadence).where('recurrence_start', 'in', [...starts]).execute();
}

// ---------- participants ----------

export type ParticipantRow = { kind: 'user' | 'contact'; id: string; name: string; email: string };

export async function participantsOf(db: Db, tenantId: string, contractId: string): Promise<ParticipantRow[]> {
  const r = await sql<ParticipantRow>`
    select 'user' as kind, u.id, u.name, u.email from meeting_participants p join users u on u.tenant_id = p.tenant_id and u.id = p.user_id
    where p.tenant_id = ${tenantId} and p.contract_id = ${contractId} and u.status = 'active'
    union all
    select 'contact' as kind, c.id, c.name, c.email from meeting_participants p join contacts c on c.tenant_id = p.tenant_id and c.id = p.contact_id
    where p.tenant_id = ${tenantId} and p.contract_id = ${contractId}
    order by 1 desc, 3`.execute(db);
  return r.rows;
}

/** Who may be picked: active staff of the tenant and contacts of the client, by name. */
export async function participantOptions(db: Db, tenantId: string, clientId: string): Promise<ParticipantRow[]> {
  const r = await sql<ParticipantRow>`
    select 'user' as kind, u.id, u.name, u.email from users u where u.tenant_id = ${tenantId} and u.client_id is null and u.status = 'active'
    union all
    select 'contact' as kind, c.id, c.name, c.email from contacts c where c.tenant_id = ${tenantId} and c.client_id = ${clientId}
    order by 1 desc, 3`.execute(db);
  return r.rows;
}

/** Of the ids, those that are active staff users of the tenant. */
export async function staffUserIds(db: Db, tenantId: string, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const r = await db.selectFrom('users').select('id').where('tenant_id', '=', tenantId).where('id', 'in', [...ids]).where('client_id', 'is', null).where('status', '=', 'active').execute();
  return new Set(r.map((x) => x.id));
}

/** Of the ids, those that are contacts of the client. */
export async function contactIdsOfClient(db: Db, tenantId: string, clientId: string, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const r = await db.selectFrom('contacts').select('id').where('tenant_id', '=', tenantId).where('client_id', '=', clientId).where('id', 'in', [...ids]).execute();
  return new Set(r.map((x) => x.id));
}

export async function replaceParticipants(trx: Db, tenantId: string, contractId: string, userIds: readonly string[], contactIds: readonly string[]): Promise<void> {
  await trx.deleteFrom('meeting_participants').where('tenant_id', '=', tenantId).where('contract_id', '=', contractId).execute();
  const rows = [...userIds.map((u) => ({ tenant_id: tenantId, contract_id: contractId, user_id: u, contact_id: null })), ...contactIds.map((c) => ({ tenant_id: tenantId, contract_id: contractId, user_id: null, contact_id: c }))];
  if (rows.length) await trx.insertInto('meeting_participants').values(rows).execute();
}

// ---------- meetings ----------

export type MeetingRow = {
  id: string;
  contract_id: string;
  cadence_id: string;
  recurrence_start: Date;
  starts_at: Date;
  ends_at: Date;
  status: 'scheduled' | 'cancelled' | 'held';
  agenda: unknown;
  minutes: string;
  sequence: number;
  version: number;
};

const meetingColumns = ['id', 'contract_id', 'cadence_id', 'recurrence_start', 'starts_at', 'ends_at', 'status', 'agenda', 'minutes', 'sequence', 'version'] as const;

/** Touched meetings of the cadences (all of them: a feed needs every cancellation and move). */
export async function meetingsOfCadences(db: Db, tenantId: string, cadenceIds: readonly string[]): Promise<MeetingRow[]> {
  if (!cadenceIds.length) return [];
  return db.selectFrom('review_meetings').select(meetingColumns).where('tenant_id', '=', tenantId).where('cadence_id', 'in', [...cadenceIds]).orderBy('recurrence_start').execute();
}

export async function findMeeting(db: Db, tenantId: string, cadenceId: string, recurrenceStart: Date): Promise<MeetingRow | undefined> {
  return db.selectFrom('review_meetings').select(meetingColumns).where('tenant_id', '=', tenantId).where('cadence_id', '=', cadenceId).where('recurrence_start', '=', recurrenceStart).executeTakeFirst();
}

export async function lockMeeting(trx: Db, tenantId: string, id: string): Promise<MeetingRow | undefined> {
  return trx.selectFrom('review_meetings').select(meetingColumns).where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Inserts the touched meeting unless it exists; returns the row either way. */
export async function ensureMeeting(db: Db, tenantId: string, m: { contract_id: string; cadence_id: string; recurrence_start: Date; starts_at: Date; ends_at: Date; agenda: unknown }): Promise<MeetingRow> {
  await db
    .insertInto('review_meetings')
    .values({ tenant_id: tenantId, ...m, agenda: JSON.stringify(m.agenda) })
    .onConflict((oc) => oc.columns(['tenant_id', 'cadence_id', 'recurrence_start']).doNothing())
    .execute();
  const row = await findMeeting(db, tenantId, m.cadence_id, m.recurrence_start);
  if (!row) throw new Error('meeting vanished');
  return row;
}

export async function updateMeeting(
  trx: Db,
  tenantId: string,
  id: string,
  set: Partial<{ starts_at: Date; ends_at: Date; status: MeetingRow['status']; minutes: string; sequence: number; agenda: unknown }>,
  now: Date,
): Promise<void> {
  const { agenda, ...rest } = set;
  await trx
    .updateTable('review_meetings')
    .set({ ...rest, ...(agenda === undefined ? {} : { agenda: JSON.stringify(agenda) }), updated_at: now, version: sql<number>`version + 1` })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

/** Open action items of the contract's earlier meetings (before `before`), for the next agenda. */
export async function openActionItemsBefore(db: Db, tenantId: string, contractId: string, before: Date) {
  return db
    .selectFrom('meeting_action_items as a')
    .innerJoin('review_meetings as m', (j) => j.onRef('m.tenant_id', '=', 'a.tenant_id').onRef('m.id', '=', 'a.meeting_id'))
    .leftJoin('users as u', (j) => j.onRef('u.tenant_id', '=', 'a.tenant_id').onRef('u.id', '=', 'a.owner_user_id'))
    .leftJoin('contacts as c', (j) => j.onRef('c.tenant_id', '=', 'a.tenant_id').onRef('c.id', '=', 'a.owner_contact_id'))
    .select(['a.id', 'a.title', sql<string | null>`a.due_on::text`.as('due_on'), 'u.name as user_name', 'c.name as contact_name'])
    .where('a.tenant_id', '=', tenantId)
    .where('m.contract_id', '=', contractId)
    .where('m.starts_at', '<', before)
    .where('a.done_at', 'is', null)
    .orderBy('m.starts_at')
    .orderBy('a.position')
    .execute();
}

// ---------- agenda facts ----------

/** The latest revision of the contract's latest scorecard month (final ones only when `finalOnly`). */
export async function latestScorecard(db: Db, tenantId: string, contractId: string) {
  return db
    .selectFrom('scorecards')
    .select(['period_key', 'revision', 'status', 'document'])
    .where('tenant_id', '=', tenantId)
    .where('contract_id', '=', contractId)
    .orderBy('period_key', 'desc')
    .orderBy('revision', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function openProblems(db: Db, tenantId: string, clientId: string) {
  const r = await sql<{ id: string; number: number; title: string; status: string; plan: string; next_title: string | null; next_due: string | null }>`
    select p.id, p.number, p.title, p.status, p.plan, m.title as next_title, m.due_on::text as next_due
    from problems p
    left join lateral (
      select title, due_on from problem_milestones pm
      where pm.tenant_id = p.tenant_id and pm.problem_id = p.id and pm.done_on is null
      order by pm.due_on nulls last, pm.position limit 1
    ) m on true
    where p.tenant_id = ${tenantId} and p.client_id = ${clientId} and p.status <> 'resolved'
    order by p.opened_at, p.number`.execute(db);
  return r.rows.map((x) => ({ ...x, number: Number(x.number) }));
}

// ---------- action items ----------

export type ActionItemRow = {
  id: string;
  meeting_id: string;
  title: string;
  owner_user_id: string | null;
  owner_contact_id: string | null;
  owner_user_name: string | null;
  owner_contact_name: string | null;
  due_on: string | null;
  done_at: Date | null;
  ticket_id: string | null;
  ticket_number: number | null;
};

export async function actionItemsOf(db: Db, tenantId: string, meetingId: string): Promise<ActionItemRow[]> {
  const r = await sql<ActionItemRow>`
    select a.id, a.meeting_id, a.title, a.owner_user_id, a.owner_contact_id, u.name as owner_user_name, c.name as owner_contact_name,
      a.due_on::text as due_on, a.done_at, a.ticket_id, t.number as ticket_number
    from meeting_action_items a
    left join users u on u.tenant_id = a.tenant_id and u.id = a.owner_user_id
    left join contacts c on c.tenant_id = a.tenant_id and c.id = a.owner_contact_id
    left join tickets t on t.tenant_id = a.tenant_id and t.id = a.ticket_id
    where a.tenant_id = ${tenantId} and a.meeting_id = ${meetingId}
    order by a.position, a.id`.execute(db);
  return r.rows.map((x) => ({ ...x, done_at: x.done_at ? new Date(x.done_at) : null, ticket_number: x.ticket_number === null ? null : Number(x.ticket_number) }));
}

export async function insertActionItem(db: Db, tenantId: string, row: { meeting_id: string; title: string; owner_user_id: string | null; owner_contact_id: string | null; due_on: string | null }): Promise<string> {
  const r = await db
    .insertInto('meeting_action_items')
    .values({
      tenant_id: tenantId,
      ...row,
      position: sql<number>`(select coalesce(max(position), -1) + 1 from meeting_action_items where tenant_id = ${tenantId} and meeting_id = ${row.meeting_id})`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateActionItem(
  db: Db,
  tenantId: string,
  meetingId: string,
  id: string,
  set: Partial<{ title: string; owner_user_id: string | null; owner_contact_id: string | null; due_on: string | null; done_at: Date | null }>,
): Promise<boolean> {
  if (!Object.keys(set).length) return true;
  const r = await db.updateTable('meeting_action_items').set(set).where('tenant_id', '=', tenantId).where('meeting_id', '=', meetingId).where('id', '=', id).executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** Links the ticket unless the item already has one; false when it had. */
export async function linkTicket(db: Db, tenantId: string, id: string, ticketId: string): Promise<boolean> {
  const r = await db.updateTable('meeting_action_items').set({ ticket_id: ticketId }).where('tenant_id', '=', tenantId).where('id', '=', id).where('ticket_id', 'is', null).executeTakeFirst();
  return r.numUpdatedRows > 0n;
}
