import { tokenAllows, type Actor } from '../../http/actor';
import type { StaffRole } from '../../db/schema';

const WRITERS: ReadonlySet<StaffRole> = new Set(['owner', 'admin', 'account_manager']);

/**
 * Announcements are the MSP's voice to its clients: every staff member sees what was sent and to
 * whom (tokens with communication:read); owners, admins and account managers write, preview the
 * audience, send and cancel. Client users (admins and users) read, in the portal, only what their
 * own client received. Token scope module: communication.
 */
export const canReadAnnouncements = (actor: Actor): boolean => actor.kind === 'staff' && tokenAllows(actor, 'communication', 'read');

export const canWriteAnnouncements = (actor: Actor): boolean => actor.kind === 'staff' && WRITERS.has(actor.role) && tokenAllows(actor, 'communication', 'write');

export const canReadPortalAnnouncements = (actor: Actor): boolean => actor.kind === 'client';
