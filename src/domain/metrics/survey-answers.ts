/**
 * What the satisfaction metrics share: which survey answers fall in a period, an answer in words
 * for the drill-down, and a CSAT survey's part in a figure (by its ticket, so the scorecard's
 * drill-down lists the tickets behind a satisfaction figure like any other).
 */
import { isPositiveScore } from '../satisfaction/satisfaction-types';
import type { Contribution, CsatFact, Period } from './metric-types';
import { inPeriod } from './ticket-history';

/** The CSAT answers given in the period (by their latest answer). */
export function csatAnsweredIn(csat: readonly CsatFact[], period: Period): Array<CsatFact & { score: number; respondedAt: Date }> {
  const out: Array<CsatFact & { score: number; respondedAt: Date }> = [];
  for (const s of csat) if (s.score !== null && s.respondedAt !== null && inPeriod(s.respondedAt, period)) out.push(s as CsatFact & { score: number; respondedAt: Date });
  return out;
}

const THREE_WORDS: Record<number, string> = { 1: 'bad', 2: 'okay', 3: 'good' };

/** "rated good", "rated 4 of 5". */
export function ratingWords(s: Pick<CsatFact, 'scale' | 'rating'>): string {
  if (s.rating === null) return 'not answered';
  return s.scale === 'three' ? `rated ${THREE_WORDS[s.rating] ?? s.rating}` : `rated ${s.rating} of 5`;
}

export function csatContribution(s: CsatFact, outcome: Contribution['outcome'], note: string, value: number): Contribution {
  return { ticketId: s.ticketId, number: s.ticketNumber, subject: s.ticketSubject, outcome, value, note };
}

export const positive = (s: { score: number }): boolean => isPositiveScore(s.score);
