import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../db/database';
import type { CalendarRow } from '../../db/schema';
import type { CalendarDefinition } from '../../domain/calendar';
import type { Cursor } from '../../http/pagination';
import { escapeLike } from '../pact-defaults/config-usage';

export async function listCalendars(db: Db, tenantId: string, opts: { q?: string; limit: number; after?: Cursor }): Promise<CalendarRow[]> {
  let q = db.selectFrom('calendars').selectAll().where('tenant_id', '=', tenantId);
  if (opts.q) q = q.where(sql`lower(name)`, 'like', `%${escapeLike(opts.q.toLowerCase())}%`);
  if (opts.after) q = q.where(sql<SqlBool>`(lower(name), id) > (${String(opts.after.k ?? '')}, ${opts.after.id}::uuid)` as Expression<SqlBool>);
  return q.orderBy(sql`lower(name)`).orderBy('id').limit(opts.limit + 1).execute();
}

export async function findCalendar(db: Db, tenantId: string, id: string): Promise<CalendarRow | undefined> {
  return db.selectFrom('calendars').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function calendarNameTaken(db: Db, tenantId: string, name: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom('calendars').select('id').where('tenant_id', '=', tenantId).where(sql`lower(name)`, '=', name.toLowerCase());
  if (exceptId) q = q.where('id', '<>', exceptId);
  return !!(await q.executeTakeFirst());
}

export async function insertCalendar(db: Db, tenantId: string, c: { name: string; definition: CalendarDefinition }): Promise<CalendarRow> {
  return db.insertInto('calendars').values({ tenant_id: tenantId, name: c.name, definition: JSON.stringify(c.definition) }).returningAll().executeTakeFirstOrThrow();
}

export async function updateCalendar(db: Db, tenantId: string, id: string, c: { name: string; definition: CalendarDefinition }, expectedVersion: number | null): Promise<CalendarRow | undefined> {
  let q = db
    .updateTable('calendars')
    .set((eb) => ({ name: c.name, definition: JSON.stringify(c.definition), updated_at: sql`now()`, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id);
  if (expectedVersion !== null) q = q.where('version', '=', expectedVersion);
  return q.returningAll().executeTakeFirst();
}

export async function deleteCalendar(db: Db, tenantId: string, id: string): Promise<void> {
  await db.deleteFrom('calendars').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}
