import type { Tenant } from '../../db/schema';

export function presentTenant(t: Tenant) {
  return {
    id: t.id,
    name: t.name,
    slug: t.slug,
    mfaRequiredStaff: t.mfa_required_staff,
    mfaRequiredClientAdmin: t.mfa_required_client_admin,
    createdAt: t.created_at.toISOString(),
    version: t.version,
  };
}
