export type { GoalEvaluation, GoalOutcome, ResponsibilityEvaluation, ResponsibilityOutcome, ScorecardDocument, StatementDocument, StatementLine, StatementLineKind } from './goal-types';
export {
  isMonthKey,
  isQuarterEnd,
  isQuarterKey,
  lastDayOfMonth,
  monthBounds,
  monthKey,
  monthKeyAt,
  monthsOf,
  nextMonthKey,
  parseMonthKey,
  parseQuarterKey,
  periodBounds,
  previousMonthKey,
  quarterBounds,
  quarterOfMonth,
  startOfLocalDay,
  type MonthParts,
  type QuarterParts,
} from './period';
export { comparatorSymbol, comparatorWords, COMPARATORS, meets, negatedSymbol, proposedComparator } from './compare';
export { divideHalfUp, formatMajor, formatMinor, formatPercent, minorDigits, percentHundredths, percentOfMinor, scaleMinor } from './money';
export { goalAmount, incentiveAmount, penaltyCredit, ruleAmount, type AmountWithExplanation, type GoalAmountInput, type PenaltyInput } from './credits';
export {
  afterHoursLines,
  buildStatement,
  goalLines,
  latestCount,
  planFeeLines,
  planFeeMinor,
  riderLines,
  statementCurrency,
  termsStretches,
  type ContractSpan,
  type FeeInput,
  type Lines,
  type StatementInput,
  type TermsStretch,
  type UnitCount,
} from './statement';
export { allowanceSeconds, evaluateResponsibility, exclusionsFrom, type Attestation, type ResponsibilityInput } from './responsibilities';
export { evaluateGoal, formatValue, type GoalInput } from './evaluate-goal';
export { evaluateScorecard, type ScorecardInput } from './scorecard';
