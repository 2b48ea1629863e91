import { Paper, Table, Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useUserList } from '../../api/queries';
import { RoleBadge, StatusBadge } from '../../components/Badges';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { TableSkeleton } from '../../components/TableSkeleton';
import { formatDateTime } from '../../labels';
import { useSignedIn } from '../../session';

export function PortalUsersPage() {
  const { user } = useSignedIn();
  const list = useUserList({ kind: 'client', clientId: user.clientId ?? '' });
  const users = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader title="Users" description="Who at your company can sign in to the portal. Invite new users from Contacts." />
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        {list.isPending ? (
          <TableSkeleton rows={3} />
        ) : list.isError ? (
          <ErrorAlert error={list.error} title="The users could not be loaded" onRetry={() => list.refetch()} />
        ) : users.length === 0 ? (
          <EmptyState icon={<IconUsers size={24} />} title="No users yet" />
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="sm" aria-label="Users">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Last sign-in</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.map((u) => (
                  <Table.Tr key={u.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>{u.name}</Text>
                      <Text size="xs" c="dimmed">{u.email}</Text>
                    </Table.Td>
                    <Table.Td><RoleBadge role={u.role} /></Table.Td>
                    <Table.Td><StatusBadge status={u.status} /></Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(u.lastSignInAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </>
  );
}
