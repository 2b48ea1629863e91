/**
 * manual (its own unit). A figure staff enter for the goal and period, with an evidence note.
 * Sample: 1 when a value is entered, else 0. Value: the latest entered value (the caller passes
 * the latest), or null.
 */
import type { GoalMetric } from '../pact/pact-types';
import type { MetricDefinition, MetricInput, MetricResult, MetricUnit } from './metric-types';

export function manualUnit(metric: GoalMetric): MetricUnit {
  return metric.manualUnit ?? 'number';
}

function compute(input: MetricInput, metric: GoalMetric): MetricResult {
  const unit = manualUnit(metric);
  if (input.manual === null) return { value: null, unit, sample: 0, contributions: [] };
  return { value: input.manual.value, unit, sample: 1, contributions: [], manual: input.manual };
}

export const manual: MetricDefinition = {
  key: 'manual',
  label: 'Manual measure',
  unit: 'number',
  higherIsBetter: true,
  describe: (metric) =>
    metric.manualName ? `${metric.manualName} (${manualUnit(metric)}), entered by staff for each period with evidence.` : 'A figure entered by staff for each period with evidence.',
  compute,
};
