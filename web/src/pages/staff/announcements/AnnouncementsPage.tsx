import { Anchor, Button, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { IconPlus, IconSpeakerphone } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { useAnnouncementList } from '../../../api/announcement-queries';
import type { AnnouncementStatus } from '../../../api/announcement-types';
import { ANNOUNCEMENT_STATUSES, AnnouncementStatusBadge, announcementStatusLabel, kindLabels } from '../../../components/announcements/announcement-format';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { TableSkeleton } from '../../../components/TableSkeleton';
import { formatDateTime } from '../../../labels';
import { canWriteContracts, useSignedIn } from '../../../session';

/** Staff: every announcement, newest first, with its status and how its e-mails fared. */
export function AnnouncementsPage() {
  const { user } = useSignedIn();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const list = useAnnouncementList(status);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const canWrite = canWriteContracts(user.role);
  const newButton = canWrite ? (
    <Button component={Link} to="/announcements/new" leftSection={<IconPlus size={16} />}>
      New announcement
    </Button>
  ) : undefined;
  return (
    <>
      <PageHeader title="Announcements" description="Service notices and newsletters e-mailed to client contacts, and shown in their portal." actions={newButton} />
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <Group mb="md">
          <Select
            aria-label="Status"
            placeholder="All statuses"
            clearable
            data={ANNOUNCEMENT_STATUSES.map((s) => ({ value: s, label: announcementStatusLabel(s) }))}
            value={status || null}
            onChange={(v) => setParams(v ? { status: v } : {}, { replace: true })}
            w={200}
          />
        </Group>
        {list.isPending ? (
          <TableSkeleton />
        ) : list.isError ? (
          <ErrorAlert error={list.error} title="The announcements could not be loaded" onRetry={() => list.refetch()} />
        ) : rows.length === 0 ? (
          status ? (
            <EmptyState icon={<IconSpeakerphone size={24} />} title={`No ${announcementStatusLabel(status as AnnouncementStatus).toLowerCase()} announcements`}>
              Choose another status to see the rest.
            </EmptyState>
          ) : (
            <EmptyState icon={<IconSpeakerphone size={24} />} title="No announcements yet" action={newButton}>
              Tell clients about maintenance windows, outages and news: choose who receives it by client, plan, site or contact role, then send it now or schedule it.
            </EmptyState>
          )
        ) : (
          <Stack gap="sm">
            <Table.ScrollContainer minWidth={760}>
              <Table highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Subject</Table.Th>
                    <Table.Th>Kind</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>When</Table.Th>
                    <Table.Th ta="right">Recipients</Table.Th>
                    <Table.Th ta="right">Sent</Table.Th>
                    <Table.Th ta="right">Failed</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/announcements/${a.id}`}>
                          {a.subject}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          by {a.createdBy.name}
                        </Text>
                      </Table.Td>
                      <Table.Td>{kindLabels[a.kind]}</Table.Td>
                      <Table.Td>
                        <AnnouncementStatusBadge status={a.status} />
                      </Table.Td>
                      <Table.Td>{a.sentAt ? formatDateTime(a.sentAt) : a.scheduledFor ? formatDateTime(a.scheduledFor) : `Created ${formatDateTime(a.createdAt)}`}</Table.Td>
                      <Table.Td ta="right">{a.status === 'sent' ? <Anchor component={Link} to={`/announcements/${a.id}/recipients`}>{a.counts.total}</Anchor> : '—'}</Table.Td>
                      <Table.Td ta="right">{a.status === 'sent' ? a.counts.sent : '—'}</Table.Td>
                      <Table.Td ta="right">
                        {a.status === 'sent' ? (
                          <Text span c={a.counts.failed > 0 ? 'red' : undefined} inherit>
                            {a.counts.failed}
                          </Text>
                        ) : (
                          '—'
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {list.hasNextPage && (
              <Group justify="flex-end">
                <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
                  Load more
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </Paper>
    </>
  );
}
