/**
 * Ticket statuses and what moving between them means for the clocks. Open statuses move freely
 * among themselves; `resolved` completes the resolution clock; leaving `resolved` or `closed`
 * for an open status is a reopen (the gap is paused time, rule 3); `closed` is reached from
 * `resolved`, or from an open status (which resolves and closes at once).
 */

export const TICKET_STATUSES = ['new', 'assigned', 'in_progress', 'waiting_on_client', 'waiting_on_third_party', 'resolved', 'closed'] as const;
export type TicketStatusName = (typeof TICKET_STATUSES)[number];

export const OPEN_STATUSES: readonly TicketStatusName[] = ['new', 'assigned', 'in_progress', 'waiting_on_client', 'waiting_on_third_party'];
export const DEFAULT_PAUSING_STATUSES: readonly TicketStatusName[] = ['waiting_on_client'];

export const isOpen = (status: TicketStatusName): boolean => status !== 'resolved' && status !== 'closed';

export type StatusTransition = {
  /** The ticket's resolution: a `resolved` event for the clocks. */
  resolves: boolean;
  /** Back to work after a resolution: a `reopened` event. */
  reopens: boolean;
  closes: boolean;
};

/** What moving `from` -> `to` means, or null when the move is not allowed. Same status: all false. */
export function statusTransition(from: TicketStatusName, to: TicketStatusName): StatusTransition | null {
  const none = { resolves: false, reopens: false, closes: false };
  if (from === to) return none;
  switch (to) {
    case 'resolved':
      return isOpen(from) ? { ...none, resolves: true } : null;
    case 'closed':
      return from === 'resolved' ? { ...none, closes: true } : { ...none, resolves: true, closes: true };
    case 'new':
    case 'assigned':
    case 'in_progress':
    case 'waiting_on_client':
    case 'waiting_on_third_party':
      return isOpen(from) ? none : { ...none, reopens: true };
    default: {
      const unreachable: never = to;
      throw new Error(`unknown status ${String(unreachable)}`);
    }
  }
}

/** The status a comment or reply reopens a resolved or closed ticket into. */
export const REOPEN_STATUS: TicketStatusName = 'in_progress';
