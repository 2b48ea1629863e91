export type { Contribution, ManualValue, MetricDefinition, MetricInput, MetricResult, MetricUnit, Period, TicketFactEvent, TicketFacts, TimeEntryFact } from './metric-types';
export { isMetricKey, listMetrics, METRIC_KEYS, metricDefinition, metricLabel, METRICS, type MetricListing } from './registry';
export { inScope, isWholeContract } from './scope';
export { buildTicketFacts, initialClockTargets, type StoredTicketEvent, type TicketFactsInput } from './ticket-facts';
export { firstResolvedAt, inPeriod, isOpenAt, reopenedBetween, resolvedIn, WAITING_ON_CLIENT, waitingOnClientInPeriod, waitingOnClientIntervals } from './ticket-history';
export { hours2, minutes2, percent2, ratio2 } from './rounding';
export { averageMinutes, type Average } from './clock-duration';
export { manualUnit } from './manual';
export { countWords, durationWords, localMinute } from './words';
