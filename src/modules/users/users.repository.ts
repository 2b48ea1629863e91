import { sql } from 'kysely';
import type { Db } from '../../db/database';
import type { NewUser, User, UserRole } from '../../db/schema';
import type { Scope } from '../../http/actor';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from URLs; anything that is not a uuid names no row (and must not reach the database as one). */
export const isUuid = (s: string): boolean => UUID.test(s);

export async function emailInUse(db: Db, email: string): Promise<boolean> {
  return !!(await db.selectFrom('users').select('id').where(sql`lower(email)`, '=', email.toLowerCase()).executeTakeFirst());
}

export async function insertUser(db: Db, user: NewUser): Promise<User> {
  return db.insertInto('users').values(user).returningAll().executeTakeFirstOrThrow();
}

/** One user the scope may see: the tenant's, or for client scopes only the client's. */
export async function findUserInScope(db: Db, scope: Scope, id: string): Promise<User | undefined> {
  if (!isUuid(id)) return undefined;
  let q = db.selectFrom('users').selectAll().where('tenant_id', '=', scope.tenantId).where('id', '=', id);
  if (scope.clientId) q = q.where('client_id', '=', scope.clientId);
  return q.executeTakeFirst();
}

export type UserFilter = { kind?: 'staff' | 'client'; clientId?: string; role?: UserRole; q?: string };

const CLIENT_ROLES: UserRole[] = ['client_admin', 'client_user'];

/** Sorted by name then id; `after` is the last row of the previous page. Fetches limit + 1. */
export async function listUsers(db: Db, scope: Scope, filter: UserFilter, limit: number, after?: { name: string; id: string }): Promise<User[]> {
  let q = db.selectFrom('users').selectAll().where('tenant_id', '=', scope.tenantId);
  if (scope.clientId) q = q.where('client_id', '=', scope.clientId);
  if (filter.kind === 'staff') q = q.where('role', 'not in', CLIENT_ROLES);
  if (filter.kind === 'client') q = q.where('role', 'in', CLIENT_ROLES);
  if (filter.clientId) {
    if (!isUuid(filter.clientId)) return [];
    q = q.where('client_id', '=', filter.clientId);
  }
  if (filter.role) q = q.where('role', '=', filter.role);
  if (filter.q) {
    const like = `%${filter.q.replace(/[%_\\]/g, '\\$&')}%`;
    q = q.where((eb) => eb.or([eb('name', 'ilike', like), eb('email', 'ilike', like)]));
  }
  if (after) q = q.where((eb) => eb.or([eb('name', '>', after.name), eb.and([eb('name', '=', after.name), eb('id', '>', after.id)])]));
  return q.orderBy('name').orderBy('id').limit(limit + 1).execute();
}

export type UserPatch = { name?: string; role?: UserRole; status?: 'active' | 'disabled' };

/** Applies a patch when the row is still at `expectedVersion` (null: any version). */
export async function updateUser(db: Db, scope: Scope, id: string, patch: UserPatch, expectedVersion: number | null, at: Date): Promise<User | undefined> {
  let q = db
    .updateTable('users')
    .set((eb) => ({ ...patch, updated_at: at, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', id);
  if (scope.clientId) q = q.where('client_id', '=', scope.clientId);
  if (expectedVersion !== null) q = q.where('version', '=', expectedVersion);
  return q.returningAll().executeTakeFirst();
}

/** The tenant's active owners, locked until the transaction ends so two demotions cannot race. */
export async function lockActiveOwnerIds(db: Db, tenantId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('role', '=', 'owner')
    .where('status', '=', 'active')
    .forUpdate()
    .execute();
  return rows.map((r) => r.id);
}

async function touch(db: Db, tenantId: string, userId: string, set: Partial<{ password_hash: string; mfa_secret: string | null; mfa_enabled_at: Date | null }>, at: Date) {
  return db
    .updateTable('users')
    .set((eb) => ({ ...set, updated_at: at, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .returningAll()
    .executeTakeFirst();
}

export function setPasswordHash(db: Db, tenantId: string, userId: string, hash: string, at: Date) {
  return touch(db, tenantId, userId, { password_hash: hash }, at);
}

/** Stores a pending secret; does nothing (undefined) when MFA is already enabled. */
export async function setPendingMfaSecret(db: Db, tenantId: string, userId: string, secret: string, at: Date): Promise<User | undefined> {
  return db
    .updateTable('users')
    .set((eb) => ({ mfa_secret: secret, updated_at: at, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .where('mfa_enabled_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

/** Marks MFA enabled; undefined when it already was (a second confirmation). */
export async function enableMfa(db: Db, tenantId: string, userId: string, at: Date): Promise<User | undefined> {
  return db
    .updateTable('users')
    .set((eb) => ({ mfa_enabled_at: at, updated_at: at, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .where('mfa_enabled_at', 'is', null)
    .where('mfa_secret', 'is not', null)
    .returningAll()
    .executeTakeFirst();
}

/** Removes the secret, the enabled mark and every recovery code. */
export async function clearMfa(db: Db, tenantId: string, userId: string, at: Date): Promise<void> {
  await touch(db, tenantId, userId, { mfa_secret: null, mfa_enabled_at: null }, at);
  await db.deleteFrom('mfa_recovery_codes').where('tenant_id', '=', tenantId).where('user_id', '=', userId).execute();
}

/** Replaces the unused recovery codes (used ones stay as a record) with a new set. */
export async function replaceRecoveryCodes(db: Db, tenantId: string, userId: string, codeHashes: string[]): Promise<void> {
  await db.deleteFrom('mfa_recovery_codes').where('tenant_id', '=', tenantId).where('user_id', '=', userId).where('used_at', 'is', null).execute();
  if (codeHashes.length) {
    await db
      .insertInto('mfa_recovery_codes')
      .values(codeHashes.map((code_hash) => ({ tenant_id: tenantId, user_id: userId, code_hash })))
      .execute();
  }
}

/** Revokes a user's sessions, optionally keeping one (the caller's own). Returns how many ended. */
export async function deleteSessionsOfUser(db: Db, tenantId: string, userId: string, keepSessionId?: string): Promise<number> {
  let q = db.deleteFrom('sessions').where('tenant_id', '=', tenantId).where('user_id', '=', userId);
  if (keepSessionId) q = q.where('id', '!=', keepSessionId);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}
