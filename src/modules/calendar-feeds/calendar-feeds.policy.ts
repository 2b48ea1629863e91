import { tokenAllows, type Actor } from '../../http/actor';

/**
 * Calendar feeds: every signed-in user keeps feeds of their own meetings; a client's feed is for
 * staff and for the client administrator of that client. A feed belongs to the user who made it:
 * only they see and revoke it. Token scope module: communication.
 */
export const canKeepFeeds = (actor: Actor, mode: 'read' | 'write'): boolean => tokenAllows(actor, 'communication', mode);

export function canCreateClientFeed(actor: Actor, clientId: string): boolean {
  if (actor.kind === 'staff') return tokenAllows(actor, 'communication', 'write');
  return actor.role === 'client_admin' && actor.clientId.toLowerCase() === clientId.toLowerCase();
}
