/**
 * An executive summary: a client-facing account of one period (a month or a quarter) built from
 * the same facts and library functions as scorecards and the satisfaction figures. The document
 * is computed when the summary is generated and stored as JSON, so what a client executive was
 * given can be shown again word for word. Pure data.
 */
import type { BusinessCalendar } from '../calendar';
import type { Comparator, CatalogCategory } from '../pact/pact-types';
import type { GoalOutcome } from '../goals/goal-types';
import type { MetricUnit, SurveyFacts, TicketFacts } from '../metrics/metric-types';
import type { JourneyStage, ProblemStatus } from '../satisfaction/satisfaction-types';

/** A figure with what it rests on; value null when there was nothing to measure. */
export type Figure = { value: number | null; sample: number };

export type ServiceLevelPoint = {
  periodKey: string;
  label: string;
  firstResponseCompliance: Figure;
  resolutionCompliance: Figure;
  /** Business minutes. */
  meanTimeToRespond: Figure;
  medianTimeToRespond: Figure;
  meanTimeToResolve: Figure;
  medianTimeToResolve: Figure;
  opened: number;
  resolved: number;
  csatAverage: Figure;
};

export type CountRow = { key: string; label: string; count: number };

export type ProblemSummary = {
  id: string;
  number: number;
  title: string;
  status: ProblemStatus;
  plan: string;
  workaround: string;
  openedAt: string;
  resolvedAt: string | null;
  linkedTickets: number;
  nextMilestone: { title: string; dueOn: string | null } | null;
};

export type GoalSummary = {
  contractName: string;
  /** The goal's own period: the month, or the quarter for a quarterly goal. */
  periodKey: string;
  objective: string;
  metricLabel: string;
  unit: MetricUnit;
  value: number | null;
  comparator: Comparator;
  target: number;
  outcome: GoalOutcome;
  reason: string;
  amountMinor: number;
};

export type SummaryDocument = {
  kind: 'executive_summary';
  version: 1;
  clientId: string;
  clientName: string;
  organisation: string;
  periodKey: string;
  periodLabel: string;
  periodFrom: string;
  periodTo: string;
  timeZone: string;
  contract: { id: string; name: string; planName: string | null } | null;
  generatedAt: string;
  headline: {
    opened: number;
    resolved: number;
    firstResponseCompliance: Figure;
    resolutionCompliance: Figure;
    csatAverage: Figure;
    nps: Figure;
    goalsMet: number;
    goalsEvaluated: number;
    netAmountMinor: number;
    currency: string | null;
  };
  /** The period and the three before it, oldest first: the last point is the period itself. */
  serviceLevels: ServiceLevelPoint[];
  volumes: {
    opened: number;
    resolved: number;
    byCategory: CountRow[];
    byPriority: CountRow[];
    bySite: CountRow[];
    /** Tickets open at the period's end, and those of them older than `agedDays` business days. */
    backlogAtEnd: number;
    backlogAged: number;
    agedDays: number;
  };
  topIssues: { catalogItems: CountRow[]; problems: ProblemSummary[] };
  satisfaction: {
    csatAverage: Figure;
    csatPositive: Figure;
    csatResponseRate: Figure;
    npsQuarter: string;
    nps: Figure & { promoters: number; passives: number; detractors: number };
    journey: {
      current: { stage: JourneyStage; label: string; since: string } | null;
      changes: Array<{ stage: JourneyStage; label: string; effectiveOn: string; note: string }>;
    };
  };
  goals: {
    /** The scorecards read: each month's latest revision, per contract. */
    scorecards: Array<{ contractName: string; periodKey: string; revision: number; status: 'draft' | 'final' }>;
    /** Months of the period without a scorecard yet. */
    missingMonths: string[];
    items: GoalSummary[];
    creditsMinor: number;
    incentivesMinor: number;
    netMinor: number;
    currency: string | null;
  };
  afterHours: { hours: number; billableHours: number; nonBillableHours: number; entries: number };
  changes: { recorded: false; note: string };
  /** What the reader should know about how figures were reached. */
  notes: string[];
};

// ---------- input: the facts the service loads ----------

export type SummaryTicket = TicketFacts & { catalogItemId: string | null; catalogItemName: string | null };

export type ProblemFact = {
  id: string;
  number: number;
  title: string;
  status: ProblemStatus;
  plan: string;
  workaround: string;
  openedAt: Date;
  resolvedAt: Date | null;
  linkedTickets: number;
  milestones: Array<{ title: string; dueOn: string | null; doneOn: string | null; position: number }>;
};

export type JourneyChangeFact = { stage: JourneyStage; effectiveOn: string; createdAt: Date; note: string };

export type ScorecardFact = {
  contractName: string;
  periodKey: string;
  revision: number;
  status: 'draft' | 'final';
  currency: string | null;
  goals: Array<Omit<GoalSummary, 'contractName'>>;
};

export type SummaryInput = {
  client: { id: string; name: string };
  organisation: string;
  contract: { id: string; name: string; planName: string | null } | null;
  periodKey: string;
  timeZone: string;
  /** The contract calendar (backlog age). */
  calendar: BusinessCalendar;
  /** The client's tickets that may matter from the first trend period to the period's end, facts as of the period's end. */
  tickets: readonly SummaryTicket[];
  /** CSAT and NPS surveys sent or answered from the first trend period (or the NPS quarter) to the period's end. */
  surveys: SurveyFacts;
  sites: ReadonlyMap<string, string>;
  problems: readonly ProblemFact[];
  journey: readonly JourneyChangeFact[];
  scorecards: readonly ScorecardFact[];
  generatedAt: Date;
};

export const CATEGORY_LABELS: Record<CatalogCategory, string> = {
  hardware: 'Hardware',
  software: 'Software',
  network: 'Network',
  security: 'Security',
  account: 'Accounts and access',
  other: 'Other',
};
