import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, errorMessage } from '../../api';
import { meetingKeys, useCalendarFeeds } from '../../api/meeting-queries';
import type { CreatedFeed } from '../../api/meeting-types';
import { ConfirmButton } from '../ConfirmButton';
import { CopyField } from '../CopyField';
import { ErrorAlert } from '../ErrorAlert';
import { SectionCard } from '../SectionCard';

/**
 * Calendar feeds: subscribe a calendar app to review meetings by a secret URL. The URL is shown
 * once, right after it is made; revoking stops it. `client` narrows to one client's feed.
 */
export function CalendarFeedsCard({ client }: { client?: { id: string; name: string } }) {
  const feeds = useCalendarFeeds();
  const qc = useQueryClient();
  const [created, setCreated] = useState<CreatedFeed | null>(null);
  const [busy, setBusy] = useState(false);
  const mine = (feeds.data ?? []).filter((f) => (client ? f.kind === 'client' && f.client?.id === client.id : f.kind === 'user'));
  const create = async () => {
    setBusy(true);
    try {
      setCreated(await api.post<CreatedFeed>('/calendar-feeds', client ? { kind: 'client', clientId: client.id } : { kind: 'user' }));
      await qc.invalidateQueries({ queryKey: meetingKeys.feeds });
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };
  const revoke = async (id: string) => {
    await api.delete(`/calendar-feeds/${id}`);
    if (created?.id === id) setCreated(null);
    await qc.invalidateQueries({ queryKey: meetingKeys.feeds });
    notifications.show({ color: 'teal', message: 'The feed is revoked; its URL no longer works' });
  };
  const what = client ? `${client.name}'s review meetings` : 'the review meetings you take part in';
  return (
    <SectionCard
      title="Calendar feeds"
      actions={
        <Button size="xs" variant="default" leftSection={<IconCalendarPlus size={14} />} onClick={create} loading={busy}>
          Create feed
        </Button>
      }
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Subscribe your calendar (Outlook, Google Calendar, Apple Calendar) to {what}. Anyone with the URL sees the meetings, so keep it private and revoke it if it leaks.
        </Text>
        {created && (
          <Alert color="teal" title="Your new calendar feed" withCloseButton onClose={() => setCreated(null)}>
            <CopyField label="Feed URL" value={created.url} description="Copy it now: it is shown only once. Add it in your calendar app as a subscription (from URL)." />
          </Alert>
        )}
        {feeds.isError && <ErrorAlert error={feeds.error} title="Your feeds could not be loaded" onRetry={() => feeds.refetch()} />}
        {feeds.data && mine.length === 0 && !created && (
          <Text size="sm" c="dimmed">
            No feed yet.
          </Text>
        )}
        {mine.length > 0 && (
          <Table aria-label="Calendar feeds">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Created</Table.Th>
                <Table.Th>Last fetched</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {mine.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>{new Date(f.createdAt).toLocaleString()}</Table.Td>
                  <Table.Td>{f.lastFetchedAt ? new Date(f.lastFetchedAt).toLocaleString() : 'Never'}</Table.Td>
                  <Table.Td>
                    <Group justify="flex-end">
                      <ConfirmButton size="xs" title="Revoke calendar feed" message="Calendars subscribed to this feed stop receiving meetings. This cannot be undone; you can create a new feed." confirmLabel="Revoke" onConfirm={() => revoke(f.id)}>
                        Revoke
                      </ConfirmButton>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </SectionCard>
  );
}
