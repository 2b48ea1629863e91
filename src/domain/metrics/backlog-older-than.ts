/**
 * backlog_older_than (count, lower is better). Counts the tickets open at the period's end (not
 * resolved, or reopened after their last resolution). Value: how many of them are older than N
 * business days on the contract calendar: N business days after creation (same local time of
 * day, see `BusinessCalendar.addBusinessDays`) falls before the period's end.
 */
import type { GoalMetric } from '../pact/pact-types';
import { contribution } from './contribution';
import type { Contribution, MetricDefinition, MetricInput, MetricResult } from './metric-types';
import { isOpenAt } from './ticket-history';
import { localMinute } from './words';

function businessDaysOf(metric: GoalMetric): number {
  const n = metric.businessDays;
  if (n === undefined || !Number.isInteger(n) || n < 1) throw new RangeError(`backlog_older_than needs businessDays, a whole number of 1 or more (got ${String(n)})`);
  return n;
}

function compute(input: MetricInput, metric: GoalMetric): MetricResult {
  const days = businessDaysOf(metric);
  const end = input.period.to;
  const contributions: Contribution[] = [];
  let open = 0;
  for (const ticket of input.tickets) {
    if (!isOpenAt(ticket, end)) continue;
    open += 1;
    const agedAt = input.calendar.addBusinessDays(ticket.createdAt, days);
    if (agedAt.getTime() >= end.getTime()) continue;
    contributions.push(contribution(ticket, 'counted', `open since ${localMinute(input.calendar, ticket.createdAt)}; ${days} business days old at ${localMinute(input.calendar, agedAt)}`));
  }
  return { value: contributions.length, unit: 'count', sample: open, contributions };
}

export const backlogOlderThan: MetricDefinition = {
  key: 'backlog_older_than',
  label: 'Backlog older than N business days',
  unit: 'count',
  higherIsBetter: false,
  describe: (metric) => {
    const n = metric.businessDays === undefined ? 'N' : String(metric.businessDays);
    return `Number of tickets open at the period's end that are older than ${n} business days on the contract calendar.`;
  },
  compute,
};
