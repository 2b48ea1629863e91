/**
 * A contract's scorecard for one month: the terms in force at the month's last instant decide
 * which goals and responsibilities count. Responsibilities are evaluated first (tickets on which
 * the client breached one that says so are left out of compliance and time figures), then the
 * monthly goals over the month and, in a quarter's last month, the quarterly goals over the
 * quarter, then the statement. Pure: the same input gives the same document, `evaluatedAt` aside.
 */
import type { BusinessCalendar } from '../calendar';
import type { ManualValue, Period, SurveyFacts, TicketFacts } from '../metrics/metric-types';
import type { GoalTerms, ResponsibilityTerms, TermsVersion } from '../pact/pact-types';
import { versionAt } from '../pact/terms-at';
import { evaluateGoal } from './evaluate-goal';
import type { GoalEvaluation, ScorecardDocument } from './goal-types';
import { isQuarterEnd, monthBounds, monthsOf, quarterOfMonth } from './period';
import { evaluateResponsibility, exclusionsFrom, type Attestation } from './responsibilities';
import { buildStatement, planFeeMinor, statementCurrency, type ContractSpan, type UnitCount } from './statement';

export type ScorecardInput = {
  contractId: string;
  /** The month, 'YYYY-MM', in the contract calendar's zone. */
  monthKey: string;
  timeZone: string;
  contract: ContractSpan;
  /** The accepted terms versions with the instant each took effect. */
  termsHistory: readonly TermsVersion[];
  /** The contract's calendar (backlog age, waiting time, responsibilities). */
  calendar: BusinessCalendar;
  /** The contract's tickets that may matter for the month (and the quarter in its last month), clocks evaluated at the month's end. */
  tickets: readonly TicketFacts[];
  /** The CSAT and NPS surveys of the contract's client sent or answered in the month (and the quarter in its last month). */
  surveys: SurveyFacts;
  /** Latest manual value per `${goalId}|${periodKey}` (month or quarter key). */
  manualValues: ReadonlyMap<string, ManualValue>;
  /** Latest attestation for the month per responsibility id. */
  attestations: ReadonlyMap<string, Attestation>;
  counts: readonly UnitCount[];
  /** Per goal id: the absolute sum of credits the goal gave in earlier periods. */
  priorCreditsMinor: ReadonlyMap<string, number>;
  evaluatedAt: Date;
};

/** Tickets excluded over a quarter: each month's breaches of the responsibilities that exclude, merged. */
function quarterExclusions(input: ScorecardInput, responsibilities: readonly ResponsibilityTerms[], months: readonly string[], monthExcluded: Map<string, string>): Map<string, string> {
  const excluded = new Map(monthExcluded);
  const excluding = responsibilities.filter((r) => r.excludeFromCompliance && r.measure.kind === 'waiting_on_client');
  for (const key of months) {
    if (key === input.monthKey || excluding.length === 0) continue;
    const period = monthBounds(key, input.timeZone);
    const evaluations = excluding.map((r) => evaluateResponsibility({ responsibility: r, period, calendar: input.calendar, tickets: input.tickets, attestation: null }));
    exclusionsFrom(evaluations, key, excluded);
  }
  return excluded;
}

export function evaluateScorecard(input: ScorecardInput): ScorecardDocument {
  const month = monthBounds(input.monthKey, input.timeZone);
  const version = versionAt(input.termsHistory, new Date(month.to.getTime() - 1));
  const goals: readonly GoalTerms[] = version?.terms.goals ?? [];
  const responsibilityTerms: readonly ResponsibilityTerms[] = version?.terms.responsibilities ?? [];
  const currency = statementCurrency(input.termsHistory, month);

  const responsibilities = responsibilityTerms.map((r) =>
    evaluateResponsibility({ responsibility: r, period: month, calendar: input.calendar, tickets: input.tickets, attestation: input.attestations.get(r.responsibilityId) ?? null }),
  );
  const monthExcluded = exclusionsFrom(responsibilities, input.monthKey);

  const feeCache = new Map<string, number>();
  const monthFee = (key: string): number => {
    let fee = feeCache.get(key);
    if (fee === undefined) {
      const period = key === input.monthKey ? month : monthBounds(key, input.timeZone);
      fee = planFeeMinor({ period, contract: input.contract, termsHistory: input.termsHistory, counts: input.counts, currency });
      feeCache.set(key, fee);
    }
    return fee;
  };

  const evaluate = (goal: GoalTerms, period: Period, excluded: ReadonlyMap<string, string>, months: readonly string[]): GoalEvaluation =>
    evaluateGoal({
      goal,
      period,
      calendar: input.calendar,
      tickets: input.tickets,
      excluded,
      manual: input.manualValues.get(`${goal.goalId}|${period.key}`) ?? null,
      surveys: input.surveys,
      periodFeeMinor: months.reduce((sum, key) => sum + monthFee(key), 0),
      priorCreditsMinor: input.priorCreditsMinor.get(goal.goalId) ?? 0,
      currency,
    });

  const evaluations: GoalEvaluation[] = goals.filter((g) => g.period === 'monthly').map((g) => evaluate(g, month, monthExcluded, [input.monthKey]));
  let excluded = monthExcluded;
  const quarterly = goals.filter((g) => g.period === 'quarterly');
  if (quarterly.length > 0 && isQuarterEnd(input.monthKey)) {
    const quarterKey = quarterOfMonth(input.monthKey);
    const months = monthsOf(quarterKey);
    const quarter: Period = { key: quarterKey, from: monthBounds(months[0], input.timeZone).from, to: month.to };
    excluded = quarterExclusions(input, responsibilityTerms, months, monthExcluded);
    for (const g of quarterly) evaluations.push(evaluate(g, quarter, excluded, months));
  }

  const statement = buildStatement({
    monthKey: input.monthKey,
    timeZone: input.timeZone,
    contract: input.contract,
    termsHistory: input.termsHistory,
    counts: input.counts,
    timeEntries: input.tickets.flatMap((t) => t.timeEntries),
    goals: evaluations,
  });

  const numbers = new Map(input.tickets.map((t) => [t.id, t.number]));
  const excludedList = [...excluded].map(([ticketId, reason]) => ({ ticketId, number: numbers.get(ticketId) ?? 0, reason })).sort((a, b) => a.number - b.number);

  return {
    contractId: input.contractId,
    periodKey: input.monthKey,
    periodFrom: month.from.toISOString(),
    periodTo: month.to.toISOString(),
    timeZone: input.timeZone,
    termsVersion: version?.version ?? 0,
    goals: evaluations,
    responsibilities,
    excluded: excludedList,
    statement,
    evaluatedAt: input.evaluatedAt.toISOString(),
  };
}
