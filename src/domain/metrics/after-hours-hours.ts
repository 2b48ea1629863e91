/**
 * after_hours_hours (hours, lower is better). Counts the time entries started in the period,
 * billable or not (the sample is the number of entries). Value: the sum of their after-hours
 * seconds (outside the coverage calendar) as hours, 2 decimals; each ticket contributes its own.
 * A sum: no entries is 0 hours, not "nothing to measure" (the goal's minimum sample decides).
 */
import { contribution } from './contribution';
import type { Contribution, MetricDefinition, MetricInput, MetricResult } from './metric-types';
import { hours2 } from './rounding';
import { inPeriod } from './ticket-history';
import { countWords } from './words';

function compute(input: MetricInput): MetricResult {
  const contributions: Contribution[] = [];
  let entries = 0;
  let total = 0;
  for (const ticket of input.tickets) {
    let seconds = 0;
    let own = 0;
    for (const entry of ticket.timeEntries) {
      if (!inPeriod(entry.startedAt, input.period)) continue;
      own += 1;
      seconds += entry.afterHoursSeconds;
    }
    entries += own;
    total += seconds;
    if (seconds > 0) {
      contributions.push(contribution(ticket, 'counted', `${countWords(own, 'time entry', 'time entries')} started in the period`, hours2(seconds)));
    }
  }
  return { value: hours2(total), unit: 'hours', sample: entries, contributions };
}

export const afterHoursHours: MetricDefinition = {
  key: 'after_hours_hours',
  label: 'After-hours hours',
  unit: 'hours',
  higherIsBetter: false,
  describe: () => 'Hours of work, billable or not, done outside the coverage hours, over the time entries started in the period.',
  compute,
};
