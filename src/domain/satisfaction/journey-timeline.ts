/**
 * A client's journey over time: where it stands (the current stage), the stretches of time each
 * stage covered (bands for the chart), and the satisfaction series drawn over them: the monthly
 * CSAT average and share of positive answers, and the quarterly NPS. Pure: rows in, values out.
 */
import { monthKeyAt } from '../goals/period';
import { JOURNEY_STAGE_LABELS, npsCategory, type JourneyStage } from './satisfaction-types';
import { npsValue } from '../metrics/nps';
import { percent2, ratio2 } from '../metrics/rounding';

/** A stage change as stored: effective on a civil date; `createdAt` orders changes of one day. */
export type StageChangeFact = { stage: JourneyStage; effectiveOn: string; createdAt: Date };

export type StageBand = { stage: JourneyStage; label: string; from: string; to: string | null };

/** Effective date, then the order they were recorded in: the last one of a day wins that day. */
function byEffect<T extends StageChangeFact>(changes: readonly T[]): T[] {
  return [...changes].sort((a, b) => (a.effectiveOn < b.effectiveOn ? -1 : a.effectiveOn > b.effectiveOn ? 1 : a.createdAt.getTime() - b.createdAt.getTime()));
}

/** The stage of the latest effective change (recorded last among those of its day); null without changes. */
export function currentStage(changes: readonly StageChangeFact[]): JourneyStage | null {
  const sorted = byEffect(changes);
  return sorted.length ? sorted[sorted.length - 1]!.stage : null;
}

/**
 * Each change's stage from its date to the next change's date; the last band is open (`to` null).
 * A change superseded on its own day covers no time and makes no band; consecutive changes to
 * the same stage make one band.
 */
export function stageBands(changes: readonly StageChangeFact[]): StageBand[] {
  const sorted = byEffect(changes);
  const bands: StageBand[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const c = sorted[i]!;
    const next = sorted[i + 1];
    if (next && next.effectiveOn === c.effectiveOn) continue;
    const last = bands[bands.length - 1];
    if (last && last.stage === c.stage) {
      last.to = next ? next.effectiveOn : null;
      continue;
    }
    bands.push({ stage: c.stage, label: JOURNEY_STAGE_LABELS[c.stage], from: c.effectiveOn, to: next ? next.effectiveOn : null });
  }
  return bands;
}

/** An answered CSAT survey: when it was answered and its score on the 1-5 scale. */
export type CsatAnswerFact = { respondedAt: Date; score: number };
export type CsatMonth = { month: string; average: number; positivePercent: number; responses: number };

/**
 * Per month with answers (as the zone's calendar reads the answer's instant), oldest first: the
 * average score (1-5) and the share of positive answers (score 4-5) in percent, 2 decimals.
 * Months without answers are left out: there is nothing to draw.
 */
export function csatByMonth(answers: readonly CsatAnswerFact[], timeZone = 'UTC'): CsatMonth[] {
  const months = new Map<string, { sum: number; positive: number; n: number }>();
  for (const a of answers) {
    const key = monthKeyAt(a.respondedAt, timeZone);
    const m = months.get(key) ?? { sum: 0, positive: 0, n: 0 };
    m.sum += a.score;
    if (a.score >= 4) m.positive++;
    m.n++;
    months.set(key, m);
  }
  return [...months.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    // The goals library's rounding, so the chart and a satisfaction goal never differ by a hundredth.
    .map(([month, m]) => ({ month, average: ratio2(m.sum, m.n), positivePercent: percent2(m.positive, m.n)!, responses: m.n }));
}

/** An answered NPS survey: the quarter of its round and its 0-10 score. */
export type NpsAnswerFact = { quarter: string; score: number };
export type NpsQuarter = { quarter: string; nps: number; responses: number };

/** Per quarter with answers, oldest first: % promoters (9-10) - % detractors (0-6), 2 decimals. */
export function npsByQuarter(answers: readonly NpsAnswerFact[]): NpsQuarter[] {
  const quarters = new Map<string, { promoters: number; detractors: number; n: number }>();
  for (const a of answers) {
    const q = quarters.get(a.quarter) ?? { promoters: 0, detractors: 0, n: 0 };
    const category = npsCategory(a.score);
    if (category === 'promoter') q.promoters++;
    if (category === 'detractor') q.detractors++;
    q.n++;
    quarters.set(a.quarter, q);
  }
  return [...quarters.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([quarter, q]) => ({ quarter, nps: npsValue(q.promoters, q.detractors, q.n)!, responses: q.n }));
}
