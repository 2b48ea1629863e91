import type { Db } from '../../db/database';
import type { Tenant, User } from '../../db/schema';
import { conflict, invalid } from '../../errors';
import { appendAudit } from '../audit/audit.repository';
import { seedPactDefaults } from '../pact-defaults/pact-defaults';
import { hashPassword, passwordProblem } from '../auth/password';
import { emailInUse, insertUser } from '../users/users.repository';
import { insertTenant, slugTaken } from './tenants.repository';

export function slugify(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'msp'
  );
}

export type TenantWithOwnerInput = { organisation: string; ownerName: string; ownerEmail: string; password: string };

/**
 * Creates a tenant and its first owner in one transaction: first-run set-up, the CLI and the
 * demo seed all come through here.
 */
export async function createTenantWithOwner(db: Db, input: TenantWithOwnerInput, ip: string | null = null): Promise<{ tenant: Tenant; owner: User }> {
  const problem = passwordProblem(input.password, { email: input.ownerEmail });
  if (problem) throw invalid({ password: problem });
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    if (await emailInUse(trx, input.ownerEmail)) throw conflict('This e-mail address already has an account', { email: 'is already in use' });
    const base = slugify(input.organisation);
    let slug = base;
    for (let i = 2; await slugTaken(trx, slug); i++) slug = `${base}-${i}`;
    const tenant = await insertTenant(trx, { name: input.organisation.trim(), slug });
    const owner = await insertUser(trx, {
      tenant_id: tenant.id,
      email: input.ownerEmail.trim().toLowerCase(),
      name: input.ownerName.trim(),
      role: 'owner',
      client_id: null,
      password_hash: passwordHash,
      mfa_secret: null,
    });
    await seedPactDefaults(trx, tenant.id);
    await appendAudit(trx, { tenantId: tenant.id, actorUserId: owner.id, actorLabel: owner.email, action: 'tenant.created', targetType: 'tenant', targetId: tenant.id, ip });
    return { tenant, owner };
  });
}
