import { Alert, Badge, Button, Checkbox, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconKey, IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api';
import { keys, useApiTokens } from '../../api/queries';
import type { CreatedApiToken } from '../../api/types';
import { ConfirmButton } from '../../components/ConfirmButton';
import { CopyField } from '../../components/CopyField';
import { FormModal } from '../../components/FormModal';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert, FormError } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { TableSkeleton } from '../../components/TableSkeleton';
import { useApiForm } from '../../components/useApiForm';
import { formatDateTime } from '../../labels';

const scopeOptions = [
  { value: 'read', label: 'Read everything' },
  { value: 'write', label: 'Write everything' },
  { value: 'clients:read', label: 'Clients: read' },
  { value: 'clients:write', label: 'Clients: write' },
  { value: 'users:read', label: 'Users: read' },
  { value: 'users:write', label: 'Users: write' },
  { value: 'audit:read', label: 'Audit log: read' },
  { value: 'tickets:read', label: 'Tickets: read' },
  { value: 'tickets:write', label: 'Tickets: write' },
  { value: 'contracts:read', label: 'Contracts: read' },
];

export function ApiTokensPage() {
  const tokens = useApiTokens();
  const queryClient = useQueryClient();
  const [creating, { open, close }] = useDisclosure(false);
  const active = tokens.data?.filter((t) => !t.revokedAt) ?? [];
  const createButton = <Button leftSection={<IconPlus size={16} />} onClick={open}>New token</Button>;
  return (
    <>
      <PageHeader title="API tokens" description="Let other tools (RMM, accounting, scripts) use the API on behalf of your organisation." actions={createButton} />
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        {tokens.isPending ? (
          <TableSkeleton rows={3} />
        ) : tokens.isError ? (
          <ErrorAlert error={tokens.error} title="The tokens could not be loaded" onRetry={() => tokens.refetch()} />
        ) : active.length === 0 ? (
          <EmptyState icon={<IconKey size={24} />} title="No API tokens" action={createButton}>
            Create a token for each tool that connects, so you can revoke one without affecting the others.
          </EmptyState>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" aria-label="API tokens">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Scopes</Table.Th>
                  <Table.Th>Created</Table.Th>
                  <Table.Th>Last used</Table.Th>
                  <Table.Th><span className="sp-visually-hidden">Actions</span></Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {active.map((t) => (
                  <Table.Tr key={t.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>{t.name}</Text>
                      <Text size="xs" c="dimmed"><Text span ff="monospace" size="xs">{t.prefix}…</Text> · by {t.createdBy.name}</Text>
                    </Table.Td>
                    <Table.Td><Group gap={4}>{t.scopes.map((s) => <Badge key={s} size="sm" variant="outline" radius="sm">{s}</Badge>)}</Group></Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(t.createdAt)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'Never'}</Table.Td>
                    <Table.Td>
                      <ConfirmButton size="compact-sm" title="Revoke token" confirmLabel="Revoke" message={<>Revoke <strong>{t.name}</strong>? Tools using it stop working at once.</>} onConfirm={async () => {
                        await api.delete(`/api-tokens/${t.id}`);
                        notifications.show({ color: 'teal', message: `Token ${t.name} revoked` });
                        await queryClient.invalidateQueries({ queryKey: keys.tokens });
                      }}>
                        Revoke
                      </ConfirmButton>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <FormModal opened={creating} onClose={close} title="New API token" size="lg" closeOnClickOutside={false}>
        <CreateTokenForm onDone={close} />
      </FormModal>
    </>
  );
}

function CreateTokenForm({ onDone }: { onDone: () => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['read']);
  const form = useApiForm({
    fieldNames: ['name', 'scopes'],
    mutationFn: () => api.post<CreatedApiToken>('/api-tokens', { name, scopes }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.tokens }),
  });
  if (form.mutation.data)
    return (
      <Stack>
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title="Copy the token now">
          This is the only time it is shown. Store it in your tool's secret settings; if you lose it, revoke it and create a new one.
        </Alert>
        <CopyField label="Token" value={form.mutation.data.token} />
        <Group justify="flex-end"><Button onClick={onDone}>Done</Button></Group>
      </Stack>
    );
  return (
    <form onSubmit={(e) => { e.preventDefault(); form.mutation.mutate(undefined); }}>
      <Stack>
        <TextInput label="Name" description="Which tool uses it, e.g. “RMM alerts”" required data-autofocus value={name} error={form.fieldError('name')} onChange={(e) => { setName(e.currentTarget.value); form.touch('name'); }} />
        <Checkbox.Group label="Scopes" description="Give each tool only what it needs" value={scopes} onChange={setScopes} error={form.fieldError('scopes')}>
          <SimpleGrid cols={{ base: 1, xs: 2 }} mt="xs" spacing="xs">
            {scopeOptions.map((s) => <Checkbox key={s.value} value={s.value} label={s.label} />)}
          </SimpleGrid>
        </Checkbox.Group>
        <FormError message={form.formError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>Cancel</Button>
          <Button type="submit" loading={form.mutation.isPending}>Create token</Button>
        </Group>
      </Stack>
    </form>
  );
}
