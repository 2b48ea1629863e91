/**
 * resolution_compliance (percent, higher is better). Counts resolution clocks decided in the
 * period: resolved in the period (and not reopened by its end), or due in the period and not
 * resolved by its end. Value: met / counted x 100.
 */
import type { MetricDefinition } from './metric-types';
import { clockCompliance } from './clock-compliance';

export const resolutionCompliance: MetricDefinition = {
  key: 'resolution_compliance',
  label: 'Resolution compliance',
  unit: 'percent',
  higherIsBetter: true,
  describe: () =>
    "Share of resolution clocks met. A clock counts in the period in which the ticket was resolved, or in which it fell due without a resolution by the period's end. Time waiting on the client does not count against the target. Tickets on which the client breached a responsibility are left out.",
  compute: (input) => clockCompliance('resolution', input),
};
