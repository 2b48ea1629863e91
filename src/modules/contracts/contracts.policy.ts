import { tokenAllows, type Actor } from '../../http/actor';
import type { StaffRole } from '../../db/schema';

const WRITERS: ReadonlySet<StaffRole> = new Set(['owner', 'admin', 'account_manager']);

/**
 * Contracts: all staff read; owners, admins and account managers write. Client users read their
 * own client's contracts (repositories narrow them); only the client's client_admin decides
 * amendments. Token scope module: contracts.
 */
export function canReadContracts(actor: Actor): boolean {
  return tokenAllows(actor, 'contracts', 'read');
}

export function canWriteContracts(actor: Actor): boolean {
  return tokenAllows(actor, 'contracts', 'write') && actor.kind === 'staff' && WRITERS.has(actor.role);
}

/** Accept or reject an amendment: the client admin of the contract's client, nobody else. */
export function canDecideAmendment(actor: Actor, contract: { client_id: string }): boolean {
  return actor.kind === 'client' && actor.role === 'client_admin' && actor.clientId === contract.client_id;
}
