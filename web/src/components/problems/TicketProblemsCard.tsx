import { ActionIcon, Anchor, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconLinkOff, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, errorMessage } from '../../api';
import { problemPath, useClientProblems, useInvalidateJourney, useTicketProblems } from '../../api/journey-queries';
import type { Ticket } from '../../api/ticket-types';
import { FormError } from '../ErrorAlert';
import { FormModal } from '../FormModal';
import { SectionCard } from '../SectionCard';
import { NewProblemForm } from './NewProblemForm';
import { problemStatusLabel } from './problem-format';
import { ProblemStatusBadge } from './ProblemStatusBadge';

/** On the staff ticket page: the problems this ticket belongs to, and linking it to one. */
export function TicketProblemsCard({ ticket }: { ticket: Ticket }) {
  const linked = useTicketProblems(ticket.id);
  const [picking, setPicking] = useState(false);
  const clientProblems = useClientProblems(ticket.client.id, picking);
  const invalidate = useInvalidateJourney();
  const [error, setError] = useState<string | null>(null);
  const [creating, create] = useDisclosure(false);
  const navigate = useNavigate();
  const linkedIds = new Set((linked.data ?? []).map((p) => p.id));
  const candidates = (clientProblems.data ?? []).filter((p) => !linkedIds.has(p.id));

  const run = async (p: Promise<unknown>, message: string) => {
    setError(null);
    try {
      await p;
      notifications.show({ color: 'teal', message });
      await invalidate();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const link = (problemId: string, reference: string) => run(api.post(`${problemPath(problemId)}/tickets`, { ticketIds: [ticket.id] }), `Linked to ${reference}`);
  const unlink = (problemId: string, reference: string) => run(api.delete(`${problemPath(problemId)}/tickets/${encodeURIComponent(ticket.id)}`), `Unlinked from ${reference}`);

  return (
    <SectionCard title="Problem">
      <Stack gap="sm">
        {linked.isPending ? null : (linked.data ?? []).length === 0 ? (
          <Text size="sm" c="dimmed">
            Not part of a known problem.
          </Text>
        ) : (
          (linked.data ?? []).map((p) => (
            <Group key={p.id} justify="space-between" wrap="nowrap" gap="xs">
              <div style={{ minWidth: 0 }}>
                <Anchor component={Link} to={`/problems/${p.id}`} size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                  {p.reference} · {p.title}
                </Anchor>
                <div>
                  <ProblemStatusBadge status={p.status} size="sm" />
                </div>
              </div>
              <ActionIcon variant="subtle" color="red" aria-label={`Unlink from ${p.reference}`} onClick={() => unlink(p.id, p.reference)}>
                <IconLinkOff size={16} />
              </ActionIcon>
            </Group>
          ))
        )}
        {picking ? (
          <Select
            label="Link to problem"
            placeholder={clientProblems.isPending ? 'Loading…' : candidates.length === 0 ? 'No other problem of this client' : 'Choose a problem'}
            data={candidates.map((p) => ({ value: p.id, label: `${p.reference} · ${p.title} (${problemStatusLabel(p.status)})` }))}
            searchable
            value={null}
            onChange={(v) => {
              const p = candidates.find((c) => c.id === v);
              if (p) void link(p.id, p.reference).then(() => setPicking(false));
            }}
            disabled={!clientProblems.isPending && candidates.length === 0}
            comboboxProps={{ withinPortal: true }}
          />
        ) : null}
        <Group gap="xs">
          {!picking && (
            <Button size="xs" variant="light" onClick={() => setPicking(true)}>
              Link to problem
            </Button>
          )}
          <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} />} onClick={create.open}>
            New problem from this ticket
          </Button>
        </Group>
        <FormError message={error} />
      </Stack>
      <FormModal opened={creating} onClose={create.close} title="New problem" size="lg">
        <NewProblemForm
          fixedClient
          initial={{ clientId: ticket.client.id, title: ticket.subject, tickets: [{ id: ticket.id, number: ticket.number, reference: ticket.reference, subject: ticket.subject, status: ticket.status, createdAt: ticket.createdAt }] }}
          onDone={create.close}
          onCreated={(p) => navigate(`/problems/${p.id}`)}
        />
      </FormModal>
    </SectionCard>
  );
}
