import { Anchor, Button, Paper, Table, Text } from '@mantine/core';
import { IconCalendarTime, IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useCalendars } from '../../../api/pact-queries';
import type { CalendarDefinition, Weekday } from '../../../api/pact-types';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { TableSkeleton } from '../../../components/TableSkeleton';
import { timeZoneLabel } from '../../../labels';
import { canAdminister, useSignedIn } from '../../../session';

export const weekdays: { key: Weekday; label: string }[] = [
  { key: 'mon', label: 'Monday' },
  { key: 'tue', label: 'Tuesday' },
  { key: 'wed', label: 'Wednesday' },
  { key: 'thu', label: 'Thursday' },
  { key: 'fri', label: 'Friday' },
  { key: 'sat', label: 'Saturday' },
  { key: 'sun', label: 'Sunday' },
];

/** "Mon–Fri 08:00–18:00" style summary of a week. */
export function weekSummary(d: CalendarDefinition): string {
  const text = (k: Weekday) => (d.week[k] ?? []).map(([a, b]) => `${a}–${b}`).join(', ');
  const groups: { from: string; to: string; hours: string }[] = [];
  for (const { key } of weekdays) {
    const hours = text(key);
    const last = groups[groups.length - 1];
    const short = key.charAt(0).toUpperCase() + key.slice(1);
    if (last && last.hours === hours) last.to = short;
    else groups.push({ from: short, to: short, hours });
  }
  const open = groups.filter((g) => g.hours);
  if (open.length === 0) return 'Never open';
  return open.map((g) => `${g.from === g.to ? g.from : `${g.from}–${g.to}`} ${g.hours === '00:00–24:00' ? 'all day' : g.hours}`).join('; ');
}

export function CalendarsPage() {
  const { user } = useSignedIn();
  const calendars = useCalendars();
  const navigate = useNavigate();
  const newButton = canAdminister(user.role) && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/pact/calendars/new')}>
      New calendar
    </Button>
  );
  return (
    <>
      <PageHeader title="Calendars" description="Business hours that clocks run on: weekly periods, holidays and a time zone." actions={newButton} />
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        {calendars.isPending ? (
          <TableSkeleton rows={3} />
        ) : calendars.isError ? (
          <ErrorAlert error={calendars.error} title="The calendars could not be loaded" onRetry={() => calendars.refetch()} />
        ) : calendars.data.length === 0 ? (
          <EmptyState icon={<IconCalendarTime size={24} />} title="No calendars yet" action={newButton}>
            Plans and contracts need a business calendar to measure response and resolution.
          </EmptyState>
        ) : (
          <Table.ScrollContainer minWidth={360}>
            <Table verticalSpacing="sm" aria-label="Calendars">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Hours</Table.Th>
                  <Table.Th visibleFrom="sm">Time zone</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {calendars.data.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/pact/calendars/${c.id}`} size="sm" fw={500}>
                        {c.name}
                      </Anchor>
                      <Text size="xs" c="dimmed" hiddenFrom="sm">
                        {timeZoneLabel(c.definition.timeZone)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{weekSummary(c.definition)}</Text>
                      {(c.definition.holidaySets?.length ?? 0) + (c.definition.holidays?.length ?? 0) > 0 && (
                        <Text size="xs" c="dimmed">
                          {[...(c.definition.holidaySets ?? []), c.definition.holidays?.length ? `${c.definition.holidays.length} holiday entries` : ''].filter(Boolean).join(' · ')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td visibleFrom="sm" style={{ whiteSpace: 'nowrap' }}>
                      {timeZoneLabel(c.definition.timeZone)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </>
  );
}
