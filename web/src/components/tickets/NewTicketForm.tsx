import { Button, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconSend } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { api } from '../../api';
import { usePriorityMatrix } from '../../api/pact-queries';
import type { CatalogItem } from '../../api/pact-types';
import { allPages, keys } from '../../api/queries';
import type { Contact, Site } from '../../api/types';
import { useQuery } from '@tanstack/react-query';
import { useInvalidateTickets } from '../../api/ticket-queries';
import type { CreateTicketBody, Ticket, TicketDeliveryMode } from '../../api/ticket-types';
import { FormError } from '../ErrorAlert';
import { useApiForm } from '../useApiForm';
import { CatalogItemSelect } from './CatalogItemSelect';
import { ExpectedTargets } from './ExpectedTargets';

type Values = {
  siteId: string | null;
  requesterContactId: string | null;
  catalogItemId: string | null;
  subject: string;
  description: string;
  urgency: string | null;
  impact: string | null;
  deliveryMode: TicketDeliveryMode;
};

const empty: Values = { siteId: null, requesterContactId: null, catalogItemId: null, subject: '', description: '', urgency: null, impact: null, deliveryMode: 'remote' };

/**
 * A new ticket. Choosing a catalog item fills urgency, impact and delivery; the expected first
 * response and resolution are shown from the simulator before submitting. Staff pick the client
 * (`clientPicker`) and the requester; client users open tickets for their own company.
 */
export function NewTicketForm({ clientId, staff, clientPicker, onCreated }: { clientId: string | null; staff: boolean; clientPicker?: ReactNode; onCreated: (t: Ticket) => void }) {
  const matrix = usePriorityMatrix();
  const sites = useQuery({ queryKey: keys.sites(clientId ?? ''), queryFn: () => allPages<Site>(`/clients/${encodeURIComponent(clientId ?? '')}/sites`), enabled: !!clientId });
  const contacts = useQuery({
    queryKey: keys.contacts(clientId ?? ''),
    queryFn: () => allPages<Contact>(`/clients/${encodeURIComponent(clientId ?? '')}/contacts`),
    enabled: staff && !!clientId,
  });
  const invalidate = useInvalidateTickets();
  const [values, setValues] = useState<Values>(empty);
  const [missing, setMissing] = useState<Set<string>>(new Set());
  const form = useApiForm({
    fieldNames: ['clientId', 'siteId', 'requesterContactId', 'catalogItemId', 'subject', 'description', 'urgency', 'impact', 'deliveryMode'],
    mutationFn: (body: CreateTicketBody) => api.post<Ticket>('/tickets', body),
    onSuccess: async (t) => {
      notifications.show({ color: 'teal', message: `Ticket ${t.reference} opened` });
      await invalidate();
      onCreated(t);
    },
  });
  const set = <K extends keyof Values>(k: K, v: Values[K]) => {
    setValues((old) => ({ ...old, [k]: v }));
    form.touch(k);
    if (missing.has(k)) setMissing(new Set([...missing].filter((m) => m !== k)));
  };
  const pickItem = (item: CatalogItem | null) => {
    setValues((old) => ({
      ...old,
      catalogItemId: item?.id ?? null,
      urgency: item?.defaultUrgency ?? old.urgency,
      impact: item?.defaultImpact ?? old.impact,
      deliveryMode: item && item.deliveryMode !== 'either' ? item.deliveryMode : old.deliveryMode,
      subject: old.subject === '' && item ? item.name : old.subject,
    }));
    form.touch('catalogItemId');
  };
  const urgency = values.urgency ?? matrix.data?.urgencies.at(-1)?.key ?? '';
  const impact = values.impact ?? matrix.data?.impacts.at(-1)?.key ?? '';
  const currentInput = clientId ? { clientId, catalogItemId: values.catalogItemId, urgency, impact, deliveryMode: values.deliveryMode, siteId: values.siteId } : null;
  const [expectedInput] = useDebouncedValue(currentInput, 200);
  // While the choice settles, the previous answer would show the wrong times.
  const settling = JSON.stringify(currentInput) !== JSON.stringify(expectedInput);
  const submit = () => {
    const need = new Set<string>();
    if (!clientId) need.add('clientId');
    if (values.subject.trim() === '') need.add('subject');
    if (values.description.trim() === '') need.add('description');
    setMissing(need);
    if (need.size > 0 || !clientId) return;
    form.mutation.mutate({
      clientId,
      subject: values.subject.trim(),
      description: values.description.trim(),
      urgency,
      impact,
      deliveryMode: values.deliveryMode,
      ...(values.catalogItemId ? { catalogItemId: values.catalogItemId } : {}),
      ...(values.siteId ? { siteId: values.siteId } : {}),
      ...(staff && values.requesterContactId ? { requesterContactId: values.requesterContactId } : {}),
    });
  };
  const required = (k: string, message: string) => (missing.has(k) ? message : form.fieldError(k));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      noValidate
    >
      <Stack gap="md">
        <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
          <Stack>
            {clientPicker}
            {missing.has('clientId') && (
              <Text size="xs" c="red">
                Choose the client
              </Text>
            )}
            {staff && (
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select
                  label="Site"
                  placeholder={sites.data?.length ? 'Main site' : 'No sites'}
                  clearable
                  disabled={!clientId}
                  data={(sites.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
                  value={values.siteId}
                  onChange={(v) => set('siteId', v)}
                  error={form.fieldError('siteId')}
                />
                <Select
                  label="Requester"
                  placeholder={contacts.data?.length ? 'Choose a contact' : 'No contacts'}
                  searchable
                  clearable
                  disabled={!clientId}
                  data={(contacts.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.email})` }))}
                  value={values.requesterContactId}
                  onChange={(v) => set('requesterContactId', v)}
                  error={form.fieldError('requesterContactId')}
                />
              </SimpleGrid>
            )}
            {!staff && (sites.data?.length ?? 0) > 1 && (
              <Select
                label="Site"
                description="Where the problem is"
                placeholder="Main site"
                clearable
                data={(sites.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
                value={values.siteId}
                onChange={(v) => set('siteId', v)}
                error={form.fieldError('siteId')}
              />
            )}
            <CatalogItemSelect
              description={staff ? 'Its default urgency, impact and delivery are filled in.' : 'What kind of issue is it? This sets the agreed response and resolution times.'}
              value={values.catalogItemId}
              onChange={pickItem}
              error={form.fieldError('catalogItemId')}
            />
            <TextInput
              label="Subject"
              placeholder="In a few words, what is wrong?"
              required
              value={values.subject}
              onChange={(e) => set('subject', e.currentTarget.value)}
              error={required('subject', 'A subject is required')}
            />
            <Textarea
              label="Description"
              placeholder="What happens, since when, who is affected, what you tried"
              required
              autosize
              minRows={4}
              value={values.description}
              onChange={(e) => set('description', e.currentTarget.value)}
              error={required('description', 'A description is required')}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label="Urgency"
                description="How soon it must be fixed"
                allowDeselect={false}
                data={(matrix.data?.urgencies ?? []).map((u) => ({ value: u.key, label: u.name }))}
                value={urgency || null}
                onChange={(v) => v && set('urgency', v)}
                error={form.fieldError('urgency')}
              />
              <Select
                label="Impact"
                description="How many are affected"
                allowDeselect={false}
                data={(matrix.data?.impacts ?? []).map((u) => ({ value: u.key, label: u.name }))}
                value={impact || null}
                onChange={(v) => v && set('impact', v)}
                error={form.fieldError('impact')}
              />
              <Stack gap={4}>
                <div>
                  <Text size="sm" fw={500} id="new-ticket-delivery">
                    Delivery
                  </Text>
                  <Text size="xs" c="dimmed">
                    Remotely or at your site
                  </Text>
                </div>
                <SegmentedControl
                  aria-labelledby="new-ticket-delivery"
                  value={values.deliveryMode}
                  onChange={(v) => set('deliveryMode', v as TicketDeliveryMode)}
                  data={[
                    { value: 'remote', label: 'Remote' },
                    { value: 'onsite', label: 'On-site' },
                  ]}
                />
              </Stack>
            </SimpleGrid>
          </Stack>
        </Paper>
        <ExpectedTargets input={expectedInput} settling={settling} />
        <FormError message={form.formError} />
        <Group justify="flex-end">
          <Button type="submit" size="md" leftSection={<IconSend size={16} />} loading={form.mutation.isPending}>
            Open ticket
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
