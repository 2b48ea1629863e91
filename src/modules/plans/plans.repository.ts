import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../db/database';
import type { PlanRow } from '../../db/schema';
import type { PlanDocument } from '../../domain/pact/pact-documents';
import type { Cursor } from '../../http/pagination';
import { escapeLike } from '../pact-defaults/config-usage';

export async function listPlans(db: Db, tenantId: string, opts: { q?: string; status?: 'active' | 'retired'; limit: number; after?: Cursor }): Promise<PlanRow[]> {
  let q = db.selectFrom('plans').selectAll().where('tenant_id', '=', tenantId);
  if (opts.q) q = q.where(sql`lower(name)`, 'like', `%${escapeLike(opts.q.toLowerCase())}%`);
  if (opts.status) q = q.where('status', '=', opts.status);
  if (opts.after) q = q.where(sql<SqlBool>`(lower(name), id) > (${String(opts.after.k ?? '')}, ${opts.after.id}::uuid)` as Expression<SqlBool>);
  return q.orderBy(sql`lower(name)`).orderBy('id').limit(opts.limit + 1).execute();
}

export async function findPlan(db: Db, tenantId: string, id: string): Promise<PlanRow | undefined> {
  return db.selectFrom('plans').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function planNameTaken(db: Db, tenantId: string, name: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom('plans').select('id').where('tenant_id', '=', tenantId).where(sql`lower(name)`, '=', name.toLowerCase());
  if (exceptId) q = q.where('id', '<>', exceptId);
  return !!(await q.executeTakeFirst());
}

export async function insertPlan(db: Db, tenantId: string, p: { name: string; description: string; terms: PlanDocument }): Promise<PlanRow> {
  return db
    .insertInto('plans')
    .values({ tenant_id: tenantId, name: p.name, description: p.description, terms: JSON.stringify(p.terms) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updatePlan(
  db: Db,
  tenantId: string,
  id: string,
  patch: { name?: string; description?: string; terms?: PlanDocument; status?: 'active' | 'retired' },
  expectedVersion: number | null,
): Promise<PlanRow | undefined> {
  const { terms, ...rest } = patch;
  let q = db
    .updateTable('plans')
    .set((eb) => ({ ...rest, ...(terms ? { terms: JSON.stringify(terms) } : {}), updated_at: sql`now()`, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id);
  if (expectedVersion !== null) q = q.where('version', '=', expectedVersion);
  return q.returningAll().executeTakeFirst();
}

export async function deletePlan(db: Db, tenantId: string, id: string): Promise<boolean> {
  const r = await db.deleteFrom('plans').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function calendarIds(db: Db, tenantId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('calendars').select('id').where('tenant_id', '=', tenantId).execute();
  return new Set(rows.map((r) => r.id));
}
