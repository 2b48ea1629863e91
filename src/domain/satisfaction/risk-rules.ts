/**
 * At-risk signals: pure rules over what the service loads for one client (its CSAT and NPS
 * answers, current journey stage, open problems and recent scorecards), with the tenant's risk
 * settings and `now` passed in. Each rule gives at most one reason, in plain words for the
 * account manager; the score adds them up (a bad-rating streak and goals missed twice weigh two)
 * and `compareRisk` orders clients for the at-risk list.
 */
import { csatAverageOf } from '../metrics/csat-average';
import type { CsatFact, Period } from '../metrics/metric-types';
import { npsValue } from '../metrics/nps';
import { JOURNEY_STAGE_LABELS, isNegativeScore, npsCategory, type JourneyStage, type ProblemStatus, type RiskReason, type RiskSettings } from './satisfaction-types';

const DAY_MS = 86_400_000;

/** A CSAT answer of the client (only answered surveys matter here). */
export type RiskCsatAnswer = { ticketId: string; ticketNumber: number; score: number; respondedAt: Date };
/** An NPS answer of the client with the quarter of its round ('2026-Q3'). */
export type RiskNpsAnswer = { quarter: string; score: number };
export type RiskProblem = { id: string; number: number; title: string; status: ProblemStatus; openedAt: Date };
/** A goal's outcome in the latest revision of one of its periods (a month, or a quarter for quarterly goals). */
export type RiskGoalOutcome = { contractId: string; contractName: string; goalId: string; objective: string; periodKey: string; outcome: 'met' | 'missed' | 'not_evaluable' };

export type RiskInput = {
  now: Date;
  settings: RiskSettings;
  csat: readonly RiskCsatAnswer[];
  nps: readonly RiskNpsAnswer[];
  stage: JourneyStage | null;
  problems: readonly RiskProblem[];
  goals: readonly RiskGoalOutcome[];
};

/** Answers needed in each window (or quarter) before a comparison means anything. */
export const MIN_ANSWERS = 3;
/** NPS points lost from one quarter to the next that flag a client. */
export const NPS_DROP = 20;

const hundredths = (n: number) => Math.round(n * 100);
const fmt = (n: number) => String(Math.round(n * 100) / 100);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The average score of the answers in [from, to) with its count, by the CSAT metric itself. */
function windowAverage(answers: readonly RiskCsatAnswer[], from: Date, to: Date): { average: number | null; count: number } {
  const facts: CsatFact[] = answers.map((a) => ({
    surveyId: a.ticketId,
    ticketId: a.ticketId,
    ticketNumber: a.ticketNumber,
    ticketSubject: '',
    priority: '',
    category: null,
    siteId: null,
    technicianId: null,
    planName: null,
    scale: 'five' as const,
    rating: a.score,
    score: a.score,
    sentAt: a.respondedAt,
    respondedAt: a.respondedAt,
  }));
  const period: Period = { key: 'window', from, to };
  const r = csatAverageOf(facts, period);
  return { average: r.value, count: r.sample };
}

/** satisfaction_trend: the last `windowDays` at least `csatDrop` below the window before (3+ answers in each). */
export function satisfactionTrend(input: RiskInput): RiskReason | null {
  const w = input.settings.windowDays * DAY_MS;
  const now = input.now.getTime();
  const current = windowAverage(input.csat, new Date(now - w), input.now);
  const previous = windowAverage(input.csat, new Date(now - 2 * w), new Date(now - w));
  if (current.average === null || previous.average === null || current.count < MIN_ANSWERS || previous.count < MIN_ANSWERS) return null;
  // In hundredths: both averages are rounded to 2 decimals, the setting has at most 2.
  if (hundredths(previous.average) - hundredths(current.average) < hundredths(input.settings.csatDrop)) return null;
  const days = input.settings.windowDays;
  return {
    rule: 'satisfaction_trend',
    text: `Satisfaction is falling: the average rating of the last ${days} days is ${fmt(current.average)} out of 5 (${plural(current.count, 'answer')}), down from ${fmt(previous.average)} in the ${days} days before (${plural(previous.count, 'answer')}).`,
    previous: previous.average,
    current: current.average,
  };
}

/** '2026-Q1' -> '2025-Q4'. */
export function previousQuarter(key: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (!m) throw new RangeError(`'${key}' is not a quarter (YYYY-Qn)`);
  const year = Number(m[1]);
  const q = Number(m[2]);
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

function quarterNps(answers: readonly RiskNpsAnswer[], quarter: string): { nps: number | null; count: number } {
  let promoters = 0;
  let detractors = 0;
  let count = 0;
  for (const a of answers) {
    if (a.quarter !== quarter) continue;
    count += 1;
    const c = npsCategory(a.score);
    if (c === 'promoter') promoters += 1;
    else if (c === 'detractor') detractors += 1;
  }
  return { nps: npsValue(promoters, detractors, count), count };
}

/** nps_drop: the latest quarter with 3+ answers at least 20 points below the quarter before it (3+ answers). */
export function npsDrop(input: RiskInput): RiskReason | null {
  const counts = new Map<string, number>();
  for (const a of input.nps) counts.set(a.quarter, (counts.get(a.quarter) ?? 0) + 1);
  // A round just sent has few answers yet: the latest quarter that has enough is the one compared.
  const latest = [...counts].filter(([, n]) => n >= MIN_ANSWERS).map(([q]) => q).sort().at(-1);
  if (!latest) return null;
  const before = previousQuarter(latest);
  const current = quarterNps(input.nps, latest);
  const previous = quarterNps(input.nps, before);
  if (current.nps === null || previous.nps === null || previous.count < MIN_ANSWERS) return null;
  if (hundredths(previous.nps) - hundredths(current.nps) < NPS_DROP * 100) return null;
  return {
    rule: 'nps_drop',
    text: `NPS dropped from ${fmt(previous.nps)} in ${before} to ${fmt(current.nps)} in ${latest} (${plural(current.count, 'answer')}).`,
    previous: previous.nps,
    current: current.nps,
  };
}

/** bad_rating_streak: the client's latest `badStreak` answers are all negative (score 1-2). */
export function badRatingStreak(input: RiskInput): RiskReason | null {
  const n = input.settings.badStreak;
  const latest = [...input.csat].sort((a, b) => b.respondedAt.getTime() - a.respondedAt.getTime() || b.ticketNumber - a.ticketNumber).slice(0, n);
  if (latest.length < n || !latest.every((a) => isNegativeScore(a.score))) return null;
  return {
    rule: 'bad_rating_streak',
    text: `The last ${n} satisfaction ratings were all negative (tickets ${latest.map((a) => `T-${a.ticketNumber}`).join(', ')}).`,
    count: n,
    ticketIds: latest.map((a) => a.ticketId),
  };
}

/** intractable_problem: in 'old intractables' with a problem not resolved, open more than `problemDays` (the oldest is named). */
export function intractableProblem(input: RiskInput): RiskReason | null {
  if (input.stage !== 'old_intractables') return null;
  const now = input.now.getTime();
  const old = input.problems
    .filter((p) => p.status !== 'resolved')
    .map((p) => ({ p, openDays: Math.floor((now - p.openedAt.getTime()) / DAY_MS) }))
    .filter((x) => x.openDays > input.settings.problemDays)
    .sort((a, b) => b.openDays - a.openDays || a.p.number - b.p.number);
  const oldest = old[0];
  if (!oldest) return null;
  const more = old.length > 1 ? ` (and ${plural(old.length - 1, 'other problem')} open that long)` : '';
  return {
    rule: 'intractable_problem',
    text: `Problem PRB-${oldest.p.number} "${oldest.p.title}" has been open for ${oldest.openDays} days while the client is in "${JOURNEY_STAGE_LABELS.old_intractables}"${more}.`,
    problemId: oldest.p.id,
    openDays: oldest.openDays,
  };
}

/** The last month of a period key, so months and quarters compare: '2026-Q3' -> '2026-09'. */
function periodEnd(key: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(key);
  return q ? `${q[1]}-${String(Number(q[2]) * 3).padStart(2, '0')}` : key;
}

/**
 * goals_missed_twice: a goal missed in both of its two latest evaluated periods (each the latest
 * revision), on any contract of the client. Quarterly goals compare quarters, monthly ones months.
 */
export function goalsMissedTwice(input: RiskInput): RiskReason | null {
  const byGoal = new Map<string, RiskGoalOutcome[]>();
  for (const g of input.goals) {
    const key = `${g.contractId}|${g.goalId}`;
    let list = byGoal.get(key);
    if (!list) byGoal.set(key, (list = []));
    list.push(g);
  }
  const missed: Array<{ latest: RiskGoalOutcome; before: RiskGoalOutcome }> = [];
  for (const list of byGoal.values()) {
    // One outcome per period (the caller passes latest revisions; a quarter repeats in no month).
    const periods = new Map<string, RiskGoalOutcome>();
    for (const g of list) periods.set(g.periodKey, g);
    const [latest, before] = [...periods.values()].sort((a, b) => (a.periodKey < b.periodKey ? 1 : a.periodKey > b.periodKey ? -1 : 0));
    if (latest?.outcome === 'missed' && before?.outcome === 'missed') missed.push({ latest, before });
  }
  if (!missed.length) return null;
  missed.sort((a, b) => {
    const ea = periodEnd(a.latest.periodKey);
    const eb = periodEnd(b.latest.periodKey);
    return ea < eb ? 1 : ea > eb ? -1 : a.latest.objective.localeCompare(b.latest.objective);
  });
  const { latest, before } = missed[0]!;
  const more = missed.length > 1 ? ` (and ${plural(missed.length - 1, 'other goal')} missed twice)` : '';
  return {
    rule: 'goals_missed_twice',
    text: `Goal "${latest.objective}" of ${latest.contractName} was missed in ${before.periodKey} and again in ${latest.periodKey}${more}.`,
    goalId: latest.goalId,
    periods: [before.periodKey, latest.periodKey],
  };
}

/** Every rule, in a fixed order (the order reasons are listed in). */
export function riskReasons(input: RiskInput): RiskReason[] {
  return [badRatingStreak(input), goalsMissedTwice(input), satisfactionTrend(input), npsDrop(input), intractableProblem(input)].filter((r): r is RiskReason => r !== null);
}

const WEIGHT: Record<RiskReason['rule'], number> = { satisfaction_trend: 1, nps_drop: 1, bad_rating_streak: 2, intractable_problem: 1, goals_missed_twice: 2 };

/** One point per reason; a bad-rating streak and goals missed twice weigh two. */
export function riskScore(reasons: readonly RiskReason[]): number {
  return reasons.reduce((sum, r) => sum + WEIGHT[r.rule], 0);
}

export type RiskRanked = { clientName: string; clientId: string; score: number; reasons: readonly RiskReason[] };

/** Highest score first; then more reasons; then by client name (and id), so the list is stable. */
export function compareRisk(a: RiskRanked, b: RiskRanked): number {
  return b.score - a.score || b.reasons.length - a.reasons.length || a.clientName.localeCompare(b.clientName) || (a.clientId < b.clientId ? -1 : a.clientId > b.clientId ? 1 : 0);
}
