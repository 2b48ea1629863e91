import { Anchor, Badge, Button, Checkbox, Group, List, MultiSelect, NumberInput, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarEvent, IconMail } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { api, errorMessage, fieldErrors } from '../../api';
import { formatMeetingTime, meetingsPath, useCadence, useInvalidateMeetings, useMeetings, useParticipantOptions, useParticipants } from '../../api/meeting-queries';
import type { CadenceInput, CadencePreview, CadenceView, Participants } from '../../api/meeting-types';
import { ErrorAlert, FormError } from '../ErrorAlert';
import { FormModal } from '../FormModal';
import { SectionCard } from '../SectionCard';
import { browserTimeZone, TimeZoneSelect } from '../TimeZoneSelect';
import { useApiForm } from '../useApiForm';
import { defaultFirstStart, presetOf, presetRule, type CadencePreset } from './cadence-presets';

const DAY = 86_400_000;

/** The contract page's "Review meetings": cadence, participants, the meetings to come, invitations. */
export function ReviewMeetingsSection({ contractId, canWrite }: { contractId: string; canWrite: boolean }) {
  const cadence = useCadence(contractId);
  const participants = useParticipants(contractId);
  const [window] = useState(() => ({ from: new Date(Date.now() - 31 * DAY).toISOString(), to: new Date(Date.now() + 400 * DAY).toISOString() }));
  const meetings = useMeetings(contractId, window.from, window.to);
  const [editing, setEditing] = useState<'cadence' | 'participants' | null>(null);
  const invalidate = useInvalidateMeetings(contractId);
  const [inviting, setInviting] = useState(false);

  const invite = async () => {
    setInviting(true);
    try {
      const r = await api.post<{ items: Array<{ email: string }> }>(`${meetingsPath(contractId)}/invitations`);
      notifications.show({ color: 'teal', message: `Invitation sent to ${r.items.length} ${r.items.length === 1 ? 'participant' : 'participants'}` });
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    } finally {
      setInviting(false);
    }
  };

  const c = cadence.data?.cadence ?? null;
  const now = Date.now();
  const upcoming = (meetings.data ?? []).filter((m) => new Date(m.endsAt).getTime() >= now).slice(0, 6);
  const past = (meetings.data ?? []).filter((m) => new Date(m.endsAt).getTime() < now).slice(-3);
  const people = participants.data ? [...participants.data.users, ...participants.data.contacts] : [];

  return (
    <SectionCard
      title="Review meetings"
      actions={
        canWrite && (
          <Group gap="xs">
            <Button size="xs" variant="default" leftSection={<IconCalendarEvent size={14} />} onClick={() => setEditing('cadence')}>
              {c ? 'Change cadence' : 'Set cadence'}
            </Button>
            <Button size="xs" variant="default" onClick={() => setEditing('participants')}>
              Participants
            </Button>
            {c && (
              <Button size="xs" variant="default" leftSection={<IconMail size={14} />} loading={inviting} onClick={invite} disabled={people.length === 0}>
                Send invitations
              </Button>
            )}
          </Group>
        )
      }
    >
      {cadence.isError && <ErrorAlert error={cadence.error} title="The cadence could not be loaded" onRetry={() => cadence.refetch()} />}
      {cadence.data && !c && <Text size="sm" c="dimmed">No review cadence yet. {canWrite ? 'Set one to plan monthly or quarterly service reviews; each meeting gets an agenda from the latest scorecard.' : ''}</Text>}
      {c && (
        <Stack gap="sm">
          <Text size="sm">
            <strong>{c.title}</strong>, {c.durationMinutes} minutes{c.location ? `, ${c.location}` : ''} · rule <code>{c.rrule}</code> in {c.timeZone}
          </Text>
          <Text size="sm" c="dimmed">
            Participants: {people.length ? people.map((p) => p.name).join(', ') : 'nobody yet'}
          </Text>
          {meetings.isError && <ErrorAlert error={meetings.error} title="The meetings could not be loaded" onRetry={() => meetings.refetch()} />}
          <Table striped withTableBorder aria-label="Review meetings">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...past, ...upcoming].map((m) => (
                <Table.Tr key={`${m.cadenceId}-${m.recurrenceStart}`}>
                  <Table.Td>
                    {formatMeetingTime(m.startsAt, m.timeZone)}
                    {m.moved && (
                      <Badge ml="xs" size="xs" variant="light">
                        moved
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" color={m.status === 'cancelled' ? 'red' : m.status === 'held' ? 'teal' : 'blue'}>
                      {m.status}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/contracts/${contractId}/meetings/${encodeURIComponent(m.recurrenceStart)}`} size="sm">
                      Agenda and minutes
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
      <FormModal opened={editing === 'cadence'} onClose={() => setEditing(null)} title={c ? 'Change the review cadence' : 'Set the review cadence'} size="lg">
        {cadence.data && (
          <CadenceForm
            contractId={contractId}
            view={cadence.data}
            onDone={() => {
              setEditing(null);
              void invalidate();
            }}
          />
        )}
      </FormModal>
      <FormModal opened={editing === 'participants'} onClose={() => setEditing(null)} title="Review participants" size="lg">
        {participants.data && (
          <ParticipantsForm
            contractId={contractId}
            current={participants.data}
            onDone={() => {
              setEditing(null);
              void invalidate();
            }}
          />
        )}
      </FormModal>
    </SectionCard>
  );
}

function CadenceForm({ contractId, view, onDone }: { contractId: string; view: CadenceView; onDone: () => void }) {
  const c = view.cadence;
  const [title, setTitle] = useState(c?.title ?? 'Service review');
  const [firstStart, setFirstStart] = useState(c?.firstStart ?? defaultFirstStart());
  const [timeZone, setTimeZone] = useState<string>(c?.timeZone ?? view.suggestedTimeZone ?? browserTimeZone());
  const [duration, setDuration] = useState<number | string>(c?.durationMinutes ?? 60);
  const [location, setLocation] = useState(c?.location ?? '');
  const [notify, setNotify] = useState(c !== null);
  const [preset, setPreset] = useState<CadencePreset>(c ? presetOf(c.rrule, c.firstStart) : 'quarterly');
  const [custom, setCustom] = useState(c?.rrule ?? 'FREQ=MONTHLY;BYDAY=2TU');
  const rrule = preset === 'custom' ? custom : (presetRule(preset, firstStart) ?? '');
  const [preview, setPreview] = useState<{ data: CadencePreview | null; error: string | null; fields: Record<string, string> }>({ data: null, error: null, fields: {} });

  useEffect(() => {
    let live = true;
    // An error about the previous input no longer applies; the answer for this one follows.
    setPreview((p) => ({ data: p.data, error: null, fields: {} }));
    const timer = setTimeout(async () => {
      try {
        const data = await api.post<CadencePreview>(`${meetingsPath(contractId)}/cadence/preview`, { rrule, firstStart, timeZone });
        if (live) setPreview({ data, error: null, fields: {} });
      } catch (e) {
        // The preview checks the rule as the server will: say which part is wrong, in the form's words.
        const f = fieldErrors(e);
        const error = f.rrule ? `The rule ${f.rrule}` : f.firstStart ? `First meeting: ${f.firstStart}` : f.timeZone ? `Time zone: ${f.timeZone}` : errorMessage(e);
        if (live) setPreview({ data: null, error, fields: f });
      }
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [contractId, rrule, firstStart, timeZone]);

  const form = useApiForm({
    fieldNames: ['title', 'rrule', 'firstStart', 'timeZone', 'durationMinutes', 'location'],
    mutationFn: (body: CadenceInput) => api.put(`${meetingsPath(contractId)}/cadence`, body),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: 'The review cadence is saved; it applies to meetings from now on' });
      onDone();
    },
  });
  const rruleError = form.fieldError('rrule') ?? preview.fields.rrule;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        form.mutation.mutate({ title, rrule, firstStart, timeZone, durationMinutes: Number(duration), location, notify });
      }}
    >
      <Stack>
        <TextInput label="Title" required value={title} onChange={(e) => (form.touch('title'), setTitle(e.currentTarget.value))} error={form.fieldError('title')} />
        <SegmentedControl
          aria-label="How often"
          value={preset}
          onChange={(v) => setPreset(v as CadencePreset)}
          data={[
            { value: 'monthly', label: 'Monthly' },
            { value: 'quarterly', label: 'Quarterly' },
            { value: 'custom', label: 'Custom rule' },
          ]}
        />
        <Group grow align="flex-start">
          <TextInput
            type="datetime-local"
            label="First meeting"
            description="Local date and time in the zone below"
            required
            value={firstStart}
            onChange={(e) => (form.touch('firstStart'), setFirstStart(e.currentTarget.value))}
            error={form.fieldError('firstStart')}
          />
          <TimeZoneSelect label="Time zone" required value={timeZone} onChange={(v) => v && (form.touch('timeZone'), setTimeZone(v))} error={form.fieldError('timeZone')} />
        </Group>
        {preset === 'custom' ? (
          <TextInput
            label="Recurrence rule (RRULE)"
            description="RFC 5545: FREQ=DAILY|WEEKLY|MONTHLY|YEARLY with INTERVAL, COUNT or UNTIL, BYDAY (2TU = second Tuesday, -1FR = last Friday), BYMONTHDAY, BYMONTH. Example: FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR"
            value={custom}
            onChange={(e) => (form.touch('rrule'), setCustom(e.currentTarget.value))}
            error={rruleError}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
        ) : (
          <Text size="sm" c="dimmed">
            {preset === 'monthly' ? 'Every month' : 'Every three months'} on the same weekday of the month as the first meeting (rule <code>{rrule}</code>).
          </Text>
        )}
        {rruleError && preset !== 'custom' && <Text c="red" size="sm">{rruleError}</Text>}
        <Group grow>
          <NumberInput label="Duration (minutes)" min={5} max={1440} step={15} value={duration} onChange={(v) => (form.touch('durationMinutes'), setDuration(v))} error={form.fieldError('durationMinutes')} />
          <TextInput label="Location" placeholder="Office, or a video call link" value={location} onChange={(e) => setLocation(e.currentTarget.value)} error={form.fieldError('location')} />
        </Group>
        <div aria-live="polite">
          <Text size="sm" fw={600}>
            Next five meetings
          </Text>
          {preview.error ? (
            <Text size="sm" c="red">
              {preview.error}
            </Text>
          ) : (
            <List size="sm" aria-label="Next five meetings">
              {(preview.data?.starts ?? []).map((s) => (
                <List.Item key={s.startsAt}>{formatMeetingTime(s.startsAt, timeZone)}</List.Item>
              ))}
            </List>
          )}
        </div>
        {view.cadence && <Text size="xs" c="dimmed">Meetings already past keep the cadence they had; the change applies from now on.</Text>}
        <Checkbox
          label="E-mail the participants the new series"
          description={view.cadence ? 'They receive the end of the earlier series and an invitation (invite.ics) to the new one.' : 'They receive an invitation (invite.ics) to add the series to their calendar.'}
          checked={notify}
          onChange={(e) => setNotify(e.currentTarget.checked)}
        />
        <FormError message={form.formError} />
        <Group justify="flex-end">
          <Button type="submit" loading={form.mutation.isPending}>
            Save cadence
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ParticipantsForm({ contractId, current, onDone }: { contractId: string; current: Participants; onDone: () => void }) {
  const options = useParticipantOptions(contractId);
  const [userIds, setUserIds] = useState(current.users.map((u) => u.id));
  const [contactIds, setContactIds] = useState(current.contacts.map((c) => c.id));
  const staffData = useMemo(() => (options.data?.users ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.email})` })), [options.data]);
  const contactData = useMemo(() => (options.data?.contacts ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.email})` })), [options.data]);
  const form = useApiForm({
    fieldNames: [],
    mutationFn: () => api.put(`${meetingsPath(contractId)}/participants`, { userIds, contactIds }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: 'Participants saved' });
      onDone();
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        form.mutation.mutate(undefined);
      }}
    >
      <Stack>
        <MultiSelect label="From your organisation" searchable data={staffData} value={userIds} onChange={setUserIds} placeholder="Pick staff" nothingFoundMessage="Nobody matches" />
        <MultiSelect label="From the client" description="Contacts of the client; they receive invitations by e-mail" searchable data={contactData} value={contactIds} onChange={setContactIds} placeholder="Pick contacts" nothingFoundMessage="No contact matches" />
        <FormError message={form.formError} />
        <Group justify="flex-end">
          <Button type="submit" loading={form.mutation.isPending}>
            Save participants
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
