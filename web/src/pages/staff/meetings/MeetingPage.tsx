import { Anchor, Badge, Breadcrumbs, Button, Checkbox, Grid, Group, Select, Skeleton, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError, errorMessage } from '../../../api';
import { formatMeetingTime, meetingKeys, meetingPath, useInvalidateMeetings, useMeeting, useParticipantOptions } from '../../../api/meeting-queries';
import type { ActionItem, Meeting } from '../../../api/meeting-types';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { ErrorAlert, FormError } from '../../../components/ErrorAlert';
import { FormModal } from '../../../components/FormModal';
import { NotFound } from '../../../components/NotFound';
import { PageHeader } from '../../../components/PageHeader';
import { SectionCard } from '../../../components/SectionCard';
import { AgendaView } from '../../../components/meetings/AgendaView';
import { useApiForm } from '../../../components/useApiForm';
import { canWriteContracts, useSignedIn } from '../../../session';
import { isoToLocalInput, localInputToIso } from '../pact/date-inputs';

/** One review meeting: agenda, minutes, action items; move, cancel or reinstate it. */
export function MeetingPage() {
  const { contractId = '', start = '' } = useParams();
  const meeting = useMeeting(contractId, start);
  if (meeting.isPending) return <Skeleton height={300} />;
  if (meeting.isError) {
    if (meeting.error instanceof ApiError && (meeting.error.status === 404 || meeting.error.status === 400)) return <NotFound what="meeting" backTo={`/contracts/${contractId}`} backLabel="Back to the contract" />;
    return <ErrorAlert error={meeting.error} title="The meeting could not be loaded" onRetry={() => meeting.refetch()} />;
  }
  return <MeetingView meeting={meeting.data} />;
}

function MeetingView({ meeting: m }: { meeting: Meeting }) {
  const { user } = useSignedIn();
  const canManage = canWriteContracts(user.role);
  const qc = useQueryClient();
  const invalidateAll = useInvalidateMeetings(m.contractId);
  const path = meetingPath(m.contractId, m.recurrenceStart);
  const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: meetingKeys.meeting(m.contractId, m.recurrenceStart) }), invalidateAll()]);
  const [moving, setMoving] = useState(false);
  const setStatus = async (status: Meeting['status'], message: string) => {
    await api.patch(path, { status }, m.version);
    notifications.show({ color: 'teal', message });
    await refresh();
  };
  const rebuild = async () => {
    try {
      await api.post(`${path}/agenda/refresh`);
      await refresh();
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    }
  };
  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor component={Link} to={`/clients/${m.clientId}`}>
          {m.clientName}
        </Anchor>
        <Anchor component={Link} to={`/contracts/${m.contractId}`}>
          {m.contractName}
        </Anchor>
        <Text>Review meeting</Text>
      </Breadcrumbs>
      <PageHeader
        title={`${m.title}: ${formatMeetingTime(m.startsAt, m.timeZone)}`}
        description={`${m.location || 'No location'} · ${Math.round((new Date(m.endsAt).getTime() - new Date(m.startsAt).getTime()) / 60000)} minutes${m.moved ? ` · moved from ${formatMeetingTime(m.recurrenceStart, m.timeZone)}` : ''}`}
        actions={
          canManage && (
            <Group gap="xs">
              <Badge size="lg" variant="light" color={m.status === 'cancelled' ? 'red' : m.status === 'held' ? 'teal' : 'blue'}>
                {m.status}
              </Badge>
              {m.status === 'scheduled' && (
                <>
                  <Button variant="default" onClick={() => setMoving(true)}>
                    Move
                  </Button>
                  <ConfirmButton variant="default" color="gray" confirmColor="teal" title="Mark as held" message="Record that this meeting took place." confirmLabel="Mark held" onConfirm={() => setStatus('held', 'Marked as held')}>
                    Mark held
                  </ConfirmButton>
                  <ConfirmButton title="Cancel this meeting" message={<>Cancel the meeting of {formatMeetingTime(m.startsAt, m.timeZone)}? Participants receive a cancellation; the other meetings of the series stay.</>} confirmLabel="Cancel meeting" onConfirm={() => setStatus('cancelled', 'The meeting is cancelled; participants are told')}>
                    Cancel meeting
                  </ConfirmButton>
                </>
              )}
              {m.status === 'cancelled' && (
                <ConfirmButton variant="default" color="gray" confirmColor="teal" title="Reinstate this meeting" message="Participants receive the meeting again." confirmLabel="Reinstate" onConfirm={() => setStatus('scheduled', 'The meeting is back on')}>
                  Reinstate
                </ConfirmButton>
              )}
            </Group>
          )
        }
      />
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <SectionCard
            title="Agenda"
            actions={
              canManage && (
                <Button size="xs" variant="subtle" onClick={rebuild}>
                  Rebuild from today's data
                </Button>
              )
            }
          >
            <AgendaView agenda={m.agenda} />
          </SectionCard>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack>
            <MinutesCard meeting={m} canManage={canManage} onSaved={refresh} />
            <ActionItemsCard meeting={m} onChanged={refresh} />
          </Stack>
        </Grid.Col>
      </Grid>
      <FormModal opened={moving} onClose={() => setMoving(false)} title="Move this meeting">
        <MoveForm meeting={m} onDone={async () => (setMoving(false), await refresh())} />
      </FormModal>
    </>
  );
}

function MoveForm({ meeting: m, onDone }: { meeting: Meeting; onDone: () => Promise<unknown> }) {
  const [value, setValue] = useState(isoToLocalInput(m.startsAt));
  const form = useApiForm({
    fieldNames: ['startsAt'],
    mutationFn: () => api.patch(meetingPath(m.contractId, m.recurrenceStart), { startsAt: localInputToIso(value) }, m.version),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: 'The meeting is moved; participants receive the new time' });
      await onDone();
    },
  });
  return (
    <form onSubmit={(e) => (e.preventDefault(), form.mutation.mutate(undefined))}>
      <Stack>
        <TextInput type="datetime-local" label="New start" description={`In your time zone (${Intl.DateTimeFormat().resolvedOptions().timeZone}); only this meeting moves`} required value={value} onChange={(e) => (form.touch('startsAt'), setValue(e.currentTarget.value))} error={form.fieldError('startsAt')} />
        <FormError message={form.formError} />
        <Group justify="flex-end">
          <Button type="submit" loading={form.mutation.isPending}>
            Move meeting
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function MinutesCard({ meeting: m, canManage, onSaved }: { meeting: Meeting; canManage: boolean; onSaved: () => Promise<unknown> }) {
  const [text, setText] = useState(m.minutes);
  const form = useApiForm({
    fieldNames: ['minutes'],
    mutationFn: () => api.patch(meetingPath(m.contractId, m.recurrenceStart), { minutes: text }, m.version),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: 'Minutes saved' });
      await onSaved();
    },
  });
  if (!canManage) return <SectionCard title="Minutes">{m.minutes ? <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{m.minutes}</Text> : <Text size="sm" c="dimmed">No minutes yet.</Text>}</SectionCard>;
  return (
    <SectionCard title="Minutes">
      <form onSubmit={(e) => (e.preventDefault(), form.mutation.mutate(undefined))}>
        <Stack gap="xs">
          <Textarea aria-label="Minutes" autosize minRows={6} maxRows={20} placeholder="What was discussed and decided" value={text} onChange={(e) => (form.touch('minutes'), setText(e.currentTarget.value))} error={form.fieldError('minutes')} />
          <FormError message={form.formError} />
          <Group justify="flex-end">
            <Button type="submit" size="xs" loading={form.mutation.isPending} disabled={text === m.minutes}>
              Save minutes
            </Button>
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}

function ActionItemsCard({ meeting: m, onChanged }: { meeting: Meeting; onChanged: () => Promise<unknown> }) {
  const options = useParticipantOptions(m.contractId);
  const owners = useMemo(
    () => [
      { group: 'Your organisation', items: (options.data?.users ?? []).map((u) => ({ value: `user:${u.id}`, label: u.name })) },
      { group: m.clientName, items: (options.data?.contacts ?? []).map((c) => ({ value: `contact:${c.id}`, label: c.name })) },
    ],
    [options.data, m.clientName],
  );
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState<string | null>(null);
  const [dueOn, setDueOn] = useState('');
  const path = meetingPath(m.contractId, m.recurrenceStart);
  const form = useApiForm({
    fieldNames: ['title', 'ownerUserId', 'ownerContactId', 'dueOn'],
    mutationFn: () => {
      const [kind, id] = owner ? owner.split(':') : [null, null];
      return api.post(`${path}/action-items`, { title, ...(kind === 'user' ? { ownerUserId: id } : {}), ...(kind === 'contact' ? { ownerContactId: id } : {}), ...(dueOn ? { dueOn } : {}) });
    },
    onSuccess: async () => {
      setTitle('');
      setOwner(null);
      setDueOn('');
      await onChanged();
    },
  });
  const act = async (fn: () => Promise<unknown>, message: string) => {
    try {
      await fn();
      notifications.show({ color: 'teal', message });
      await onChanged();
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    }
  };
  return (
    <SectionCard title="Action items" count={m.actionItems.length}>
      <Stack gap="sm">
        {m.actionItems.length === 0 ? (
          <Text size="sm" c="dimmed">
            No action items yet.
          </Text>
        ) : (
          <Table aria-label="Action items">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Done</Table.Th>
                <Table.Th>Item</Table.Th>
                <Table.Th>Owner</Table.Th>
                <Table.Th>Due</Table.Th>
                <Table.Th>Ticket</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {m.actionItems.map((a: ActionItem) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Checkbox aria-label={`Done: ${a.title}`} checked={a.done} onChange={(e) => act(() => api.patch(`${path}/action-items/${a.id}`, { done: e.currentTarget.checked }), e.currentTarget.checked ? 'Marked done' : 'Marked open')} />
                  </Table.Td>
                  <Table.Td>{a.title}</Table.Td>
                  <Table.Td>{a.owner?.name ?? '—'}</Table.Td>
                  <Table.Td>{a.dueOn ?? '—'}</Table.Td>
                  <Table.Td>
                    {a.ticket ? (
                      <Anchor component={Link} to={`/tickets/${a.ticket.id}`} size="sm">
                        {a.ticket.reference}
                      </Anchor>
                    ) : (
                      <Button size="compact-xs" variant="default" onClick={() => act(() => api.post(`${path}/action-items/${a.id}/ticket`), 'Ticket created')}>
                        Create ticket
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <form onSubmit={(e) => (e.preventDefault(), form.mutation.mutate(undefined))} aria-label="New action item">
          <Stack gap="xs">
            <TextInput label="New action item" placeholder="What needs doing" required value={title} onChange={(e) => (form.touch('title'), setTitle(e.currentTarget.value))} error={form.fieldError('title')} />
            <Group grow align="flex-start">
              <Select label="Owner" placeholder="Nobody yet" clearable searchable data={owners} value={owner} onChange={setOwner} error={form.fieldError('ownerUserId') ?? form.fieldError('ownerContactId')} />
              <TextInput type="date" label="Due on" value={dueOn} onChange={(e) => (form.touch('dueOn'), setDueOn(e.currentTarget.value))} error={form.fieldError('dueOn')} />
            </Group>
            <FormError message={form.formError} />
            <Group justify="flex-end">
              <Button type="submit" size="xs" loading={form.mutation.isPending}>
                Add action item
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </SectionCard>
  );
}
