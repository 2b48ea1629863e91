import { sql } from 'kysely';
import type { Db } from '../../db/database';
import type { Session, Tenant, User } from '../../db/schema';

// Sign-in is the one lookup that does not know its tenant yet: the address names the account.
export async function findUserByEmailForSignIn(db: Db, email: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where(sql`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
}

export async function findUser(db: Db, tenantId: string, userId: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('tenant_id', '=', tenantId).where('id', '=', userId).executeTakeFirst();
}

export async function findTenant(db: Db, tenantId: string): Promise<Tenant | undefined> {
  return db.selectFrom('tenants').selectAll().where('id', '=', tenantId).executeTakeFirst();
}

export async function recordFailedSignIn(db: Db, user: User, lockUntil: Date | null): Promise<void> {
  await db
    .updateTable('users')
    .set({ failed_sign_ins: sql`failed_sign_ins + 1`, locked_until: lockUntil })
    .where('tenant_id', '=', user.tenant_id)
    .where('id', '=', user.id)
    .execute();
}

export async function recordSuccessfulSignIn(db: Db, user: User, at: Date): Promise<void> {
  await db
    .updateTable('users')
    .set({ failed_sign_ins: 0, locked_until: null, last_sign_in_at: at })
    .where('tenant_id', '=', user.tenant_id)
    .where('id', '=', user.id)
    .execute();
}

export async function insertSession(db: Db, s: Omit<Session, 'created_at' | 'last_seen_at'> & { now: Date }): Promise<void> {
  const { now, ...row } = s;
  await db
    .insertInto('sessions')
    .values({ ...row, created_at: now, last_seen_at: now })
    .execute();
}

// Session ids are unguessable hashes, so this lookup is not scoped: the id is the credential.
export async function findSession(db: Db, id: string): Promise<Session | undefined> {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function touchSession(db: Db, s: Session, at: Date, expiresAt: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: at, expires_at: expiresAt })
    .where('tenant_id', '=', s.tenant_id)
    .where('id', '=', s.id)
    .execute();
}

export async function deleteSession(db: Db, tenantId: string, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function deleteUserSessions(db: Db, tenantId: string, userId: string): Promise<number> {
  const r = await db.deleteFrom('sessions').where('tenant_id', '=', tenantId).where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function findApiTokenByHash(db: Db, tokenHash: string) {
  return db
    .selectFrom('api_tokens')
    .innerJoin('users', (j) => j.onRef('users.tenant_id', '=', 'api_tokens.tenant_id').onRef('users.id', '=', 'api_tokens.created_by'))
    .select([
      'api_tokens.tenant_id',
      'api_tokens.id',
      'api_tokens.name',
      'api_tokens.scopes',
      'api_tokens.revoked_at',
      'api_tokens.last_used_at',
      'users.id as user_id',
      'users.role',
      'users.status',
      'users.name as user_name',
      'users.email',
    ])
    .where('api_tokens.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function touchApiToken(db: Db, tenantId: string, id: string, at: Date): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function unusedRecoveryCodeHashes(db: Db, tenantId: string, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('mfa_recovery_codes')
    .select('code_hash')
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
  return rows.map((r) => r.code_hash);
}

/** Marks a recovery code used; false when it was already used (two racing sign-ins). */
export async function useRecoveryCode(db: Db, tenantId: string, userId: string, codeHash: string, at: Date): Promise<boolean> {
  const r = await db
    .updateTable('mfa_recovery_codes')
    .set({ used_at: at })
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
