/**
 * onsite_visits (count, lower is better: each visit is time the client's staff wait for someone
 * to travel). Counts the on-site tickets with a resolution in the period; a ticket resolved twice
 * in the period counts once. Value: that count.
 */
import { contribution } from './contribution';
import type { Contribution, MetricDefinition, MetricInput, MetricResult } from './metric-types';
import { resolvedIn } from './ticket-history';

function compute(input: MetricInput): MetricResult {
  const contributions: Contribution[] = [];
  for (const ticket of input.tickets) {
    if (ticket.deliveryMode !== 'onsite' || !resolvedIn(ticket, input.period)) continue;
    contributions.push(contribution(ticket, 'counted', 'resolved on site'));
  }
  return { value: contributions.length, unit: 'count', sample: contributions.length, contributions };
}

export const onsiteVisits: MetricDefinition = {
  key: 'onsite_visits',
  label: 'On-site visits',
  unit: 'count',
  higherIsBetter: false,
  describe: () => 'Number of on-site tickets resolved in the period.',
  compute,
};
