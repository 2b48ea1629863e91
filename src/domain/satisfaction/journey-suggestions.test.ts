import { describe, expect, it } from 'vitest';
import { isSuggestionKey, journeySuggestions, quarterKeyOf, type SuggestionInput, type TicketRef } from './journey-suggestions';

const NOW = new Date('2026-11-20T12:00:00Z');
const tickets = (n: number, prefix = 't'): TicketRef[] => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, number: 100 + i, subject: `Subject ${i}` }));
const DAY = 86_400_000;
const PROBLEM_ID = '6f1c7a54-0a7e-4c3e-9a55-3f1d2b7e9c01';

function input(over: Partial<SuggestionInput> = {}): SuggestionInput {
  return {
    now: NOW,
    current: null,
    security: { recent: 0, previous: 0, tickets: [] },
    training: { recent: 0, previous: 0, tickets: [] },
    openProblems: [],
    problemDays: 60,
    reliability: { breachedTickets: 0, csatAnswers: 0, csatAverage: null, tickets: [] },
    dismissed: new Set(),
    ...over,
  };
}

const rise = (recent: number, previous: number) => ({ recent, previous, tickets: tickets(recent) });
const stages = (i: SuggestionInput) => journeySuggestions(i).map((s) => s.stage);

describe('journey suggestions', () => {
  it('offers nothing on a quiet client', () => {
    expect(journeySuggestions(input())).toEqual([]);
  });

  it('suggests enhanced security measures when security tickets at least double to 5 or more', () => {
    const [s] = journeySuggestions(input({ security: rise(6, 3) }));
    expect(s).toEqual({
      key: 'enhanced_security_measures:2026-Q4',
      stage: 'enhanced_security_measures',
      reason: '6 security tickets in the last 30 days, up from 3 in the 30 days before',
      evidence: tickets(6).map((t) => ({ kind: 'ticket', id: t.id, label: `T-${t.number} ${t.subject}` })),
    });
    // edges: exactly double and exactly 5 fire; 4, or less than double, do not
    expect(stages(input({ security: rise(5, 0) }))).toEqual(['enhanced_security_measures']);
    expect(stages(input({ security: rise(10, 5) }))).toEqual(['enhanced_security_measures']);
    expect(stages(input({ security: rise(4, 0) }))).toEqual([]);
    expect(stages(input({ security: rise(9, 5) }))).toEqual([]);
  });

  it('suggests user training when training and how-to tickets rise the same way, naming at most 10 tickets', () => {
    const [s] = journeySuggestions(input({ training: rise(12, 2) }));
    expect(s).toMatchObject({ key: 'user_training:2026-Q4', stage: 'user_training', reason: '12 training or how-to tickets in the last 30 days, up from 2 in the 30 days before' });
    expect(s!.evidence).toHaveLength(10);
  });

  it('suggests old intractables for the oldest problem open past the setting with tickets linked lately', () => {
    const problem = (id: string, number: number, ageDays: number, recent: number) => ({ id, number, title: `Problem ${number}`, openedAt: new Date(NOW.getTime() - ageDays * DAY), recentTickets: tickets(recent, id) });
    const older = problem(PROBLEM_ID, 3, 94, 2);
    const [s] = journeySuggestions(input({ openProblems: [problem('b0000000-0000-4000-8000-000000000000', 7, 70, 1), older] }));
    expect(s).toEqual({
      key: `old_intractables:problem-${PROBLEM_ID}`,
      stage: 'old_intractables',
      reason: `Problem PRB-3 "Problem 3" has been open 94 days and 2 tickets were linked to it in the last 30 days`,
      evidence: [{ kind: 'problem', id: PROBLEM_ID, label: 'PRB-3 Problem 3' }, ...tickets(2, PROBLEM_ID).map((t) => ({ kind: 'ticket', id: t.id, label: `T-${t.number} ${t.subject}` }))],
    });
    // not yet old enough, or no recent tickets: nothing
    expect(stages(input({ openProblems: [problem(PROBLEM_ID, 3, 60, 2)] }))).toEqual([]);
    expect(stages(input({ openProblems: [problem(PROBLEM_ID, 3, 61, 0)] }))).toEqual([]);
    expect(stages(input({ openProblems: [problem(PROBLEM_ID, 3, 61, 1)] }))).toEqual(['old_intractables']);
  });

  it('offers the next problem when the oldest one was dismissed', () => {
    const a = { id: PROBLEM_ID, number: 1, title: 'A', openedAt: new Date(NOW.getTime() - 200 * DAY), recentTickets: tickets(1) };
    const bId = 'b0000000-0000-4000-8000-000000000000';
    const b = { id: bId, number: 2, title: 'B', openedAt: new Date(NOW.getTime() - 100 * DAY), recentTickets: tickets(1) };
    const [s] = journeySuggestions(input({ openProblems: [a, b], dismissed: new Set([`old_intractables:problem-${PROBLEM_ID}`]) }));
    expect(s!.key).toBe(`old_intractables:problem-${bId}`);
  });

  it('suggests comfortable reliability on no breaches and an average of 4.5+ from 10+ answers', () => {
    const ok = { breachedTickets: 0, csatAnswers: 10, csatAverage: 4.5, tickets: tickets(3) };
    const [s] = journeySuggestions(input({ current: 'successful_initiatives', reliability: ok }));
    expect(s).toMatchObject({ key: 'comfortable_reliability:2026-Q4', stage: 'comfortable_reliability', reason: 'No breached targets and an average satisfaction of 4.50 out of 5 from 10 answers in the last 90 days' });
    expect(s!.evidence).toHaveLength(3);
    expect(stages(input({ reliability: { ...ok, breachedTickets: 1 } }))).toEqual([]);
    expect(stages(input({ reliability: { ...ok, csatAnswers: 9 } }))).toEqual([]);
    expect(stages(input({ reliability: { ...ok, csatAverage: 4.49 } }))).toEqual([]);
  });

  it('never suggests the current stage', () => {
    const busy = input({ security: rise(8, 1), training: rise(8, 1) });
    expect(stages(busy)).toEqual(['enhanced_security_measures', 'user_training']);
    expect(stages({ ...busy, current: 'user_training' })).toEqual(['enhanced_security_measures']);
    expect(stages(input({ current: 'comfortable_reliability', reliability: { breachedTickets: 0, csatAnswers: 20, csatAverage: 5, tickets: [] } }))).toEqual([]);
  });

  it('leaves out a dismissed suggestion for the rest of its quarter, and offers it again the next', () => {
    const busy = input({ security: rise(8, 1), dismissed: new Set(['enhanced_security_measures:2026-Q4']) });
    expect(stages(busy)).toEqual([]);
    expect(stages({ ...busy, now: new Date('2027-01-02T00:00:00Z') })).toEqual(['enhanced_security_measures']);
  });
});

describe('suggestion keys', () => {
  it('are a stage with a quarter or a problem', () => {
    expect(quarterKeyOf(new Date('2026-03-31T23:59:59Z'))).toBe('2026-Q1');
    expect(quarterKeyOf(new Date('2026-04-01T00:00:00Z'))).toBe('2026-Q2');
    expect(isSuggestionKey('user_training:2026-Q4')).toBe(true);
    expect(isSuggestionKey(`old_intractables:problem-${PROBLEM_ID}`)).toBe(true);
    expect(isSuggestionKey('user_training:2026-Q5')).toBe(false);
    expect(isSuggestionKey('rest:2026-Q4')).toBe(false);
    expect(isSuggestionKey('user_training')).toBe(false);
  });
});
