import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../db/database';
import type { Site } from '../../db/schema';
import type { Scope } from '../../http/actor';
import type { Cursor } from '../../http/pagination';

type SiteRow = Site & { sort_key: string };

function scoped(db: Db, scope: Scope, clientId: string) {
  let q = db.selectFrom('sites').selectAll().where('tenant_id', '=', scope.tenantId).where('client_id', '=', clientId);
  if (scope.clientId) q = q.where('client_id', '=', scope.clientId);
  return q;
}

export async function listSites(db: Db, scope: Scope, clientId: string, opts: { limit: number; after?: Cursor }): Promise<SiteRow[]> {
  let q = scoped(db, scope, clientId).select(sql<string>`lower(name)`.as('sort_key'));
  if (opts.after) q = q.where(sql<SqlBool>`(lower(name), id) > (${String(opts.after.k ?? '')}, ${opts.after.id}::uuid)`);
  return q.orderBy(sql`lower(name)`).orderBy('id').limit(opts.limit + 1).execute();
}

export async function findSite(db: Db, scope: Scope, clientId: string, siteId: string): Promise<Site | undefined> {
  return scoped(db, scope, clientId).where('id', '=', siteId).executeTakeFirst();
}

export async function countSites(db: Db, scope: Scope, clientId: string): Promise<number> {
  let q = db.selectFrom('sites').select(sql<number>`count(*)::int`.as('n')).where('tenant_id', '=', scope.tenantId).where('client_id', '=', clientId);
  if (scope.clientId) q = q.where('client_id', '=', scope.clientId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** Clears the main flag on the client's other sites, so the one being saved can take it. */
export async function clearMainSite(db: Db, scope: Scope, clientId: string, exceptSiteId?: string): Promise<void> {
  let q = db
    .updateTable('sites')
    .set((eb) => ({ is_main: false, updated_at: sql`now()`, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', scope.tenantId)
    .where('client_id', '=', clientId)
    .where('is_main', '=', true);
  if (scope.clientId) q = q.where('client_id', '=', scope.clientId);
  if (exceptSiteId) q = q.where('id', '<>', exceptSiteId);
  await q.execute();
}

export async function insertSite(
  db: Db,
  scope: Scope,
  clientId: string,
  s: { name: string; address: string; time_zone: string; travel_minutes: number; is_main: boolean },
): Promise<Site> {
  return db
    .insertInto('sites')
    .values({ tenant_id: scope.tenantId, client_id: clientId, ...s })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateSite(
  db: Db,
  scope: Scope,
  clientId: string,
  siteId: string,
  patch: { name?: string; address?: string; time_zone?: string; travel_minutes?: number; is_main?: boolean },
  expectedVersion: number | null,
): Promise<Site | undefined> {
  let q = db
    .updateTable('sites')
    .set((eb) => ({ ...patch, updated_at: sql`now()`, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', scope.tenantId)
    .where('client_id', '=', clientId)
    .where('id', '=', siteId);
  if (scope.clientId) q = q.where('client_id', '=', scope.clientId);
  if (expectedVersion !== null) q = q.where('version', '=', expectedVersion);
  return q.returningAll().executeTakeFirst();
}

export async function deleteSite(db: Db, scope: Scope, clientId: string, siteId: string): Promise<boolean> {
  let q = db.deleteFrom('sites').where('tenant_id', '=', scope.tenantId).where('client_id', '=', clientId).where('id', '=', siteId);
  if (scope.clientId) q = q.where('client_id', '=', scope.clientId);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
