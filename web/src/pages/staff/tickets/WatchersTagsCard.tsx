import { ActionIcon, Badge, Button, Group, Select, Stack, TagsInput, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEye, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { api, errorMessage } from '../../../api';
import { ticketPath, useInvalidateTickets, useStaffUsers } from '../../../api/ticket-queries';
import type { Ticket } from '../../../api/ticket-types';
import { FormError } from '../../../components/ErrorAlert';
import { SectionCard } from '../../../components/SectionCard';
import { useSignedIn } from '../../../session';
import { useTicketPatch } from './useTicketPatch';

const watcherId = (w: Ticket['watchers'][number]) => w.id;

/** Who follows the ticket, and its tags (saved as they change). */
export function WatchersTagsCard({ ticket }: { ticket: Ticket }) {
  const { user } = useSignedIn();
  const staff = useStaffUsers();
  const invalidate = useInvalidateTickets();
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState<string | null>(null);
  const patch = useTicketPatch(ticket, ['tags']);
  const watching = ticket.watchers.some((w) => watcherId(w) === user.id);
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
  const add = (id: string) => run(api.post(`${ticketPath(ticket.id)}/watchers`, { userId: id }), 'Watcher added');
  const remove = (id: string, name: string) => run(api.delete(`${ticketPath(ticket.id)}/watchers/${encodeURIComponent(id)}`), `${name} no longer watches`);
  const candidates = (staff.data ?? []).filter((u) => !ticket.watchers.some((w) => watcherId(w) === u.id));
  return (
    <SectionCard
      title="Watchers and tags"
      actions={
        <Button size="xs" variant="light" leftSection={<IconEye size={14} />} onClick={() => (watching ? remove(user.id, 'You') : add(user.id))}>
          {watching ? 'Stop watching' : 'Watch'}
        </Button>
      }
    >
      <Stack gap="sm">
        {ticket.watchers.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nobody watches this ticket yet.
          </Text>
        ) : (
          <Group gap={6} aria-label="Watchers">
            {ticket.watchers.map((w) => (
              <Badge
                key={watcherId(w)}
                variant="light"
                radius="sm"
                rightSection={
                  <ActionIcon size="xs" variant="transparent" aria-label={`Remove watcher ${w.name}`} onClick={() => remove(watcherId(w), w.name)}>
                    <IconX size={12} />
                  </ActionIcon>
                }
              >
                {w.name}
              </Badge>
            ))}
          </Group>
        )}
        {candidates.length > 0 && (
          <Select
            aria-label="Add a watcher"
            placeholder="Add a watcher"
            searchable
            size="xs"
            data={candidates.map((u) => ({ value: u.id, label: u.name }))}
            value={adding}
            onChange={(v) => {
              setAdding(null);
              if (v) void add(v);
            }}
          />
        )}
        <FormError message={error} />
        <TagsInput
          label="Tags"
          placeholder="Add a tag and press Enter"
          value={ticket.tags}
          onChange={(tags) => patch.mutation.mutate({ body: { tags }, message: 'Tags saved' })}
          error={patch.fieldError('tags')}
          disabled={patch.mutation.isPending}
          clearable
        />
        <FormError message={patch.formError} />
      </Stack>
    </SectionCard>
  );
}
