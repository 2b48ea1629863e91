import { ActionIcon, Badge, Button, Checkbox, Group, Modal, NumberInput, Stack, Table, Text, TextInput, Textarea, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconMapPin, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api';
import { keys, useSites } from '../api/queries';
import type { Site } from '../api/types';
import { ConfirmButton } from './ConfirmButton';
import { EmptyState } from './EmptyState';
import { ErrorAlert, FormError } from './ErrorAlert';
import { TableSkeleton } from './TableSkeleton';
import { browserTimeZone, TimeZoneSelect } from './TimeZoneSelect';
import { useApiForm } from './useApiForm';
import { SectionCard } from './SectionCard';

/** A client's sites: a table, and for people who may write, add/edit/delete. */
export function SitesSection({ clientId, canWrite }: { clientId: string; canWrite: boolean }) {
  const sites = useSites(clientId);
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Site | null>(null);
  // A new key per opening gives a fresh form, while the old one stays rendered as the modal closes.
  const [formKey, setFormKey] = useState(0);
  const [opened, { open: show, close }] = useDisclosure(false);
  const open = () => {
    setFormKey((k) => k + 1);
    show();
  };
  const startAdd = () => {
    setEditing(null);
    open();
  };
  const remove = async (site: Site) => {
    await api.delete(`/clients/${clientId}/sites/${site.id}`);
    notifications.show({ color: 'teal', message: `Site ${site.name} deleted` });
    await queryClient.invalidateQueries({ queryKey: keys.client(clientId) });
  };
  const addButton = canWrite && (
    <Button size="sm" variant="light" leftSection={<IconPlus size={16} />} onClick={startAdd}>
      Add site
    </Button>
  );
  return (
    <SectionCard title="Sites" count={sites.data?.length} actions={sites.data?.length ? addButton : null}>
      {sites.isPending ? (
        <TableSkeleton rows={2} />
      ) : sites.isError ? (
        <ErrorAlert error={sites.error} title="The sites could not be loaded" onRetry={() => sites.refetch()} />
      ) : sites.data.length === 0 ? (
        <EmptyState icon={<IconMapPin size={24} />} title="No sites yet" action={addButton}>
          Sites are the client's locations. Their time zone sets business hours and their travel time is added to on-site work.
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={340}>
          <Table verticalSpacing="sm" aria-label="Sites">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th visibleFrom="sm">Address</Table.Th>
                <Table.Th>Time zone</Table.Th>
                <Table.Th ta="right">Travel</Table.Th>
                {canWrite && <Table.Th w={90}><span className="sp-visually-hidden">Actions</span></Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sites.data.map((site) => (
                <Table.Tr key={site.id}>
                  <Table.Td>
                    <Group gap={6} wrap="wrap">
                      <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                        {site.name}
                      </Text>
                      {site.isMain && (
                        <Badge size="xs" variant="light" style={{ minWidth: 'max-content' }}>
                          Main
                        </Badge>
                      )}
                    </Group>
                    {site.address && (
                      // On phones the address column is hidden; show it under the name instead.
                      <Text size="xs" c="dimmed" hiddenFrom="sm" style={{ whiteSpace: 'pre-line' }}>
                        {site.address}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td visibleFrom="sm">
                    <Text size="sm" style={{ whiteSpace: 'pre-line' }} c={site.address ? undefined : 'dimmed'}>
                      {site.address || '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{site.timeZone.replaceAll('_', ' ')}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {site.travelMinutes} min
                  </Table.Td>
                  {canWrite && (
                    <Table.Td>
                      <Group gap={2} wrap="nowrap" justify="flex-end">
                        <Tooltip label="Edit site">
                          <ActionIcon variant="subtle" aria-label={`Edit site ${site.name}`} onClick={() => { setEditing(site); open(); }}>
                            <IconPencil size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <ConfirmButton
                          aria-label={`Delete site ${site.name}`}
                          px={6}
                          title="Delete site"
                          message={<>Delete the site <strong>{site.name}</strong>? This cannot be undone.</>}
                          confirmLabel="Delete site"
                          onConfirm={() => remove(site)}
                        >
                          <IconTrash size={16} />
                        </ConfirmButton>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={opened} onClose={close} title={editing ? 'Edit site' : 'Add site'} centered size="lg">
        {formKey > 0 && <SiteForm key={formKey} clientId={clientId} site={editing} onDone={close} isFirst={(sites.data?.length ?? 0) === 0} />}
      </Modal>
    </SectionCard>
  );
}

type SiteValues = { name: string; address: string; timeZone: string; travelMinutes: number; isMain: boolean };

function SiteForm({ clientId, site, onDone, isFirst }: { clientId: string; site: Site | null; onDone: () => void; isFirst: boolean }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<SiteValues>({
    name: site?.name ?? '',
    address: site?.address ?? '',
    timeZone: site?.timeZone ?? browserTimeZone(),
    travelMinutes: site?.travelMinutes ?? 0,
    isMain: site?.isMain ?? isFirst,
  });
  const form = useApiForm({
    fieldNames: ['name', 'address', 'timeZone', 'travelMinutes', 'isMain'],
    mutationFn: (v: SiteValues) =>
      site ? api.patch<Site>(`/clients/${clientId}/sites/${site.id}`, v, site.version) : api.post<Site>(`/clients/${clientId}/sites`, v),
    onSuccess: async (saved) => {
      notifications.show({ color: 'teal', message: site ? `Site ${saved.name} saved` : `Site ${saved.name} added` });
      await queryClient.invalidateQueries({ queryKey: keys.client(clientId) });
      onDone();
    },
  });
  const set = <K extends keyof SiteValues>(k: K, v: SiteValues[K]) => {
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
        <TextInput label="Name" required data-autofocus placeholder="Head office" value={values.name} error={form.fieldError('name')} onChange={(e) => set('name', e.currentTarget.value)} />
        <Textarea label="Address" autosize minRows={2} value={values.address} error={form.fieldError('address')} onChange={(e) => set('address', e.currentTarget.value)} />
        <Group grow align="flex-start" wrap="wrap">
          <TimeZoneSelect label="Time zone" required value={values.timeZone} allowDeselect={false} error={form.fieldError('timeZone')} onChange={(v) => v && set('timeZone', v)} style={{ minWidth: 220 }} />
          <NumberInput label="Travel time (minutes)" description="From your office, one way" min={0} max={1440} value={values.travelMinutes} error={form.fieldError('travelMinutes')} onChange={(v) => set('travelMinutes', typeof v === 'number' ? v : 0)} style={{ minWidth: 160 }} />
        </Group>
        <Checkbox label="Main site" description="The client's main location" checked={values.isMain} onChange={(e) => set('isMain', e.currentTarget.checked)} />
        <FormError message={form.formError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={form.mutation.isPending}>
            {site ? 'Save site' : 'Add site'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
