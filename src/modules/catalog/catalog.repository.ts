import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../db/database';
import type { CatalogItemRow } from '../../db/schema';
import type { CatalogCategory, CatalogDeliveryMode, Complexity, Turnaround } from '../../domain/pact/pact-types';
import type { Cursor } from '../../http/pagination';
import { escapeLike } from '../pact-defaults/config-usage';

export type CatalogValues = {
  category: CatalogCategory;
  name: string;
  description: string;
  defaultUrgency: string;
  defaultImpact: string;
  deliveryMode: CatalogDeliveryMode;
  complexity: Complexity;
  expectedEffortMinutes: number;
  turnarounds: Record<string, Turnaround>;
};

export type CatalogRow = CatalogItemRow & { sort_key: string };

// Category, then name: the order the catalog is read in.
const sortKey = sql<string>`(category || '/' || lower(name))`;

export async function listItems(
  db: Db,
  tenantId: string,
  opts: { category?: CatalogCategory; q?: string; status?: 'active' | 'retired'; limit: number; after?: Cursor },
): Promise<CatalogRow[]> {
  let q = db.selectFrom('catalog_items').selectAll().select(sortKey.as('sort_key')).where('tenant_id', '=', tenantId);
  if (opts.category) q = q.where('category', '=', opts.category);
  if (opts.status) q = q.where('status', '=', opts.status);
  if (opts.q) {
    const pattern = `%${escapeLike(opts.q.toLowerCase())}%`;
    q = q.where((eb) => eb.or([eb(sql`lower(name)`, 'like', pattern), eb(sql`lower(description)`, 'like', pattern)]));
  }
  if (opts.after) q = q.where(sql<SqlBool>`(${sortKey}, id) > (${String(opts.after.k ?? '')}, ${opts.after.id}::uuid)` as Expression<SqlBool>);
  return q.orderBy(sortKey).orderBy('id').limit(opts.limit + 1).execute();
}

export async function allItems(db: Db, tenantId: string): Promise<CatalogItemRow[]> {
  return db.selectFrom('catalog_items').selectAll().where('tenant_id', '=', tenantId).orderBy(sortKey).orderBy('id').execute();
}

export async function findItem(db: Db, tenantId: string, id: string): Promise<CatalogItemRow | undefined> {
  return db.selectFrom('catalog_items').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function itemNameTaken(db: Db, tenantId: string, category: string, name: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom('catalog_items').select('id').where('tenant_id', '=', tenantId).where('category', '=', category as CatalogCategory).where(sql`lower(name)`, '=', name.toLowerCase());
  if (exceptId) q = q.where('id', '<>', exceptId);
  return !!(await q.executeTakeFirst());
}

const columns = (v: CatalogValues) => ({
  category: v.category,
  name: v.name,
  description: v.description,
  default_urgency: v.defaultUrgency,
  default_impact: v.defaultImpact,
  delivery_mode: v.deliveryMode,
  complexity: v.complexity,
  expected_effort_minutes: v.expectedEffortMinutes,
  turnarounds: JSON.stringify(v.turnarounds),
});

export async function insertItems(db: Db, tenantId: string, items: CatalogValues[]): Promise<CatalogItemRow[]> {
  if (!items.length) return [];
  return db.insertInto('catalog_items').values(items.map((v) => ({ tenant_id: tenantId, ...columns(v) }))).returningAll().execute();
}

export async function updateItem(db: Db, tenantId: string, id: string, v: CatalogValues | null, status: 'active' | 'retired' | undefined, expectedVersion: number | null): Promise<CatalogItemRow | undefined> {
  let q = db
    .updateTable('catalog_items')
    .set((eb) => ({ ...(v ? columns(v) : {}), ...(status ? { status } : {}), updated_at: sql`now()`, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id);
  if (expectedVersion !== null) q = q.where('version', '=', expectedVersion);
  return q.returningAll().executeTakeFirst();
}

export async function planNames(db: Db, tenantId: string): Promise<{ id: string; name: string; status: string }[]> {
  return db.selectFrom('plans').select(['id', 'name', 'status']).where('tenant_id', '=', tenantId).orderBy(sql`lower(name)`).execute();
}
