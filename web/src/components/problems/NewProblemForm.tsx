import { Button, Group, MultiSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { api } from '../../api';
import { useClientTickets, useInvalidateJourney } from '../../api/journey-queries';
import type { Problem, ProblemInput, ProblemTicket } from '../../api/journey-types';
import { FormError } from '../ErrorAlert';
import { useApiForm } from '../useApiForm';
import { ClientPicker } from './ClientPicker';
import { ticketRef } from './problem-format';

export type NewProblemInitial = { clientId?: string; title?: string; description?: string; tickets?: ProblemTicket[] };

/** Record a problem: the client, a title, and the tickets it explains (more can be linked later). */
export function NewProblemForm({ initial, fixedClient = false, onDone, onCreated }: { initial?: NewProblemInitial; fixedClient?: boolean; onDone: () => void; onCreated?: (p: Problem) => void }) {
  const invalidate = useInvalidateJourney();
  const [clientId, setClientId] = useState<string | null>(initial?.clientId ?? null);
  const [title, setTitle] = useState(initial?.title ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [ticketIds, setTicketIds] = useState<string[]>(initial?.tickets?.map((t) => t.id) ?? []);
  const tickets = useClientTickets(clientId ?? '');
  const options = useMemo(() => {
    const opts = (tickets.data ?? []).map((t) => ({ value: t.id, label: `${ticketRef(t)} · ${t.subject}` }));
    for (const t of initial?.tickets ?? []) if (!opts.some((o) => o.value === t.id)) opts.push({ value: t.id, label: `${ticketRef(t)} · ${t.subject}` });
    return opts;
  }, [tickets.data, initial]);
  const ticketFields = ticketIds.flatMap((_, i) => [`ticketIds[${i}]`, `ticketIds.${i}`]);
  const form = useApiForm({
    fieldNames: ['clientId', 'title', 'description', 'ticketIds', ...ticketFields],
    mutationFn: (body: ProblemInput) => api.post<Problem>('/problems', body),
    onSuccess: async (p) => {
      notifications.show({ color: 'teal', message: `Problem ${p.reference} recorded` });
      await invalidate();
      onDone();
      onCreated?.(p);
    },
  });
  const ticketError = form.fieldError('ticketIds') ?? ticketFields.map((f) => form.fieldError(f)).find(Boolean);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        form.mutation.mutate({ clientId: clientId ?? '', title: title.trim(), ...(description.trim() ? { description: description.trim() } : {}), ticketIds });
      }}
    >
      <Stack>
        {!fixedClient && (
          <ClientPicker
            label="Client"
            required
            placeholder="Search clients"
            value={clientId}
            onChange={(v) => {
              setClientId(v);
              setTicketIds([]);
              form.touch('clientId');
            }}
            error={form.fieldError('clientId')}
          />
        )}
        <TextInput
          label="Title"
          required
          description="The long-standing issue in a few words, e.g. “Line-of-business app crashes on the old terminal server”."
          value={title}
          onChange={(e) => {
            setTitle(e.currentTarget.value);
            form.touch('title');
          }}
          error={form.fieldError('title')}
          data-autofocus
        />
        <Textarea
          label="Description"
          autosize
          minRows={3}
          maxRows={8}
          value={description}
          onChange={(e) => {
            setDescription(e.currentTarget.value);
            form.touch('description');
          }}
          error={form.fieldError('description')}
        />
        <MultiSelect
          label="Linked tickets"
          description="The recurring tickets this problem explains. Root cause, workaround, plan and milestones go on the problem’s page."
          placeholder={!clientId ? 'Choose the client first' : ticketIds.length ? undefined : 'Search the client’s tickets'}
          searchable
          clearable
          disabled={!clientId}
          data={options}
          value={ticketIds}
          onChange={setTicketIds}
          error={ticketError}
          comboboxProps={{ withinPortal: true }}
        />
        <FormError message={form.formError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={form.mutation.isPending}>
            Record problem
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
