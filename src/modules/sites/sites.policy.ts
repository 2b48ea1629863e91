import { tokenAllows, type Actor } from '../../http/actor';
import { isStaffWriter } from '../clients/clients.policy';

export type SiteAction = 'read' | 'write';

/** Sites follow their client: staff read all, staff writers change them, client users read their own. */
export function can(actor: Actor, action: SiteAction, client?: { id: string }): boolean {
  if (!tokenAllows(actor, 'clients', action)) return false;
  switch (action) {
    case 'read':
      return actor.kind === 'staff' || !client || client.id === actor.clientId;
    case 'write':
      return isStaffWriter(actor);
    default: {
      const never: never = action;
      return never;
    }
  }
}
