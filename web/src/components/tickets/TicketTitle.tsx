import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Ticket } from '../../api/ticket-types';
import { PriorityBadge } from '../pact/PriorityBadge';
import { TicketStatusBadge } from './TicketStatusBadge';

/** Reference, subject, priority and status at the top of a ticket page. */
export function TicketTitle({ ticket, actions }: { ticket: Ticket; actions?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
      <Stack gap={4} style={{ minWidth: 0, flex: '1 1 20rem' }}>
        <Group gap="xs">
          <Text ff="monospace" c="dimmed" size="sm">
            {ticket.reference}
          </Text>
          <PriorityBadge priority={ticket.priority} />
          <TicketStatusBadge status={ticket.status} />
        </Group>
        <Title order={2} style={{ overflowWrap: 'anywhere' }}>
          {ticket.subject}
        </Title>
      </Stack>
      {actions}
    </Group>
  );
}
