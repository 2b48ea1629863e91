import { sql } from 'kysely';
import type { Db } from '../../db/database';
import type { Invitation, UserRole } from '../../db/schema';

export type NewInvitation = {
  tenantId: string;
  clientId: string | null;
  contactId: string | null;
  email: string;
  name: string;
  role: UserRole;
  tokenHash: string;
  createdBy: string;
  expiresAt: Date;
};

export async function insertInvitation(db: Db, i: NewInvitation): Promise<Invitation> {
  return db
    .insertInto('invitations')
    .values({
      tenant_id: i.tenantId,
      client_id: i.clientId,
      contact_id: i.contactId,
      email: i.email,
      name: i.name,
      role: i.role,
      token_hash: i.tokenHash,
      created_by: i.createdBy,
      expires_at: i.expiresAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Withdraws earlier open invitations to the same address, so only the newest link works. */
export async function revokeOpenInvitations(db: Db, tenantId: string, email: string, at: Date): Promise<void> {
  await db
    .updateTable('invitations')
    .set({ revoked_at: at })
    .where('tenant_id', '=', tenantId)
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
}

// The token is the credential and names its tenant: this is the one lookup without a scope.
export async function findInvitationByTokenHash(db: Db, tokenHash: string): Promise<(Invitation & { organisation: string; client_name: string | null }) | undefined> {
  return db
    .selectFrom('invitations as i')
    .innerJoin('tenants as t', 't.id', 'i.tenant_id')
    .leftJoin('clients as c', (j) => j.onRef('c.tenant_id', '=', 'i.tenant_id').onRef('c.id', '=', 'i.client_id'))
    .selectAll('i')
    .select(['t.name as organisation', 'c.name as client_name'])
    .where('i.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Marks the invitation used; false when another request used it first. */
export async function markAccepted(db: Db, tenantId: string, id: string, at: Date): Promise<boolean> {
  const r = await db
    .updateTable('invitations')
    .set({ accepted_at: at })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
