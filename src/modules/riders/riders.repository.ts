import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../db/database';
import type { RiderRow } from '../../db/schema';
import type { PriceBasis, RiderEffect } from '../../domain/pact/pact-types';
import type { Cursor } from '../../http/pagination';
import { escapeLike } from '../pact-defaults/config-usage';

export type RiderValues = { name: string; description: string; effect: RiderEffect; price: { amountMinor: number; currency: string; basis: PriceBasis } };

export async function listRiders(db: Db, tenantId: string, opts: { q?: string; status?: 'active' | 'retired'; limit: number; after?: Cursor }): Promise<RiderRow[]> {
  let q = db.selectFrom('riders').selectAll().where('tenant_id', '=', tenantId);
  if (opts.q) q = q.where(sql`lower(name)`, 'like', `%${escapeLike(opts.q.toLowerCase())}%`);
  if (opts.status) q = q.where('status', '=', opts.status);
  if (opts.after) q = q.where(sql<SqlBool>`(lower(name), id) > (${String(opts.after.k ?? '')}, ${opts.after.id}::uuid)` as Expression<SqlBool>);
  return q.orderBy(sql`lower(name)`).orderBy('id').limit(opts.limit + 1).execute();
}

export async function findRider(db: Db, tenantId: string, id: string): Promise<RiderRow | undefined> {
  return db.selectFrom('riders').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function riderNameTaken(db: Db, tenantId: string, name: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom('riders').select('id').where('tenant_id', '=', tenantId).where(sql`lower(name)`, '=', name.toLowerCase());
  if (exceptId) q = q.where('id', '<>', exceptId);
  return !!(await q.executeTakeFirst());
}

const columns = (r: RiderValues) => ({
  name: r.name,
  description: r.description,
  effect: JSON.stringify(r.effect),
  price_minor: r.price.amountMinor,
  currency: r.price.currency,
  price_basis: r.price.basis,
});

export async function insertRider(db: Db, tenantId: string, r: RiderValues): Promise<RiderRow> {
  return db.insertInto('riders').values({ tenant_id: tenantId, ...columns(r) }).returningAll().executeTakeFirstOrThrow();
}

export async function updateRider(db: Db, tenantId: string, id: string, r: RiderValues | null, status: 'active' | 'retired' | undefined, expectedVersion: number | null): Promise<RiderRow | undefined> {
  let q = db
    .updateTable('riders')
    .set((eb) => ({ ...(r ? columns(r) : {}), ...(status ? { status } : {}), updated_at: sql`now()`, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id);
  if (expectedVersion !== null) q = q.where('version', '=', expectedVersion);
  return q.returningAll().executeTakeFirst();
}
