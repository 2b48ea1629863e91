import { tokenAllows, type Actor } from '../../http/actor';

/**
 * Who may see and change the pact's configuration (matrix, calendars, plans, riders, catalog).
 * Configure = owner, admin; read = all staff. Client users read only what they are measured by
 * (the matrix and the catalog; rule 7), which each route opts into. Token scope module: contracts.
 */
export function canReadConfig(actor: Actor, opts: { clients?: boolean } = {}): boolean {
  if (!tokenAllows(actor, 'contracts', 'read')) return false;
  return actor.kind === 'staff' || opts.clients === true;
}

export function canConfigure(actor: Actor): boolean {
  if (!tokenAllows(actor, 'contracts', 'write')) return false;
  return actor.kind === 'staff' && (actor.role === 'owner' || actor.role === 'admin');
}
