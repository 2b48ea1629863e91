/**
 * ticket_volume (count, lower is better). Counts the tickets created in the period. Value: that
 * count. Breakdown by `category:<category>`, `priority:<priority>` and `site:<site id>`; a ticket
 * without a category or a site adds to no key of that dimension.
 */
import { contribution } from './contribution';
import type { Contribution, MetricDefinition, MetricInput, MetricResult } from './metric-types';
import { inPeriod } from './ticket-history';

function compute(input: MetricInput): MetricResult {
  const contributions: Contribution[] = [];
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const ticket of input.tickets) {
    if (!inPeriod(ticket.createdAt, input.period)) continue;
    contributions.push(contribution(ticket, 'counted'));
    if (ticket.category !== null) add(`category:${ticket.category}`);
    add(`priority:${ticket.priority}`);
    if (ticket.siteId !== null) add(`site:${ticket.siteId}`);
  }
  // Keys in a fixed order, so the same tickets always give the same document.
  const breakdown: Record<string, number> = {};
  for (const key of [...counts.keys()].sort()) breakdown[key] = counts.get(key)!;
  return { value: contributions.length, unit: 'count', sample: contributions.length, contributions, breakdown };
}

export const ticketVolume: MetricDefinition = {
  key: 'ticket_volume',
  label: 'Ticket volume',
  unit: 'count',
  higherIsBetter: false,
  describe: () => 'Number of tickets logged in the period, broken down by category, priority and site.',
  compute,
};
