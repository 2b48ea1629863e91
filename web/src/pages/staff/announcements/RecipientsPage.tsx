import { Anchor, Button, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { IconMailOff } from '@tabler/icons-react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useAnnouncement, useRecipients } from '../../../api/announcement-queries';
import type { RecipientStatus } from '../../../api/announcement-types';
import { RecipientStatusBadge, recipientLabels } from '../../../components/announcements/announcement-format';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { TableSkeleton } from '../../../components/TableSkeleton';
import { formatDateTime } from '../../../labels';

/** Staff: each recipient of an announcement and what became of its e-mail (refreshes itself). */
export function RecipientsPage() {
  const { announcementId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const one = useAnnouncement(announcementId);
  const list = useRecipients(announcementId, status);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const c = one.data?.counts;
  return (
    <>
      <PageHeader
        title="Recipients"
        description={
          <>
            {one.data ? <Anchor component={Link} to={`/announcements/${announcementId}`}>{one.data.subject}</Anchor> : null}
            {c ? ` · ${c.total} recipients: ${c.sent} sent, ${c.queued} queued, ${c.failed} failed, ${c.unsubscribed} unsubscribed` : ''}
          </>
        }
      />
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <Group mb="md">
          <Select
            aria-label="Status"
            placeholder="All statuses"
            clearable
            data={(Object.keys(recipientLabels) as RecipientStatus[]).map((s) => ({ value: s, label: recipientLabels[s] }))}
            value={status || null}
            onChange={(v) => setParams(v ? { status: v } : {}, { replace: true })}
            w={200}
          />
          <Text size="xs" c="dimmed">
            Queued e-mails are retried for a while; one that keeps failing is marked failed with the mail server's answer.
          </Text>
        </Group>
        {list.isPending ? (
          <TableSkeleton />
        ) : list.isError ? (
          <ErrorAlert error={list.error} title="The recipients could not be loaded" onRetry={() => list.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState icon={<IconMailOff size={24} />} title={status ? 'No recipient has this status' : 'No recipients'}>
            {status ? 'Choose another status to see the rest.' : 'Recipients are listed once the announcement is sent.'}
          </EmptyState>
        ) : (
          <Stack gap="sm">
            <Table.ScrollContainer minWidth={720}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>E-mail</Table.Th>
                    <Table.Th>Contact</Table.Th>
                    <Table.Th>Client</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Sent</Table.Th>
                    <Table.Th>Problem</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>{r.email}</Table.Td>
                      <Table.Td>{r.contact?.name ?? '—'}</Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/clients/${r.client.id}`}>
                          {r.client.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <RecipientStatusBadge status={r.status} />
                      </Table.Td>
                      <Table.Td>{r.sentAt ? formatDateTime(r.sentAt) : '—'}</Table.Td>
                      <Table.Td>
                        {r.error ? (
                          <Text size="xs" c={r.status === 'failed' ? 'red' : 'dimmed'} style={{ overflowWrap: 'anywhere' }}>
                            {r.status === 'queued' ? `Retrying (${r.attempts} attempts): ` : ''}
                            {r.error}
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
