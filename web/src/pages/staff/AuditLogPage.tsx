import { Button, Code, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileSearch, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useAuditLog } from '../../api/queries';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { TableSkeleton } from '../../components/TableSkeleton';
import { formatDateTime } from '../../labels';

export function AuditLogPage() {
  const [action, setAction] = useState('');
  const [debounced] = useDebouncedValue(action.trim(), 300);
  const log = useAuditLog(debounced);
  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader title="Audit log" description="Who did what, newest first. Sign-ins, changes to users, security settings and clients." />
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <TextInput mb="md" maw={360} label="Filter by action" placeholder="e.g. auth.signed_in" description="The exact action name, as shown in the table" leftSection={<IconSearch size={16} />} value={action} onChange={(e) => setAction(e.currentTarget.value)} />
        {log.isPending ? (
          <TableSkeleton />
        ) : log.isError ? (
          <ErrorAlert error={log.error} title="The audit log could not be loaded" onRetry={() => log.refetch()} />
        ) : entries.length === 0 ? (
          <EmptyState icon={<IconFileSearch size={24} />} title={debounced ? 'No entries for this action' : 'Nothing recorded yet'} />
        ) : (
          <Stack>
            <Table.ScrollContainer minWidth={720}>
              <Table verticalSpacing="xs" aria-label="Audit log">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>When</Table.Th>
                    <Table.Th>Who</Table.Th>
                    <Table.Th>Action</Table.Th>
                    <Table.Th>Target</Table.Th>
                    <Table.Th>IP</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {entries.map((e) => (
                    <Table.Tr key={e.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</Table.Td>
                      <Table.Td>{e.actor.label}</Table.Td>
                      <Table.Td><Code>{e.action}</Code></Table.Td>
                      <Table.Td><Text size="sm" c={e.target ? undefined : 'dimmed'}>{e.target ? `${e.target.type} ${e.target.id?.slice(0, 8) ?? ''}` : '—'}</Text></Table.Td>
                      <Table.Td><Text size="sm" ff="monospace">{e.ip ?? '—'}</Text></Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {log.hasNextPage && (
              <Group justify="flex-end">
                <Button variant="default" onClick={() => log.fetchNextPage()} loading={log.isFetchingNextPage}>Older entries</Button>
              </Group>
            )}
          </Stack>
        )}
      </Paper>
    </>
  );
}
