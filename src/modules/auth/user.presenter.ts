import type { User } from '../../db/schema';

export function presentUser(u: User) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    clientId: u.client_id,
    status: u.status,
    mfaEnabled: u.mfa_enabled_at !== null,
    lastSignInAt: u.last_sign_in_at?.toISOString() ?? null,
    createdAt: u.created_at.toISOString(),
  };
}
