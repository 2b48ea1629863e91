import type { AuditEntry } from '../../db/schema';

export function presentAuditEntry(e: AuditEntry) {
  return {
    id: String(e.id),
    at: e.at.toISOString(),
    actor: { id: e.actor_user_id, label: e.actor_label },
    action: e.action,
    target: e.target_type ? { type: e.target_type, id: e.target_id } : null,
    ip: e.ip,
    details: e.details ?? {},
  };
}
