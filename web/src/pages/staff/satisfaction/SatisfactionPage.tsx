import { Anchor, Group, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconMoodEmpty } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { fieldErrors } from '../../../api';
import { useSatisfactionSummary } from '../../../api/satisfaction-queries';
import type { SummaryDimension, SummaryRow } from '../../../api/satisfaction-types';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { TableSkeleton } from '../../../components/TableSkeleton';

const DIMENSIONS: { value: SummaryDimension; label: string; column: string }[] = [
  { value: 'client', label: 'Client', column: 'Client' },
  { value: 'technician', label: 'Technician', column: 'Technician' },
  { value: 'plan', label: 'Plan', column: 'Plan' },
  { value: 'category', label: 'Category', column: 'Category' },
];

const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const today = () => isoDay(new Date());

/** Quick periods: the last 30 and 90 days, this quarter so far, the last 12 months. */
function presets(): { label: string; from: string; to: string }[] {
  const now = new Date();
  const to = today();
  const quarterStart = new Date(Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3, 1));
  return [
    { label: 'Last 30 days', from: isoDay(new Date(now.getTime() - 29 * DAY)), to },
    { label: 'Last 90 days', from: isoDay(new Date(now.getTime() - 89 * DAY)), to },
    { label: 'This quarter', from: isoDay(quarterStart), to },
    { label: 'Last 12 months', from: isoDay(new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth(), now.getUTCDate() + 1))), to },
  ];
}

const num = (n: number | null, suffix = '') => (n === null ? '—' : `${n.toLocaleString('en-GB', { maximumFractionDigits: 2 })}${suffix}`);

/**
 * CSAT and NPS for a period, by client, technician, plan or category: the same figures the
 * satisfaction goals of a contract are measured by. Average on the 1-5 scale (good / okay / bad
 * count 5, 3, 1), positive answers scoring 4-5, the response rate of the surveys sent in the period.
 */
export function SatisfactionPage() {
  const [params, setParams] = useSearchParams();
  const quick = presets();
  const by = (DIMENSIONS.find((d) => d.value === params.get('by'))?.value ?? 'client') as SummaryDimension;
  const from = params.get('from') ?? quick[1]!.from;
  const to = params.get('to') ?? quick[1]!.to;
  const summary = useSatisfactionSummary({ from, to, by });
  const set = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) next.set(k, v);
    setParams(next, { replace: true });
  };
  const preset = quick.find((p) => p.from === from && p.to === to)?.label ?? 'custom';
  const column = DIMENSIONS.find((d) => d.value === by)!.column;
  const fields = fieldErrors(summary.error);

  return (
    <>
      <PageHeader title="Satisfaction" description="What clients said in their surveys: CSAT after each resolved ticket, NPS each quarter." />
      <Stack gap="md">
        <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
          <Stack gap="sm">
            <Group gap="sm" wrap="wrap" align="flex-end">
              <SegmentedControl
                aria-label="Period"
                value={preset}
                onChange={(v) => {
                  const p = quick.find((q) => q.label === v);
                  if (p) set({ from: p.from, to: p.to });
                }}
                data={[...quick.map((p) => ({ value: p.label, label: p.label })), { value: 'custom', label: 'Custom', disabled: true }]}
              />
              <TextInput type="date" label="From" value={from} max={to} error={fields.from} onChange={(e) => e.currentTarget.value && set({ from: e.currentTarget.value })} w={170} />
              <TextInput type="date" label="To" value={to} min={from} error={fields.to} onChange={(e) => e.currentTarget.value && set({ to: e.currentTarget.value })} w={170} />
            </Group>
            <Group gap="sm" align="center">
              <Text size="sm" fw={500}>
                By
              </Text>
              <SegmentedControl aria-label="Group by" value={by} onChange={(v) => set({ by: v })} data={DIMENSIONS.map((d) => ({ value: d.value, label: d.label }))} />
            </Group>
          </Stack>
        </Paper>
        {summary.isPending ? (
          <TableSkeleton />
        ) : summary.isError ? (
          <ErrorAlert error={summary.error} title="The summary could not be loaded" onRetry={() => summary.refetch()} />
        ) : (
          <>
            <Totals total={summary.data.total} />
            {summary.data.rows.length === 0 ? (
              <EmptyState icon={<IconMoodEmpty size={24} />} title="No surveys in this period">
                No satisfaction survey was sent or answered between {summary.data.from} and {summary.data.to}. Surveys go out when tickets are resolved, and NPS once a quarter.
              </EmptyState>
            ) : (
              <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
                <Table.ScrollContainer minWidth={640}>
                  <Table highlightOnHover verticalSpacing="xs" aria-label={`Satisfaction by ${column.toLowerCase()}`}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{column}</Table.Th>
                        <Table.Th ta="right">Average (1-5)</Table.Th>
                        <Table.Th ta="right">Positive</Table.Th>
                        <Table.Th ta="right">Answers</Table.Th>
                        <Table.Th ta="right">Sent</Table.Th>
                        <Table.Th ta="right">Response rate</Table.Th>
                        {by === 'client' && <Table.Th ta="right">NPS (answers)</Table.Th>}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {summary.data.rows.map((r) => (
                        <Table.Tr key={r.key ?? 'none'}>
                          <Table.Td>
                            {by === 'client' && r.key ? (
                              <Anchor component={Link} to={`/clients/${r.key}`} fw={500}>
                                {r.label}
                              </Anchor>
                            ) : (
                              <Text size="sm" fw={500} c={r.key === null ? 'dimmed' : undefined}>
                                {r.label}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td ta="right">{num(r.csat.average)}</Table.Td>
                          <Table.Td ta="right">{num(r.csat.positivePercent, ' %')}</Table.Td>
                          <Table.Td ta="right">{r.csat.responses}</Table.Td>
                          <Table.Td ta="right">{r.csat.sent}</Table.Td>
                          <Table.Td ta="right">{num(r.csat.responseRate, ' %')}</Table.Td>
                          {by === 'client' && <Table.Td ta="right">{r.nps && r.nps.responses > 0 ? `${num(r.nps.nps)} (${r.nps.responses})` : '—'}</Table.Td>}
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                <Text size="xs" c="dimmed" mt="xs">
                  Answers given in the period count, whenever the survey was sent; the response rate counts the surveys sent in the period that were answered by its end. Technician, plan and category are those of the ticket when it was resolved.
                </Text>
              </Paper>
            )}
          </>
        )}
      </Stack>
    </>
  );
}

function Totals({ total }: { total: SummaryRow }) {
  const tiles: { label: string; value: string; hint: string }[] = [
    { label: 'CSAT average', value: num(total.csat.average), hint: `out of 5, ${total.csat.responses} ${total.csat.responses === 1 ? 'answer' : 'answers'}` },
    { label: 'Positive answers', value: num(total.csat.positivePercent, ' %'), hint: 'rated 4-5 or "good"' },
    { label: 'Response rate', value: num(total.csat.responseRate, ' %'), hint: `of ${total.csat.sent} ${total.csat.sent === 1 ? 'survey' : 'surveys'} sent` },
    {
      label: 'NPS',
      value: total.nps ? num(total.nps.nps) : '—',
      hint: total.nps && total.nps.responses > 0 ? `${total.nps.responses} ${total.nps.responses === 1 ? 'answer' : 'answers'}, from -100 to 100` : 'no answers in this period',
    },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" aria-label="Totals for the period">
      {tiles.map((t) => (
        <Paper key={t.label} withBorder radius="md" p="sm">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t.label}
          </Text>
          <Text fz={26} fw={700} lh={1.2}>
            {t.value}
          </Text>
          <Text size="xs" c="dimmed">
            {t.hint}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
