import { tokenAllows, type Actor } from '../../http/actor';

/**
 * Problems: every staff role reads, opens and works on them (tokens with problems:read and
 * problems:write); the client admin reads their own client's (status, workaround, plan,
 * milestones, cost); client users see none. Token scope module: problems.
 */
export function canReadProblems(actor: Actor): boolean {
  if (actor.kind === 'staff') return tokenAllows(actor, 'problems', 'read');
  return actor.role === 'client_admin';
}

export function canWriteProblems(actor: Actor): boolean {
  return actor.kind === 'staff' && tokenAllows(actor, 'problems', 'write');
}

/** Recurring-ticket suggestions are the MSP's working material. */
export const canSeeSuggestions = (actor: Actor): boolean => actor.kind === 'staff' && tokenAllows(actor, 'problems', 'read');
