import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Ticket } from '../../api/ticket-types';
import { PriorityBadge } from '../pact/PriorityBadge';
import { ClockCountdown } from './ClockCountdown';
import { TicketStatusBadge } from './TicketStatusBadge';

/**
 * Tickets as rows with live clock cells. Staff see client and assignee; the portal links to its
 * own ticket page and leaves those columns out.
 */
export function TicketsTable({ tickets, basePath, staff }: { tickets: Ticket[]; basePath: string; staff: boolean }) {
  return (
    <Table.ScrollContainer minWidth={staff ? 880 : 560}>
      <Table highlightOnHover verticalSpacing="sm" aria-label="Tickets">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Ticket</Table.Th>
            {staff && <Table.Th>Client</Table.Th>}
            <Table.Th>Priority</Table.Th>
            <Table.Th>Status</Table.Th>
            {staff && <Table.Th>Assignee</Table.Th>}
            <Table.Th>First response</Table.Th>
            <Table.Th>Resolution</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tickets.map((t) => (
            <Table.Tr key={t.id}>
              <Table.Td maw={340}>
                <Text size="xs" c="dimmed" ff="monospace">
                  {t.reference}
                </Text>
                <Anchor component={Link} to={`${basePath}/${t.id}`} fw={500} size="sm" style={{ overflowWrap: 'anywhere' }} lineClamp={2}>
                  {t.subject}
                </Anchor>
              </Table.Td>
              {staff && (
                <Table.Td fz="sm" maw={180}>
                  <Text size="sm" lineClamp={1}>
                    {t.client.name}
                  </Text>
                </Table.Td>
              )}
              <Table.Td>
                <PriorityBadge priority={t.priority} />
              </Table.Td>
              <Table.Td>
                <TicketStatusBadge status={t.status} />
              </Table.Td>
              {staff && (
                <Table.Td fz="sm" c={t.assignee ? undefined : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
                  {t.assignee?.name ?? 'Unassigned'}
                </Table.Td>
              )}
              <Table.Td>
                <ClockCountdown clock={t.clocks?.firstResponse} label="First response" />
              </Table.Td>
              <Table.Td>
                <ClockCountdown clock={t.clocks?.resolution} label="Resolution" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
