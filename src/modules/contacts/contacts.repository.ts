import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../db/database';
import type { Contact, ContactRole } from '../../db/schema';
import type { Scope } from '../../http/actor';
import type { Cursor } from '../../http/pagination';

function scoped(db: Db, scope: Scope, clientId: string) {
  let q = db.selectFrom('contacts').selectAll().where('tenant_id', '=', scope.tenantId).where('client_id', '=', clientId);
  if (scope.clientId) q = q.where('client_id', '=', scope.clientId);
  return q;
}

// Postgres arrays arrive as arrays through pg; a text[] literal keeps inserts portable.
const textArray = (values: string[]) => sql<ContactRole[]>`${values}::text[]`;

export async function listContacts(db: Db, scope: Scope, clientId: string, opts: { limit: number; after?: Cursor }): Promise<Array<Contact & { sort_key: string }>> {
  let q = scoped(db, scope, clientId).select(sql<string>`lower(name)`.as('sort_key'));
  if (opts.after) q = q.where(sql<SqlBool>`(lower(name), id) > (${String(opts.after.k ?? '')}, ${opts.after.id}::uuid)`);
  return q.orderBy(sql`lower(name)`).orderBy('id').limit(opts.limit + 1).execute();
}

export async function findContact(db: Db, scope: Scope, clientId: string, contactId: string): Promise<Contact | undefined> {
  return scoped(db, scope, clientId).where('id', '=', contactId).executeTakeFirst();
}

export async function contactEmailTaken(db: Db, scope: Scope, clientId: string, email: string, exceptId?: string): Promise<boolean> {
  let q = scoped(db, scope, clientId).where(sql`lower(email)`, '=', email.toLowerCase());
  if (exceptId) q = q.where('id', '<>', exceptId);
  return !!(await q.executeTakeFirst());
}

export async function insertContact(db: Db, scope: Scope, clientId: string, c: { name: string; email: string; phone: string; roles: ContactRole[]; user_id?: string | null }): Promise<Contact> {
  return db
    .insertInto('contacts')
    .values({ tenant_id: scope.tenantId, client_id: clientId, name: c.name, email: c.email, phone: c.phone, roles: textArray(c.roles), user_id: c.user_id ?? null })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateContact(
  db: Db,
  scope: Scope,
  clientId: string,
  contactId: string,
  patch: { name?: string; email?: string; phone?: string; roles?: ContactRole[] },
  expectedVersion: number | null,
): Promise<Contact | undefined> {
  const { roles, ...rest } = patch;
  let q = db
    .updateTable('contacts')
    .set((eb) => ({ ...rest, ...(roles ? { roles: textArray(roles) } : {}), updated_at: sql`now()`, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', scope.tenantId)
    .where('client_id', '=', clientId)
    .where('id', '=', contactId);
  if (scope.clientId) q = q.where('client_id', '=', scope.clientId);
  if (expectedVersion !== null) q = q.where('version', '=', expectedVersion);
  return q.returningAll().executeTakeFirst();
}

export async function linkContactUser(db: Db, scope: Scope, clientId: string, contactId: string, userId: string): Promise<void> {
  await db
    .updateTable('contacts')
    .set((eb) => ({ user_id: userId, updated_at: sql`now()`, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', scope.tenantId)
    .where('client_id', '=', clientId)
    .where('id', '=', contactId)
    .execute();
}

export async function deleteContact(db: Db, scope: Scope, clientId: string, contactId: string): Promise<boolean> {
  let q = db.deleteFrom('contacts').where('tenant_id', '=', scope.tenantId).where('client_id', '=', clientId).where('id', '=', contactId);
  if (scope.clientId) q = q.where('client_id', '=', scope.clientId);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
