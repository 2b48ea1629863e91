import { tokenAllows, type Actor } from '../../http/actor';
import type { StaffRole } from '../../db/schema';

const WRITERS: ReadonlySet<StaffRole> = new Set(['owner', 'admin', 'account_manager']);

/**
 * Scorecards, statements and review packs: staff read (tokens with contracts:read); the client
 * admin of the contract's client reads final revisions only (the repository narrows to the
 * client, the service to final revisions); client users are refused. Owners, admins and account
 * managers evaluate, finalise, re-open and enter values. Token scope module: contracts.
 */
export const isStaffReader = (actor: Actor): boolean => actor.kind === 'staff' && tokenAllows(actor, 'contracts', 'read');

export function canReadScorecards(actor: Actor): boolean {
  return isStaffReader(actor) || (actor.kind === 'client' && actor.role === 'client_admin');
}

/** Only final revisions are the client's to see; drafts are the MSP's working copy. */
export const seesDrafts = (actor: Actor): boolean => actor.kind === 'staff';

export function canWriteScorecards(actor: Actor): boolean {
  return actor.kind === 'staff' && WRITERS.has(actor.role) && tokenAllows(actor, 'contracts', 'write');
}

/** Manual metric values and their evidence are the MSP's working material. */
export const canReadManualValues = isStaffReader;

/** Attestations and user/device counts: staff, and the client admin (they concern the client). */
export const canReadContractInputs = canReadScorecards;
