/** A ticket's contribution to a figure; built for thousands of tickets per scorecard, so kept lean. */
import type { Contribution, TicketFacts } from './metric-types';

export function contribution(ticket: TicketFacts, outcome: Contribution['outcome'], note?: string, value?: number): Contribution {
  const c: Contribution = { ticketId: ticket.id, number: ticket.number, subject: ticket.subject, outcome };
  if (value !== undefined) c.value = value;
  if (note !== undefined) c.note = note;
  return c;
}
