/** Every metric of the library by key: what goals, the goal editor and `GET /metrics` read. */
import type { GoalMetric, MetricKey } from '../pact/pact-types';
import { afterHoursHours } from './after-hours-hours';
import { backlogOlderThan } from './backlog-older-than';
import { clientWaitTime } from './client-wait-time';
import { csatAverage } from './csat-average';
import { csatPositive } from './csat-positive';
import { csatResponseRate } from './csat-response-rate';
import { firstContactResolution } from './first-contact-resolution';
import { firstResponseCompliance } from './first-response-compliance';
import { manual } from './manual';
import { meanTimeToResolve } from './mean-time-to-resolve';
import { meanTimeToRespond } from './mean-time-to-respond';
import { medianTimeToResolve } from './median-time-to-resolve';
import { medianTimeToRespond } from './median-time-to-respond';
import type { MetricDefinition, MetricUnit } from './metric-types';
import { nps } from './nps';
import { onsiteVisits } from './onsite-visits';
import { reopenRate } from './reopen-rate';
import { resolutionCompliance } from './resolution-compliance';
import { ticketVolume } from './ticket-volume';

/** In the order the goal editor lists them. `satisfies` makes a missing or misspelt key a type error. */
export const METRICS = {
  first_response_compliance: firstResponseCompliance,
  resolution_compliance: resolutionCompliance,
  mean_time_to_respond: meanTimeToRespond,
  median_time_to_respond: medianTimeToRespond,
  mean_time_to_resolve: meanTimeToResolve,
  median_time_to_resolve: medianTimeToResolve,
  first_contact_resolution: firstContactResolution,
  reopen_rate: reopenRate,
  backlog_older_than: backlogOlderThan,
  ticket_volume: ticketVolume,
  onsite_visits: onsiteVisits,
  after_hours_hours: afterHoursHours,
  client_wait_time: clientWaitTime,
  csat_average: csatAverage,
  csat_positive: csatPositive,
  csat_response_rate: csatResponseRate,
  nps,
  manual,
} as const satisfies Record<MetricKey, MetricDefinition>;

export const METRIC_KEYS = Object.keys(METRICS) as MetricKey[];

export function isMetricKey(key: string): key is MetricKey {
  return Object.prototype.hasOwnProperty.call(METRICS, key);
}

/** The definition of a metric; a RangeError for a key the library does not have. */
export function metricDefinition(key: string): MetricDefinition {
  if (!isMetricKey(key)) throw new RangeError(`'${key}' is not a metric of the library (one of ${METRIC_KEYS.join(', ')})`);
  return METRICS[key];
}

/** The metric's name as a goal uses it: the backlog with its N, a manual metric by its own name. */
export function metricLabel(metric: GoalMetric): string {
  if (metric.key === 'backlog_older_than' && metric.businessDays !== undefined) return `Backlog older than ${metric.businessDays} business days`;
  if (metric.key === 'manual' && metric.manualName) return metric.manualName;
  return metricDefinition(metric.key).label;
}

export type MetricListing = { key: MetricKey; label: string; unit: MetricUnit; higherIsBetter: boolean; description: string; targetRange?: [number, number] };

/** The library as `GET /metrics` lists it; descriptions are the generic ones (no N for the backlog). */
export function listMetrics(): MetricListing[] {
  return METRIC_KEYS.map((key) => {
    const d = METRICS[key];
    const listing: MetricListing = { key, label: d.label, unit: d.unit, higherIsBetter: d.higherIsBetter, description: d.describe({ key }) };
    if (d.targetRange) listing.targetRange = [d.targetRange[0], d.targetRange[1]];
    return listing;
  });
}
