import { Anchor, Button, Group, Paper, Skeleton, Text } from '@mantine/core';
import { IconChartLine, IconPresentation } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useScorecards } from '../../api/goal-queries';
import { ScorecardStatusBadge } from './GoalBadges';
import { periodLabel } from './goal-format';
import { portalGoalPaths, staffGoalPaths } from './goal-paths';

/** On a contract page: the latest scorecard in one line and the way to all of them. */
export function ContractScorecardsCard({ contractId, portal = false }: { contractId: string; portal?: boolean }) {
  const list = useScorecards(contractId);
  const paths = portal ? portalGoalPaths(contractId) : staffGoalPaths(contractId);
  const latest = list.data?.[0];
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" aria-label="Scorecards">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <div style={{ flex: '1 1 16rem' }}>
          <Text fw={600}>Scorecards</Text>
          {list.isPending ? (
            <Skeleton height={16} width="60%" mt={4} />
          ) : list.isError || !latest ? (
            <Text size="sm" c="dimmed">
              {list.isError ? 'The scorecards could not be loaded.' : 'No scorecard yet: the first one is prepared after the month ends.'}
            </Text>
          ) : (
            <Group gap={6} mt={2}>
              <Text size="sm">Latest:</Text>
              <Anchor component={Link} to={paths.scorecard(latest.periodKey)} size="sm" fw={600}>
                {periodLabel(latest.periodKey)}
              </Anchor>
              <ScorecardStatusBadge status={latest.status} size="sm" />
              <Text size="sm" c="dimmed">
                {latest.goals.met} met · {latest.goals.missed} missed · {latest.goals.notEvaluable} not evaluable
              </Text>
            </Group>
          )}
        </div>
        <Group gap="xs">
          <Button component={Link} to={paths.list} variant="light" leftSection={<IconChartLine size={16} />}>
            Scorecards
          </Button>
          <Button component={Link} to={paths.reviewPack} variant="default" leftSection={<IconPresentation size={16} />}>
            Review pack
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
