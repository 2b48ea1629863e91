import { tokenAllows, type Actor } from '../../http/actor';

/**
 * Surveys (token scope module: surveys). Staff read the settings, the CSAT responses and the NPS
 * rounds; owners and admins change the settings; owners, admins and account managers send a
 * quarter's NPS round early. The client admin reads the CSAT responses of their own client (the
 * repository narrows). A ticket's survey is read by whoever may see the ticket and answered by
 * its requester only: the rating is theirs to give. Public links answer by token, not by session.
 */
const staffReads = (actor: Actor) => actor.kind === 'staff' && tokenAllows(actor, 'surveys', 'read');

export const canReadSettings = staffReads;

export function canWriteSettings(actor: Actor): boolean {
  return actor.kind === 'staff' && (actor.role === 'owner' || actor.role === 'admin') && tokenAllows(actor, 'surveys', 'write');
}

export function canListCsat(actor: Actor): boolean {
  return staffReads(actor) || (actor.kind === 'client' && actor.role === 'client_admin');
}

export const canReadNps = staffReads;

export function canStartNps(actor: Actor): boolean {
  return actor.kind === 'staff' && (actor.role === 'owner' || actor.role === 'admin' || actor.role === 'account_manager') && tokenAllows(actor, 'surveys', 'write');
}

/** Reading a ticket's survey: staff tokens need surveys:read; client users reach it through the ticket's own scope. */
export function canReadTicketSurvey(actor: Actor): boolean {
  return actor.kind === 'client' || staffReads(actor);
}

/** Only the requester answers, as a signed-in client user; staff never rate on a client's behalf. */
export function isRequester(actor: Actor, t: { requester_user_id: string | null; recipient_user_id: string | null }): boolean {
  return actor.kind === 'client' && (t.requester_user_id === actor.userId || t.recipient_user_id === actor.userId);
}
