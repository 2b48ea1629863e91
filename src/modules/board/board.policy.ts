import { tokenAllows, type Actor } from '../../http/actor';

export type BoardAction = 'watch' | 'readViews' | 'writeViews';

/**
 * The board is the staff's view of the tenant's clocks: every staff role (and their API tokens
 * with a tickets scope) may watch it and keep views; client users may not (they follow their
 * own tickets in the portal).
 */
export function can(actor: Actor, action: BoardAction): boolean {
  if (actor.kind !== 'staff') return false;
  switch (action) {
    case 'watch':
    case 'readViews':
      return tokenAllows(actor, 'tickets', 'read');
    case 'writeViews':
      return tokenAllows(actor, 'tickets', 'write');
    default: {
      const never: never = action;
      return never;
    }
  }
}
