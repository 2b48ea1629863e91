import { Alert, Anchor, Drawer, Group, Pagination, SegmentedControl, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useGoalDrillDown, useGoalTrend } from '../../api/goal-queries';
import type { Contribution, GoalEvaluationView, GoalTicket } from '../../api/goal-types';
import { formatDateTime } from '../../labels';
import { ErrorAlert } from '../ErrorAlert';
import { PriorityBadge } from '../pact/PriorityBadge';
import { ContributionBadge, GoalOutcomeBadge, MoneyAmount } from './GoalBadges';
import { contributionLabels, periodRangeText, personName, plainNumber, targetText, unitWords, valueText } from './goal-format';
import { GoalTrendChart } from './GoalTrendChart';
import type { GoalPaths } from './goal-paths';
import { SampleText } from './GoalsTable';

const PAGE = 20;
type Filter = 'all' | Contribution['outcome'];
// Breached first: when a goal is missed, those are the tickets people come for.
const order: Record<Contribution['outcome'], number> = { breached: 0, excluded: 1, counted: 2, met: 3 };

/** One fact of the goal's evaluation. */
function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <div>{children}</div>
    </div>
  );
}

/**
 * A goal's drill-down: its figure and why, its trend, and the tickets behind it (breached first,
 * filterable, paged), each linking to the ticket.
 */
export function GoalTicketsDrawer({
  contractId,
  periodKey,
  revision,
  goal,
  currency,
  timeZone,
  paths,
  onClose,
}: {
  contractId: string;
  periodKey: string;
  revision: number | null;
  goal: GoalEvaluationView | null;
  currency: string;
  timeZone: string;
  paths: GoalPaths;
  onClose: () => void;
}) {
  return (
    <Drawer opened={goal !== null} onClose={onClose} position="right" size="xl" title={goal ? <Title order={3} size="h4">{goal.objective}</Title> : null} closeButtonProps={{ 'aria-label': 'Close the goal' }}>
      {goal && <GoalDetail key={goal.goalId} contractId={contractId} periodKey={periodKey} revision={revision} goal={goal} currency={currency} timeZone={timeZone} paths={paths} />}
    </Drawer>
  );
}

function GoalDetail({
  contractId,
  periodKey,
  revision,
  goal,
  currency,
  timeZone,
  paths,
}: {
  contractId: string;
  periodKey: string;
  revision: number | null;
  goal: GoalEvaluationView;
  currency: string;
  timeZone: string;
  paths: GoalPaths;
}) {
  const detail = useGoalDrillDown(contractId, periodKey, goal.goalId, revision);
  const trend = useGoalTrend(contractId);
  const goalTrend = trend.data?.goals.find((t) => t.goalId === goal.goalId);
  // JSON: the entry instant arrives as an ISO string.
  const manual = goal.manual;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Fact label="Target">
          <Text size="sm">{targetText(goal.comparator, goal.target, goal.unit)}</Text>
        </Fact>
        <Fact label="Value">
          <Text size="sm" fw={600}>
            {valueText(goal.value, goal.unit)}
          </Text>
        </Fact>
        <Fact label="Sample">
          <SampleText goal={goal} />
        </Fact>
        <Fact label="Outcome">
          <GoalOutcomeBadge outcome={goal.outcome} />
        </Fact>
      </SimpleGrid>
      <Text size="sm">{goal.reason}</Text>
      {goal.amountMinor !== 0 && (
        <Text size="sm">
          {goal.amountMinor < 0 ? 'Service credit' : 'Incentive'} <MoneyAmount amountMinor={goal.amountMinor} currency={currency} fw={600} />
          {goal.amountExplanation && (
            <Text span size="sm" c="dimmed">
              {' · '}
              {goal.amountExplanation}
            </Text>
          )}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {goal.metricLabel} · {periodRangeText(goal.periodFrom, goal.periodTo, timeZone)}. {goal.method}
      </Text>
      {manual && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} title="Entered value">
          <Text size="sm">
            {plainNumber(manual.value)} ({unitWords[goal.unit]}) entered {personName(manual.enteredBy) ? `by ${personName(manual.enteredBy)} ` : ''}on {formatDateTime(String(manual.enteredAt))}.
          </Text>
          <Text size="sm">Evidence: {manual.evidenceNote}</Text>
          {manual.evidenceUrl && (
            <Anchor href={manual.evidenceUrl} target="_blank" rel="noopener noreferrer" size="sm">
              {manual.evidenceUrl}
            </Anchor>
          )}
        </Alert>
      )}
      {goalTrend && <GoalTrendChart trend={goalTrend} title={false} height={180} />}
      <Title order={4} size="h5">
        Tickets behind the figure
      </Title>
      {detail.isPending ? (
        <Stack gap="xs" aria-busy="true" aria-label="Loading tickets">
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} height={36} />
          ))}
        </Stack>
      ) : detail.isError ? (
        <ErrorAlert error={detail.error} title="The tickets could not be loaded" onRetry={() => detail.refetch()} />
      ) : (
        <GoalTicketsTable tickets={detail.data.contributions ?? []} unitLabel={goal.unit === 'percent' ? null : unitWords[goal.unit]} paths={paths} />
      )}
    </Stack>
  );
}

export function GoalTicketsTable({ tickets, unitLabel, paths }: { tickets: GoalTicket[]; unitLabel: string | null; paths: GoalPaths }) {
  const present = useMemo(() => [...new Set(tickets.map((t) => t.outcome))].sort((a, b) => order[a] - order[b]), [tickets]);
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(1);
  const shown = useMemo(() => tickets.filter((t) => filter === 'all' || t.outcome === filter).sort((a, b) => order[a.outcome] - order[b.outcome] || a.number - b.number), [tickets, filter]);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE));
  // Compliance figures count tickets without a value of their own: no empty column then.
  const withValues = tickets.some((t) => t.value !== null && t.value !== undefined);
  const rows = shown.slice((page - 1) * PAGE, page * PAGE);
  if (tickets.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No tickets counted towards this figure in the period.
      </Text>
    );
  return (
    <Stack gap="sm">
      {present.length > 1 && (
        <SegmentedControl
          aria-label="Show tickets"
          size="xs"
          value={filter}
          onChange={(v) => {
            setFilter(v as Filter);
            setPage(1);
          }}
          data={[
            { value: 'all', label: `All (${tickets.length})` },
            ...present.map((o) => ({ value: o, label: `${contributionLabels[o]} (${tickets.filter((t) => t.outcome === o).length})` })),
          ]}
        />
      )}
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="xs" aria-label="Tickets behind the goal" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Ticket</Table.Th>
              <Table.Th>Priority</Table.Th>
              <Table.Th>Outcome</Table.Th>
              {withValues && <Table.Th ta="right">{unitLabel ? `Value (${unitLabel})` : 'Value'}</Table.Th>}
              <Table.Th>Note</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((t) => (
              <Table.Tr key={t.ticketId}>
                <Table.Td maw={260}>
                  <Anchor component={Link} to={paths.ticket(t.ticketId)} size="sm" fw={500}>
                    <Text span ff="monospace" size="xs" mr={6}>
                      {t.reference || `T-${t.number}`}
                    </Text>
                    {t.subject}
                  </Anchor>
                  {t.createdAt && (
                    <Text size="xs" c="dimmed">
                      Opened {formatDateTime(t.createdAt)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{t.priority ? <PriorityBadge priority={t.priority} /> : '—'}</Table.Td>
                <Table.Td>
                  <ContributionBadge outcome={t.outcome} />
                </Table.Td>
                {withValues && (
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {plainNumber(t.value)}
                  </Table.Td>
                )}
                <Table.Td maw={240}>
                  <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                    {t.note ?? ''}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages > 1 && (
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {(page - 1) * PAGE + 1}–{Math.min(page * PAGE, shown.length)} of {shown.length}
          </Text>
          <Pagination total={pages} value={page} onChange={setPage} size="sm" getControlProps={(c) => ({ 'aria-label': c === 'previous' ? 'Previous page' : c === 'next' ? 'Next page' : c })} />
        </Group>
      )}
    </Stack>
  );
}
