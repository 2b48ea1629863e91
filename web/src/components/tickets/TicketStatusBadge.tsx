import { Badge } from '@mantine/core';
import type { TicketStatus } from '../../api/ticket-types';
import { statusLabel, ticketStatusColours } from '../../ticket-labels';

export function TicketStatusBadge({ status }: { status: TicketStatus }) {
  return (
    <Badge color={ticketStatusColours[status] ?? 'gray'} variant="light" radius="sm" style={{ minWidth: 'max-content' }}>
      {statusLabel(status)}
    </Badge>
  );
}
