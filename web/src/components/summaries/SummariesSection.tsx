import { Anchor, Badge, Button, Checkbox, Group, Modal, NumberInput, Select, Stack, Switch, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFileDescription, IconSettings } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorMessage, fieldErrors } from '../../api';
import { useContacts } from '../../api/queries';
import { endedPeriods, useSummaries, useSummaryActions, useSummarySchedules } from '../../api/summary-queries';
import type { SummarySchedule } from '../../api/summary-types';
import { formatDate } from '../../labels';
import { EmptyState } from '../EmptyState';
import { ErrorAlert, FormError } from '../ErrorAlert';
import { SectionCard } from '../SectionCard';
import { TableSkeleton } from '../TableSkeleton';
import { percentText } from './summary-format';

export const summaryPath = (clientId: string, periodKey: string) => `/clients/${clientId}/summaries/${periodKey}`;

/** The client page's executive summaries: the list, generating a period, and the delivery schedules. */
export function SummariesSection({ clientId, canWrite }: { clientId: string; canWrite: boolean }) {
  const list = useSummaries(clientId);
  const [generating, gen] = useDisclosure(false);
  const [scheduling, sched] = useDisclosure(false);
  const items = list.data ?? [];
  return (
    <SectionCard
      title="Executive summaries"
      count={items.length}
      actions={
        <Group gap="xs">
          <Button variant="default" size="xs" leftSection={<IconSettings size={14} />} onClick={sched.open}>
            Delivery schedule
          </Button>
          {canWrite && (
            <Button size="xs" leftSection={<IconFileDescription size={14} />} onClick={gen.open}>
              Generate summary
            </Button>
          )}
        </Group>
      }
    >
      {list.isPending ? (
        <TableSkeleton rows={2} />
      ) : list.isError ? (
        <ErrorAlert error={list.error} title="The summaries could not be loaded" onRetry={() => list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState icon={<IconFileDescription size={24} />} title="No executive summaries yet">
          A summary tells the client's executives how the service went in a month or a quarter: service levels, volumes, satisfaction, goals and your own words. Generate one for a period that has ended.
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table highlightOnHover fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Period</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th ta="right">Tickets</Table.Th>
                <Table.Th ta="right">Response in time</Table.Th>
                <Table.Th>Generated</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Anchor component={Link} to={summaryPath(clientId, s.periodKey)}>
                      {s.periodLabel}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={s.status === 'published' ? 'teal' : 'yellow'}>
                      {s.status === 'published' ? `Published ${formatDate(s.publishedAt)}` : 'Draft'}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">{s.headline?.opened ?? '—'}</Table.Td>
                  <Table.Td ta="right">{s.headline ? percentText(s.headline.firstResponseCompliance) : '—'}</Table.Td>
                  <Table.Td>{formatDate(s.generatedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <GenerateModal clientId={clientId} opened={generating} onClose={gen.close} />
      <ScheduleModal clientId={clientId} opened={scheduling} onClose={sched.close} canWrite={canWrite} />
    </SectionCard>
  );
}

function GenerateModal({ clientId, opened, onClose }: { clientId: string; opened: boolean; onClose: () => void }) {
  const periods = endedPeriods();
  const [periodKey, setPeriodKey] = useState<string | null>(periods[0]?.value ?? null);
  const { generate } = useSummaryActions(clientId);
  const navigate = useNavigate();
  const errors = fieldErrors(generate.error);
  const submit = async () => {
    if (!periodKey) return;
    const s = await generate.mutateAsync(periodKey);
    onClose();
    navigate(summaryPath(clientId, s.periodKey));
  };
  const groups = (['Months', 'Quarters'] as const).map((g) => ({ group: g, items: periods.filter((p) => p.group === g).map(({ value, label }) => ({ value, label })) }));
  return (
    <Modal opened={opened} onClose={onClose} title="Generate an executive summary" centered>
      <Stack>
        <Text size="sm" c="dimmed">
          The summary is computed from the data now, as a draft you can read, add your narrative to and publish. Generating a draft again recomputes its figures and keeps your narrative.
        </Text>
        <Select label="Period" description="A month or a quarter that has ended" data={groups} value={periodKey} onChange={setPeriodKey} error={errors.periodKey} allowDeselect={false} searchable />
        <FormError message={generate.error && !errors.periodKey ? errorMessage(generate.error) : null} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void submit().catch(() => undefined)} loading={generate.isPending} disabled={!periodKey}>
            Generate
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ScheduleModal({ clientId, opened, onClose, canWrite }: { clientId: string; opened: boolean; onClose: () => void; canWrite: boolean }) {
  const schedules = useSummarySchedules(opened ? clientId : '');
  const contacts = useContacts(clientId);
  return (
    <Modal opened={opened} onClose={onClose} title="Delivery schedule" size="lg" centered>
      <Stack>
        <Text size="sm" c="dimmed">
          On schedule, each period's summary is generated, published and e-mailed with its PDF to the contacts you choose, a number of business days after the period ends (on the contract calendar). Each period is sent once.
        </Text>
        {schedules.isError && <ErrorAlert error={schedules.error} title="The schedules could not be loaded" />}
        {(schedules.data ?? []).map((s) => (
          <ScheduleForm key={`${s.period}-${s.version}`} clientId={clientId} schedule={s} contacts={contacts.data ?? []} canWrite={canWrite} />
        ))}
      </Stack>
    </Modal>
  );
}

function ScheduleForm({ clientId, schedule, contacts, canWrite }: { clientId: string; schedule: SummarySchedule; contacts: Array<{ id: string; name: string; email: string }>; canWrite: boolean }) {
  const [enabled, setEnabled] = useState(schedule.enabled);
  const [daysAfter, setDaysAfter] = useState<number>(schedule.daysAfter);
  const [chosen, setChosen] = useState<string[]>(schedule.contactIds);
  const { saveSchedule } = useSummaryActions(clientId);
  const errors = fieldErrors(saveSchedule.error);
  const title = schedule.period === 'monthly' ? 'Monthly summaries' : 'Quarterly summaries';
  return (
    <Stack gap="xs" p="sm" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}>
      <Switch label={title} checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} disabled={!canWrite} />
      <NumberInput label="Business days after the period ends" min={0} max={20} value={daysAfter} onChange={(v) => setDaysAfter(Number(v) || 0)} error={errors.daysAfter} disabled={!canWrite} w={260} />
      <Checkbox.Group label="Send to" value={chosen} onChange={setChosen} error={errors.contactIds}>
        <Stack gap={4} mt={4}>
          {contacts.length === 0 && (
            <Text size="sm" c="dimmed">
              The client has no contacts yet.
            </Text>
          )}
          {contacts.map((c) => (
            <Checkbox key={c.id} value={c.id} label={`${c.name} <${c.email}>`} disabled={!canWrite} />
          ))}
        </Stack>
      </Checkbox.Group>
      <FormError message={saveSchedule.error && !errors.daysAfter && !errors.contactIds ? errorMessage(saveSchedule.error) : null} />
      {canWrite && (
        <Group justify="flex-end">
          {saveSchedule.isSuccess && (
            <Text size="sm" c="teal.8" role="status">
              Saved
            </Text>
          )}
          <Button size="xs" loading={saveSchedule.isPending} onClick={() => saveSchedule.mutate({ period: schedule.period, daysAfter, contactIds: chosen, enabled, version: schedule.version })}>
            Save {schedule.period} schedule
          </Button>
        </Group>
      )}
    </Stack>
  );
}
