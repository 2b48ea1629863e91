import { Alert, Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, errorMessage } from '../../api';
import { keys, useUserList } from '../../api/queries';
import type { InviteResult, StaffRole, User } from '../../api/types';
import { RoleBadge, StatusBadge } from '../../components/Badges';
import { FormModal } from '../../components/FormModal';
import { ConfirmButton } from '../../components/ConfirmButton';
import { CopyField } from '../../components/CopyField';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert, FormError } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { TableSkeleton } from '../../components/TableSkeleton';
import { useApiForm } from '../../components/useApiForm';
import { formatDateTime, roleLabels } from '../../labels';
import { useSignedIn } from '../../session';

const staffRoles: StaffRole[] = ['owner', 'admin', 'account_manager', 'dispatcher', 'technician'];

function roleOptions(actorRole: string) {
  // Admins cannot make owners; the API refuses it too, this just avoids offering it.
  return staffRoles.filter((r) => actorRole === 'owner' || r !== 'owner').map((r) => ({ value: r, label: roleLabels[r] }));
}

export function UsersPage() {
  const { user: me } = useSignedIn();
  const queryClient = useQueryClient();
  const list = useUserList({ kind: 'staff' });
  const users = list.data?.pages.flatMap((p) => p.items) ?? [];
  const [inviting, { open, close }] = useDisclosure(false);

  const update = async (u: User, patch: Partial<Pick<User, 'role' | 'status'>>, message: string) => {
    try {
      await api.patch<User>(`/users/${u.id}`, patch, u.version);
      notifications.show({ color: 'teal', message });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(e) });
      throw e;
    } finally {
      await queryClient.invalidateQueries({ queryKey: keys.users });
    }
  };

  return (
    <>
      <PageHeader
        title="Users & roles"
        description="Your team. Roles decide what each person can see and change."
        actions={<Button leftSection={<IconUserPlus size={16} />} onClick={open}>Invite staff</Button>}
      />
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        {list.isPending ? (
          <TableSkeleton />
        ) : list.isError ? (
          <ErrorAlert error={list.error} title="The users could not be loaded" onRetry={() => list.refetch()} />
        ) : users.length === 0 ? (
          <EmptyState icon={<IconUsers size={24} />} title="No staff yet" />
        ) : (
          <Stack>
            <Table.ScrollContainer minWidth={760}>
              <Table verticalSpacing="sm" aria-label="Staff">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Role</Table.Th>
                    <Table.Th>Two-factor</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Last sign-in</Table.Th>
                    <Table.Th><span className="sp-visually-hidden">Actions</span></Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {users.map((u) => (
                    <Table.Tr key={u.id}>
                      <Table.Td>
                        <Text size="sm" fw={500}>{u.name}{u.id === me.id && <Text span c="dimmed" size="xs"> (you)</Text>}</Text>
                        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>{u.email}</Text>
                      </Table.Td>
                      <Table.Td>
                        {u.id === me.id || (me.role !== 'owner' && u.role === 'owner') ? (
                          <RoleBadge role={u.role} />
                        ) : (
                        <Select
                          aria-label={`Role of ${u.name}`}
                          size="xs"
                          w={170}
                          data={roleOptions(me.role)}
                          value={u.role}
                          allowDeselect={false}
                          onChange={(v) => v && v !== u.role && void update(u, { role: v as StaffRole }, `${u.name} is now ${roleLabels[v as StaffRole].toLowerCase()}`).catch(() => undefined)}
                        />
                        )}
                      </Table.Td>
                      <Table.Td>{u.mfaEnabled ? <Badge color="teal" variant="light">On</Badge> : <Badge color="gray" variant="light">Off</Badge>}</Table.Td>
                      <Table.Td><StatusBadge status={u.status} /></Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{u.lastSignInAt ? formatDateTime(u.lastSignInAt) : 'Never'}</Table.Td>
                      <Table.Td>
                        {u.id !== me.id &&
                          (u.status === 'active' ? (
                            <ConfirmButton size="compact-sm" title="Disable user" confirmLabel="Disable" message={<>Disable <strong>{u.name}</strong>? They are signed out at once and cannot sign in until enabled again.</>} onConfirm={() => update(u, { status: 'disabled' }, `${u.name} disabled`)}>
                              Disable
                            </ConfirmButton>
                          ) : (
                            <Button size="compact-sm" variant="subtle" onClick={() => void update(u, { status: 'active' }, `${u.name} enabled`).catch(() => undefined)}>
                              Enable
                            </Button>
                          ))}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {list.hasNextPage && (
              <Group justify="flex-end">
                <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>Load more</Button>
              </Group>
            )}
          </Stack>
        )}
      </Paper>
      <FormModal opened={inviting} onClose={close} title="Invite staff">
        <InviteStaffForm actorRole={me.role} onDone={close} />
      </FormModal>
    </>
  );
}

function InviteStaffForm({ actorRole, onDone }: { actorRole: string; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState({ email: '', name: '', role: 'technician' as StaffRole });
  const form = useApiForm({
    fieldNames: ['email', 'name', 'role'],
    mutationFn: () => api.post<InviteResult>('/users', values),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: `Invitation sent to ${values.email}` });
      await queryClient.invalidateQueries({ queryKey: keys.users });
    },
  });
  if (form.mutation.data)
    return (
      <Stack>
        <Alert color="teal" variant="light">We e-mailed an invitation to <strong>{values.email}</strong>. You can also copy the link and send it yourself. They appear in the list once they have chosen a password.</Alert>
        <CopyField label="Invitation link" value={form.mutation.data.inviteUrl} />
        <Group justify="flex-end"><Button onClick={onDone}>Done</Button></Group>
      </Stack>
    );
  return (
    <form onSubmit={(e) => { e.preventDefault(); form.mutation.mutate(undefined); }}>
      <Stack>
        <TextInput label="Name" required data-autofocus value={values.name} error={form.fieldError('name')} onChange={(e) => { setValues({ ...values, name: e.currentTarget.value }); form.touch('name'); }} />
        <TextInput label="E-mail" type="email" required value={values.email} error={form.fieldError('email')} onChange={(e) => { setValues({ ...values, email: e.currentTarget.value }); form.touch('email'); }} />
        <Select label="Role" data={roleOptions(actorRole)} value={values.role} allowDeselect={false} error={form.fieldError('role')} onChange={(v) => v && setValues({ ...values, role: v as StaffRole })} />
        <FormError message={form.formError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>Cancel</Button>
          <Button type="submit" loading={form.mutation.isPending}>Send invitation</Button>
        </Group>
      </Stack>
    </form>
  );
}
