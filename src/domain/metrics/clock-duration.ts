/**
 * Time to respond or resolve, shared by the four mean/median metrics. Counts the clocks
 * completed in the period; each ticket's value is the business time elapsed on its clock
 * (pauses excluded as the plan says: the SLA model's `elapsedSeconds`). Mean, or median (an even
 * count takes the mean of the middle two), in minutes, 2 decimals, computed from whole seconds.
 * Excluded tickets are listed as `excluded` and left out.
 */
import type { ClockKind } from '../sla';
import type { Contribution, MetricInput, MetricResult } from './metric-types';
import { contribution } from './contribution';
import { minutes2, ratio2 } from './rounding';
import { durationWords } from './words';

export type Average = 'mean' | 'median';

const VERB: Record<ClockKind, string> = { first_response: 'responded', resolution: 'resolved' };

export function clockDuration(kind: ClockKind, average: Average, input: MetricInput): MetricResult {
  const from = input.period.from.getTime();
  const to = input.period.to.getTime();
  const contributions: Contribution[] = [];
  const seconds: number[] = [];
  for (const ticket of input.tickets) {
    if (ticket.clocks === null) continue;
    const clock = ticket.clocks[kind];
    const completed = clock.completedAt?.getTime();
    if (completed === undefined || completed < from || completed >= to) continue;
    const reason = input.excluded.get(ticket.id);
    if (reason !== undefined) {
      contributions.push(contribution(ticket, 'excluded', reason));
      continue;
    }
    seconds.push(clock.elapsedSeconds);
    contributions.push(contribution(ticket, 'counted', `${VERB[kind]} after ${durationWords(clock.elapsedSeconds)} of business time`, minutes2(clock.elapsedSeconds)));
  }
  return { value: averageMinutes(seconds, average), unit: 'minutes', sample: seconds.length, contributions };
}

/** Mean or median of whole seconds, as minutes with 2 decimals; null for none. */
export function averageMinutes(seconds: readonly number[], average: Average): number | null {
  const n = seconds.length;
  if (n === 0) return null;
  switch (average) {
    case 'mean': {
      let sum = 0;
      for (const s of seconds) sum += s;
      return ratio2(sum, n * 60);
    }
    case 'median': {
      const sorted = [...seconds].sort((a, b) => a - b);
      const mid = Math.floor(n / 2);
      return n % 2 === 1 ? minutes2(sorted[mid]!) : ratio2(sorted[mid - 1]! + sorted[mid]!, 120);
    }
    default: {
      const unreachable: never = average;
      throw new Error(`unknown average ${String(unreachable)}`);
    }
  }
}
