/**
 * Stages suggested from a client's data, offered to staff with their reasons and evidence and
 * never applied by themselves. Pure rules over counts the journey service loads:
 *
 * - security tickets in the last 30 days at least double the 30 days before, and at least 5
 *   -> enhanced security measures;
 * - training and how-to tickets rising the same way -> user training;
 * - a problem open longer than the risk setting's days with tickets linked in the last 30 days
 *   -> old intractables;
 * - no breached ticket and a CSAT average of 4.5 or more from 10+ answers in the last 90 days
 *   -> comfortable reliability.
 *
 * A suggestion's key names its rule and evidence window, so a dismissal sticks while the window
 * lasts: the calendar quarter for the rules over counts (a surge still there next quarter is
 * offered again), the problem for old intractables (another problem is new evidence).
 */
import { JOURNEY_STAGES, type JourneyEvidence, type JourneyStage, type JourneySuggestion } from './satisfaction-types';

export type TicketRef = { id: string; number: number; subject: string };

/** How many tickets of one kind in the last 30 days and in the 30 days before, and the latest of the recent ones (evidence). */
export type RisingCount = { recent: number; previous: number; tickets: readonly TicketRef[] };

export type OpenProblemFact = {
  id: string;
  number: number;
  title: string;
  openedAt: Date;
  /** Its linked tickets created in the last 30 days. */
  recentTickets: readonly TicketRef[];
};

export type SuggestionInput = {
  now: Date;
  current: JourneyStage | null;
  security: RisingCount;
  training: RisingCount;
  /** The client's problems not resolved. */
  openProblems: readonly OpenProblemFact[];
  /** The risk setting: a problem open longer than this many days is an old intractable. */
  problemDays: number;
  /** The last 90 days: tickets with a breached clock, and the CSAT answers with their tickets. */
  reliability: { breachedTickets: number; csatAnswers: number; csatAverage: number | null; tickets: readonly TicketRef[] };
  /** Keys staff dismissed for this client. */
  dismissed: ReadonlySet<string>;
};

export const RISING_MIN = 5;
export const RELIABILITY_MIN_ANSWERS = 10;
export const RELIABILITY_MIN_AVERAGE = 4.5;
/** At most this many tickets are named as a suggestion's evidence. */
export const EVIDENCE_LIMIT = 10;

const DAY_MS = 86_400_000;

/** The calendar quarter (UTC) of an instant: '2026-Q4'. */
export function quarterKeyOf(at: Date): string {
  return `${at.getUTCFullYear()}-Q${Math.floor(at.getUTCMonth() / 3) + 1}`;
}

const STAGE_PATTERN = JOURNEY_STAGES.join('|');
const KEY = new RegExp(`^(${STAGE_PATTERN}):(\\d{4}-Q[1-4]|problem-[0-9a-f-]{36})$`);

/** Whether a key has the shape suggestions are given (so a dismissal names something real). */
export const isSuggestionKey = (key: string): boolean => KEY.test(key);

export const ticketReference = (number: number): string => `T-${number}`;
export const problemReference = (number: number): string => `PRB-${number}`;

const ticketEvidence = (tickets: readonly TicketRef[]): JourneyEvidence[] =>
  tickets.slice(0, EVIDENCE_LIMIT).map((t) => ({ kind: 'ticket', id: t.id, label: `${ticketReference(t.number)} ${t.subject}` }));

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function rising(count: RisingCount): boolean {
  return count.recent >= RISING_MIN && count.recent >= 2 * count.previous;
}

function risingReason(count: RisingCount, what: string): string {
  return `${plural(count.recent, what)} in the last 30 days, up from ${count.previous} in the 30 days before`;
}

/** The suggestions that apply now, minus the current stage and what staff dismissed. */
export function journeySuggestions(input: SuggestionInput): JourneySuggestion[] {
  const quarter = quarterKeyOf(input.now);
  const out: JourneySuggestion[] = [];
  const offer = (s: JourneySuggestion) => {
    if (s.stage !== input.current && !input.dismissed.has(s.key)) out.push(s);
  };

  if (rising(input.security)) {
    offer({ key: `enhanced_security_measures:${quarter}`, stage: 'enhanced_security_measures', reason: risingReason(input.security, 'security ticket'), evidence: ticketEvidence(input.security.tickets) });
  }
  if (rising(input.training)) {
    offer({ key: `user_training:${quarter}`, stage: 'user_training', reason: risingReason(input.training, 'training or how-to ticket'), evidence: ticketEvidence(input.training.tickets) });
  }

  // The longest-standing problem that is not dismissed: one suggestion is enough to act on.
  const old = [...input.openProblems]
    .filter((p) => p.recentTickets.length > 0 && input.now.getTime() - p.openedAt.getTime() > input.problemDays * DAY_MS)
    .sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime())
    .find((p) => !input.dismissed.has(`old_intractables:problem-${p.id}`));
  if (old) {
    const days = Math.floor((input.now.getTime() - old.openedAt.getTime()) / DAY_MS);
    offer({
      key: `old_intractables:problem-${old.id}`,
      stage: 'old_intractables',
      reason: `Problem ${problemReference(old.number)} "${old.title}" has been open ${plural(days, 'day')} and ${plural(old.recentTickets.length, 'ticket was', 'tickets were')} linked to it in the last 30 days`,
      evidence: [{ kind: 'problem', id: old.id, label: `${problemReference(old.number)} ${old.title}` }, ...ticketEvidence(old.recentTickets)],
    });
  }

  const r = input.reliability;
  if (r.breachedTickets === 0 && r.csatAnswers >= RELIABILITY_MIN_ANSWERS && r.csatAverage !== null && r.csatAverage >= RELIABILITY_MIN_AVERAGE) {
    offer({
      key: `comfortable_reliability:${quarter}`,
      stage: 'comfortable_reliability',
      reason: `No breached targets and an average satisfaction of ${r.csatAverage.toFixed(2)} out of 5 from ${r.csatAnswers} answers in the last 90 days`,
      evidence: ticketEvidence(r.tickets),
    });
  }
  return out;
}
