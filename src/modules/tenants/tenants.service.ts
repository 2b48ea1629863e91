import type { Tenant } from '../../db/schema';
import type { Actor } from '../../http/actor';
import type { AppContext } from '../../http/context';
import { staleWrite } from '../../http/etag';
import { forbidden, notFound } from '../../errors';
import { appendAudit } from '../audit/audit.repository';
import { can } from './tenants.policy';
import { findTenantById, updateTenantSettings } from './tenants.repository';

export async function getTenant(ctx: AppContext, actor: Actor): Promise<Tenant> {
  if (!can(actor, 'tenant.read')) throw forbidden();
  const tenant = await findTenantById(ctx.db, actor.tenantId);
  if (!tenant) throw notFound('Organisation');
  return tenant;
}

export async function updateTenant(
  ctx: AppContext,
  actor: Actor,
  input: { name?: string; mfaRequiredStaff?: boolean; mfaRequiredClientAdmin?: boolean; expectedVersion: number | null },
): Promise<Tenant> {
  if (!can(actor, 'tenant.update')) throw forbidden('Only owners and admins change the organisation settings');
  const before = await findTenantById(ctx.db, actor.tenantId);
  if (!before) throw notFound('Organisation');
  const patch: { name?: string; mfa_required_staff?: boolean; mfa_required_client_admin?: boolean } = {};
  if (input.name !== undefined) patch.name = input.name;
  if (input.mfaRequiredStaff !== undefined) patch.mfa_required_staff = input.mfaRequiredStaff;
  if (input.mfaRequiredClientAdmin !== undefined) patch.mfa_required_client_admin = input.mfaRequiredClientAdmin;
  const after = await updateTenantSettings(ctx.db, actor.tenantId, patch, input.expectedVersion);
  if (!after) throw staleWrite();
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  if (patch.name !== undefined && patch.name !== before.name) changes.name = { from: before.name, to: after.name };
  if (patch.mfa_required_staff !== undefined && patch.mfa_required_staff !== before.mfa_required_staff) {
    changes.mfaRequiredStaff = { from: before.mfa_required_staff, to: after.mfa_required_staff };
  }
  if (patch.mfa_required_client_admin !== undefined && patch.mfa_required_client_admin !== before.mfa_required_client_admin) {
    changes.mfaRequiredClientAdmin = { from: before.mfa_required_client_admin, to: after.mfa_required_client_admin };
  }
  await appendAudit(ctx.db, {
    tenantId: actor.tenantId,
    actorUserId: actor.userId,
    actorLabel: actor.email,
    action: 'tenant.updated',
    targetType: 'tenant',
    targetId: actor.tenantId,
    ip: actor.ip,
    details: { changes },
  });
  return after;
}
