import { ActionIcon, Button, Group, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconBookmark, IconChevronDown, IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, errorMessage } from '../../../api';
import { ticketKeys, useBoardViews } from '../../../api/ticket-queries';
import type { BoardView, TicketFilters } from '../../../api/ticket-types';
import { FormError } from '../../../components/ErrorAlert';
import { useApiForm } from '../../../components/useApiForm';

/** Saved board views: pick one, save the current filters under a name, delete with confirmation. */
export function SavedViewsMenu({ filters, onPick }: { filters: TicketFilters; onPick: (f: TicketFilters, name: string) => void }) {
  const views = useBoardViews();
  const queryClient = useQueryClient();
  const [saving, save] = useDisclosure(false);
  const [name, setName] = useState('');
  const [deleting, setDeleting] = useState<BoardView | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const form = useApiForm({
    fieldNames: ['name', 'filters'],
    mutationFn: () => api.post<BoardView>('/board/views', { name: name.trim(), filters }),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: `View “${name.trim()}” saved` });
      save.close();
      setName('');
      await queryClient.invalidateQueries({ queryKey: ticketKeys.boardViews });
    },
  });
  const remove = async (v: BoardView) => {
    setDeleteError(null);
    try {
      await api.delete(`/board/views/${encodeURIComponent(v.id)}`);
      notifications.show({ color: 'teal', message: `View “${v.name}” deleted` });
      setDeleting(null);
      await queryClient.invalidateQueries({ queryKey: ticketKeys.boardViews });
    } catch (e) {
      setDeleteError(errorMessage(e));
    }
  };
  const list = views.data ?? [];
  return (
    <>
      <Menu position="bottom-end" width={260} withinPortal>
        <Menu.Target>
          <Button variant="default" leftSection={<IconBookmark size={16} />} rightSection={<IconChevronDown size={14} />}>
            Views
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Saved views</Menu.Label>
          {views.isError && <Menu.Item disabled>Views could not be loaded</Menu.Item>}
          {list.length === 0 && !views.isError && <Menu.Item disabled>No saved views yet</Menu.Item>}
          {list.map((v) => (
            <Group key={v.id} gap={0} wrap="nowrap">
              <Menu.Item onClick={() => onPick(v.filters, v.name)} style={{ flex: 1 }}>
                {v.name}
              </Menu.Item>
              <ActionIcon variant="subtle" color="red" aria-label={`Delete view ${v.name}`} onClick={() => setDeleting(v)} mr={4}>
                <IconTrash size={14} />
              </ActionIcon>
            </Group>
          ))}
          <Menu.Divider />
          <Menu.Item leftSection={<IconDeviceFloppy size={16} />} onClick={save.open}>
            Save current filters…
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={saving} onClose={save.close} title="Save view" centered>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            form.mutation.mutate(undefined);
          }}
        >
          <Stack>
            <TextInput
              label="Name"
              placeholder="P1 and P2 at risk"
              required
              data-autofocus
              value={name}
              onChange={(e) => {
                setName(e.currentTarget.value);
                form.touch('name');
              }}
              error={form.fieldError('name')}
            />
            <FormError message={form.formError} />
            <Group justify="flex-end">
              <Button variant="default" onClick={save.close}>
                Cancel
              </Button>
              <Button type="submit" loading={form.mutation.isPending} disabled={name.trim() === ''}>
                Save view
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title="Delete view" centered>
        <Stack>
          <Text size="sm">Delete the saved view “{deleting?.name}”? The tickets are not affected.</Text>
          <FormError message={deleteError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)}>
              Cancel
            </Button>
            <Button color="red" onClick={() => deleting && remove(deleting)} data-autofocus>
              Delete view
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
