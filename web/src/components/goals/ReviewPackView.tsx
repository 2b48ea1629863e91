import { Alert, Anchor, Group, List, Paper, SimpleGrid, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconChartLine } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { ReviewPack } from '../../api/goal-types';
import { formatDateTime } from '../../labels';
import { EmptyState } from '../EmptyState';
import { SectionCard } from '../SectionCard';
import { MoneyAmount, ResponsibilityOutcomeBadge, ScorecardStatusBadge } from './GoalBadges';
import { periodLabel } from './goal-format';
import type { GoalPaths } from './goal-paths';
import { GoalTrendChart } from './GoalTrendChart';

export function ReviewPackSkeleton() {
  return (
    <Stack aria-busy="true" aria-label="Loading the review pack">
      <Skeleton height={28} width="50%" />
      <Skeleton height={110} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Skeleton height={240} />
        <Skeleton height={240} />
      </SimpleGrid>
    </Stack>
  );
}

/**
 * What a service review meeting starts from: the latest scorecard, goals missed twice running,
 * responsibilities still open, and every goal's trend. Laid out to print.
 */
export function ReviewPackView({ pack, paths, emptyText }: { pack: ReviewPack; paths: GoalPaths; emptyText: string }) {
  const latest = pack.latest;
  if (!latest)
    return (
      <EmptyState icon={<IconChartLine size={24} />} title="No scorecard yet">
        {emptyText}
      </EmptyState>
    );
  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" aria-label="Latest scorecard" className="sp-avoid-break">
        <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
          <div>
            <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
              Latest scorecard
            </Text>
            <Group gap="xs" mt={2}>
              <Anchor component={Link} to={paths.scorecard(latest.periodKey)} fw={700} size="lg">
                {periodLabel(latest.periodKey)}
              </Anchor>
              <ScorecardStatusBadge status={latest.status} size="sm" />
              <Text size="xs" c="dimmed">
                revision {latest.revision}
              </Text>
            </Group>
            <Text size="xs" c="dimmed">
              {latest.finalisedAt ? `Finalised ${formatDateTime(latest.finalisedAt)}` : `Evaluated ${formatDateTime(latest.evaluatedAt)}`}
            </Text>
          </div>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="lg">
            <div>
              <Text size="xs" c="dimmed">
                Met
              </Text>
              <Text fw={700} size="lg">
                {latest.goals.met}
              </Text>
            </div>
            <div>
              <Text size="xs" c="dimmed">
                Missed
              </Text>
              <Text fw={700} size="lg" c={latest.goals.missed > 0 ? 'red.8' : undefined}>
                {latest.goals.missed}
              </Text>
            </div>
            <div>
              <Text size="xs" c="dimmed">
                Not evaluable
              </Text>
              <Text fw={700} size="lg">
                {latest.goals.notEvaluable}
              </Text>
            </div>
            <div>
              <Text size="xs" c="dimmed">
                Credits · incentives
              </Text>
              <Text size="lg" fw={700}>
                <MoneyAmount amountMinor={latest.creditMinor <= 0 ? latest.creditMinor : -latest.creditMinor} currency={latest.currency} fw={700} />
                <Text span c="dimmed">
                  {' · '}
                </Text>
                <MoneyAmount amountMinor={latest.incentiveMinor} currency={latest.currency} fw={700} />
              </Text>
            </div>
          </SimpleGrid>
        </Group>
      </Paper>

      <SectionCard title="Goals missed twice running" count={pack.goalsMissedTwiceRunning.length}>
        {pack.goalsMissedTwiceRunning.length === 0 ? (
          <Text size="sm" c="dimmed">
            No goal was missed in two months running.
          </Text>
        ) : (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title="Needs a plan">
            <List size="sm" spacing={4}>
              {pack.goalsMissedTwiceRunning.map((g) => (
                <List.Item key={g.goalId}>
                  <Anchor component={Link} to={`${paths.scorecard(latest.periodKey)}?goal=${encodeURIComponent(g.goalId)}`} size="sm" fw={600}>
                    {g.objective}
                  </Anchor>
                  {g.periods && g.periods.length > 0 && (
                    <Text span size="sm" c="dimmed">
                      {' '}
                      · missed in {g.periods.map(periodLabel).join(' and ')}
                    </Text>
                  )}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
      </SectionCard>

      <SectionCard title="Open responsibilities" count={pack.openResponsibilities.length}>
        {pack.openResponsibilities.length === 0 ? (
          <Text size="sm" c="dimmed">
            Every client responsibility was kept in {periodLabel(latest.periodKey)}.
          </Text>
        ) : (
          <Table verticalSpacing="xs" aria-label="Open responsibilities">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Responsibility</Table.Th>
                <Table.Th>Outcome</Table.Th>
                <Table.Th>Why</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pack.openResponsibilities.map((r) => (
                <Table.Tr key={r.responsibilityId}>
                  <Table.Td>
                    <Text size="sm">{r.description}</Text>
                  </Table.Td>
                  <Table.Td>
                    <ResponsibilityOutcomeBadge outcome={r.outcome} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{r.reason}</Text>
                    {r.tickets && r.tickets.length > 0 && (
                      <Text size="xs" c="dimmed">
                        {r.tickets.length} ticket{r.tickets.length === 1 ? '' : 's'} over the allowance
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </SectionCard>

      <SectionCard title="Trends">
        {pack.trend.goals.length === 0 ? (
          <Text size="sm" c="dimmed">
            No goals to chart.
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            {pack.trend.goals.map((g) => (
              <GoalTrendChart key={g.goalId} trend={g} />
            ))}
          </SimpleGrid>
        )}
      </SectionCard>
    </Stack>
  );
}
