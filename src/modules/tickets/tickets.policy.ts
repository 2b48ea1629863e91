import { tokenAllows, type Actor } from '../../http/actor';
import type { TicketScope } from './tickets.repository';

/**
 * Rule 8 for tickets: staff see the tenant's tickets; a client admin their client's; a client
 * user those they requested or watch. Everything else is not found.
 */
export function ticketScope(actor: Actor): TicketScope {
  if (actor.kind === 'staff') return { tenantId: actor.tenantId };
  if (actor.role === 'client_admin') return { tenantId: actor.tenantId, clientId: actor.clientId };
  return { tenantId: actor.tenantId, clientId: actor.clientId, requesterOrWatcher: actor.userId };
}

export const canRead = (actor: Actor) => tokenAllows(actor, 'tickets', 'read');

/** Staff (and write tokens) change tickets, log calls and time. */
export const canWrite = (actor: Actor) => actor.kind === 'staff' && tokenAllows(actor, 'tickets', 'write');

/** Staff, write tokens and client users open tickets and comment. */
export const canCreate = (actor: Actor) => tokenAllows(actor, 'tickets', 'write');
export const canComment = canCreate;

/** Dispatchers, owners and admins assign anyone; a technician may take a ticket (assign to self). */
export function canAssign(actor: Actor, assigneeId: string | null): boolean {
  if (!canWrite(actor) || actor.kind !== 'staff') return false;
  if (actor.role === 'owner' || actor.role === 'admin' || actor.role === 'dispatcher') return true;
  return actor.role === 'technician' && assigneeId === actor.userId;
}

export const canManageWatchers = (actor: Actor) => canWrite(actor) || (actor.kind === 'client' && actor.role === 'client_admin');
export const canLogTime = canWrite;
export const canSeeTime = (actor: Actor) => actor.kind === 'staff' && canRead(actor);
export const canManageOthersTime = (actor: Actor) => actor.kind === 'staff' && (actor.role === 'owner' || actor.role === 'admin' || actor.role === 'dispatcher');

export function canConfigure(actor: Actor, mode: 'read' | 'write'): boolean {
  return actor.kind === 'staff' && (actor.role === 'owner' || actor.role === 'admin') && tokenAllows(actor, 'tickets', mode);
}
