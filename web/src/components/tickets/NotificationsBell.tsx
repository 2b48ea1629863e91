import { ActionIcon, Anchor, Button, Group, Indicator, Popover, ScrollArea, Skeleton, Stack, Text, UnstyledButton } from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import { IconBell, IconChecks } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, errorMessage } from '../../api';
import { ticketKeys, useNotifications, useUnreadCount } from '../../api/ticket-queries';
import type { NotificationItem } from '../../api/ticket-types';
import { formatDateTime } from '../../labels';
import { ErrorAlert } from '../ErrorAlert';

function notificationText(n: NotificationItem): string {
  return n.title ?? n.message ?? n.body ?? (n.kind ?? n.type ?? 'Notification').replaceAll('_', ' ');
}

/** The bell in the staff header: unread count (polled every 30 s) and the list in a popover. */
export function NotificationsBell() {
  const [opened, setOpened] = useState(false);
  const unread = useUnreadCount();
  const list = useNotifications(opened);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ticketKeys.notifications });
  const markRead = async (n: NotificationItem) => {
    if (!n.readAt) await api.post(`/notifications/${encodeURIComponent(n.id)}/read`).catch(() => undefined);
    await refresh();
  };
  const open = async (n: NotificationItem) => {
    await markRead(n);
    const id = n.ticket?.id ?? n.ticketId;
    if (id) {
      setOpened(false);
      navigate(`/tickets/${id}`);
    }
  };
  const readAll = async () => {
    try {
      await api.post('/notifications/read-all');
      toasts.show({ color: 'teal', message: 'All notifications marked as read' });
      await refresh();
    } catch (e) {
      toasts.show({ color: 'red', message: errorMessage(e) });
    }
  };
  const count = unread.data ?? 0;
  const items = list.data ?? [];
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={340} shadow="md" withinPortal>
      <Popover.Target>
        <Indicator label={count > 99 ? '99+' : count} size={16} offset={4} color="red" disabled={count === 0}>
          <ActionIcon variant="subtle" size="lg" aria-label={count > 0 ? `Notifications: ${count} unread` : 'Notifications'} onClick={() => setOpened((o) => !o)}>
            <IconBell size={20} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <Group justify="space-between" px={4} mb={6}>
          <Text fw={600} size="sm">
            Notifications
          </Text>
          <Button size="compact-xs" variant="subtle" leftSection={<IconChecks size={14} />} onClick={readAll} disabled={count === 0}>
            Mark all read
          </Button>
        </Group>
        {list.isPending ? (
          <Stack gap={6}>
            <Skeleton height={44} />
            <Skeleton height={44} />
          </Stack>
        ) : list.isError ? (
          <ErrorAlert error={list.error} title="Notifications could not be loaded" onRetry={() => list.refetch()} />
        ) : items.length === 0 ? (
          <Text size="sm" c="dimmed" ta="center" py="md">
            Nothing new. Warnings and breaches of your tickets' clocks appear here.
          </Text>
        ) : (
          <ScrollArea.Autosize mah={360}>
            <Stack gap={2} aria-label="Notifications" role="list">
              {items.map((n) => (
                <Group key={n.id} role="listitem" gap={6} wrap="nowrap" align="flex-start" p={6} style={{ borderRadius: 6, background: n.readAt ? undefined : 'var(--mantine-color-indigo-0)' }}>
                  <UnstyledButton onClick={() => open(n)} style={{ flex: 1, minWidth: 0 }}>
                    {n.ticket?.reference && (
                      <Text size="xs" ff="monospace" c="dimmed">
                        {n.ticket.reference}
                      </Text>
                    )}
                    <Text size="sm" fw={n.readAt ? 400 : 600} lineClamp={2}>
                      {notificationText(n)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(n.createdAt)}
                    </Text>
                  </UnstyledButton>
                  {!n.readAt && (
                    <Anchor component="button" type="button" size="xs" onClick={() => markRead(n)}>
                      Mark read
                    </Anchor>
                  )}
                </Group>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
