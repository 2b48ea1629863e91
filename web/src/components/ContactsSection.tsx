import { ActionIcon, Alert, Badge, Button, Checkbox, Group, Modal, Radio, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAddressBook, IconMailForward, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api';
import { keys, useContacts } from '../api/queries';
import type { ClientRole, Contact, ContactRole, InviteResult } from '../api/types';
import { contactRoleLabels } from '../labels';
import { StatusBadge } from './Badges';
import { ConfirmButton } from './ConfirmButton';
import { CopyField } from './CopyField';
import { EmptyState } from './EmptyState';
import { ErrorAlert, FormError } from './ErrorAlert';
import { SectionCard } from './SectionCard';
import { TableSkeleton } from './TableSkeleton';
import { useApiForm } from './useApiForm';

const allRoles = Object.keys(contactRoleLabels) as ContactRole[];

function accountStatus(c: Contact): string {
  return c.accountStatus ?? c.user?.status ?? (c.userId ? 'active' : 'no account');
}

type Modal = { kind: 'edit'; contact: Contact | null } | { kind: 'invite'; contact: Contact } | null;

/** A client's contacts; staff and client admins manage them and invite them to the portal. */
export function ContactsSection({ clientId, canWrite, canInvite }: { clientId: string; canWrite: boolean; canInvite: boolean }) {
  const contacts = useContacts(clientId);
  const queryClient = useQueryClient();
  const [modal, setModalState] = useState<Modal>(null);
  // The content stays while the modal animates closed; a new key per opening resets the form.
  const [opened, setOpened] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const setModal = (m: Modal) => {
    setModalState(m);
    setFormKey((k) => k + 1);
    setOpened(true);
  };
  const close = () => setOpened(false);
  const remove = async (contact: Contact) => {
    await api.delete(`/clients/${clientId}/contacts/${contact.id}`);
    notifications.show({ color: 'teal', message: `Contact ${contact.name} deleted` });
    await queryClient.invalidateQueries({ queryKey: keys.client(clientId) });
  };
  const addButton = canWrite && (
    <Button size="sm" variant="light" leftSection={<IconPlus size={16} />} onClick={() => setModal({ kind: 'edit', contact: null })}>
      Add contact
    </Button>
  );
  return (
    <SectionCard title="Contacts" count={contacts.data?.length} actions={contacts.data?.length ? addButton : null}>
      {contacts.isPending ? (
        <TableSkeleton rows={2} />
      ) : contacts.isError ? (
        <ErrorAlert error={contacts.error} title="The contacts could not be loaded" onRetry={() => contacts.refetch()} />
      ) : contacts.data.length === 0 ? (
        <EmptyState icon={<IconAddressBook size={24} />} title="No contacts yet" action={addButton}>
          Contacts are the people you deal with: who approves changes, who gets invoices, who to call about an outage.
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={340}>
          <Table verticalSpacing="sm" aria-label="Contacts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>E-mail</Table.Th>
                <Table.Th visibleFrom="md">Phone</Table.Th>
                <Table.Th visibleFrom="sm">Roles</Table.Th>
                <Table.Th visibleFrom="sm">Portal account</Table.Th>
                {(canWrite || canInvite) && <Table.Th><span className="sp-visually-hidden">Actions</span></Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {contacts.data.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                      {c.name}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{c.email}</Table.Td>
                  <Table.Td visibleFrom="md" style={{ whiteSpace: 'nowrap' }}>{c.phone || '—'}</Table.Td>
                  <Table.Td visibleFrom="sm">
                    <Group gap={4}>
                      {c.roles.length === 0 && <Text size="sm" c="dimmed">—</Text>}
                      {c.roles.map((r) => (
                        <Badge key={r} size="sm" variant="outline" radius="sm">
                          {contactRoleLabels[r] ?? r}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td visibleFrom="sm">
                    <StatusBadge status={accountStatus(c)} />
                  </Table.Td>
                  {(canWrite || canInvite) && (
                    <Table.Td>
                      <Group gap={2} wrap="nowrap" justify="flex-end">
                        {canInvite && !c.userId && (
                          <Tooltip label="Invite to portal">
                            <ActionIcon variant="subtle" aria-label={`Invite ${c.name} to portal`} onClick={() => setModal({ kind: 'invite', contact: c })}>
                              <IconMailForward size={16} />
                            </ActionIcon>
                          </Tooltip>
                        )}
                        {canWrite && (
                          <>
                            <Tooltip label="Edit contact">
                              <ActionIcon variant="subtle" aria-label={`Edit contact ${c.name}`} onClick={() => setModal({ kind: 'edit', contact: c })}>
                                <IconPencil size={16} />
                              </ActionIcon>
                            </Tooltip>
                            <ConfirmButton
                              aria-label={`Delete contact ${c.name}`}
                              px={6}
                              title="Delete contact"
                              message={<>Delete the contact <strong>{c.name}</strong>? Their portal account, if any, is not deleted.</>}
                              confirmLabel="Delete contact"
                              onConfirm={() => remove(c)}
                            >
                              <IconTrash size={16} />
                            </ConfirmButton>
                          </>
                        )}
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={opened && modal?.kind === 'edit'} onClose={close} title={modal?.kind === 'edit' && modal.contact ? 'Edit contact' : 'Add contact'} centered size="lg">
        {modal?.kind === 'edit' && <ContactForm key={formKey} clientId={clientId} contact={modal.contact} onDone={close} />}
      </Modal>
      <Modal opened={opened && modal?.kind === 'invite'} onClose={close} title="Invite to portal" centered size="lg">
        {modal?.kind === 'invite' && <InviteContactForm key={formKey} clientId={clientId} contact={modal.contact} onDone={close} />}
      </Modal>
    </SectionCard>
  );
}

type ContactValues = { name: string; email: string; phone: string; roles: ContactRole[] };

function ContactForm({ clientId, contact, onDone }: { clientId: string; contact: Contact | null; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<ContactValues>({ name: contact?.name ?? '', email: contact?.email ?? '', phone: contact?.phone ?? '', roles: contact?.roles ?? [] });
  const form = useApiForm({
    fieldNames: ['name', 'email', 'phone', 'roles'],
    mutationFn: (v: ContactValues) =>
      contact ? api.patch<Contact>(`/clients/${clientId}/contacts/${contact.id}`, v, contact.version) : api.post<Contact>(`/clients/${clientId}/contacts`, v),
    onSuccess: async (saved) => {
      notifications.show({ color: 'teal', message: contact ? `Contact ${saved.name} saved` : `Contact ${saved.name} added` });
      await queryClient.invalidateQueries({ queryKey: keys.client(clientId) });
      onDone();
    },
  });
  const set = <K extends keyof ContactValues>(k: K, v: ContactValues[K]) => {
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
        <Group grow align="flex-start" wrap="wrap">
          <TextInput label="E-mail" type="email" required value={values.email} error={form.fieldError('email')} onChange={(e) => set('email', e.currentTarget.value)} style={{ minWidth: 220 }} />
          <TextInput label="Phone" type="tel" value={values.phone} error={form.fieldError('phone')} onChange={(e) => set('phone', e.currentTarget.value)} style={{ minWidth: 160 }} />
        </Group>
        <Checkbox.Group label="Roles" description="What you contact this person about" value={values.roles} onChange={(v) => set('roles', v as ContactRole[])} error={form.fieldError('roles')}>
          <Group mt="xs">
            {allRoles.map((r) => (
              <Checkbox key={r} value={r} label={contactRoleLabels[r]} />
            ))}
          </Group>
        </Checkbox.Group>
        <FormError message={form.formError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={form.mutation.isPending}>
            {contact ? 'Save contact' : 'Add contact'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function InviteContactForm({ clientId, contact, onDone }: { clientId: string; contact: Contact; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [role, setRole] = useState<ClientRole>('client_user');
  const form = useApiForm({
    fieldNames: ['role'],
    mutationFn: () => api.post<InviteResult>(`/clients/${clientId}/contacts/${contact.id}/invite`, { role }),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: `Invitation sent to ${contact.email}` });
      await queryClient.invalidateQueries({ queryKey: keys.contacts(clientId) });
    },
  });
  if (form.mutation.data)
    return (
      <Stack>
        <Alert color="teal" variant="light">
          We e-mailed an invitation to <strong>{contact.email}</strong>. You can also copy the link and send it yourself; it works once.
        </Alert>
        <CopyField label="Invitation link" value={form.mutation.data.inviteUrl} />
        <Group justify="flex-end">
          <Button onClick={onDone}>Done</Button>
        </Group>
      </Stack>
    );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        form.mutation.mutate(undefined);
      }}
    >
      <Stack>
        <Text size="sm">
          Invite <strong>{contact.name}</strong> ({contact.email}) to the client portal.
        </Text>
        <Radio.Group label="Access" value={role} onChange={(v) => setRole(v as ClientRole)} error={form.fieldError('role')}>
          <Stack gap="xs" mt="xs">
            <Radio value="client_user" label="Client user" description="Sees the company's sites, contacts and, later, tickets and reports" />
            <Radio value="client_admin" label="Client admin" description="Also manages the company's contacts and portal users" />
          </Stack>
        </Radio.Group>
        <FormError message={form.formError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={form.mutation.isPending} leftSection={<IconMailForward size={16} />}>
            Send invitation
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
