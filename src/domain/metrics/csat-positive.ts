/**
 * csat_positive (percent, higher is better). Counts the CSAT answers given in the period. Value:
 * the answers scoring 4 or 5 on the 1-5 scale (three-point: 'good') / answers x 100.
 */
import type { CsatFact, MetricDefinition, MetricInput, MetricResult, Period } from './metric-types';
import { percent2 } from './rounding';
import { csatAnsweredIn, csatContribution, positive, ratingWords } from './survey-answers';

export function csatPositiveOf(csat: readonly CsatFact[], period: Period): MetricResult {
  const answers = csatAnsweredIn(csat, period);
  let good = 0;
  const contributions = answers.map((s) => {
    const isGood = positive(s);
    if (isGood) good += 1;
    return csatContribution(s, isGood ? 'met' : 'counted', ratingWords(s), isGood ? 1 : 0);
  });
  return { value: percent2(good, answers.length), unit: 'percent', sample: answers.length, contributions };
}

export const csatPositive: MetricDefinition = {
  key: 'csat_positive',
  label: 'CSAT positive answers',
  unit: 'percent',
  higherIsBetter: true,
  describe: () => 'Share of the satisfaction survey answers given in the period that are positive (4 or 5 of 5, or "good").',
  compute: (input: MetricInput) => csatPositiveOf(input.surveys.csat, input.period),
};
