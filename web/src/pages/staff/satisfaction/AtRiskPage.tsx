import { Anchor, Badge, Group, List, Paper, Select, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconMoodCheck } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useAtRisk } from '../../../api/satisfaction-queries';
import type { AtRiskClient, RiskReason } from '../../../api/satisfaction-types';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { TableSkeleton } from '../../../components/TableSkeleton';
import { useSignedIn } from '../../../session';

/** What each rule means, for the badge beside its sentence. */
const RULE_LABELS: Record<RiskReason['rule'], string> = {
  bad_rating_streak: 'Bad ratings in a row',
  goals_missed_twice: 'Goal missed twice',
  satisfaction_trend: 'Satisfaction falling',
  nps_drop: 'NPS dropped',
  intractable_problem: 'Long-open problem',
};

/** A score colour: 4 and more red, 2-3 orange, 1 yellow. */
const scoreColor = (score: number) => (score >= 4 ? 'red' : score >= 2 ? 'orange' : 'yellow');

const ALL = 'all';
const MINE = 'mine';
const NONE = 'none';

/**
 * Clients showing signs of risk, highest score first, each reason in a sentence, for account
 * managers to act on: filter to your own clients (the default for account managers) or anyone's,
 * open the client from its name.
 */
export function AtRiskPage() {
  const { user } = useSignedIn();
  const [params, setParams] = useSearchParams();
  const filter = params.get('manager') ?? (user.role === 'account_manager' ? MINE : ALL);
  // The whole list names the account managers to choose from; a chosen one is asked of the server.
  const all = useAtRisk(null);
  const managerId = filter === MINE ? user.id : filter === ALL || filter === NONE ? null : filter;
  const chosen = useAtRisk(managerId);
  const source = managerId ? chosen : all;
  const rows = useMemo(() => (filter === NONE ? (all.data ?? []).filter((r) => r.accountManager === null) : (source.data ?? [])), [filter, all.data, source.data]);

  const managers = useMemo(() => {
    const m = new Map<string, string>();
    for (const r of all.data ?? []) if (r.accountManager && r.accountManager.id !== user.id) m.set(r.accountManager.id, r.accountManager.name);
    if (filter !== ALL && filter !== MINE && filter !== NONE && !m.has(filter)) m.set(filter, 'Another account manager');
    return [...m].sort((a, b) => a[1].localeCompare(b[1])).map(([value, label]) => ({ value, label }));
  }, [all.data, user.id, filter]);

  const setFilter = (v: string | null) => {
    const next = new URLSearchParams(params);
    next.set('manager', v ?? ALL);
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader title="At risk" description="Clients whose satisfaction, goals or long-open problems call for attention, the most urgent first." />
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <Group mb="md" gap="sm" wrap="wrap" align="flex-end">
          <Select
            label="Account manager"
            aria-label="Account manager"
            allowDeselect={false}
            maw={320}
            value={filter}
            onChange={setFilter}
            data={[
              { value: ALL, label: 'Everyone' },
              { value: MINE, label: 'My clients' },
              { value: NONE, label: 'Clients without an account manager' },
              ...managers,
            ]}
            comboboxProps={{ withinPortal: true }}
          />
          <Text size="sm" c="dimmed" pb={6}>
            {source.isSuccess && `${rows.length} ${rows.length === 1 ? 'client' : 'clients'} at risk`}
          </Text>
        </Group>
        {source.isPending ? (
          <TableSkeleton />
        ) : source.isError ? (
          <ErrorAlert error={source.error} title="The at-risk list could not be loaded" onRetry={() => source.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState icon={<IconMoodCheck size={24} />} title="No client at risk">
            {filter === ALL
              ? 'No client shows a falling satisfaction, bad ratings in a row, a goal missed twice, an NPS drop or a long-open problem.'
              : 'None of these clients shows a sign of risk. Choose "Everyone" to see all clients.'}
          </EmptyState>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="sm" aria-label="Clients at risk">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Client</Table.Th>
                  <Table.Th ta="center">Score</Table.Th>
                  <Table.Th>Why</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <AtRiskRow key={r.client.id} row={r} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </>
  );
}

function AtRiskRow({ row }: { row: AtRiskClient }) {
  return (
    <Table.Tr>
      <Table.Td maw={260} style={{ verticalAlign: 'top' }}>
        <Anchor component={Link} to={`/clients/${row.client.id}`} fw={500} style={{ overflowWrap: 'anywhere' }}>
          {row.client.name}
        </Anchor>
        <Text size="xs" c="dimmed">
          {row.accountManager ? `Account manager: ${row.accountManager.name}` : 'No account manager'}
        </Text>
        {row.stageLabel && (
          <Text size="xs" c="dimmed">
            Journey: {row.stageLabel}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="center" style={{ verticalAlign: 'top' }}>
        <Tooltip label="One point per reason; bad ratings in a row and goals missed twice count two" withArrow>
          <Badge size="lg" circle color={scoreColor(row.score)} aria-label={`Risk score ${row.score}`}>
            {row.score}
          </Badge>
        </Tooltip>
      </Table.Td>
      <Table.Td style={{ verticalAlign: 'top' }}>
        <List spacing={6} size="sm" listStyleType="none" aria-label={`Why ${row.client.name} is at risk`}>
          {row.reasons.map((reason) => (
            <List.Item key={reason.rule}>
              <Stack gap={2}>
                <Group gap={6}>
                  <IconAlertTriangle size={14} color="var(--mantine-color-orange-7)" aria-hidden />
                  <Text size="xs" fw={600} c="orange.9" tt="uppercase">
                    {RULE_LABELS[reason.rule]}
                  </Text>
                </Group>
                <Text size="sm">{reason.text}</Text>
              </Stack>
            </List.Item>
          ))}
        </List>
      </Table.Td>
    </Table.Tr>
  );
}
