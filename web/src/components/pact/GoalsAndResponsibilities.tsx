import { Badge, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight, IconChecklist, IconTarget } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { Amendment, GoalTerms, ResponsibilityTerms } from '../../api/pact-types';
import { categoryLabels, goalMetricText, goalTargetText, incentiveText, minSampleText, penaltyText, periodLabels, responsibilityMeasureText } from '../../pact-labels';
import { PriorityBadge } from './PriorityBadge';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

/** Which tickets the goal counts: priorities, categories and sites, or all of them. */
export function GoalScopeText({ goal, siteNames }: { goal: GoalTerms; siteNames?: ReadonlyMap<string, string> }) {
  const s = goal.scope ?? {};
  const parts: ReactNode[] = [];
  if (s.priorities?.length)
    parts.push(
      <Group key="p" gap={4} component="span" display="inline-flex">
        {s.priorities.map((p) => (
          <PriorityBadge key={p} priority={p} />
        ))}
      </Group>,
    );
  if (s.categories?.length) parts.push(<span key="c">{s.categories.map((c) => categoryLabels[c] ?? c).join(', ')}</span>);
  if (s.siteIds?.length) parts.push(<span key="s">{s.siteIds.map((id) => siteNames?.get(id) ?? 'a site').join(', ')}</span>);
  if (parts.length === 0) return <span>All tickets</span>;
  return (
    <Group gap={6} component="span" display="inline-flex" wrap="wrap">
      {parts.map((p, i) => (
        <Group key={i} gap={6} component="span" display="inline-flex">
          {i > 0 && <span aria-hidden>·</span>}
          {p}
        </Group>
      ))}
    </Group>
  );
}

/** One goal in plain words: objective, what is measured, target, period, sample, money and method. */
export function GoalCard({ goal, currency, siteNames, actions }: { goal: GoalTerms; currency: string; siteNames?: ReadonlyMap<string, string>; actions?: ReactNode }) {
  const sample = minSampleText(goal);
  return (
    <Paper withBorder radius="md" p="sm" component="article" aria-label={`Goal: ${goal.objective}`} data-testid={`goal-${goal.goalId}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <ThemeIcon variant="light" color="indigo" radius="xl" size="md" aria-hidden>
              <IconTarget size={16} />
            </ThemeIcon>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {goal.objective}
            </Text>
          </Group>
          <Badge variant="light" color="gray" radius="sm" style={{ flexShrink: 0 }}>
            {periodLabels[goal.period]}
          </Badge>
        </Group>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" verticalSpacing={6}>
          <Fact label="Measure">{goalMetricText(goal)}</Fact>
          <Fact label="Tickets">
            <GoalScopeText goal={goal} siteNames={siteNames} />
          </Fact>
          <Fact label="Target">
            <strong>{goalTargetText(goal)}</strong>
          </Fact>
          <Fact label="Minimum sample">{sample ?? (goal.metric.key === 'manual' ? 'A value entered with evidence' : 'None')}</Fact>
        </SimpleGrid>
        {(goal.penalty || goal.incentive) && (
          <Stack gap={4}>
            {goal.penalty && (
              <Group gap={6} wrap="nowrap" align="flex-start">
                <IconArrowDownRight size={16} color="var(--mantine-color-red-7)" aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
                <Text size="sm">{penaltyText(goal.penalty, goal.period, currency)}.</Text>
              </Group>
            )}
            {goal.incentive && (
              <Group gap={6} wrap="nowrap" align="flex-start">
                <IconArrowUpRight size={16} color="var(--mantine-color-teal-7)" aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
                <Text size="sm">{incentiveText(goal.incentive, goal.period, currency)}.</Text>
              </Group>
            )}
          </Stack>
        )}
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          How it is measured: {goal.method}
        </Text>
        {actions && <Group gap="xs">{actions}</Group>}
      </Stack>
    </Paper>
  );
}

export function GoalList({
  goals,
  currency,
  siteNames,
  actions,
  empty,
}: {
  goals: GoalTerms[];
  currency: string;
  siteNames?: ReadonlyMap<string, string>;
  actions?: (goal: GoalTerms) => ReactNode;
  empty?: ReactNode;
}) {
  if (goals.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {empty ?? 'No goals are agreed.'}
      </Text>
    );
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" role="list" aria-label="Goals">
      {goals.map((g) => (
        <div role="listitem" key={g.goalId}>
          <GoalCard goal={g} currency={currency} siteNames={siteNames} actions={actions?.(g)} />
        </div>
      ))}
    </SimpleGrid>
  );
}

/** One obligation of the client: what, how it is measured, and what breaching it changes. */
export function ResponsibilityItem({ responsibility, actions }: { responsibility: ResponsibilityTerms; actions?: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="sm" component="article" aria-label={`Responsibility: ${responsibility.description}`}>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <ThemeIcon variant="light" color="grape" radius="xl" size="md" aria-hidden>
          <IconChecklist size={16} />
        </ThemeIcon>
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {responsibility.description}
          </Text>
          <Text size="sm">{responsibilityMeasureText(responsibility)}.</Text>
          <Text size="xs" c="dimmed">
            {responsibility.excludeFromCompliance ? 'Tickets where it is not kept are left out of the compliance figures.' : 'Reported in the scorecard; it does not change the figures.'}
          </Text>
          {actions && (
            <Group gap="xs" mt={4}>
              {actions}
            </Group>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}

export function ResponsibilityList({ responsibilities, actions, empty }: { responsibilities: ResponsibilityTerms[]; actions?: (r: ResponsibilityTerms) => ReactNode; empty?: ReactNode }) {
  if (responsibilities.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {empty ?? 'No client responsibilities are agreed.'}
      </Text>
    );
  return (
    <Stack gap="xs" role="list" aria-label="Client responsibilities">
      {responsibilities.map((r) => (
        <div role="listitem" key={r.responsibilityId}>
          <ResponsibilityItem responsibility={r} actions={actions?.(r)} />
        </div>
      ))}
    </Stack>
  );
}

/**
 * The goals and responsibilities an amendment adds, changes or removes, in full: what the
 * client admin signs. Other changes are in the amendment's summary.
 */
export function AmendmentGoalChanges({ amendment, currency, siteNames }: { amendment: Amendment; currency: string; siteNames?: ReadonlyMap<string, string> }) {
  const items = amendment.changes.flatMap((c, i): ReactNode[] => {
    switch (c.type) {
      case 'goal_set':
        return [<GoalCard key={i} goal={c.goal} currency={currency} siteNames={siteNames} />];
      case 'responsibility_set':
        return [<ResponsibilityItem key={i} responsibility={c.responsibility} />];
      default:
        // Removals and the other changes read well in the summary.
        return [];
    }
  });
  if (items.length === 0) return null;
  return (
    <Stack gap="xs" aria-label={`Goals and responsibilities in amendment ${amendment.number}`} role="group">
      <Text size="sm" fw={600}>
        As agreed once accepted
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        {items}
      </SimpleGrid>
    </Stack>
  );
}
