import { tokenAllows, type Actor } from '../../http/actor';
import type { StaffRole } from '../../db/schema';

const WRITERS: ReadonlySet<StaffRole> = new Set(['owner', 'admin', 'account_manager']);

/**
 * A client's journey: staff read it (tokens with journey:read); the client admin reads their own
 * client's, without the suggestions (the MSP's working material); client users are refused.
 * Owners, admins and account managers change the stage and dismiss suggestions. Token scope
 * module: journey.
 */
export function canReadJourney(actor: Actor): boolean {
  if (actor.kind === 'staff') return tokenAllows(actor, 'journey', 'read');
  return actor.role === 'client_admin';
}

export const seesSuggestions = (actor: Actor): boolean => actor.kind === 'staff';

export function canChangeJourney(actor: Actor): boolean {
  return actor.kind === 'staff' && WRITERS.has(actor.role) && tokenAllows(actor, 'journey', 'write');
}
