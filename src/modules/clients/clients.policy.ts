import { tokenAllows, type Actor } from '../../http/actor';
import type { StaffRole } from '../../db/schema';

export type ClientAction = 'read' | 'create' | 'update';

const WRITERS: ReadonlySet<StaffRole> = new Set(['owner', 'admin', 'account_manager', 'dispatcher']);

/** Staff who may change clients, sites and contacts of any client. */
export function isStaffWriter(actor: Actor): boolean {
  return actor.kind === 'staff' && WRITERS.has(actor.role);
}

/**
 * Staff read every client; writers change them. Client users read only their own client
 * (repositories already narrow them to it; the check here keeps the rule in one place).
 */
export function can(actor: Actor, action: ClientAction, client?: { id: string }): boolean {
  const mode = action === 'read' ? 'read' : 'write';
  if (!tokenAllows(actor, 'clients', mode)) return false;
  switch (action) {
    case 'read':
      return actor.kind === 'staff' || !client || client.id === actor.clientId;
    case 'create':
    case 'update':
      return isStaffWriter(actor);
    default: {
      const never: never = action;
      return never;
    }
  }
}
