/**
 * reopen_rate (percent, lower is better). Counts the tickets first resolved in the period; a
 * ticket counts as reopened when it was reopened after that first resolution and before the
 * period's end. Value: reopened / counted x 100.
 */
import { contribution } from './contribution';
import type { Contribution, MetricDefinition, MetricInput, MetricResult } from './metric-types';
import { percent2 } from './rounding';
import { firstResolvedAt, inPeriod, reopenedBetween } from './ticket-history';
import { localMinute } from './words';

function compute(input: MetricInput): MetricResult {
  const contributions: Contribution[] = [];
  let reopened = 0;
  for (const ticket of input.tickets) {
    const resolvedAt = firstResolvedAt(ticket);
    if (resolvedAt === null || !inPeriod(resolvedAt, input.period)) continue;
    const reopenedAt = reopenedBetween(ticket, resolvedAt, input.period.to);
    if (reopenedAt !== null) reopened += 1;
    contributions.push(contribution(ticket, 'counted', reopenedAt === null ? "not reopened by the period's end" : `reopened ${localMinute(input.calendar, reopenedAt)}`, reopenedAt === null ? 0 : 1));
  }
  return { value: percent2(reopened, contributions.length), unit: 'percent', sample: contributions.length, contributions };
}

export const reopenRate: MetricDefinition = {
  key: 'reopen_rate',
  label: 'Reopen rate',
  unit: 'percent',
  higherIsBetter: false,
  describe: () => "Share of the tickets first resolved in the period that were reopened by the period's end.",
  compute,
};
