import { Anchor, Group, Table, Text } from '@mantine/core';
import { IconChartLine } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ScorecardSummary } from '../../api/goal-types';
import { formatDateTime } from '../../labels';
import { EmptyState } from '../EmptyState';
import { MoneyAmount, ScorecardStatusBadge } from './GoalBadges';
import { periodLabel } from './goal-format';
import type { GoalPaths } from './goal-paths';

/** The contract's months, newest first, each with its latest revision. */
export function ScorecardList({ items, paths, emptyText, emptyAction }: { items: ScorecardSummary[]; paths: GoalPaths; emptyText: ReactNode; emptyAction?: ReactNode }) {
  if (items.length === 0)
    return (
      <EmptyState icon={<IconChartLine size={24} />} title="No scorecard yet" action={emptyAction}>
        {emptyText}
      </EmptyState>
    );
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="Scorecards by month">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Month</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Goals</Table.Th>
            <Table.Th ta="right">Credits</Table.Th>
            <Table.Th ta="right">Incentives</Table.Th>
            <Table.Th>Evaluated</Table.Th>
            <Table.Th>Finalised</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((s) => (
            <Table.Tr key={s.periodKey}>
              <Table.Td>
                <Anchor component={Link} to={paths.scorecard(s.periodKey)} fw={600} size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {periodLabel(s.periodKey)}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <ScorecardStatusBadge status={s.status} size="sm" />
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    revision {s.revision}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {s.goals.met} met · <Text span size="sm" c={s.goals.missed > 0 ? 'red.8' : undefined} fw={s.goals.missed > 0 ? 600 : undefined}>{s.goals.missed} missed</Text> · {s.goals.notEvaluable} not evaluable
                </Text>
              </Table.Td>
              <Table.Td ta="right">{s.creditMinor === 0 ? <Text size="sm" c="dimmed">—</Text> : <MoneyAmount amountMinor={s.creditMinor < 0 ? s.creditMinor : -s.creditMinor} currency={s.currency} />}</Table.Td>
              <Table.Td ta="right">{s.incentiveMinor === 0 ? <Text size="sm" c="dimmed">—</Text> : <MoneyAmount amountMinor={s.incentiveMinor} currency={s.currency} />}</Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(s.evaluatedAt)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={s.finalisedAt ? undefined : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
                  {s.finalisedAt ? formatDateTime(s.finalisedAt) : 'Not yet'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
