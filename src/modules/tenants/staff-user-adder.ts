import type { Db } from '../../db/database';
import type { StaffRole, Tenant, User } from '../../db/schema';
import { conflict, invalid, notFound } from '../../errors';
import { appendAudit } from '../audit/audit.repository';
import { hashPassword, passwordProblem } from '../auth/password';
import { emailInUse, insertUser } from '../users/users.repository';

/** The command line's way in: a staff account with a password, added to an existing tenant. */
export async function addStaffUser(
  db: Db,
  input: { tenantSlug: string; email: string; name: string; role: StaffRole; password: string },
): Promise<{ tenant: Tenant; user: User }> {
  const problem = passwordProblem(input.password, { email: input.email });
  if (problem) throw invalid({ password: problem });
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const tenant = await trx.selectFrom('tenants').selectAll().where('slug', '=', input.tenantSlug).executeTakeFirst();
    if (!tenant) throw notFound('Organisation');
    if (await emailInUse(trx, input.email)) throw conflict('This e-mail address already has an account', { email: 'is already in use' });
    const user = await insertUser(trx, {
      tenant_id: tenant.id,
      email: input.email.trim().toLowerCase(),
      name: input.name.trim(),
      role: input.role,
      client_id: null,
      password_hash: passwordHash,
      mfa_secret: null,
    });
    await appendAudit(trx, { tenantId: tenant.id, actorUserId: null, actorLabel: 'command line', action: 'user.created', targetType: 'user', targetId: user.id, details: { role: user.role } });
    return { tenant, user };
  });
}
