import type { Invitation } from '../../db/schema';

export function presentInvitation(i: Invitation) {
  return { id: i.id, email: i.email, role: i.role, expiresAt: i.expires_at.toISOString() };
}

export function presentInvitationInfo(i: Invitation & { organisation: string; client_name: string | null }, now: Date) {
  return { email: i.email, name: i.name, role: i.role, organisation: i.organisation, clientName: i.client_name, expired: i.expires_at.getTime() <= now.getTime() };
}
