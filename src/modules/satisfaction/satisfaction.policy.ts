import { tokenAllows, type Actor } from '../../http/actor';

/**
 * The satisfaction summary: staff (tokens with surveys:read) for every client; the client admin
 * for its own client, by category only (technicians and other clients are the MSP's business).
 * At-risk signals are the MSP's working material: staff only (tokens with journey:read).
 */
export function canReadSummary(actor: Actor): boolean {
  return (actor.kind === 'staff' && tokenAllows(actor, 'surveys', 'read')) || (actor.kind === 'client' && actor.role === 'client_admin');
}

/** Which breakdowns the caller may ask for. */
export function summaryDimensionAllowed(actor: Actor, by: string): boolean {
  return actor.kind === 'staff' || by === 'category';
}

export function canReadRisk(actor: Actor): boolean {
  return actor.kind === 'staff' && tokenAllows(actor, 'journey', 'read');
}
