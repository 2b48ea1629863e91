import { ActionIcon, Alert, Anchor, Breadcrumbs, Button, Checkbox, Group, MultiSelect, Paper, Select, SimpleGrid, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconClockHour4, IconCopy, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../../../api';
import { pactKeys, useCalendar, useCalendarPreview, useHolidaySets } from '../../../api/pact-queries';
import type { BusinessCalendar, CalendarDefinition, CalendarPeriod, HolidayEntry, HolidaySet, Weekday } from '../../../api/pact-types';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { ErrorAlert, FormError } from '../../../components/ErrorAlert';
import { NotFound } from '../../../components/NotFound';
import { PageHeader } from '../../../components/PageHeader';
import { SectionCard } from '../../../components/SectionCard';
import { TimeZoneSelect, browserTimeZone } from '../../../components/TimeZoneSelect';
import { useApiForm } from '../../../components/useApiForm';
import { sentence } from '../../../labels';
import { canAdminister, useSignedIn } from '../../../session';
import { weekdays } from './CalendarsPage';

export function CalendarEditorPage() {
  const { calendarId = 'new' } = useParams();
  const isNew = calendarId === 'new';
  const calendar = useCalendar(isNew ? '' : calendarId);
  if (!isNew && calendar.isPending) return <Skeleton height={400} />;
  if (!isNew && calendar.isError) {
    if (calendar.error instanceof ApiError && (calendar.error.status === 404 || calendar.error.status === 400)) return <NotFound what="calendar" backTo="/pact/calendars" backLabel="Back to calendars" />;
    return <ErrorAlert error={calendar.error} title="The calendar could not be loaded" onRetry={() => calendar.refetch()} />;
  }
  return <CalendarEditor key={calendar.data?.version ?? 'new'} calendar={isNew ? null : (calendar.data ?? null)} />;
}

type HolidayRow = { kind: 'date' | 'range'; from: string; to: string; yearly: boolean; name: string };

function toRows(entries: HolidayEntry[] = []): HolidayRow[] {
  return entries.map((e) => {
    if (typeof e === 'string') return { kind: 'date', from: e, to: '', yearly: false, name: '' };
    if ('date' in e) return { kind: 'date', from: e.date, to: '', yearly: !!e.yearly, name: e.name ?? '' };
    return { kind: 'range', from: e.from, to: e.to, yearly: !!e.yearly, name: e.name ?? '' };
  });
}

function fromRows(rows: HolidayRow[]): HolidayEntry[] {
  return rows.map((r) => {
    const extra = { ...(r.yearly ? { yearly: true } : {}), ...(r.name.trim() ? { name: r.name.trim() } : {}) };
    return r.kind === 'range' ? { from: r.from, to: r.to, ...extra } : { date: r.from, ...extra };
  });
}

const emptyDefinition = (): CalendarDefinition => ({
  timeZone: browserTimeZone(),
  week: Object.fromEntries(weekdays.map(({ key }) => [key, ['sat', 'sun'].includes(key) ? [] : [['09:00', '17:00']]])),
});

function CalendarEditor({ calendar }: { calendar: BusinessCalendar | null }) {
  const { user } = useSignedIn();
  const canEdit = canAdminister(user.role);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const initial = calendar?.definition ?? emptyDefinition();
  const [name, setName] = useState(calendar?.name ?? '');
  const [timeZone, setTimeZone] = useState(initial.timeZone);
  const [week, setWeek] = useState<Record<Weekday, CalendarPeriod[]>>(() => Object.fromEntries(weekdays.map(({ key }) => [key, initial.week[key] ?? []])) as Record<Weekday, CalendarPeriod[]>);
  const [holidays, setHolidays] = useState<HolidayRow[]>(toRows(initial.holidays));
  const [sets, setSets] = useState<string[]>(initial.holidaySets ?? []);
  const form = useApiForm({
    fieldNames: ['name', 'definition', 'definition.timeZone', 'definition.holidaySets', ...weekdays.flatMap(({ key }) => [`definition.week.${key}`, ...week[key].map((_, i) => `definition.week.${key}[${i}]`)]), ...holidays.map((_, i) => `definition.holidays[${i}]`)],
    mutationFn: () => {
      const definition: CalendarDefinition = { timeZone, week, ...(holidays.length ? { holidays: fromRows(holidays) } : {}), ...(sets.length ? { holidaySets: sets } : {}) };
      const body = { name: name.trim(), definition };
      return calendar ? api.put<BusinessCalendar>(`/calendars/${calendar.id}`, body, calendar.version) : api.post<BusinessCalendar>('/calendars', body);
    },
    onSuccess: async (saved) => {
      notifications.show({ color: 'teal', message: calendar ? `${saved.name} saved` : `Calendar ${saved.name} created` });
      await queryClient.invalidateQueries({ queryKey: pactKeys.calendars });
      if (!calendar) navigate(`/pact/calendars/${saved.id}`, { replace: true });
    },
  });
  const fields = form.mutation.error instanceof ApiError ? form.mutation.error.fields : {};
  /** Every message at or under a path, e.g. definition.week.mon[1] and definition.week.mon[1][0]. */
  const errorsAt = (path: string) =>
    Object.entries(fields)
      .filter(([k]) => k === path || k.startsWith(`${path}.`) || k.startsWith(`${path}[`))
      .map(([, m]) => sentence(m))
      .join('; ') || undefined;
  const setDay = (day: Weekday, periods: CalendarPeriod[]) => setWeek((w) => ({ ...w, [day]: periods }));
  const copyMonday = () => setWeek((w) => ({ ...w, tue: [...w.mon], wed: [...w.mon], thu: [...w.mon], fri: [...w.mon] }));
  const remove = async () => {
    if (!calendar) return;
    await api.delete(`/calendars/${calendar.id}`);
    notifications.show({ color: 'teal', message: `${calendar.name} deleted` });
    await queryClient.invalidateQueries({ queryKey: pactKeys.calendars });
    navigate('/pact/calendars');
  };
  return (
    <>
      <Breadcrumbs mb="xs" fz="sm">
        <Anchor component={Link} to="/pact/calendars">
          Calendars
        </Anchor>
        <Text size="sm" lineClamp={1}>
          {calendar?.name ?? 'New calendar'}
        </Text>
      </Breadcrumbs>
      <PageHeader
        title={calendar?.name ?? 'New calendar'}
        actions={
          canEdit &&
          calendar && (
            <ConfirmButton title="Delete calendar" message={<>Delete <strong>{calendar.name}</strong>? This is refused while a plan or contract uses it.</>} confirmLabel="Delete calendar" onConfirm={remove}>
              Delete
            </ConfirmButton>
          )
        }
      />
      {calendar && <CalendarPreviewLine calendar={calendar} />}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          form.mutation.mutate(undefined);
        }}
      >
        <fieldset disabled={!canEdit} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <Stack gap="lg">
            <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label="Name" required value={name} error={form.fieldError('name')} onChange={(e) => { setName(e.currentTarget.value); form.touch('name'); }} />
                <TimeZoneSelect label="Time zone" required allowDeselect={false} value={timeZone} error={errorsAt('definition.timeZone')} onChange={(v) => v && setTimeZone(v)} />
              </SimpleGrid>
            </Paper>
            <SectionCard
              title="Weekly hours"
              actions={
                canEdit && (
                  <Button size="xs" variant="subtle" leftSection={<IconCopy size={14} />} onClick={copyMonday}>
                    Copy Monday to weekdays
                  </Button>
                )
              }
            >
              <Stack gap="xs">
                {weekdays.map(({ key, label }) => (
                  <DayPeriods key={key} day={key} label={label} periods={week[key]} onChange={(p) => setDay(key, p)} errorAt={errorsAt} canEdit={canEdit} />
                ))}
              </Stack>
            </SectionCard>
            <SectionCard title="Holidays">
              <HolidaySetPicker value={sets} onChange={setSets} error={errorsAt('definition.holidaySets')} />
              <Stack gap="xs" mt="md">
                {holidays.map((h, i) => (
                  <HolidayRowEditor
                    key={i}
                    row={h}
                    error={errorsAt(`definition.holidays[${i}]`)}
                    onChange={(r) => setHolidays(holidays.map((x, j) => (j === i ? r : x)))}
                    onRemove={() => setHolidays(holidays.filter((_, j) => j !== i))}
                  />
                ))}
                {canEdit && (
                  <Group>
                    <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setHolidays([...holidays, { kind: 'date', from: '', to: '', yearly: false, name: '' }])}>
                      Add holiday
                    </Button>
                  </Group>
                )}
              </Stack>
            </SectionCard>
            {canEdit && (
              <Stack gap="xs">
                <FormError message={form.formError ?? (errorsAt('definition') && !Object.keys(fields).some((k) => k.startsWith('definition.')) ? errorsAt('definition') ?? null : null)} />
                <Group justify="flex-end">
                  <Button variant="default" component={Link} to="/pact/calendars">
                    Cancel
                  </Button>
                  <Button type="submit" loading={form.mutation.isPending}>
                    {calendar ? 'Save calendar' : 'Create calendar'}
                  </Button>
                </Group>
              </Stack>
            )}
          </Stack>
        </fieldset>
      </form>
    </>
  );
}

function DayPeriods({ day, label, periods, onChange, errorAt, canEdit }: { day: Weekday; label: string; periods: CalendarPeriod[]; onChange: (p: CalendarPeriod[]) => void; errorAt: (path: string) => string | undefined; canEdit: boolean }) {
  const dayError = errorAt(`definition.week.${day}`);
  return (
    <Group align="flex-start" gap="sm" wrap="wrap" role="group" aria-label={label} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)', paddingBottom: 8 }}>
      <Text size="sm" fw={500} w={96} pt={6}>
        {label}
      </Text>
      <Stack gap={6} style={{ flex: 1, minWidth: 220 }}>
        {periods.length === 0 && (
          <Text size="sm" c="dimmed" pt={6}>
            Closed
          </Text>
        )}
        {periods.map(([from, to], i) => {
          const err = errorAt(`definition.week.${day}[${i}]`);
          return (
            <Stack key={i} gap={2}>
              <Group gap={6} wrap="nowrap">
                <TextInput type="time" size="xs" aria-label={`${label} period ${i + 1} opens`} value={from} error={!!err} onChange={(e) => onChange(periods.map((p, j) => (j === i ? [e.currentTarget.value, p[1]] : p)))} w={110} />
                <Text size="sm" c="dimmed">
                  to
                </Text>
                <TextInput
                  type="time"
                  size="xs"
                  aria-label={`${label} period ${i + 1} closes`}
                  value={to === '24:00' ? '23:59' : to}
                  error={!!err}
                  onChange={(e) => onChange(periods.map((p, j) => (j === i ? [p[0], e.currentTarget.value === '23:59' ? '24:00' : e.currentTarget.value] : p)))}
                  w={110}
                />
                {canEdit && (
                  <ActionIcon variant="subtle" color="red" aria-label={`Remove ${label} period ${i + 1}`} onClick={() => onChange(periods.filter((_, j) => j !== i))}>
                    <IconTrash size={16} />
                  </ActionIcon>
                )}
              </Group>
              {err && (
                <Text size="xs" c="red">
                  {err}
                </Text>
              )}
            </Stack>
          );
        })}
        {dayError && !periods.some((_, i) => errorAt(`definition.week.${day}[${i}]`)) && (
          <Text size="xs" c="red">
            {dayError}
          </Text>
        )}
      </Stack>
      {canEdit && (
        <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => onChange([...periods, periods.length ? [periods[periods.length - 1]![1], '18:00'] : ['09:00', '17:00']])} aria-label={`Add period on ${label}`}>
          Add period
        </Button>
      )}
    </Group>
  );
}

function HolidayRowEditor({ row, error, onChange, onRemove }: { row: HolidayRow; error?: string; onChange: (r: HolidayRow) => void; onRemove: () => void }) {
  // Yearly entries are month-day ("12-25"); one-off entries are full dates.
  const dateInput = (value: string, set: (v: string) => void, label: string) =>
    row.yearly ? (
      <TextInput size="xs" aria-label={label} placeholder="MM-DD" value={value} onChange={(e) => set(e.currentTarget.value)} w={90} error={!!error} />
    ) : (
      <TextInput size="xs" type="date" aria-label={label} value={value} onChange={(e) => set(e.currentTarget.value)} w={150} error={!!error} />
    );
  return (
    <Stack gap={2}>
      <Group gap={6} wrap="wrap">
        <Select
          size="xs"
          aria-label="Kind"
          w={110}
          allowDeselect={false}
          data={[
            { value: 'date', label: 'One day' },
            { value: 'range', label: 'Range' },
          ]}
          value={row.kind}
          onChange={(v) => v && onChange({ ...row, kind: v as HolidayRow['kind'] })}
        />
        {dateInput(row.from, (v) => onChange({ ...row, from: v }), row.kind === 'range' ? 'From' : 'Date')}
        {row.kind === 'range' && dateInput(row.to, (v) => onChange({ ...row, to: v }), 'To')}
        <Checkbox size="xs" label="Every year" checked={row.yearly} onChange={(e) => onChange({ ...row, yearly: e.currentTarget.checked, from: '', to: '' })} />
        <TextInput size="xs" aria-label="Holiday name" placeholder="Name (optional)" value={row.name} onChange={(e) => onChange({ ...row, name: e.currentTarget.value })} style={{ flex: '1 1 8rem' }} />
        <ActionIcon variant="subtle" color="red" aria-label="Remove holiday" onClick={onRemove}>
          <IconTrash size={16} />
        </ActionIcon>
      </Group>
      {error && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
    </Stack>
  );
}

/** Countries, plus the states and regions of the countries already chosen. */
function HolidaySetPicker({ value, onChange, error }: { value: string[]; onChange: (v: string[]) => void; error?: string }) {
  const countries = useHolidaySets();
  const chosenCountries = [...new Set(value.map((c) => c.slice(0, 2)))];
  const regions = useQueries({
    queries: chosenCountries.map((c) => ({
      queryKey: [...pactKeys.holidaySets, c],
      queryFn: async () => (await api.get<{ items: HolidaySet[] }>('/holiday-sets', { country: c })).items,
      staleTime: Infinity,
    })),
  });
  const all = new Map<string, string>();
  for (const s of countries.data ?? []) all.set(s.code, s.name);
  for (const r of regions) for (const s of r.data ?? []) all.set(s.code, s.name);
  for (const v of value) if (!all.has(v)) all.set(v, v);
  return (
    <MultiSelect
      label="Public holidays of"
      description="Countries; once a country is chosen, its states and regions can be added too"
      placeholder={value.length ? undefined : 'Search countries'}
      searchable
      clearable
      nothingFoundMessage="No country or region matches"
      data={[...all.entries()].map(([code, name]) => ({ value: code, label: `${name} (${code})` }))}
      value={value}
      onChange={onChange}
      error={error}
      limit={60}
      maxDropdownHeight={260}
    />
  );
}

const previewMinutes = 240;

/** "A ticket opened now with a 4 business-hour target is due Tue 24 Nov, 10:30 (Europe/Berlin)". */
function CalendarPreviewLine({ calendar }: { calendar: BusinessCalendar }) {
  const preview = useCalendarPreview(calendar.id, previewMinutes, calendar.version);
  let text = 'Working out when a ticket opened now would be due…';
  if (preview.data) {
    const due = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: preview.data.timeZone }).format(new Date(preview.data.due));
    text = `A ticket opened now with a 4 business-hour target is due ${due} (${preview.data.timeZone}).${preview.data.openNow ? ' Open now.' : ' Closed now: the clock starts at the next opening.'}`;
  } else if (preview.isError) text = 'The preview could not be worked out for this calendar.';
  return (
    <Alert variant="light" color="indigo" icon={<IconClockHour4 size={18} />} mb="lg" aria-live="polite">
      {text}
    </Alert>
  );
}
