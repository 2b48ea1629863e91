/**
 * mean_time_to_resolve (minutes, lower is better). Counts the resolution clocks completed in the period;
 * each ticket's value is the business time elapsed on its clock, pauses excluded as the plan
 * says. Value: the mean, in minutes, 2 decimals.
 */
import type { MetricDefinition } from './metric-types';
import { clockDuration } from './clock-duration';

export const meanTimeToResolve: MetricDefinition = {
  key: 'mean_time_to_resolve',
  label: 'Mean time to resolve',
  unit: 'minutes',
  higherIsBetter: false,
  describe: () =>
    'Mean business time to resolve, in minutes, from the ticket being logged to its resolution (time waiting on the client and between a resolution and a reopen excluded), over the tickets resolved in the period. Tickets on which the client breached a responsibility are left out.',
  compute: (input) => clockDuration('resolution', 'mean', input),
};
