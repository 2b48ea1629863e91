/**
 * The vocabulary of satisfaction and the client journey: survey scales, journey stages (the
 * sequence of document 002), evidence, problem statuses and at-risk reasons. Pure types and
 * constants, shared by the domain rules, the services, the API schemas and the web app.
 */

// ---------- CSAT ----------

/** 'three': good / okay / bad; 'five': 1..5. Chosen per tenant; each survey keeps its own. */
export type CsatScale = 'three' | 'five';

/** The three-point answers as stored in `csat_surveys.rating`. */
export const THREE_POINT = { bad: 1, okay: 2, good: 3 } as const;
export type ThreePointAnswer = keyof typeof THREE_POINT;

/**
 * A rating on its scale mapped to 1..5 so averages compare across scales: three-point bad 1,
 * okay 3, good 5; five-point as given. A rating is positive when its score is 4 or 5.
 */
export function csatScore(scale: CsatScale, rating: number): number {
  if (!Number.isInteger(rating)) throw new RangeError(`rating ${rating} is not a whole number`);
  if (scale === 'five') {
    if (rating < 1 || rating > 5) throw new RangeError(`rating ${rating} is outside the 1-5 scale`);
    return rating;
  }
  if (rating < 1 || rating > 3) throw new RangeError(`rating ${rating} is outside the good/okay/bad scale`);
  return rating * 2 - 1;
}

export const isPositiveScore = (score: number): boolean => score >= 4;
export const isNegativeScore = (score: number): boolean => score <= 2;

// ---------- NPS ----------

/** 0..10; promoters 9-10, passives 7-8, detractors 0-6. NPS = % promoters - % detractors. */
export type NpsCategory = 'promoter' | 'passive' | 'detractor';

export function npsCategory(score: number): NpsCategory {
  if (!Number.isInteger(score) || score < 0 || score > 10) throw new RangeError(`score ${score} is outside 0-10`);
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}

// ---------- survey links ----------

export type SurveyKind = 'csat' | 'nps';

/** What a signed survey link carries: which survey, of which tenant, valid until when. */
export type SurveyTokenPayload = { kind: SurveyKind; tenantId: string; surveyId: string; expiresAt: Date };

// ---------- journey ----------

/** The stages in the order document 002 tells them (its curve: up, down to the low point, up to the plateau). */
export const JOURNEY_STAGES = [
  'onboarding_pain_points',
  'easy_wins',
  'new_processes',
  'enhanced_security_measures',
  'user_training',
  'old_intractables',
  'refresh_or_migration',
  'successful_initiatives',
  'comfortable_reliability',
] as const;
export type JourneyStage = (typeof JOURNEY_STAGES)[number];

export const JOURNEY_STAGE_LABELS: Record<JourneyStage, string> = {
  onboarding_pain_points: 'Onboarding pain points',
  easy_wins: 'Easy wins',
  new_processes: 'New processes',
  enhanced_security_measures: 'Enhanced security measures',
  user_training: 'User training',
  old_intractables: 'Old intractables',
  refresh_or_migration: 'Refresh or migration',
  successful_initiatives: 'Successful initiatives',
  comfortable_reliability: 'Comfortable reliability',
};

/**
 * What backs a stage change. Tickets and problems are rows of the client (checked); changes and
 * projects are named by label and an optional link until those records exist in servicepact.
 */
export type JourneyEvidence =
  | { kind: 'ticket'; id: string; label: string }
  | { kind: 'problem'; id: string; label: string }
  | { kind: 'change' | 'project' | 'link'; label: string; url: string | null };

/** A stage suggested from the data: offered to staff with its reasons, never applied by itself. */
export type JourneySuggestion = {
  /** Stable for the rule and the evidence window, so a dismissal sticks. */
  key: string;
  stage: JourneyStage;
  reason: string;
  evidence: JourneyEvidence[];
};

// ---------- problems ----------

export const PROBLEM_STATUSES = ['open', 'known_error', 'plan_agreed', 'resolved'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

// ---------- at risk ----------

export type RiskSettings = {
  /** Days in each of the two windows compared for a downward satisfaction trend. */
  windowDays: number;
  /** Drop in the CSAT average (points on the 1-5 score) between the windows that flags a client. */
  csatDrop: number;
  /** This many negative ratings in a row (the client's latest responses) flag a client. */
  badStreak: number;
  /** A problem open longer than this while the client is in 'old intractables' flags it. */
  problemDays: number;
};

export type RiskReason =
  | { rule: 'satisfaction_trend'; text: string; previous: number; current: number }
  | { rule: 'nps_drop'; text: string; previous: number; current: number }
  | { rule: 'bad_rating_streak'; text: string; count: number; ticketIds: string[] }
  | { rule: 'intractable_problem'; text: string; problemId: string; openDays: number }
  | { rule: 'goals_missed_twice'; text: string; goalId: string; periods: [string, string] };
