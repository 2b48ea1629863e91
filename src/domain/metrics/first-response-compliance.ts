/**
 * first_response_compliance (percent, higher is better). Counts first-response clocks decided in
 * the period: the first public response (or a resolution, which answers too) came in the period,
 * or the clock fell due in the period with no response by its end. Value: met / counted x 100.
 */
import type { MetricDefinition } from './metric-types';
import { clockCompliance } from './clock-compliance';

export const firstResponseCompliance: MetricDefinition = {
  key: 'first_response_compliance',
  label: 'First-response compliance',
  unit: 'percent',
  higherIsBetter: true,
  describe: () =>
    "Share of first-response clocks met. A clock counts in the period in which the first public response came, or in which it fell due without a response by the period's end. Tickets on which the client breached a responsibility are left out.",
  compute: (input) => clockCompliance('first_response', input),
};
