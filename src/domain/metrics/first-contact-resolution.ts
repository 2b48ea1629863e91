/**
 * first_contact_resolution (percent, higher is better). Counts the tickets first resolved in the
 * period. One is resolved at first contact when at most one public staff reply or logged call
 * came before its first resolution (one recorded at the same instant is part of it) and it was
 * not reopened by the period's end. Value: first-contact / counted x 100.
 */
import type { Contribution, MetricDefinition, MetricInput, MetricResult } from './metric-types';
import { contribution } from './contribution';
import { percent2 } from './rounding';
import { firstResolvedAt, inPeriod, reopenedBetween } from './ticket-history';
import { countWords, localMinute } from './words';

const REPLIES_WORDS: string[] = [];
function repliesWords(n: number): string {
  return (REPLIES_WORDS[n] ??= `${countWords(n, 'public staff reply or call', 'public staff replies or calls')} before resolution`);
}

function compute(input: MetricInput): MetricResult {
  const contributions: Contribution[] = [];
  let firstContact = 0;
  for (const ticket of input.tickets) {
    const resolvedAt = firstResolvedAt(ticket);
    if (resolvedAt === null || !inPeriod(resolvedAt, input.period)) continue;
    let replies = 0;
    for (const e of ticket.events) {
      if (e.at.getTime() > resolvedAt.getTime()) break;
      if (e.type === 'staff_public_reply') replies += 1;
    }
    const reopenedAt = reopenedBetween(ticket, resolvedAt, input.period.to);
    if (replies <= 1 && reopenedAt === null) {
      firstContact += 1;
      contributions.push(contribution(ticket, 'met', repliesWords(replies), 1));
    } else {
      contributions.push(contribution(ticket, 'counted', reopenedAt !== null ? `reopened ${localMinute(input.calendar, reopenedAt)}` : repliesWords(replies), 0));
    }
  }
  return { value: percent2(firstContact, contributions.length), unit: 'percent', sample: contributions.length, contributions };
}

export const firstContactResolution: MetricDefinition = {
  key: 'first_contact_resolution',
  label: 'First-contact resolution',
  unit: 'percent',
  higherIsBetter: true,
  describe: () =>
    "Share of the tickets first resolved in the period that were resolved with at most one public staff reply or call before the resolution, and not reopened by the period's end.",
  compute,
};
