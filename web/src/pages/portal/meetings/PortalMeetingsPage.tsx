import { Anchor, Badge, Grid, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../../../api';
import { formatMeetingTime, meetingKeys, meetingsPath, useMeeting } from '../../../api/meeting-queries';
import type { Occurrence } from '../../../api/meeting-types';
import { useClientContracts } from '../../../api/pact-queries';
import { useClient } from '../../../api/queries';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { NotFound } from '../../../components/NotFound';
import { PageHeader } from '../../../components/PageHeader';
import { SectionCard } from '../../../components/SectionCard';
import { AgendaView } from '../../../components/meetings/AgendaView';
import { CalendarFeedsCard } from '../../../components/meetings/CalendarFeedsCard';
import { useSignedIn } from '../../../session';

const DAY = 86_400_000;

/** The client's upcoming service reviews over all its contracts; the client admin can subscribe a calendar. */
export function PortalMeetingsPage() {
  const { user } = useSignedIn();
  const clientId = user.clientId ?? '';
  const client = useClient(clientId);
  const contracts = useClientContracts(clientId);
  const [window] = useState(() => ({ from: new Date(Date.now() - 7 * DAY).toISOString(), to: new Date(Date.now() + 400 * DAY).toISOString() }));
  const active = (contracts.data ?? []).filter((c) => c.status !== 'draft');
  const lists = useQueries({
    queries: active.map((c) => ({
      queryKey: meetingKeys.list(c.id, window.from, window.to),
      queryFn: async () => (await api.get<{ items: Occurrence[] }>(meetingsPath(c.id), { from: window.from, to: window.to })).items.map((m) => ({ ...m, contractId: c.id, contractName: c.name })),
    })),
  });
  const now = Date.now();
  const meetings = lists
    .flatMap((q) => q.data ?? [])
    .filter((m) => new Date(m.endsAt).getTime() >= now)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const failed = lists.find((q) => q.isError);
  return (
    <>
      <PageHeader title="Review meetings" description="The service reviews planned with your provider: agenda, minutes and action items." />
      <Stack gap="lg">
        <SectionCard title="Upcoming meetings" count={meetings.length}>
          {contracts.isPending || lists.some((q) => q.isPending) ? (
            <Skeleton height={80} />
          ) : failed ? (
            <ErrorAlert error={failed.error} title="The meetings could not be loaded" />
          ) : meetings.length === 0 ? (
            <Text size="sm" c="dimmed">
              No review meetings are planned.
            </Text>
          ) : (
            <Table aria-label="Upcoming meetings">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>When</Table.Th>
                  <Table.Th>Meeting</Table.Th>
                  <Table.Th>Contract</Table.Th>
                  <Table.Th>Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {meetings.map((m) => (
                  <Table.Tr key={`${m.cadenceId}-${m.recurrenceStart}`}>
                    <Table.Td>{formatMeetingTime(m.startsAt, m.timeZone)}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/portal/meetings/${m.contractId}/${encodeURIComponent(m.recurrenceStart)}`}>
                        {m.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{m.contractName}</Table.Td>
                    <Table.Td>
                      <Badge size="sm" variant="light" color={m.status === 'cancelled' ? 'red' : 'blue'}>
                        {m.status}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </SectionCard>
        {user.role === 'client_admin' && client.data && <CalendarFeedsCard client={{ id: client.data.id, name: client.data.name }} />}
      </Stack>
    </>
  );
}

/** One meeting as the client sees it: agenda, minutes and action items, read only. */
export function PortalMeetingPage() {
  const { contractId = '', start = '' } = useParams();
  const meeting = useMeeting(contractId, start);
  if (meeting.isPending) return <Skeleton height={300} />;
  if (meeting.isError) {
    if (meeting.error instanceof ApiError && (meeting.error.status === 404 || meeting.error.status === 400)) return <NotFound what="meeting" backTo="/portal/meetings" backLabel="Back to meetings" />;
    return <ErrorAlert error={meeting.error} title="The meeting could not be loaded" onRetry={() => meeting.refetch()} />;
  }
  const m = meeting.data;
  return (
    <>
      <PageHeader title={`${m.title}: ${formatMeetingTime(m.startsAt, m.timeZone)}`} description={`${m.contractName}${m.location ? ` · ${m.location}` : ''}${m.status === 'cancelled' ? ' · cancelled' : ''}`} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <SectionCard title="Agenda">
            <AgendaView agenda={m.agenda} />
          </SectionCard>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack>
            <SectionCard title="Minutes">{m.minutes ? <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{m.minutes}</Text> : <Text size="sm" c="dimmed">No minutes yet.</Text>}</SectionCard>
            <SectionCard title="Action items" count={m.actionItems.length}>
              {m.actionItems.length === 0 ? (
                <Text size="sm" c="dimmed">
                  No action items.
                </Text>
              ) : (
                <Table aria-label="Action items">
                  <Table.Tbody>
                    {m.actionItems.map((a) => (
                      <Table.Tr key={a.id}>
                        <Table.Td>{a.done ? '✓' : ''}</Table.Td>
                        <Table.Td>{a.title}</Table.Td>
                        <Table.Td>{a.owner?.name ?? '—'}</Table.Td>
                        <Table.Td>{a.dueOn ?? ''}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </SectionCard>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
