import { Anchor, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
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
  const phone = useMediaQuery('(max-width: 40em)');
  if (phone) return <TicketCards tickets={tickets} basePath={basePath} staff={staff} />;
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

/** On a phone, one card per ticket: subject, badges, both clocks. */
function TicketCards({ tickets, basePath, staff }: { tickets: Ticket[]; basePath: string; staff: boolean }) {
  return (
    <Stack gap="xs" aria-label="Tickets" role="list">
      {tickets.map((t) => (
        <Paper key={t.id} withBorder radius="md" p="sm" role="listitem">
          <Group justify="space-between" gap={6} wrap="nowrap">
            <Text size="xs" c="dimmed" ff="monospace">
              {t.reference}
              {staff && ` · ${t.client.name}`}
            </Text>
            <PriorityBadge priority={t.priority} />
          </Group>
          <Anchor component={Link} to={`${basePath}/${t.id}`} fw={500} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {t.subject}
          </Anchor>
          <Group gap={6} mt={6} wrap="wrap">
            <TicketStatusBadge status={t.status} />
            <ClockCountdown clock={t.clocks?.firstResponse} label="First response" />
            <ClockCountdown clock={t.clocks?.resolution} label="Resolution" />
            {staff && (
              <Text size="xs" c="dimmed">
                {t.assignee?.name ?? 'Unassigned'}
              </Text>
            )}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
