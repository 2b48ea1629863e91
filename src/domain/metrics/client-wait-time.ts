/**
 * client_wait_time (hours, lower is better). Counts the tickets that were in `waiting_on_client`
 * at some time within the period. Value: the total business time (contract calendar) those
 * tickets spent in that status, clipped to the period, as hours, 2 decimals (summed in seconds,
 * rounded once); each ticket contributes its own hours. A sum: no waiting is 0 hours.
 */
import { contribution } from './contribution';
import type { Contribution, MetricDefinition, MetricInput, MetricResult } from './metric-types';
import { hours2 } from './rounding';
import { waitingOnClientInPeriod } from './ticket-history';
import { durationWords } from './words';

function compute(input: MetricInput): MetricResult {
  const contributions: Contribution[] = [];
  let total = 0;
  for (const ticket of input.tickets) {
    const waited = waitingOnClientInPeriod(ticket, input.calendar, input.period);
    if (!waited.overlaps) continue;
    total += waited.businessSeconds;
    contributions.push(contribution(ticket, 'counted', `waited ${durationWords(waited.businessSeconds)} of business time on the client`, hours2(waited.businessSeconds)));
  }
  return { value: hours2(total), unit: 'hours', sample: contributions.length, contributions };
}

export const clientWaitTime: MetricDefinition = {
  key: 'client_wait_time',
  label: 'Client wait time',
  unit: 'hours',
  higherIsBetter: false,
  describe: () => 'Total business hours, on the contract calendar, that tickets spent waiting on the client within the period.',
  compute,
};
