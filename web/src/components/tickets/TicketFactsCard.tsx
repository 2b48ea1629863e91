import { Anchor, Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { usePriorityMatrix } from '../../api/pact-queries';
import type { Ticket } from '../../api/ticket-types';
import { formatDateTime } from '../../labels';
import { SectionCard } from '../SectionCard';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Stack>
  );
}

const sourceLabels: Record<string, string> = { portal: 'Portal', email: 'E-mail', api: 'API', staff: 'Staff' };

/** Who and what the ticket is about: client, site, requester, catalog item, delivery mode, contract. */
export function TicketFactsCard({ ticket, staff }: { ticket: Ticket; staff: boolean }) {
  const matrix = usePriorityMatrix();
  const urgency = matrix.data?.urgencies.find((u) => u.key === ticket.urgency)?.name ?? ticket.urgency;
  const impact = matrix.data?.impacts.find((u) => u.key === ticket.impact)?.name ?? ticket.impact;
  return (
    <SectionCard title="Details">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 2, md: 3 }} spacing="md" verticalSpacing="sm">
          <Fact label="Client">{staff ? <Anchor component={Link} to={`/clients/${ticket.client.id}`} size="sm">{ticket.client.name}</Anchor> : ticket.client.name}</Fact>
          <Fact label="Site">{ticket.site?.name ?? '—'}</Fact>
          <Fact label="Requester">
            {ticket.requester ? (
              <>
                {ticket.requester.name ?? ticket.requester.email ?? '—'}
                {ticket.requester.email && (
                  <Text size="xs" c="dimmed">
                    {ticket.requester.email}
                  </Text>
                )}
              </>
            ) : (
              '—'
            )}
          </Fact>
          <Fact label="Catalog item">{ticket.catalogItem?.name ?? 'None'}</Fact>
          <Fact label="Delivery">{ticket.deliveryMode === 'onsite' ? 'On-site' : 'Remote'}</Fact>
          <Fact label="Urgency">{urgency}</Fact>
          <Fact label="Impact">{impact}</Fact>
          <Fact label="Contract">{ticket.contract ? (staff ? <Anchor component={Link} to={`/contracts/${ticket.contract.id}`} size="sm">{ticket.contract.name}</Anchor> : ticket.contract.name) : 'None'}</Fact>
          <Fact label="Opened">
            {formatDateTime(ticket.createdAt)}
            <Text size="xs" c="dimmed">
              via {sourceLabels[ticket.source] ?? ticket.source}
            </Text>
          </Fact>
          {ticket.resolvedAt && <Fact label="Resolved">{formatDateTime(ticket.resolvedAt)}</Fact>}
        </SimpleGrid>
        {ticket.description && (
          <Fact label="Description">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {ticket.description}
            </Text>
          </Fact>
        )}
        {ticket.tags.length > 0 && !staff && (
          <Group gap={4}>
            {ticket.tags.map((t) => (
              <Badge key={t} variant="outline" radius="sm">
                {t}
              </Badge>
            ))}
          </Group>
        )}
      </Stack>
    </SectionCard>
  );
}
