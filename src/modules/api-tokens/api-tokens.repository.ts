import { sql } from 'kysely';
import type { Db } from '../../db/database';
import { isUuid } from '../users/users.repository';

export type ApiTokenRow = {
  id: string;
  name: string;
  token_prefix: string;
  scopes: string[];
  created_by: string;
  created_by_name: string;
  created_at: Date;
  // created_at with microseconds, for the page cursor (a JS Date keeps only milliseconds).
  created_key: string;
  last_used_at: Date | null;
  revoked_at: Date | null;
};

function selectTokens(db: Db, tenantId: string) {
  return db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', (j) => j.onRef('u.tenant_id', '=', 't.tenant_id').onRef('u.id', '=', 't.created_by'))
    .select([
      't.id',
      't.name',
      't.token_prefix',
      't.scopes',
      't.created_by',
      'u.name as created_by_name',
      't.created_at',
      sql<string>`to_char(t.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('created_key'),
      't.last_used_at',
      't.revoked_at',
    ])
    .where('t.tenant_id', '=', tenantId);
}

export async function insertApiToken(
  db: Db,
  tenantId: string,
  t: { name: string; tokenPrefix: string; tokenHash: string; scopes: string[]; createdBy: string; at: Date },
): Promise<ApiTokenRow> {
  const row = await db
    .insertInto('api_tokens')
    .values({ tenant_id: tenantId, name: t.name, token_prefix: t.tokenPrefix, token_hash: t.tokenHash, scopes: t.scopes, created_by: t.createdBy, created_at: t.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return selectTokens(db, tenantId).where('t.id', '=', row.id).executeTakeFirstOrThrow();
}

/** Newest first; `before` is the last row of the previous page. Fetches limit + 1. */
export async function listApiTokens(db: Db, tenantId: string, limit: number, before?: { createdKey: string; id: string }): Promise<ApiTokenRow[]> {
  let q = selectTokens(db, tenantId);
  if (before) {
    const at = sql<Date>`${before.createdKey}::timestamptz`;
    q = q.where((eb) => eb.or([eb('t.created_at', '<', at), eb.and([eb('t.created_at', '=', at), eb('t.id', '<', before.id)])]));
  }
  return q.orderBy('t.created_at', 'desc').orderBy('t.id', 'desc').limit(limit + 1).execute();
}

/** Sets revoked_at once; later revocations keep the first instant. Undefined when no such token. */
export async function revokeApiToken(db: Db, tenantId: string, id: string, at: Date): Promise<{ id: string; name: string; alreadyRevoked: boolean } | undefined> {
  if (!isUuid(id)) return undefined;
  const before = await db.selectFrom('api_tokens').select(['id', 'name', 'revoked_at']).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  if (!before) return undefined;
  await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
  return { id: before.id, name: before.name, alreadyRevoked: before.revoked_at !== null };
}
