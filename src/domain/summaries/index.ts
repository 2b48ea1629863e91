export { AGED_DAYS, buildSummary, goalSummaryOf, NO_CHANGES_NOTE, TOP_ITEMS } from './build-summary';
export { boundsOfKeys, isPeriodKey, monthsOfPeriod, npsQuarterOf, periodKind, periodLabel, previousPeriodKey, previousQuarterKey, trendKeys, type PeriodKind } from './summary-period';
export {
  CATEGORY_LABELS,
  type CountRow,
  type Figure,
  type GoalSummary,
  type JourneyChangeFact,
  type ProblemFact,
  type ProblemSummary,
  type ScorecardFact,
  type ServiceLevelPoint,
  type SummaryDocument,
  type SummaryInput,
  type SummaryTicket,
} from './summary-types';
