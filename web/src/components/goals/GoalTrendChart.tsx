import { Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { GoalTrend } from '../../api/goal-types';
import { goalOutcomeLabels, periodLabel, targetLabel, valueText } from './goal-format';

// ECharts loads with the first chart, not with the app.
const TrendChart = lazy(() => import('./TrendChart').then((m) => ({ default: m.TrendChart })));

/** The chart in words, for screen readers and for text search. */
export function trendSummary(trend: GoalTrend): string {
  const points = trend.points.map((p) => `${periodLabel(p.periodKey)}: ${valueText(p.value, trend.unit)}, ${goalOutcomeLabels[p.outcome].toLowerCase()}${p.status === 'draft' ? ' (draft)' : ''}`);
  return `${trend.objective}, target ${targetLabel(trend.comparator, trend.target, trend.unit)}. ${points.join('; ')}.`;
}

function Legend() {
  const item = (shape: string, colour: string, label: string, hollow = false) => (
    <Group gap={4} wrap="nowrap">
      <svg width="12" height="12" aria-hidden="true">
        {shape === 'diamond' ? (
          <path d="M6 0 L12 6 L6 12 L0 6 Z" fill={hollow ? '#fff' : colour} stroke={colour} strokeWidth="2" />
        ) : (
          <circle cx="6" cy="6" r="4.5" fill={hollow ? '#fff' : colour} stroke={colour} strokeWidth="2" />
        )}
      </svg>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Group>
  );
  return (
    <Group gap="sm" aria-hidden="true">
      {item('circle', '#0ca678', 'Met')}
      {item('diamond', '#e03131', 'Missed')}
      {item('circle', '#868e96', 'Not evaluable', true)}
      {item('circle', '#495057', 'Draft: hollow', true)}
    </Group>
  );
}

/** A goal's trend: title, chart (role img with the figures in words), legend. */
export function GoalTrendChart({ trend, title = true, height = 200 }: { trend: GoalTrend; title?: boolean; height?: number }) {
  const summary = trendSummary(trend);
  return (
    <Paper withBorder radius="md" p="sm" className="sp-avoid-break">
      <Stack gap={6}>
        {title && (
          <Text fw={600} size="sm" lineClamp={2}>
            {trend.objective}
          </Text>
        )}
        {trend.points.length === 0 ? (
          <Text size="sm" c="dimmed">
            No evaluated months yet.
          </Text>
        ) : trend.points.every((p) => p.value === null) ? (
          <Text size="sm" c="dimmed" data-testid={`trend-${trend.goalId}`}>
            No figure yet: the goal was not evaluable in {trend.points.length === 1 ? 'its only evaluated month' : `any of its ${trend.points.length} evaluated months`}.
          </Text>
        ) : (
          <>
            <div role="img" aria-label={`Trend: ${summary}`} data-testid={`trend-${trend.goalId}`}>
              <Suspense fallback={<Skeleton height={height} />}>
                <TrendChart trend={trend} height={height} />
              </Suspense>
            </div>
            <Legend />
          </>
        )}
      </Stack>
    </Paper>
  );
}
