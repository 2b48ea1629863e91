import { sql } from 'kysely';
import type { Db } from '../../db/database';
import type { MeetingContract } from '../meetings/meetings.repository';

/** Feeds by their owner, and by their token's hash for the public URL (the only unscoped read: the hash is the secret). */

export type FeedRow = { id: string; kind: 'user' | 'client'; client_id: string | null; client_name: string | null; created_at: Date; last_fetched_at: Date | null };

export async function feedsOf(db: Db, tenantId: string, userId: string): Promise<FeedRow[]> {
  return db
    .selectFrom('calendar_feeds as f')
    .leftJoin('clients as c', (j) => j.onRef('c.tenant_id', '=', 'f.tenant_id').onRef('c.id', '=', 'f.client_id'))
    .select(['f.id', 'f.kind', 'f.client_id', 'c.name as client_name', 'f.created_at', 'f.last_fetched_at'])
    .where('f.tenant_id', '=', tenantId)
    .where('f.user_id', '=', userId)
    .where('f.revoked_at', 'is', null)
    .orderBy('f.created_at', 'desc')
    .execute();
}

export async function clientName(db: Db, tenantId: string, clientId: string): Promise<string | undefined> {
  return (await db.selectFrom('clients').select('name').where('tenant_id', '=', tenantId).where('id', '=', clientId).executeTakeFirst())?.name;
}

export async function insertFeed(db: Db, row: { tenant_id: string; kind: 'user' | 'client'; user_id: string; client_id: string | null; token_hash: string }): Promise<string> {
  return (await db.insertInto('calendar_feeds').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function revokeFeed(db: Db, tenantId: string, userId: string, id: string, now: Date): Promise<boolean> {
  const r = await db.updateTable('calendar_feeds').set({ revoked_at: now }).where('tenant_id', '=', tenantId).where('user_id', '=', userId).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

export type FeedOwner = { tenant_id: string; id: string; kind: 'user' | 'client'; client_id: string | null; user_id: string; user_email: string; user_client_id: string | null; user_role: string };

/** A live feed by its token's hash, with its owner (who must still be an active user). */
export async function liveFeedByHash(db: Db, tokenHash: string): Promise<FeedOwner | undefined> {
  return db
    .selectFrom('calendar_feeds as f')
    .innerJoin('users as u', (j) => j.onRef('u.tenant_id', '=', 'f.tenant_id').onRef('u.id', '=', 'f.user_id'))
    .select(['f.tenant_id', 'f.id', 'f.kind', 'f.client_id', 'f.user_id', 'u.email as user_email', 'u.client_id as user_client_id', 'u.role as user_role'])
    .where('f.token_hash', '=', tokenHash)
    .where('f.revoked_at', 'is', null)
    .where('u.status', '=', 'active')
    .executeTakeFirst();
}

export async function markFetched(db: Db, tenantId: string, id: string, now: Date): Promise<void> {
  await db.updateTable('calendar_feeds').set({ last_fetched_at: now }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

const contractSelect = sql`k.tenant_id, k.id, k.name, k.client_id, c.name as client_name, k.status`;

/**
 * The contracts whose meetings a user's own feed shows. Staff: contracts they take part in, and
 * those of clients they manage. Client users: their client's contracts whose participants
 * include their contact (linked to the user, or with the user's address).
 */
export async function contractsForUser(db: Db, tenantId: string, userId: string, userClientId: string | null, email: string): Promise<MeetingContract[]> {
  const r = userClientId
    ? await sql<MeetingContract>`
        select ${contractSelect} from contracts k join clients c on c.tenant_id = k.tenant_id and c.id = k.client_id
        where k.tenant_id = ${tenantId} and k.client_id = ${userClientId} and exists (
          select 1 from meeting_participants p join contacts ct on ct.tenant_id = p.tenant_id and ct.id = p.contact_id
          where p.tenant_id = k.tenant_id and p.contract_id = k.id and (ct.user_id = ${userId} or lower(ct.email) = lower(${email})))
        order by k.id`.execute(db)
    : await sql<MeetingContract>`
        select ${contractSelect} from contracts k join clients c on c.tenant_id = k.tenant_id and c.id = k.client_id
        where k.tenant_id = ${tenantId} and (c.account_manager_id = ${userId} or exists (
          select 1 from meeting_participants p where p.tenant_id = k.tenant_id and p.contract_id = k.id and p.user_id = ${userId}))
        order by k.id`.execute(db);
  return r.rows;
}

export async function contractsOfClient(db: Db, tenantId: string, clientId: string): Promise<MeetingContract[]> {
  const r = await sql<MeetingContract>`
    select ${contractSelect} from contracts k join clients c on c.tenant_id = k.tenant_id and c.id = k.client_id
    where k.tenant_id = ${tenantId} and k.client_id = ${clientId} order by k.id`.execute(db);
  return r.rows;
}
