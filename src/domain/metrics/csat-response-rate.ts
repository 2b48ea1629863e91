/**
 * csat_response_rate (percent, higher is better). Counts the CSAT surveys sent in the period; one
 * counts as answered when it was answered by the period's end (so the figure does not change
 * when the scorecard is evaluated again later). Value: answered / sent x 100.
 */
import type { Contribution, CsatFact, MetricDefinition, MetricInput, MetricResult, Period } from './metric-types';
import { percent2 } from './rounding';
import { csatContribution, ratingWords } from './survey-answers';
import { inPeriod } from './ticket-history';

export function csatResponseRateOf(csat: readonly CsatFact[], period: Period): MetricResult {
  const contributions: Contribution[] = [];
  let answered = 0;
  const end = period.to.getTime();
  for (const s of csat) {
    if (!inPeriod(s.sentAt, period)) continue;
    const isAnswered = s.respondedAt !== null && s.respondedAt.getTime() < end;
    if (isAnswered) answered += 1;
    contributions.push(csatContribution(s, isAnswered ? 'met' : 'counted', isAnswered ? ratingWords(s) : "not answered by the period's end", isAnswered ? 1 : 0));
  }
  return { value: percent2(answered, contributions.length), unit: 'percent', sample: contributions.length, contributions };
}

export const csatResponseRate: MetricDefinition = {
  key: 'csat_response_rate',
  label: 'CSAT response rate',
  unit: 'percent',
  higherIsBetter: true,
  describe: () => "Share of the satisfaction surveys sent in the period (one per resolved ticket) that were answered by the period's end.",
  compute: (input: MetricInput) => csatResponseRateOf(input.surveys.csat, input.period),
};
