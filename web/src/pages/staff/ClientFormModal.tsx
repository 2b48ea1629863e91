import { Button, Group, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api';
import { keys } from '../../api/queries';
import type { Client } from '../../api/types';
import { FormError } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { useApiForm } from '../../components/useApiForm';
import { AccountManagerSelect } from '../../components/journey/AccountManagerSelect';

type Values = { name: string; code: string; notes: string; status: 'active' | 'inactive'; accountManagerId: string | null };

/** New client (no `client`) or edit one; edits send If-Match so a stale form cannot overwrite. */
export function ClientFormModal({ opened, onClose, client, onCreated }: { opened: boolean; onClose: () => void; client?: Client; onCreated?: (c: Client) => void }) {
  return (
    <FormModal opened={opened} onClose={onClose} title={client ? 'Edit client' : 'New client'} size="lg">
      <ClientForm client={client} onDone={onClose} onCreated={onCreated} />
    </FormModal>
  );
}

function ClientForm({ client, onDone, onCreated }: { client?: Client; onDone: () => void; onCreated?: (c: Client) => void }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>({ name: client?.name ?? '', code: client?.code ?? '', notes: client?.notes ?? '', status: client?.status ?? 'active', accountManagerId: client?.accountManagerId ?? null });
  const form = useApiForm({
    fieldNames: ['name', 'code', 'notes', 'status', 'accountManagerId'],
    mutationFn: async (v: Values) => {
      const body = { name: v.name.trim(), code: v.code.trim() || null, notes: v.notes, accountManagerId: v.accountManagerId };
      // The account manager only when it changed: an edit of the name must not fail on a manager since disabled.
      const { accountManagerId, ...rest } = body;
      const manager = accountManagerId !== (client?.accountManagerId ?? null) ? { accountManagerId } : {};
      if (client) return api.patch<Client>(`/clients/${client.id}`, { ...rest, ...manager, status: v.status }, client.version);
      return api.post<Client>('/clients', { name: body.name, ...(body.code ? { code: body.code } : {}), ...(body.notes ? { notes: body.notes } : {}), ...(body.accountManagerId ? { accountManagerId: body.accountManagerId } : {}) });
    },
    onSuccess: async (saved) => {
      notifications.show({ color: 'teal', message: client ? `Saved ${saved.name}` : `Client ${saved.name} created` });
      if (client) queryClient.setQueryData(keys.client(client.id), saved);
      await queryClient.invalidateQueries({ queryKey: keys.clients });
      onDone();
      if (!client) onCreated?.(saved);
    },
  });
  const set = (k: keyof Values, v: string | null) => {
    setValues({ ...values, [k]: v });
    form.touch(k);
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        form.mutation.mutate(values);
      }}
    >
      <Stack>
        <TextInput label="Name" required data-autofocus value={values.name} error={form.fieldError('name')} onChange={(e) => set('name', e.currentTarget.value)} />
        <TextInput label="Code" description="A short reference, e.g. ACME. Optional." value={values.code} error={form.fieldError('code')} onChange={(e) => set('code', e.currentTarget.value)} maw={240} />
        {client && (
          <Select
            label="Status"
            data={[
              { value: 'active', label: 'Active' },
              { value: 'inactive', label: 'Inactive' },
            ]}
            value={values.status}
            allowDeselect={false}
            error={form.fieldError('status')}
            onChange={(v) => v && set('status', v)}
            maw={240}
          />
        )}
        <AccountManagerSelect client={client} value={values.accountManagerId} error={form.fieldError('accountManagerId')} onChange={(v) => set('accountManagerId', v)} />
        <Textarea label="Notes" autosize minRows={3} maxRows={8} value={values.notes} error={form.fieldError('notes')} onChange={(e) => set('notes', e.currentTarget.value)} />
        <FormError message={form.formError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={form.mutation.isPending}>
            {client ? 'Save changes' : 'Create client'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
