import { ActionIcon, Anchor, Button, Group, MultiSelect, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLink, IconLinkOff } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, errorMessage } from '../../api';
import { problemPath, useClientTickets, useInvalidateJourney } from '../../api/journey-queries';
import type { Problem, ProblemTicket } from '../../api/journey-types';
import type { TicketStatus } from '../../api/ticket-types';
import { formatDate } from '../../labels';
import { FormError } from '../ErrorAlert';
import { SectionCard } from '../SectionCard';
import { TicketStatusBadge } from '../tickets/TicketStatusBadge';
import { ticketRef } from './problem-format';

/** The tickets a problem explains: linked tickets with their status, linking more of the same client, unlinking. */
export function ProblemTicketsCard({ problem, basePath, editable }: { problem: Problem; basePath: string; editable: boolean }) {
  const [adding, setAdding] = useState(false);
  return (
    <SectionCard
      title="Linked tickets"
      count={problem.tickets.length}
      actions={
        editable &&
        !adding && (
          <Button size="xs" variant="light" leftSection={<IconLink size={14} />} onClick={() => setAdding(true)}>
            Link tickets
          </Button>
        )
      }
    >
      <Stack gap="sm">
        {editable && adding && <LinkTickets problem={problem} onDone={() => setAdding(false)} />}
        {problem.tickets.length === 0 ? (
          <Text size="sm" c="dimmed">
            No tickets linked yet.
          </Text>
        ) : (
          <TicketRows problem={problem} tickets={problem.tickets} basePath={basePath} editable={editable} />
        )}
      </Stack>
    </SectionCard>
  );
}

function TicketRows({ problem, tickets, basePath, editable }: { problem: Problem; tickets: ProblemTicket[]; basePath: string; editable: boolean }) {
  const invalidate = useInvalidateJourney();
  const [error, setError] = useState<string | null>(null);
  const unlink = async (t: ProblemTicket) => {
    setError(null);
    try {
      await api.delete(`${problemPath(problem.id)}/tickets/${encodeURIComponent(t.id)}`);
      notifications.show({ color: 'teal', message: `${ticketRef(t)} unlinked` });
      await invalidate();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <>
      <Table.ScrollContainer minWidth={300}>
        <Table verticalSpacing="xs" aria-label="Linked tickets">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Ticket</Table.Th>
              <Table.Th>Status</Table.Th>
              {editable && <Table.Th w={40} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tickets.map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td maw={320}>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {ticketRef(t)}
                  </Text>
                  <Anchor component={Link} to={`${basePath}/${t.id}`} size="sm" style={{ overflowWrap: 'anywhere' }} lineClamp={2}>
                    {t.subject}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    Opened {formatDate(t.createdAt)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <TicketStatusBadge status={t.status as TicketStatus} />
                </Table.Td>
                {editable && (
                  <Table.Td>
                    <ActionIcon variant="subtle" color="red" aria-label={`Unlink ${ticketRef(t)}`} onClick={() => unlink(t)}>
                      <IconLinkOff size={16} />
                    </ActionIcon>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <FormError message={error} />
    </>
  );
}

function LinkTickets({ problem, onDone }: { problem: Problem; onDone: () => void }) {
  const tickets = useClientTickets(problem.client.id);
  const invalidate = useInvalidateJourney();
  const [ids, setIds] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const linked = new Set(problem.tickets.map((t) => t.id));
  const options = (tickets.data ?? []).filter((t) => !linked.has(t.id)).map((t) => ({ value: t.id, label: `${ticketRef(t)} · ${t.subject}` }));
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`${problemPath(problem.id)}/tickets`, { ticketIds: ids });
      notifications.show({ color: 'teal', message: ids.length === 1 ? 'Ticket linked' : `${ids.length} tickets linked` });
      await invalidate();
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="xs">
      <MultiSelect
        label={`Tickets of ${problem.client.name}`}
        placeholder={tickets.isPending ? 'Loading tickets…' : ids.length ? undefined : 'Search by number or subject'}
        searchable
        data={options}
        value={ids}
        onChange={setIds}
        nothingFoundMessage="No other ticket of this client matches"
        comboboxProps={{ withinPortal: true }}
        data-autofocus
      />
      <FormError message={error} />
      <Group justify="flex-end" gap="xs">
        <Button variant="default" size="xs" onClick={onDone}>
          Cancel
        </Button>
        <Button size="xs" onClick={save} loading={busy} disabled={ids.length === 0}>
          Link
        </Button>
      </Group>
    </Stack>
  );
}
