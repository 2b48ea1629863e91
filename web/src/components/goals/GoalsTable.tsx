import { Badge, Button, Group, Paper, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconListSearch } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { GoalEvaluationView } from '../../api/goal-types';
import { GoalOutcomeBadge, MoneyAmount } from './GoalBadges';
import { plainNumber, targetLabel, targetText, valueText } from './goal-format';

/** The metric in words; a manual figure's own name unless the label already gives it. */
export function metricText(g: Pick<GoalEvaluationView, 'metricLabel' | 'metric'>): string {
  const name = g.metric.key === 'manual' ? g.metric.manualName : undefined;
  return name && !g.metricLabel.includes(name) ? `${g.metricLabel}: ${name}` : g.metricLabel;
}

/** "12 of at least 20": the sample against the minimum the goal needs to be judged. */
export function SampleText({ goal }: { goal: Pick<GoalEvaluationView, 'sample' | 'minSample'> }) {
  const short = goal.minSample > 0 && goal.sample < goal.minSample;
  return (
    <Text size="sm" c={short ? 'orange.8' : undefined} style={{ whiteSpace: 'nowrap' }}>
      {plainNumber(goal.sample)}
      <Text span size="xs" c="dimmed">
        {' '}
        / min {plainNumber(goal.minSample)}
      </Text>
    </Text>
  );
}

/**
 * The scorecard's goals: objective, metric, target, value, sample, outcome and money. The
 * objective opens the tickets behind the figure.
 */
export function GoalsTable({
  goals,
  currency,
  onOpen,
  actions,
}: {
  goals: GoalEvaluationView[];
  currency: string;
  onOpen: (goalId: string) => void;
  actions?: (goal: GoalEvaluationView) => ReactNode;
}) {
  const phone = useMediaQuery('(max-width: 40em)');
  if (phone) return <GoalCards goals={goals} currency={currency} onOpen={onOpen} actions={actions} />;
  return (
    <Table.ScrollContainer minWidth={980}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="Goals" captionSide="top">
        <Table.Caption className="sp-visually-hidden">Goals of the month with their figures, outcomes and money</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th miw={210}>Goal</Table.Th>
            <Table.Th>Target</Table.Th>
            <Table.Th miw={150}>Value</Table.Th>
            <Table.Th>Sample</Table.Th>
            <Table.Th>Outcome</Table.Th>
            <Table.Th ta="right" miw={190}>
              Credit / incentive
            </Table.Th>
            <Table.Th className="sp-no-print">
              <span className="sp-visually-hidden">Actions</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {goals.map((g) => (
            <Table.Tr key={g.goalId} data-testid={`goal-${g.goalId}`}>
              <Table.Td maw={340}>
                <Stack gap={2}>
                  <UnstyledButton onClick={() => onOpen(g.goalId)} aria-label={`${g.objective}: open the tickets behind this figure`} className="sp-goal-link">
                    <Text fw={600} size="sm" c="indigo.8" style={{ overflowWrap: 'anywhere' }}>
                      {g.objective}
                    </Text>
                  </UnstyledButton>
                  <Group gap={6}>
                    <Text size="xs" c="dimmed">
                      {metricText(g)}
                    </Text>
                    {g.period === 'quarterly' && (
                      <Badge size="xs" variant="outline" color="gray" radius="sm">
                        Quarter {g.periodKey}
                      </Badge>
                    )}
                  </Group>
                  {actions && <Group gap={4} className="sp-no-print">{actions(g)}</Group>}
                </Stack>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm" aria-label={`Target: ${targetLabel(g.comparator, g.target, g.unit)}`}>
                  {targetText(g.comparator, g.target, g.unit)}
                </Text>
              </Table.Td>
              <Table.Td maw={240}>
                <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {valueText(g.value, g.unit)}
                </Text>
                <Text size="xs" c="dimmed" lineClamp={3} title={g.reason}>
                  {g.reason}
                </Text>
              </Table.Td>
              <Table.Td>
                <SampleText goal={g} />
              </Table.Td>
              <Table.Td>
                <GoalOutcomeBadge outcome={g.outcome} />
              </Table.Td>
              <Table.Td ta="right" maw={260}>
                {g.amountMinor === 0 ? (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                ) : (
                  <MoneyAmount amountMinor={g.amountMinor} currency={currency} fw={600} />
                )}
                {g.amountExplanation && (
                  <Text size="xs" c="dimmed" lineClamp={3} title={g.amountExplanation}>
                    {g.amountExplanation}
                  </Text>
                )}
              </Table.Td>
              <Table.Td className="sp-no-print">
                <Group gap={4} wrap="nowrap" justify="flex-end">
                  <Button size="compact-sm" variant="subtle" leftSection={<IconListSearch size={14} />} onClick={() => onOpen(g.goalId)} aria-label={`Tickets behind ${g.objective}`}>
                    Tickets
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** On a phone, one card per goal: objective, figure against target, outcome and money. */
function GoalCards({ goals, currency, onOpen, actions }: { goals: GoalEvaluationView[]; currency: string; onOpen: (goalId: string) => void; actions?: (goal: GoalEvaluationView) => ReactNode }) {
  return (
    <Stack gap="xs" role="list" aria-label="Goals">
      {goals.map((g) => (
        <Paper key={g.goalId} withBorder radius="md" p="sm" role="listitem" data-testid={`goal-${g.goalId}`}>
          <Stack gap={6}>
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <UnstyledButton onClick={() => onOpen(g.goalId)} aria-label={`${g.objective}: open the tickets behind this figure`} className="sp-goal-link">
                <Text fw={600} size="sm" c="indigo.8" style={{ overflowWrap: 'anywhere' }}>
                  {g.objective}
                </Text>
                <Text size="xs" c="dimmed">
                  {metricText(g)}
                </Text>
              </UnstyledButton>
              <GoalOutcomeBadge outcome={g.outcome} />
            </Group>
            <Group gap="md" wrap="wrap">
              <Text size="sm">
                <Text span fw={600}>
                  {valueText(g.value, g.unit)}
                </Text>{' '}
                <Text span c="dimmed" size="xs">
                  target {targetText(g.comparator, g.target, g.unit)}
                </Text>
              </Text>
              <Group gap={4}>
                <Text size="xs" c="dimmed">
                  Sample
                </Text>
                <SampleText goal={g} />
              </Group>
              {g.amountMinor !== 0 && <MoneyAmount amountMinor={g.amountMinor} currency={currency} fw={600} />}
            </Group>
            <Text size="xs" c="dimmed">
              {g.reason}
            </Text>
            <Group gap={4}>
              {actions?.(g)}
              <Button size="compact-sm" variant="subtle" leftSection={<IconListSearch size={14} />} onClick={() => onOpen(g.goalId)} aria-label={`Tickets behind ${g.objective}`}>
                Tickets
              </Button>
            </Group>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
