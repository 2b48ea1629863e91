import { tokenAllows, type Actor } from '../../http/actor';
import type { StaffRole } from '../../db/schema';

const WRITERS: ReadonlySet<StaffRole> = new Set(['owner', 'admin', 'account_manager']);

/**
 * Review meetings. Staff read cadences, participants and meetings; client users of the contract's
 * client read the meetings themselves (dates, agenda, minutes, action items: they attend), never
 * the at-risk signals in the agenda. Owners, admins and account managers set the cadence and
 * participants, move, cancel and minute meetings, and send invitations; any staff member keeps
 * action items and turns them into tickets. Token scope module: communication.
 */
export const canReadMeetingSetup = (actor: Actor): boolean => actor.kind === 'staff' && tokenAllows(actor, 'communication', 'read');

export const canReadMeetings = (actor: Actor): boolean => canReadMeetingSetup(actor) || actor.kind === 'client';

export const canManageMeetings = (actor: Actor): boolean => actor.kind === 'staff' && WRITERS.has(actor.role) && tokenAllows(actor, 'communication', 'write');

export const canKeepActionItems = (actor: Actor): boolean => actor.kind === 'staff' && tokenAllows(actor, 'communication', 'write');

/** At-risk signals are the MSP's own reading of the relationship: staff only. */
export const seesRisks = (actor: Actor): boolean => actor.kind === 'staff';
