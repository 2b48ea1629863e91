import type { StaffRole } from '../../db/schema';
import { tokenAllows, type Actor } from '../../http/actor';

const WRITERS: ReadonlySet<StaffRole> = new Set(['owner', 'admin', 'account_manager']);

/**
 * Executive summaries: staff read everything (tokens with communication:read); the client admin
 * of the client reads published summaries only (the repository narrows to the client, the
 * service to published); client users are refused. Owners, admins and account managers
 * generate, write the narrative, publish, deliver, schedule and run batches. Token scope module:
 * communication.
 */
export const isStaffReader = (actor: Actor): boolean => actor.kind === 'staff' && tokenAllows(actor, 'communication', 'read');

export function canReadSummaries(actor: Actor): boolean {
  return isStaffReader(actor) || (actor.kind === 'client' && actor.role === 'client_admin');
}

/** Drafts are the MSP's working copy. */
export const seesDrafts = (actor: Actor): boolean => actor.kind === 'staff';

export function canWriteSummaries(actor: Actor): boolean {
  return actor.kind === 'staff' && WRITERS.has(actor.role) && tokenAllows(actor, 'communication', 'write');
}

/** Delivery logs, schedules and batches are the MSP's. */
export const canReadDeliveries = isStaffReader;
