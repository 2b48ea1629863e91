import { tokenAllows, type Actor } from '../../http/actor';
import { isStaffWriter } from '../clients/clients.policy';

export type ContactAction = 'read' | 'write' | 'invite';

/**
 * Staff read all contacts and staff writers manage them; a client admin manages and invites
 * its own client's contacts; a client user only reads them.
 */
export function can(actor: Actor, action: ContactAction, client?: { id: string }): boolean {
  if (!tokenAllows(actor, 'clients', action === 'read' ? 'read' : 'write')) return false;
  const ownClient = actor.kind === 'client' && (!client || client.id === actor.clientId);
  switch (action) {
    case 'read':
      return actor.kind === 'staff' || ownClient;
    case 'write':
    case 'invite':
      return isStaffWriter(actor) || (ownClient && actor.role === 'client_admin');
    default: {
      const never: never = action;
      return never;
    }
  }
}
