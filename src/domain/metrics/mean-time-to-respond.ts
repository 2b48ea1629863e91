/**
 * mean_time_to_respond (minutes, lower is better). Counts the first-response clocks completed in the period;
 * each ticket's value is the business time elapsed on its clock, pauses excluded as the plan
 * says. Value: the mean, in minutes, 2 decimals.
 */
import type { MetricDefinition } from './metric-types';
import { clockDuration } from './clock-duration';

export const meanTimeToRespond: MetricDefinition = {
  key: 'mean_time_to_respond',
  label: 'Mean time to respond',
  unit: 'minutes',
  higherIsBetter: false,
  describe: () =>
    'Mean business time to respond, in minutes, from the ticket being logged to its first public response (pauses excluded where the plan says so), over the tickets first answered in the period. Tickets on which the client breached a responsibility are left out.',
  compute: (input) => clockDuration('first_response', 'mean', input),
};
