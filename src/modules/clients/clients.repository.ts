import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../db/database';
import type { Client } from '../../db/schema';
import type { Scope } from '../../http/actor';
import type { Cursor } from '../../http/pagination';

/** A client with the figures its view shows. */
export type ClientRow = Client & {
  site_count: number;
  contact_count: number;
  main_site_id: string | null;
  main_site_name: string | null;
  main_site_time_zone: string | null;
  account_manager_name: string | null;
  // the keyset value of the requested sort, as text (exact to the microsecond for timestamps)
  sort_key: string;
};

export type ClientSort = 'name' | 'createdAt';

const sortExpr = (sort: ClientSort) =>
  sort === 'name' ? sql<string>`lower(c.name)` : sql<string>`((extract(epoch from c.created_at) * 1000000)::bigint)::text`;

function selectClients(db: Db, scope: Scope, sort: ClientSort = 'name') {
  let q = db
    .selectFrom('clients as c')
    .selectAll('c')
    .select((eb) => [
      eb
        .selectFrom('sites as s')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('s.tenant_id', '=', 'c.tenant_id')
        .whereRef('s.client_id', '=', 'c.id')
        .as('site_count'),
      eb
        .selectFrom('contacts as k')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('k.tenant_id', '=', 'c.tenant_id')
        .whereRef('k.client_id', '=', 'c.id')
        .as('contact_count'),
      eb.selectFrom('sites as s').select('s.id').whereRef('s.tenant_id', '=', 'c.tenant_id').whereRef('s.client_id', '=', 'c.id').where('s.is_main', '=', true).as('main_site_id'),
      eb.selectFrom('sites as s').select('s.name').whereRef('s.tenant_id', '=', 'c.tenant_id').whereRef('s.client_id', '=', 'c.id').where('s.is_main', '=', true).as('main_site_name'),
      eb
        .selectFrom('sites as s')
        .select('s.time_zone')
        .whereRef('s.tenant_id', '=', 'c.tenant_id')
        .whereRef('s.client_id', '=', 'c.id')
        .where('s.is_main', '=', true)
        .as('main_site_time_zone'),
      eb.selectFrom('users as m').select('m.name').whereRef('m.tenant_id', '=', 'c.tenant_id').whereRef('m.id', '=', 'c.account_manager_id').as('account_manager_name'),
      sortExpr(sort).as('sort_key'),
    ])
    .where('c.tenant_id', '=', scope.tenantId);
  if (scope.clientId) q = q.where('c.id', '=', scope.clientId);
  return q;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, '\\$&');

export async function listClients(
  db: Db,
  scope: Scope,
  opts: { q?: string; status?: 'active' | 'inactive'; sort: ClientSort; order: 'asc' | 'desc'; limit: number; after?: Cursor },
): Promise<ClientRow[]> {
  let q = selectClients(db, scope, opts.sort);
  if (opts.q) {
    const pattern = `%${escapeLike(opts.q.toLowerCase())}%`;
    q = q.where((eb) => eb.or([eb(sql`lower(c.name)`, 'like', pattern), eb(sql`lower(coalesce(c.code, ''))`, 'like', pattern)]));
  }
  if (opts.status) q = q.where('c.status', '=', opts.status);
  const key = opts.sort === 'name' ? sql`lower(c.name)` : sql`(extract(epoch from c.created_at) * 1000000)::bigint`;
  if (opts.after) {
    const k = opts.sort === 'name' ? sql`${String(opts.after.k ?? '')}` : sql`${String(opts.after.k ?? '0')}::bigint`;
    const cmp = opts.order === 'asc' ? sql.raw('>') : sql.raw('<');
    q = q.where(sql<SqlBool>`(${key}, c.id) ${cmp} (${k}, ${opts.after.id}::uuid)` as Expression<SqlBool>);
  }
  return (await q.orderBy(key, opts.order).orderBy('c.id', opts.order).limit(opts.limit + 1).execute()) as ClientRow[];
}

export async function findClient(db: Db, scope: Scope, id: string): Promise<ClientRow | undefined> {
  return (await selectClients(db, scope).where('c.id', '=', id).executeTakeFirst()) as ClientRow | undefined;
}

export async function clientNameTaken(db: Db, tenantId: string, name: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom('clients').select('id').where('tenant_id', '=', tenantId).where(sql`lower(name)`, '=', name.toLowerCase());
  if (exceptId) q = q.where('id', '<>', exceptId);
  return !!(await q.executeTakeFirst());
}

export async function clientCodeTaken(db: Db, tenantId: string, code: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom('clients').select('id').where('tenant_id', '=', tenantId).where(sql`lower(code)`, '=', code.toLowerCase());
  if (exceptId) q = q.where('id', '<>', exceptId);
  return !!(await q.executeTakeFirst());
}

export async function insertClient(db: Db, tenantId: string, c: { name: string; code: string | null; notes: string; account_manager_id?: string | null }): Promise<Client> {
  return db.insertInto('clients').values({ tenant_id: tenantId, ...c }).returningAll().executeTakeFirstOrThrow();
}

export async function updateClient(
  db: Db,
  scope: Scope,
  id: string,
  patch: { name?: string; code?: string | null; notes?: string; status?: 'active' | 'inactive'; account_manager_id?: string | null },
  expectedVersion: number | null,
): Promise<Client | undefined> {
  let q = db
    .updateTable('clients')
    .set((eb) => ({ ...patch, updated_at: sql`now()`, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', id);
  if (scope.clientId) q = q.where('id', '=', scope.clientId);
  if (expectedVersion !== null) q = q.where('version', '=', expectedVersion);
  return q.returningAll().executeTakeFirst();
}

export async function findClientByName(db: Db, tenantId: string, name: string): Promise<Client | undefined> {
  return db.selectFrom('clients').selectAll().where('tenant_id', '=', tenantId).where(sql`lower(name)`, '=', name.toLowerCase()).executeTakeFirst();
}

/** Whether the user is an active staff member of the tenant: who may be a client's account manager. */
export async function isActiveStaff(db: Db, tenantId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .where('client_id', 'is', null)
    .where('role', 'in', ['owner', 'admin', 'dispatcher', 'technician', 'account_manager'])
    .where('status', '=', 'active')
    .executeTakeFirst();
  return !!row;
}
