import type { Db } from '../../db/database';
import type { Tenant } from '../../db/schema';

export async function countTenants(db: Db): Promise<number> {
  const r = await db.selectFrom('tenants').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function slugTaken(db: Db, slug: string): Promise<boolean> {
  return !!(await db.selectFrom('tenants').select('id').where('slug', '=', slug).executeTakeFirst());
}

export async function insertTenant(db: Db, t: { name: string; slug: string }): Promise<Tenant> {
  return db.insertInto('tenants').values(t).returningAll().executeTakeFirstOrThrow();
}

export async function updateTenantSettings(
  db: Db,
  tenantId: string,
  patch: { name?: string; mfa_required_staff?: boolean; mfa_required_client_admin?: boolean },
  expectedVersion: number | null,
): Promise<Tenant | undefined> {
  let q = db
    .updateTable('tenants')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', tenantId);
  if (expectedVersion !== null) q = q.where('version', '=', expectedVersion);
  return q.returningAll().executeTakeFirst();
}

export async function findTenantById(db: Db, tenantId: string): Promise<Tenant | undefined> {
  return db.selectFrom('tenants').selectAll().where('id', '=', tenantId).executeTakeFirst();
}

/** Whether the tenant makes MFA compulsory for a user of this role. Client users are never required. */
export function mfaRequiredFor(tenant: Pick<Tenant, 'mfa_required_staff' | 'mfa_required_client_admin'>, role: string): boolean {
  if (role === 'client_user') return false;
  if (role === 'client_admin') return tenant.mfa_required_client_admin;
  return tenant.mfa_required_staff;
}
