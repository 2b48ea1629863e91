/**
 * csat_average (number, higher is better). Counts the CSAT answers given in the period (a
 * survey answered twice counts once, by its latest answer). Value: the mean score on the 1-5
 * scale (three-point answers: bad 1, okay 3, good 5), 2 decimals; null without answers.
 */
import type { CsatFact, MetricDefinition, MetricInput, MetricResult, Period } from './metric-types';
import { ratio2 } from './rounding';
import { csatAnsweredIn, csatContribution, ratingWords } from './survey-answers';

/** The figure from the surveys themselves (the satisfaction summary reads it too). */
export function csatAverageOf(csat: readonly CsatFact[], period: Period): MetricResult {
  const answers = csatAnsweredIn(csat, period);
  let sum = 0;
  for (const s of answers) sum += s.score;
  const contributions = answers.map((s) => csatContribution(s, 'counted', `${ratingWords(s)}: score ${s.score}`, s.score));
  return { value: answers.length ? ratio2(sum, answers.length) : null, unit: 'number', sample: answers.length, contributions };
}

export const csatAverage: MetricDefinition = {
  key: 'csat_average',
  label: 'CSAT average score',
  unit: 'number',
  higherIsBetter: true,
  targetRange: [1, 5],
  describe: () =>
    'Average satisfaction score of the survey answers given in the period for resolved tickets, on a scale of 1 to 5 (good / okay / bad answers count 5, 3 and 1).',
  compute: (input: MetricInput) => csatAverageOf(input.surveys.csat, input.period),
};
