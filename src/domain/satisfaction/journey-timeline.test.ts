import { describe, expect, it } from 'vitest';
import { csatByMonth, currentStage, npsByQuarter, stageBands, type StageChangeFact } from './journey-timeline';

const change = (stage: StageChangeFact['stage'], effectiveOn: string, createdAt = '2026-01-01T00:00:00Z'): StageChangeFact => ({ stage, effectiveOn, createdAt: new Date(createdAt) });

describe('current stage', () => {
  it('is null without changes', () => {
    expect(currentStage([])).toBeNull();
  });

  it('is the latest effective change, whatever order they were recorded in', () => {
    // A change back-dated today does not displace a later effective one recorded earlier.
    expect(currentStage([change('easy_wins', '2026-05-01', '2026-05-01T09:00:00Z'), change('onboarding_pain_points', '2026-01-10', '2026-06-01T09:00:00Z')])).toBe('easy_wins');
  });

  it('takes the one recorded last among changes effective the same day', () => {
    expect(currentStage([change('user_training', '2026-03-01', '2026-03-01T10:00:00Z'), change('new_processes', '2026-03-01', '2026-03-01T09:00:00Z')])).toBe('user_training');
  });
});

describe('stage bands', () => {
  it('runs each stage from its date to the next change, the last one open', () => {
    expect(stageBands([change('new_processes', '2026-04-15'), change('onboarding_pain_points', '2026-01-01'), change('easy_wins', '2026-02-10')])).toEqual([
      { stage: 'onboarding_pain_points', label: 'Onboarding pain points', from: '2026-01-01', to: '2026-02-10' },
      { stage: 'easy_wins', label: 'Easy wins', from: '2026-02-10', to: '2026-04-15' },
      { stage: 'new_processes', label: 'New processes', from: '2026-04-15', to: null },
    ]);
  });

  it('drops a change superseded the same day and merges repeated stages', () => {
    const bands = stageBands([
      change('onboarding_pain_points', '2026-01-01', '2026-01-01T08:00:00Z'),
      change('easy_wins', '2026-01-01', '2026-01-01T09:00:00Z'),
      change('easy_wins', '2026-02-01'),
      change('old_intractables', '2026-03-01'),
    ]);
    expect(bands).toEqual([
      { stage: 'easy_wins', label: 'Easy wins', from: '2026-01-01', to: '2026-03-01' },
      { stage: 'old_intractables', label: 'Old intractables', from: '2026-03-01', to: null },
    ]);
  });

  it('is empty without changes', () => {
    expect(stageBands([])).toEqual([]);
  });
});

describe('CSAT by month', () => {
  it('averages the 1-5 scores and counts positive answers (4-5) per month, oldest first', () => {
    const at = (iso: string, score: number) => ({ respondedAt: new Date(iso), score });
    expect(csatByMonth([at('2026-11-03T10:00:00Z', 5), at('2026-10-31T23:00:00Z', 1), at('2026-11-20T10:00:00Z', 3), at('2026-11-21T10:00:00Z', 4), at('2026-10-02T10:00:00Z', 3)])).toEqual([
      { month: '2026-10', average: 2, positivePercent: 0, responses: 2 },
      { month: '2026-11', average: 4, positivePercent: 66.67, responses: 3 },
    ]);
  });

  it("puts an answer in the month the zone's calendar shows", () => {
    // 23:30 UTC on 31 October is already 1 November in Berlin.
    const answers = [{ respondedAt: new Date('2026-10-31T23:30:00Z'), score: 5 }];
    expect(csatByMonth(answers, 'UTC')[0]!.month).toBe('2026-10');
    expect(csatByMonth(answers, 'Europe/Berlin')[0]!.month).toBe('2026-11');
  });

  it('rounds to 2 decimals and is empty without answers', () => {
    const scores = [5, 4, 4].map((score, i) => ({ respondedAt: new Date(Date.UTC(2026, 0, i + 1)), score }));
    expect(csatByMonth(scores)).toEqual([{ month: '2026-01', average: 4.33, positivePercent: 100, responses: 3 }]);
    expect(csatByMonth([])).toEqual([]);
  });
});

describe('NPS by quarter', () => {
  it('is % promoters (9-10) minus % detractors (0-6); passives (7-8) only count as answers', () => {
    const q = (quarter: string, ...scores: number[]) => scores.map((score) => ({ quarter, score }));
    expect(npsByQuarter([...q('2026-Q4', 10, 9, 8, 7, 6, 0), ...q('2026-Q3', 9, 9, 9), ...q('2026-Q2', 0, 6, 7)])).toEqual([
      { quarter: '2026-Q2', nps: -66.67, responses: 3 },
      { quarter: '2026-Q3', nps: 100, responses: 3 },
      { quarter: '2026-Q4', nps: 0, responses: 6 },
    ]);
  });

  it('is empty without answers', () => {
    expect(npsByQuarter([])).toEqual([]);
  });
});
