import { ActionIcon, Button, Group, Select, Stack, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconHandGrab, IconPencil } from '@tabler/icons-react';
import { useStaffUsers } from '../../../api/ticket-queries';
import type { Ticket, TicketStatus } from '../../../api/ticket-types';
import { FormError } from '../../../components/ErrorAlert';
import { PriorityBadge } from '../../../components/pact/PriorityBadge';
import { useSignedIn } from '../../../session';
import { statusLabel, ticketStatuses } from '../../../ticket-labels';
import { PriorityOverrideModal } from './PriorityOverrideModal';
import { useTicketPatch } from './useTicketPatch';

const canAssignOthers = (role: string) => role === 'owner' || role === 'admin' || role === 'dispatcher';

/** Status, priority (with override), assignee and "Take it": the controls a technician uses all day. */
export function TicketWorkControls({ ticket }: { ticket: Ticket }) {
  const { user } = useSignedIn();
  const staff = useStaffUsers();
  const [overriding, override] = useDisclosure(false);
  const patch = useTicketPatch(ticket, ['status', 'assigneeId']);
  const assignees = new Map<string, string>();
  for (const u of staff.data ?? []) assignees.set(u.id, u.name);
  if (ticket.assignee) assignees.set(ticket.assignee.id, ticket.assignee.name);
  assignees.set(user.id, assignees.get(user.id) ?? user.name);
  const mayAssign = canAssignOthers(user.role);
  return (
    <Stack gap="xs">
      <Group gap="md" align="flex-end" wrap="wrap">
        <Select
          label="Status"
          allowDeselect={false}
          data={ticketStatuses.map((s) => ({ value: s, label: statusLabel(s) }))}
          value={ticket.status}
          onChange={(v) => v && v !== ticket.status && patch.mutation.mutate({ body: { status: v as TicketStatus }, message: `Status: ${statusLabel(v)}` })}
          error={patch.fieldError('status')}
          w={{ base: '100%', xs: 220 }}
          disabled={patch.mutation.isPending}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Priority
          </Text>
          <Group gap={6} h={36} wrap="nowrap">
            <PriorityBadge priority={ticket.priority} withName />
            <Tooltip label="Change priority">
              <ActionIcon variant="subtle" aria-label="Change priority" onClick={override.open}>
                <IconPencil size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Stack>
        <Select
          label="Assignee"
          placeholder="Unassigned"
          searchable
          clearable={mayAssign}
          disabled={!mayAssign || patch.mutation.isPending}
          data={[...assignees].map(([value, label]) => ({ value, label }))}
          value={ticket.assignee?.id ?? null}
          onChange={(v) => patch.mutation.mutate({ body: { assigneeId: v }, message: v ? `Assigned to ${assignees.get(v) ?? 'them'}` : 'Unassigned' })}
          error={patch.fieldError('assigneeId')}
          w={{ base: '100%', xs: 220 }}
        />
        {ticket.assignee?.id !== user.id && (
          <Button variant="light" leftSection={<IconHandGrab size={16} />} onClick={() => patch.mutation.mutate({ body: { assigneeId: user.id }, message: 'The ticket is yours' })} loading={patch.mutation.isPending}>
            Take it
          </Button>
        )}
      </Group>
      {ticket.priorityOverride && (
        <Text size="xs" c="dimmed">
          Priority overridden: {ticket.priorityOverride.reason}
        </Text>
      )}
      <FormError message={patch.formError} />
      <PriorityOverrideModal key={String(overriding)} ticket={ticket} opened={overriding} onClose={override.close} />
    </Stack>
  );
}
