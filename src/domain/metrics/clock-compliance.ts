/**
 * Compliance of one clock kind (first response or resolution), shared by the two compliance
 * metrics. A clock counts once, in the period it is decided in: met when completed by its due
 * instant (decided then), breached at its due instant otherwise (decided then, whether it was
 * completed later in the period, in a later one, or not yet). So a late answer never counts twice.
 * Value: met / counted x 100. Tickets without clocks (no contract) do not count; excluded tickets
 * (client breached a responsibility) are listed as `excluded` and left out of the figure.
 */
import type { ClockKind, ClockState } from '../sla';
import type { Contribution, MetricInput, MetricResult } from './metric-types';
import { contribution } from './contribution';
import { percent2 } from './rounding';
import { durationWords, localMinute } from './words';

const VERB: Record<ClockKind, { done: string; none: string }> = {
  first_response: { done: 'responded', none: 'no first response' },
  resolution: { done: 'resolved', none: 'not resolved' },
};

/** Whether the clock is decided in [from, to), and how: met when completed, or breached at its due instant. */
function decision(clock: ClockState, from: number, to: number): 'completed' | 'open_past_due' | null {
  const completed = clock.completedAt === null ? null : clock.completedAt.getTime();
  const due = clock.dueAt.getTime();
  const decidedAt = completed !== null && completed <= due ? completed : due;
  if (decidedAt < from || decidedAt >= to) return null;
  return completed !== null && completed < to ? 'completed' : 'open_past_due';
}

export function clockCompliance(kind: ClockKind, input: MetricInput): MetricResult {
  const from = input.period.from.getTime();
  const to = input.period.to.getTime();
  const verb = VERB[kind];
  const contributions: Contribution[] = [];
  let met = 0;
  let counted = 0;
  for (const ticket of input.tickets) {
    if (ticket.clocks === null) continue;
    const clock = ticket.clocks[kind];
    const how = decision(clock, from, to);
    if (how === null) continue;
    const reason = input.excluded.get(ticket.id);
    if (reason !== undefined) {
      contributions.push(contribution(ticket, 'excluded', reason));
      continue;
    }
    counted += 1;
    const isMet = how === 'completed' && clock.completedAt!.getTime() <= clock.dueAt.getTime();
    if (isMet) met += 1;
    contributions.push(contribution(ticket, isMet ? 'met' : 'breached', noteFor(clock, how, isMet, verb, input)));
  }
  return { value: percent2(met, counted), unit: 'percent', sample: counted, contributions };
}

function noteFor(clock: ClockState, how: 'completed' | 'open_past_due', isMet: boolean, verb: { done: string; none: string }, input: MetricInput): string {
  const target = durationWords(clock.targetSeconds);
  if (how === 'open_past_due') return `${verb.none} by the period's end; due ${localMinute(input.calendar, clock.dueAt)}`;
  if (isMet) return `${verb.done} after ${durationWords(clock.elapsedSeconds)} of business time (target ${target})`;
  return `${verb.done} ${durationWords(clock.overdueSeconds)} late in business time (target ${target})`;
}
