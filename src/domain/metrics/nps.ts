/**
 * nps (number, higher is better). Counts the NPS answers (0..10) given in the period by the
 * client's contacts. Value: % promoters (9-10) - % detractors (0-6), -100..100, 2 decimals
 * (halves away from zero, so the value of the opposite answers is the exact opposite); null
 * without answers. The goal's ticket scope does not apply: NPS asks people, not tickets.
 * Breakdown: promoters, passives, detractors.
 */
import { npsCategory } from '../satisfaction/satisfaction-types';
import type { MetricDefinition, MetricInput, MetricResult, NpsFact, Period } from './metric-types';
import { ratio2 } from './rounding';
import { inPeriod } from './ticket-history';

/** % promoters - % detractors of `answers` answers, 2 decimals; null when there are none. */
export function npsValue(promoters: number, detractors: number, answers: number): number | null {
  if (answers === 0) return null;
  const diff = promoters - detractors;
  if (diff === 0) return 0;
  const magnitude = ratio2(Math.abs(diff) * 100, answers);
  return diff < 0 ? -magnitude : magnitude;
}

export function npsOf(nps: readonly NpsFact[], period: Period): MetricResult {
  const counts = { promoter: 0, passive: 0, detractor: 0 };
  for (const s of nps) {
    if (s.score === null || s.respondedAt === null || !inPeriod(s.respondedAt, period)) continue;
    counts[npsCategory(s.score)] += 1;
  }
  const sample = counts.promoter + counts.passive + counts.detractor;
  return {
    value: npsValue(counts.promoter, counts.detractor, sample),
    unit: 'number',
    sample,
    contributions: [],
    breakdown: { detractors: counts.detractor, passives: counts.passive, promoters: counts.promoter },
  };
}

export const nps: MetricDefinition = {
  key: 'nps',
  label: 'NPS (Net Promoter Score)',
  unit: 'number',
  higherIsBetter: true,
  targetRange: [-100, 100],
  describe: () =>
    "Net Promoter Score of the client's contacts from the quarterly survey answers given in the period: % promoters (9-10) minus % detractors (0-6), from -100 to 100.",
  compute: (input: MetricInput) => npsOf(input.surveys.nps, input.period),
};
