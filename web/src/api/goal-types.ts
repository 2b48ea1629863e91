// Shapes of the scorecards API (docs/api-goals.md, "Routes"). The documents themselves are the
// domain's types, so the page and the server read one definition.
import type {
  Contribution,
  GoalEvaluation,
  GoalOutcome,
  ResponsibilityEvaluation,
  ResponsibilityOutcome,
  ScorecardDocument,
  StatementDocument,
  StatementLine,
  StatementLineKind,
} from '../../../src/domain/goals/goal-types';
import type { MetricUnit } from '../../../src/domain/metrics/metric-types';
import type { Comparator } from '../../../src/domain/pact/pact-types';

export type {
  Comparator,
  Contribution,
  GoalEvaluation,
  GoalOutcome,
  MetricUnit,
  ResponsibilityEvaluation,
  ResponsibilityOutcome,
  StatementDocument,
  StatementLine,
  StatementLineKind,
};

export type ScorecardStatus = 'draft' | 'final';

/** One month in the list: its latest revision. */
export type ScorecardSummary = {
  periodKey: string;
  revision: number;
  status: ScorecardStatus;
  evaluatedAt: string;
  finalisedAt: string | null;
  goals: { met: number; missed: number; notEvaluable: number };
  creditMinor: number;
  incentiveMinor: number;
  currency: string;
};

export type ScorecardRevisionRef = { revision: number; status: ScorecardStatus; finalisedAt: string | null; reopenReason: string | null };

/** A goal as the scorecard route sends it: the evaluation without the per-ticket contributions. */
export type GoalEvaluationView = Omit<GoalEvaluation, 'contributions'> & { contributions?: Contribution[] };

export type ScorecardDocumentView = Omit<ScorecardDocument, 'goals'> & { goals: GoalEvaluationView[] };

/** Who finalised: a name, or a user reference. */
export type Person = string | { id: string; name: string } | null;

export type Scorecard = {
  id: string;
  contractId?: string;
  periodKey: string;
  revision: number;
  status: ScorecardStatus;
  revisions: ScorecardRevisionRef[];
  document: ScorecardDocumentView;
  finalisedBy: Person;
  finalisedAt: string | null;
  reopenReason?: string | null;
  reopenedBy?: Person;
  version: number;
};

/** A ticket behind a goal's figure, joined to the ticket row. */
export type GoalTicket = {
  ticketId: string;
  number: number;
  reference: string;
  subject: string;
  outcome: Contribution['outcome'];
  value: number | null;
  note: string | null;
  priority: string | null;
  createdAt: string | null;
};

export type GoalDrillDown = Omit<GoalEvaluation, 'contributions'> & { contributions: GoalTicket[] };

/** `periodKey` is the goal's own period (a quarter for quarterly goals); `monthKey` the scorecard's month. */
export type TrendPoint = { periodKey: string; monthKey?: string; value: number | null; outcome: GoalOutcome; status: ScorecardStatus };

export type GoalTrend = { goalId: string; objective: string; unit: MetricUnit; target: number; comparator: Comparator; points: TrendPoint[] };

export type Trend = { goals: GoalTrend[] };

export type ManualValueRecord = {
  id: string;
  goalId: string;
  periodKey: string;
  value: number;
  evidenceNote: string;
  evidenceUrl: string | null;
  hasFile?: boolean;
  evidenceFilename?: string | null;
  enteredBy?: Person;
  enteredAt: string;
};

export type ManualValueInput = {
  goalId: string;
  periodKey: string;
  value: number;
  evidenceNote: string;
  evidenceUrl?: string;
  evidenceFile?: { filename: string; contentType: string; dataBase64: string };
};

export type AttestationRecord = {
  id?: string;
  responsibilityId: string;
  periodKey: string;
  kept: boolean;
  note: string;
  attestedBy?: Person;
  attestedAt?: string;
};

export type AttestationInput = { responsibilityId: string; periodKey: string; kept: boolean; note: string };

/** The statement route: the statement of the latest revision and whether it is final. */
export type Statement = StatementDocument & { status: ScorecardStatus; revision: number | null; contractName?: string; clientName?: string; organisation?: string };

export type ReviewPack = {
  contract: { id: string; name: string; clientId?: string; clientName?: string; status?: string; startsAt?: string; endsAt?: string | null };
  latest: ScorecardSummary | null;
  trend: Trend;
  openResponsibilities: Array<Pick<ResponsibilityEvaluation, 'responsibilityId' | 'description' | 'outcome' | 'reason'> & Partial<ResponsibilityEvaluation>>;
  goalsMissedTwiceRunning: Array<{ goalId: string; objective: string; periods?: string[] }>;
};
