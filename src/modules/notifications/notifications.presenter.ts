import type { NotificationListRow } from './notifications.repository';

export function presentNotification(n: NotificationListRow) {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    ticketId: n.ticket_id,
    ticket: n.ticket_id && n.ticket_number !== null ? { id: n.ticket_id, reference: `T-${n.ticket_number}`, subject: n.ticket_subject ?? '' } : null,
    clock: n.clock,
    percent: n.percent === null ? null : Number(n.percent),
    createdAt: n.created_at.toISOString(),
    readAt: n.read_at ? n.read_at.toISOString() : null,
  };
}
