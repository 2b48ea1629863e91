import { Badge, Button, Checkbox, Group, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlayerPlay, IconPlayerStop, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api';
import { ticketKeys, ticketPath, useTimeEntries } from '../../../api/ticket-queries';
import type { RunningTimer, TimeEntry } from '../../../api/ticket-types';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { ErrorAlert, FormError } from '../../../components/ErrorAlert';
import { SectionCard } from '../../../components/SectionCard';
import { TableSkeleton } from '../../../components/TableSkeleton';
import { useApiForm } from '../../../components/useApiForm';
import { useNow } from '../../../components/tickets/useNow';
import { formatDateTime } from '../../../labels';
import { durationText } from '../../../pact-labels';
import { spanText } from '../../../ticket-labels';

const timerKey = (ticketId: string) => `servicepact.timer.${ticketId}`;

/** A running timer per technician and ticket; its start is kept in this browser to show the duration. */
function TimerButton({ ticketId, onStopped }: { ticketId: string; onStopped: () => Promise<unknown> }) {
  const [startedAt, setStartedAt] = useState<string | null>(() => window.localStorage.getItem(timerKey(ticketId)));
  const now = useNow();
  const form = useApiForm({
    fieldNames: [],
    mutationFn: async (action: 'start' | 'stop') => {
      const answer = await api.post<Partial<RunningTimer> | undefined>(`${ticketPath(ticketId)}/timer/${action}`, {});
      return { action, startedAt: answer?.startedAt ?? new Date().toISOString() };
    },
    onSuccess: async ({ action, startedAt: at }) => {
      if (action === 'start') {
        window.localStorage.setItem(timerKey(ticketId), at);
        setStartedAt(at);
        notifications.show({ color: 'teal', message: 'Timer started' });
      } else {
        window.localStorage.removeItem(timerKey(ticketId));
        setStartedAt(null);
        notifications.show({ color: 'teal', message: 'Timer stopped: time entry added' });
        await onStopped();
      }
    },
  });
  return (
    <Group gap="xs">
      {startedAt && (
        <Badge color="red" variant="dot" radius="sm" style={{ fontVariantNumeric: 'tabular-nums' }} aria-label="Timer running">
          {spanText((now - new Date(startedAt).getTime()) / 1000)}
        </Badge>
      )}
      <Button
        size="xs"
        variant={startedAt ? 'filled' : 'light'}
        color={startedAt ? 'red' : undefined}
        leftSection={startedAt ? <IconPlayerStop size={14} /> : <IconPlayerPlay size={14} />}
        loading={form.mutation.isPending}
        onClick={() => form.mutation.mutate(startedAt ? 'stop' : 'start')}
      >
        {startedAt ? 'Stop timer' : 'Start timer'}
      </Button>
      {form.formError && <FormError message={form.formError} />}
    </Group>
  );
}

function AddTimeEntryForm({ ticketId, onAdded }: { ticketId: string; onAdded: () => Promise<unknown> }) {
  const [minutes, setMinutes] = useState<number | string>(30);
  const [note, setNote] = useState('');
  const [billable, setBillable] = useState(true);
  const form = useApiForm({
    fieldNames: ['durationMinutes', 'note', 'billable', 'startedAt'],
    mutationFn: () => {
      const m = Number(minutes);
      const startedAt = new Date(Date.now() - m * 60_000).toISOString();
      return api.post<TimeEntry>(`${ticketPath(ticketId)}/time-entries`, { startedAt, durationMinutes: m, note: note.trim(), billable });
    },
    onSuccess: async () => {
      setNote('');
      notifications.show({ color: 'teal', message: 'Time entry added' });
      await onAdded();
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        form.mutation.mutate(undefined);
      }}
    >
      <Stack gap="xs">
        <Group gap="sm" align="flex-start" wrap="wrap">
          <NumberInput label="Minutes" min={1} max={1440} value={minutes} onChange={setMinutes} w={110} error={form.fieldError('durationMinutes') ?? form.fieldError('startedAt')} />
          <TextInput label="Note" placeholder="What was done" value={note} onChange={(e) => setNote(e.currentTarget.value)} style={{ flex: '1 1 12rem' }} error={form.fieldError('note')} />
          <Checkbox label="Billable" checked={billable} onChange={(e) => setBillable(e.currentTarget.checked)} mt={32} />
          <Button type="submit" variant="default" mt={25} loading={form.mutation.isPending} disabled={!(Number(minutes) > 0)}>
            Add entry
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          The entry ends now. The split into in-coverage and after-hours time follows the contract's calendar.
        </Text>
        <FormError message={form.formError} />
      </Stack>
    </form>
  );
}

/** Time worked on the ticket: entries with the in-coverage / after-hours split, a form and a timer. */
export function TimeEntriesSection({ ticketId }: { ticketId: string }) {
  const entries = useTimeEntries(ticketId);
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ticketKeys.timeEntries(ticketId) });
  const list = entries.data ?? [];
  const total = (f: (e: TimeEntry) => number) => list.reduce((sum, e) => sum + f(e), 0);
  return (
    <SectionCard title="Time" count={list.length} actions={<TimerButton ticketId={ticketId} onStopped={refresh} />}>
      <Stack gap="md">
        {entries.isPending ? (
          <TableSkeleton rows={2} />
        ) : entries.isError ? (
          <ErrorAlert error={entries.error} title="The time entries could not be loaded" onRetry={() => entries.refetch()} />
        ) : list.length === 0 ? (
          <Text size="sm" c="dimmed">
            No time logged yet. Start the timer or add an entry below.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing={6} aria-label="Time entries">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>When</Table.Th>
                  <Table.Th>Who</Table.Th>
                  <Table.Th>Note</Table.Th>
                  <Table.Th ta="right">In coverage</Table.Th>
                  <Table.Th ta="right">After hours</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td fz="xs" style={{ whiteSpace: 'nowrap' }}>
                      {formatDateTime(e.startedAt)}
                    </Table.Td>
                    <Table.Td fz="sm">{e.userName ?? '—'}</Table.Td>
                    <Table.Td fz="sm">
                      {e.note || '—'}
                      {!e.billable && (
                        <Badge ml={6} size="xs" variant="outline" color="gray">
                          not billable
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td ta="right" fz="sm">
                      {durationText(e.inCoverageMinutes)}
                    </Table.Td>
                    <Table.Td ta="right" fz="sm" c={e.afterHoursMinutes > 0 ? 'orange' : undefined}>
                      {durationText(e.afterHoursMinutes)}
                    </Table.Td>
                    <Table.Td ta="right">
                      <ConfirmButton
                        size="compact-xs"
                        aria-label="Delete time entry"
                        title="Delete time entry"
                        message={`Delete ${durationText(e.durationMinutes)} logged by ${e.userName ?? 'someone'}?`}
                        confirmLabel="Delete entry"
                        onConfirm={async () => {
                          await api.delete(`${ticketPath(ticketId)}/time-entries/${encodeURIComponent(e.id)}`);
                          notifications.show({ color: 'teal', message: 'Time entry deleted' });
                          await refresh();
                        }}
                      >
                        <IconTrash size={14} />
                      </ConfirmButton>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th colSpan={3}>Total</Table.Th>
                  <Table.Th ta="right">{durationText(total((e) => e.inCoverageMinutes))}</Table.Th>
                  <Table.Th ta="right">{durationText(total((e) => e.afterHoursMinutes))}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
        )}
        <AddTimeEntryForm ticketId={ticketId} onAdded={refresh} />
      </Stack>
    </SectionCard>
  );
}
